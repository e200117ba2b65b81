"""The infographics' warm-up: every chart a build draws, one task each, for the workers.

Vega-Lite's drawing (SVG) and the PNG made from the finished SVG take vl-convert a few hundred
milliseconds per chart, and both are cached by content hash (`draw`). `tasks` names each chart the
cache lacks — every infographic record's and the landscape overview's, as `outputs` draws them —
and each task makes both drawings through `ChartData.svg` and `draw.draw_png`, the calls the
pages make. None is offered once vl-convert has drawn in this process: its engine's threads are
not in a forked child, and a worker would wait for them forever (the render phase draws instead).
"""

from __future__ import annotations

from functools import partial

from . import draw
from .chartdata import ChartData, record_chart
from .landscape import charts as landscape_charts
from .model import Chart


def charts_drawn(catalog, data: ChartData) -> list[Chart]:
    """The charts a build draws: each infographic record's, then the landscape overview's."""
    records = sorted(catalog.of_kind("infographic"), key=lambda i: i.id)
    return [record_chart(item, catalog, data) for item in records] + landscape_charts(catalog)


def tasks(catalog, data: ChartData) -> list:
    if draw.converter_started():
        return []
    todo = [chart for chart in charts_drawn(catalog, data) if not _drawn(chart, data)]
    return [partial(_draw, chart, data) for chart in todo]


def _drawn(chart: Chart, data: ChartData) -> bool:
    return draw.svg_drawn(chart, data.palette) and draw.png_drawn(data.svg(chart))


def _draw(chart: Chart, data: ChartData) -> None:
    draw.draw_png(data.svg(chart))
