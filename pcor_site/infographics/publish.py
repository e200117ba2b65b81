"""Infographics on the site: the record-page section, the files beside it, and the content check.

For each chart the docs tree gets `NAME.svg` (static, accessible, no script), `NAME.png` (for
social media and slides) and `NAME.csv` (the data), next to the page that shows it. The page
shows the SVG inline, its long description and credit, an HTML data table (in a `<details>`, so
the chart/table toggle works without JavaScript; `assets/infographics.js` adds Chart/Table
buttons), download links and an embed snippet for coalition websites.

The figures of a record are read once, by the content check, and kept on the catalog
(`Store`), so rendering needs no file access and CSV rows are read exactly once per build.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup

from ..csvfile import csv_text
from ..extensions import HtmlSection
from ..render import urls
from ..validate import Item
from . import draw, rules
from .data import Row, load_rows
from .model import Chart, SourceRef, from_item
from .palette import DEFAULT, Palette, check_palette, load_palette

STORE_ATTRIBUTE = "_infographics"


@dataclass
class Store:
    """What the check learned, kept on the catalog for the renderers."""

    root: Path
    palette: Palette = DEFAULT
    rows: dict[str, list[Row]] = field(default_factory=dict)
    svgs: dict[str, str] = field(default_factory=dict)

    def svg(self, chart: Chart) -> str:
        key = repr(chart)  # the chart's whole content: a record and an overview chart may share a slug
        if key not in self.svgs:
            self.svgs[key] = draw.draw_svg(chart, self.palette)
        return self.svgs[key]


def store_for(catalog, root: Path | None = None) -> Store:
    store = getattr(catalog, STORE_ATTRIBUTE, None)
    if store is None:
        store = Store(root or Path.cwd())
        setattr(catalog, STORE_ATTRIBUTE, store)
    return store


# -- the content check ----------------------------------------------------------------------------


def check_infographics(catalog, root: Path) -> list:
    """CHECK_MAKER: the palette, then every infographic record's figures."""
    from ..config import ConfigError, load_config

    store = store_for(catalog, root)
    store.root = root
    try:
        store.palette = load_palette(root, load_config(root).hub)
    except ConfigError:
        store.palette = DEFAULT
    problems = check_palette(store.palette)
    palette = store.palette if not problems else DEFAULT
    for item in catalog.of_kind("infographic"):
        rows, found = load_rows(item, root)
        if not found:
            store.rows[item.key] = rows
            found = rules.check_item(item, root, palette, rows)
        problems += found
    return problems


# -- views ------------------------------------------------------------------------------------------


@dataclass
class Cell:
    text: str
    url: str = ""


@dataclass
class TableRow:
    label: str
    cells: list[Cell]


@dataclass
class Table:
    caption: str
    headings: list[str]
    rows: list[TableRow]


@dataclass
class Download:
    label: str
    url: str


@dataclass
class FigureView:
    slug: str
    title: str
    svg: Markup
    description: str
    credit: str
    cautions: list[str]
    table: Table
    downloads: list[Download]
    embed: str


def table_columns(chart: Chart) -> list[str]:
    """Which optional columns the chart's data needs, in order."""
    columns = []
    if chart.series:
        columns.append("series")
    columns.append("value")
    if any(f.denominator for f in chart.figures if f.value_type == "percent"):
        columns.append("denominator")
    if any(f.source for f in chart.figures):
        columns.append("source")
    if any(f.note for f in chart.figures):
        columns.append("note")
    return columns


def data_table(chart: Chart) -> Table:
    columns = table_columns(chart)
    names = {"series": chart.series_label, "value": chart.units.capitalize() if chart.units else "Value",
             "denominator": "Share of", "source": "Source", "note": "Note"}
    rows = []
    for f in chart.figures:
        cells = []
        for column in columns:
            if column == "series":
                cells.append(Cell(f.series))
            elif column == "value":
                cells.append(Cell(f.display))
            elif column == "denominator":
                cells.append(Cell(f.denominator if f.value_type == "percent" else ""))
            elif column == "source":
                cells.append(Cell(f.source.title + (f" ({f.source.flag})" if f.source.flag else ""), f.source.url) if f.source else Cell(""))
            else:
                cells.append(Cell(f.note))
        rows.append(TableRow(f"{f.label} (total)" if f.total else f.label, cells))
    return Table(f"{chart.title}: the figures shown in the chart", [chart.category_label] + [names[c] for c in columns], rows)


def data_csv(chart: Chart) -> str:
    """The data as CSV: one row per figure, the number unformatted and as shown."""
    columns = table_columns(chart)
    header = ["label"] + (["series"] if "series" in columns else []) + ["value", "display", "value_type"]
    header += [c for c in ("denominator",) if c in columns] + (["source", "source_url"] if "source" in columns else [])
    header += (["note"] if "note" in columns else []) + (["total"] if any(f.total for f in chart.figures) else [])
    rows = []
    for f in chart.figures:
        value = "" if f.value is None else (f"{f.value:.0f}" if f.value.is_integer() else f"{f.value:g}")
        record = {"label": f.label, "series": f.series, "value": value, "display": f.display, "value_type": f.value_type,
                  "denominator": f.denominator if f.value_type == "percent" else "", "source": f.source.title if f.source else "",
                  "source_url": f.source.url if f.source and f.source.url.startswith("http") else "", "note": f.note,
                  "total": "true" if f.total else "false"}
        rows.append([record[name] for name in header])
    return csv_text(header, rows)


def embed_snippet(chart: Chart, svg: str, image_url: str, page_url: str) -> str:
    import xml.etree.ElementTree as ET

    root = ET.fromstring(svg)
    figure = ET.Element("figure")
    ET.SubElement(figure, "img", {"src": image_url, "alt": chart.alt, "width": root.get("width", ""), "height": root.get("height", ""),
                                  "style": "max-width:100%;height:auto"})
    caption = ET.SubElement(figure, "figcaption")
    caption.text = f"{chart.title}. {chart.credit}. "
    link = ET.SubElement(caption, "a", {"href": page_url})
    link.text = "Data and full description"
    return ET.tostring(figure, encoding="unicode", method="html")


def figure_view(chart: Chart, store: Store, files_url: str) -> FigureView:
    """`files_url`: where the chart's files are, relative to the page ('' = beside it)."""
    svg = store.svg(chart)
    image = f"{files_url}{chart.slug}.svg"
    return FigureView(
        slug=chart.slug, title=chart.title, svg=Markup(svg), description=chart.description, credit=chart.credit,
        cautions=chart.cautions, table=data_table(chart),
        downloads=[Download("Chart as SVG", image), Download("Chart as PNG (for slides and social media)", f"{files_url}{chart.slug}.png"),
                   Download("Data as CSV", f"{files_url}{chart.slug}.csv")],
        embed=embed_snippet(chart, svg, image, "./"),
    )


def chart_files(chart: Chart, store: Store, folder: str) -> dict[str, str | bytes]:
    svg = store.svg(chart)
    return {f"{folder}{chart.slug}.svg": svg, f"{folder}{chart.slug}.png": draw.draw_png(svg), f"{folder}{chart.slug}.csv": data_csv(chart)}


def render_figure(view: FigureView) -> Markup:
    from ..render.pages import environment

    return Markup(environment().get_template("infographic_figure.html.j2").render(fig=view))


def assets_html(page_url: str) -> Markup:
    """The stylesheet and the small script, linked once per page (self-hosted, no inline code)."""
    assets = urls.relative(page_url, "assets/")
    return Markup(f'<link rel="stylesheet" href="{assets}infographics.css">\n<script src="{assets}infographics.js" defer></script>')


# -- records ------------------------------------------------------------------------------------------


def source_ref(source, catalog, from_url: str) -> SourceRef:
    """A record's source as the chart credits it: its title, and a link (relative for hub pages)."""
    flag = {"secondary": "secondary source", "disputed": "disputed"}.get(source.reliability, "")
    if source.url:
        return SourceRef(source.title or source.url, source.url, flag)
    if source.ref:
        reference = catalog.bibliography.get(source.ref)
        label = source.title or (" ".join(reference.fields.get("title", source.ref).strip("{}").split()) if reference else source.ref)
        return SourceRef(label, urls.relative(from_url, urls.reference(source.ref)), flag)
    seed = catalog.get("page", source.seed)
    label = source.title or (f"Project summary: {seed.record.title}" if seed else f"Project summary ({source.seed})")
    return SourceRef(label, urls.relative(from_url, urls.record(seed.kind, seed.id)) if seed else "", flag)


def record_chart(item: Item, catalog, store: Store) -> Chart:
    url = urls.record(item.kind, item.id)
    refs = [source_ref(s, catalog, url) for s in item.record.sources]
    rows = store.rows.get(item.key)
    if rows is None:
        rows, _ = load_rows(item, store.root)
    return from_item(item, rows, refs)


def infographic_section(item: Item, catalog, url: str) -> list[HtmlSection]:
    """SECTION_MAKER: the chart, its table, downloads and embed code on an infographic's page."""
    if item.kind.name != "infographic":
        return []
    store = store_for(catalog)
    chart = record_chart(item, catalog, store)
    html = assets_html(url) + Markup("\n") + render_figure(figure_view(chart, store, ""))
    return [HtmlSection("Chart and data", html, "pcor-infographic-section")]


def infographic_files(catalog, config) -> dict[str, str | bytes]:
    """OUTPUT_MAKER: every record's SVG, PNG and CSV beside its page, and the landscape overview."""
    from .landscape import landscape_outputs

    store = store_for(catalog, config.root)
    outputs: dict[str, str | bytes] = {}
    for item in sorted(catalog.of_kind("infographic"), key=lambda i: i.id):
        chart = record_chart(item, catalog, store)
        outputs.update(chart_files(chart, store, urls.record(item.kind, item.id)))
    outputs.update(landscape_outputs(catalog, config, store))
    return outputs


def infographic_index(kind, catalog, config, url: str) -> Markup:
    """INDEX_MAKER: on the infographics index, a pointer to the overview charts."""
    if kind.name != "infographic":
        return Markup("")
    from .landscape import TITLE, URL

    return Markup('<p class="pcor-intro">See also <a href="{}">{}</a>: charts of the hub\'s own records, rebuilt on every build.</p>').format(
        urls.relative(url, URL), TITLE)
