"""What the infographics check learns, for the renderers: the palette, every record's figures
(read once, with their positions) and a cache of drawn SVGs. It is the feature's state: rendering
needs no file access and CSV rows are read exactly once per build."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ... import urls
from ...plugin.sources import source_view
from ...validate import Item
from . import draw, rules
from .data import Row, load_rows
from .model import Chart, SourceRef, from_item
from .palette import DEFAULT, Palette, check_palette, load_palette


@dataclass
class ChartData:
    root: Path
    palette: Palette = DEFAULT
    rows: dict[str, list[Row]] = field(default_factory=dict)
    svgs: dict[str, str] = field(default_factory=dict)

    def svg(self, chart: Chart) -> str:
        key = repr(chart)  # the chart's whole content: a record and an overview chart may share a slug
        if key not in self.svgs:
            self.svgs[key] = draw.draw_svg(chart, self.palette)
        return self.svgs[key]


def check_infographics(catalog, config) -> tuple[ChartData, list]:
    """The palette, then every infographic record's figures."""
    data = ChartData(config.root, load_palette(config))
    problems = check_palette(data.palette)
    palette = data.palette if not problems else DEFAULT
    for item in catalog.of_kind("infographic"):
        rows, found = load_rows(item, config.root)
        if not found:
            data.rows[item.key] = rows
            found = rules.check_item(item, config.root, palette, rows)
        problems += found
    return data, problems


def _title(reference) -> str:
    """A BibTeX entry in a chart credit: its bare title."""
    return " ".join(reference.fields.get("title", reference.key).strip("{}").split())


def source_ref(source, catalog, from_url: str) -> SourceRef:
    """A record's source as the chart credits it: its title, and a link (relative for hub pages)."""
    view = source_view(source, catalog, from_url, _title)
    return SourceRef(view.label, view.url, view.flag)


def record_chart(item: Item, catalog, data: ChartData) -> Chart:
    url = urls.record(item.kind, item.id)
    refs = [source_ref(s, catalog, url) for s in item.record.sources]
    rows = data.rows.get(item.key)
    if rows is None:
        rows, _ = load_rows(item, data.root)
    return from_item(item, rows, refs)
