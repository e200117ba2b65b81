"""Content rules for infographics: safe to publish, every figure sourced, data that fits the chart.

* Small cells (CMS cell-size policy, standards §5 PRIV-01..03): a count from 1 to 10 is an error
  (E851), and so is any figure from which one can be worked out (E852): a total minus the other
  figures of its series, a lone suppressed figure beside a total, a percentage of a small known
  denominator. A figure its cited public source already published (`published_aggregate: true`)
  is exempt; 0 is always allowed.
* Sources: every figure cites one of the record's sources (E853); a percentage says what it is a
  share of (E854).
* Shape: grouped, stacked and grid charts need a series on every figure, no two figures in one
  cell, no more series than palette colours (E855).
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from ...diagnostics import Diagnostic
from ...plugin.smallcell import is_small as _small
from ...plugin.smallcell import number as _number
from ...validate import Item
from .data import Row, load_rows
from .palette import DEFAULT, Palette

SERIES_CHARTS = ("grouped-bar", "stacked-bar", "grid")
MAX_KEY_STATISTICS = 6
#: Figures a chart may draw, per chart type: what Vega (through vl-convert) draws in a few seconds.
#: A bar chart of 2,000 figures overflows its call stack; 200 keep every chart readable and quick.
MAX_FIGURES = {"key-statistic": MAX_KEY_STATISTICS, "bar": 200, "grouped-bar": 200, "stacked-bar": 200, "grid": 200}


class _Figures:
    """The record's figures with the record-level defaults applied."""

    def __init__(self, item: Item):
        self.item = item
        self.record = item.record

    def value_type(self, row: Row) -> str:
        return row.figure.value_type or self.record.value_type

    def denominator(self, row: Row):
        return row.figure.denominator if row.figure.denominator is not None else self.record.denominator

    def denominator_at(self, row: Row) -> tuple[str, int, int]:
        if row.figure.denominator is not None:
            return row.at("denominator")
        return (self.item.path, *self.item.position("denominator"))

    def source(self, row: Row) -> int | None:
        """1-based number of the cited source, or None when the figure cites none that exists."""
        count = len(self.record.sources)
        number = row.figure.source if row.figure.source is not None else (1 if count == 1 else None)
        return number if number is not None and number <= count else None

    def exempt(self, row: Row) -> bool:
        """A published aggregate from a cited public source."""
        return (row.figure.published_aggregate or self.record.published_aggregate) and self.source(row) is not None


def _name(row: Row) -> str:
    return f"'{row.figure.label}'" + (f" ({row.figure.series})" if row.figure.series else "")


def source_rules(figures: _Figures, rows: list[Row]) -> list[Diagnostic]:
    problems = []
    count = len(figures.record.sources)
    for row in rows:
        cited = row.figure.source
        if cited is None and count != 1:
            why = "the record lists no sources" if count == 0 else f"the record lists {count} sources; add `source: N` to say which"
            problems.append(Diagnostic.of("E853", *row.at(), f"figure {_name(row)} does not cite its source: {why}"))
        elif cited is not None and cited > count:
            problems.append(Diagnostic.of("E853", *row.at("source"), f"figure {_name(row)} cites source {cited}, but the record lists {count}"))
        if figures.value_type(row) == "percent" and not row.figure.suppressed:
            denominator = figures.denominator(row)
            if denominator is None or (isinstance(denominator, str) and not denominator.strip()):
                problems.append(Diagnostic.of("E854", *row.at("value"),
                                              f"percentage {_name(row)} does not say what it is a share of (no denominator)"))
    return problems


def small_cell_rules(figures: _Figures, rows: list[Row]) -> list[Diagnostic]:
    problems = []
    for row in rows:
        kind = figures.value_type(row)
        value = row.figure.value
        if row.figure.suppressed or figures.exempt(row):
            continue
        if kind == "count" and _small(value):
            problems.append(Diagnostic.of("E851", *row.at("value"),
                                          f"figure {_name(row)} is a count of {_number(value)}; counts from 1 to 10 must not be published"))
        denominator = figures.denominator(row)
        if kind == "percent" and isinstance(denominator, int) and not isinstance(denominator, bool):
            if _small(denominator):
                problems.append(Diagnostic.of("E851", *figures.denominator_at(row),
                                              f"percentage {_name(row)} is a share of {denominator}, a count from 1 to 10"))
            elif _small(value / 100 * denominator):
                problems.append(Diagnostic.of("E852", *row.at("value"),
                                              f"percentage {_name(row)} of {_number(denominator)} is about {round(value / 100 * denominator)}, "
                                              "a count from 1 to 10 that readers can work out"))
    problems += _total_rules(figures, rows)
    return problems


def _total_rules(figures: _Figures, rows: list[Row]) -> list[Diagnostic]:
    """A total and the figures of its series: the difference must not reveal a count from 1 to 10."""
    problems = []
    groups: dict[str | None, list[Row]] = defaultdict(list)
    for row in rows:
        if figures.value_type(row) == "count":
            groups[row.figure.series].append(row)
    for series, group in groups.items():
        parts = [r for r in group if not r.figure.total]
        for total in (r for r in group if r.figure.total and not r.figure.suppressed):
            hidden = [r for r in parts if r.figure.suppressed]
            rest = total.figure.value - sum(r.figure.value for r in parts if not r.figure.suppressed)
            where = f" of series '{series}'" if series else ""
            if len(hidden) == 1 and not figures.exempt(total):
                problems.append(Diagnostic.of("E852", *hidden[0].at(),
                                              f"suppressed figure {_name(hidden[0])} can be worked out as the total {_name(total)} minus "
                                              f"the other figures{where}"))
            elif not hidden and rest < 0:
                problems.append(Diagnostic.of("E855", *total.at("value"),
                                              f"total {_name(total)} is {_number(total.figure.value)}, less than the sum of the figures{where} "
                                              f"({_number(total.figure.value - rest)})"))
            elif not hidden and _small(rest) and not figures.exempt(total):
                problems.append(Diagnostic.of("E852", *total.at("value"),
                                              f"total {_name(total)} minus the figures shown{where} leaves {_number(rest)}, "
                                              "a count from 1 to 10 that readers can work out"))
    return problems


def shape_rules(item: Item, rows: list[Row], palette: Palette) -> list[Diagnostic]:
    chart = item.record.chart
    problems = []
    drawn = [r for r in rows if not r.figure.total and not r.figure.suppressed]
    if not drawn:
        line, col = item.position("rows")
        return [Diagnostic.of("E855", item.path, line, col, "the chart has no figure to draw (all are totals or suppressed)")]
    cells: dict[tuple, Row] = {}
    for row in rows:
        if row.figure.total:
            continue
        if chart in SERIES_CHARTS and not row.figure.series:
            problems.append(Diagnostic.of("E855", *row.at(), f"figure {_name(row)} needs `series:` in a {chart} chart"))
        elif chart not in SERIES_CHARTS and row.figure.series:
            problems.append(Diagnostic.of("E855", *row.at("series"),
                                          f"a {chart} chart has one series; remove `series:` from {_name(row)} or use grouped-bar"))
        key = (row.figure.label, row.figure.series)
        if key in cells:
            problems.append(Diagnostic.of("E855", *row.at(), f"figure {_name(row)} is given twice (first at line {cells[key].line})"))
        cells.setdefault(key, row)
    series = sorted({r.figure.series for r in drawn if r.figure.series})
    if chart in ("grouped-bar", "stacked-bar") and len(series) > len(palette.series):
        problems.append(Diagnostic.of("E855", *drawn[0].at(),
                                      f"{len(series)} series but the palette has {len(palette.series)} colours; merge series or use a grid"))
    if chart == "key-statistic" and len(drawn) > MAX_KEY_STATISTICS:
        problems.append(Diagnostic.of("E855", *drawn[MAX_KEY_STATISTICS].at(),
                                      f"a key-statistic panel shows at most {MAX_KEY_STATISTICS} figures (this one has {len(drawn)})"))
    elif len(drawn) > MAX_FIGURES.get(chart, MAX_KEY_STATISTICS):
        problems.append(Diagnostic.of("E855", *drawn[MAX_FIGURES[chart]].at(),
                                      f"a {chart} chart draws at most {MAX_FIGURES[chart]} figures (this one has {len(drawn)}); merge categories"))
    return problems


def check_item(item: Item, root: Path, palette: Palette = DEFAULT, rows: list[Row] | None = None) -> list[Diagnostic]:
    if rows is None:
        rows, problems = load_rows(item, root)
        if problems:
            return problems
    figures = _Figures(item)
    return source_rules(figures, rows) + small_cell_rules(figures, rows) + shape_rules(item, rows, palette)
