"""The flat description of one chart that the renderers, tables and CSV exports read.

Records become `Chart`s here (`from_item`); the catalog overview builds its own in `landscape.py`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...plugin.smallcell import SUPPRESSED_DISPLAY
from ...validate import Item
from .data import Row

SUPPRESSED_TEXT = SUPPRESSED_DISPLAY


@dataclass(frozen=True)
class SourceRef:
    title: str
    url: str  # relative to the page for BibTeX and seed sources, absolute for web sources; may be ""
    flag: str = ""  # "", "secondary source", "disputed"


@dataclass(frozen=True)
class ChartFigure:
    label: str
    series: str
    value: float | None  # None when suppressed
    display: str
    value_type: str
    denominator: str = ""
    source: SourceRef | None = None
    note: str = ""
    total: bool = False

    @property
    def drawn(self) -> bool:
        return self.value is not None and not self.total


@dataclass
class Chart:
    slug: str  # file stem and id prefix: unique on its page
    title: str
    kind: str  # key-statistic, bar, grouped-bar, stacked-bar, grid
    alt: str
    description: str
    units: str
    category_label: str
    series_label: str
    figures: list[ChartFigure]
    credit: str  # one line naming the sources, drawn under the chart
    cautions: list[str] = field(default_factory=list)

    @property
    def drawn(self) -> list[ChartFigure]:
        return [f for f in self.figures if f.drawn]

    @property
    def series(self) -> list[str]:
        """Series in order of first appearance."""
        return list(dict.fromkeys(f.series for f in self.figures if f.series and not f.total))

    @property
    def categories(self) -> list[str]:
        return list(dict.fromkeys(f.label for f in self.figures if not f.total))


def format_value(value: float, value_type: str) -> str:
    number = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")
    if value_type == "percent":
        return f"{number}%"
    if value_type == "currency":
        return f"${number}"
    if value_type == "ratio":
        return f"{number}×"
    return number


def _denominator(value) -> str:
    if value is None:
        return ""
    return f"{value:,}" if isinstance(value, int) else str(value)


def from_item(item: Item, rows: list[Row], source_refs: list[SourceRef]) -> Chart:
    """The chart of an infographic record. `source_refs` are the record's sources, in order."""
    record = item.record
    figures = []
    for row in rows:
        f = row.figure
        value_type = f.value_type or record.value_type
        number = f.source if f.source is not None else (1 if len(source_refs) == 1 else None)
        source = source_refs[number - 1] if number and number <= len(source_refs) else None
        if f.suppressed:
            display = f"{SUPPRESSED_TEXT} (suppressed)"
        else:
            display = f.display or format_value(f.value, value_type)
        figures.append(ChartFigure(
            label=f.label, series=f.series or "", value=None if f.suppressed else float(f.value), display=display,
            value_type=value_type, denominator=_denominator(f.denominator if f.denominator is not None else record.denominator),
            source=source, note=f.note or "", total=f.total,
        ))
    used = list(dict.fromkeys(f.source for f in figures if f.source))
    credit = "Source" + ("s" if len(used) > 1 else "") + ": " + "; ".join(
        s.title + (f" ({s.flag})" if s.flag else "") for s in used
    )
    return Chart(
        slug=item.id, title=record.title, kind=record.chart, alt=record.alt_text, description=" ".join(record.description.split()),
        units=record.units or "", category_label=record.category_label or "Category", series_label=record.series_label or "Series",
        figures=figures, credit=credit, cautions=[c.text for c in record.cautions],
    )
