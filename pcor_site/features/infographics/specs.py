"""Vega-Lite specifications (plain dicts) for the chart kinds; vl-convert draws them.

Colours are decided here, not by Vega's default scheme: series take the palette's colours in
order, labels drawn on a coloured mark take the text colour that contrasts most with it, and grid
cells take a light-to-dark ramp with their number written in them. Every mark carries its value
as text, so no figure is told by colour alone (WCAG 1.4.1).
"""

from __future__ import annotations

import textwrap

from .model import Chart
from .palette import LINE, Palette

FONT = "Liberation Sans, Arial, Helvetica, DejaVu Sans, sans-serif"
WIDTH = 520
STEP = 30
LABEL_LIMIT = 240
SMALL_SEGMENT = 0.07  # stacked segments narrower than this share of the longest bar get no label


def config(palette: Palette) -> dict:
    return {
        "font": FONT,
        "background": palette.background,
        "view": {"stroke": None},
        "axis": {
            "labelColor": palette.text, "titleColor": palette.text, "labelFontSize": 12, "titleFontSize": 12,
            "domainColor": LINE, "tickColor": LINE, "gridColor": "#d9d9d9", "labelLimit": LABEL_LIMIT,
        },
        "legend": {"labelColor": palette.text, "titleColor": palette.text, "labelFontSize": 12, "titleFontSize": 12, "orient": "top",
                   "labelLimit": LABEL_LIMIT, "columns": 3},
        "title": {"color": palette.text, "fontSize": 16, "anchor": "start", "subtitleColor": palette.text, "subtitleFontSize": 12},
        "text": {"color": palette.text, "fontSize": 12},
        "header": {"labelColor": palette.text, "titleColor": palette.text},
    }


TITLE_LINE = 58  # characters of the 16 px title that fit the chart's width


def title_lines(title: str) -> list[str]:
    """The chart title wrapped onto lines that fit the chart, so a long title is never cut."""
    return textwrap.wrap(title, TITLE_LINE) or [title]


def _base(chart: Chart, palette: Palette, values: list[dict]) -> dict:
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": {"text": title_lines(chart.title)},
        "config": config(palette),
        "data": {"values": values},
        "width": WIDTH,
    }


def _value_axis(chart: Chart) -> dict:
    axis = {"tickCount": 5}
    if all(f.value_type == "count" for f in chart.figures):
        axis.update(format="d", tickMinStep=1)  # no 0.5 of a record
    return {"field": "value", "type": "quantitative", "title": chart.units or None, "axis": axis}


def _category_axis(chart: Chart) -> dict:
    return {"field": "label", "type": "nominal", "sort": chart.categories, "title": chart.category_label or None}


def bar(chart: Chart, palette: Palette) -> dict:
    colour = palette.series[0]
    values = [{"label": f.label, "value": f.value, "display": f.display} for f in chart.drawn]
    spec = _base(chart, palette, values)
    spec["height"] = {"step": STEP}
    spec["encoding"] = {"y": _category_axis(chart), "x": _value_axis(chart)}
    spec["layer"] = [
        {"mark": {"type": "bar", "color": colour}},
        {"mark": {"type": "text", "align": "left", "dx": 4}, "encoding": {"text": {"field": "display"}}},
    ]
    return spec


def grouped_bar(chart: Chart, palette: Palette) -> dict:
    series = chart.series
    values = [{"label": f.label, "series": f.series, "value": f.value, "display": f"{f.series}: {f.display}"} for f in chart.drawn]
    spec = _base(chart, palette, values)
    spec["height"] = {"step": STEP * len(series)}
    colour = {"field": "series", "type": "nominal", "title": chart.series_label,
              "scale": {"domain": series, "range": list(palette.series[: len(series)])}}
    spec["encoding"] = {"y": _category_axis(chart), "yOffset": {"field": "series", "sort": series}, "x": _value_axis(chart)}
    spec["layer"] = [
        {"mark": {"type": "bar", "stroke": palette.background, "strokeWidth": 1}, "encoding": {"color": colour}},
        {"mark": {"type": "text", "align": "left", "dx": 4}, "encoding": {"text": {"field": "display"}}},
    ]
    return spec


def stacked_bar(chart: Chart, palette: Palette) -> dict:
    series = chart.series
    fills = dict(zip(series, palette.series))
    totals: dict[str, float] = {}
    for f in chart.drawn:
        totals[f.label] = totals.get(f.label, 0) + f.value
    longest = max(totals.values(), default=0) or 1
    values = [
        {"label": f.label, "series": f.series, "value": f.value, "order": series.index(f.series),
         "inside": f.display if f.value / longest >= SMALL_SEGMENT else "", "ink": palette.text_on(fills[f.series])}
        for f in chart.drawn
    ]
    values += [{"label": label, "total": total, "total_text": f"{total:,.0f}" if float(total).is_integer() else f"{total:,.1f}"}
               for label, total in totals.items()]
    spec = _base(chart, palette, values)
    spec["height"] = {"step": STEP}
    colour = {"field": "series", "type": "nominal", "title": chart.series_label,
              "scale": {"domain": series, "range": list(palette.series[: len(series)])}}
    stacked = {**_value_axis(chart), "stack": "zero"}
    spec["encoding"] = {"y": _category_axis(chart)}
    spec["layer"] = [
        {"transform": [{"filter": "isValid(datum.value)"}],
         "mark": {"type": "bar", "stroke": palette.background, "strokeWidth": 1.5},
         "encoding": {"x": stacked, "color": colour, "order": {"field": "order"}}},
        {"transform": [{"filter": "isValid(datum.value)"}],
         "mark": {"type": "text", "align": "right", "dx": -4},
         "encoding": {"x": stacked, "order": {"field": "order"}, "text": {"field": "inside"}, "color": {"field": "ink", "type": "nominal", "scale": None}}},
        {"transform": [{"filter": "isValid(datum.total)"}],
         "mark": {"type": "text", "align": "left", "dx": 4, "fontWeight": "bold"},
         "encoding": {"x": {"field": "total", "type": "quantitative"}, "text": {"field": "total_text"}}},
    ]
    return spec


def grid(chart: Chart, palette: Palette, steps: int = 5) -> dict:
    ramp = palette.ramp(steps)
    drawn = chart.drawn
    top = max((f.value for f in drawn), default=0) or 1
    values = []
    for f in drawn:
        fill = palette.background if f.value == 0 else ramp[min(steps - 1, int((f.value / top) * (steps - 1) + 0.5))]
        values.append({"label": f.label, "series": f.series, "value": f.value, "display": f.display, "fill": fill, "ink": palette.text_on(fill)})
    spec = _base(chart, palette, values)
    spec["width"] = {"step": 56}
    spec["height"] = {"step": STEP + 4}
    spec["encoding"] = {
        "y": _category_axis(chart),
        "x": {"field": "series", "type": "nominal", "sort": chart.series, "title": chart.series_label,
              "axis": {"orient": "top", "labelAngle": -40, "labelAlign": "left", "labelLimit": 160}},
    }
    spec["layer"] = [
        {"mark": {"type": "rect", "stroke": LINE, "strokeWidth": 1}, "encoding": {"fill": {"field": "fill", "type": "nominal", "scale": None}}},
        {"mark": {"type": "text", "fontSize": 13}, "encoding": {"text": {"field": "display"}, "color": {"field": "ink", "type": "nominal", "scale": None}}},
    ]
    return spec


BUILDERS = {"bar": bar, "grouped-bar": grouped_bar, "stacked-bar": stacked_bar, "grid": grid}


def spec_for(chart: Chart, palette: Palette) -> dict:
    return BUILDERS[chart.kind](chart, palette)
