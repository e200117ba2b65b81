"""An infographic as the page shows it: the inline SVG, its data table, downloads and embed code,
and the files beside the page (`NAME.svg`, static and accessible; `NAME.png` for slides and
social media; `NAME.csv`, the data). The table sits in a `<details>`, so the chart/table toggle
works without JavaScript; `assets/infographics.js` adds Chart/Table buttons."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ... import urls
from ...csvfile import csv_text
from ...plugin.templates import render
from . import draw
from .chartdata import ChartData
from .model import Chart


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
    #: Set when the chart is shown as an image of its SVG file instead of inline (pages with many
    #: charts, e.g. the landscape: the SVG's long description repeats the data table, which is on
    #: the page already); `image_alt` is then the image's text alternative.
    image: str = ""
    image_alt: str = ""
    width: str = ""
    height: str = ""


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


def figure_view(chart: Chart, store: ChartData, files_url: str, page_address: str = "", as_image: bool = False) -> FigureView:
    """`files_url`: where the chart's files are, relative to the page ('' = beside it).
    `page_address`: the page's absolute address; the embed snippet then links the image and the
    page absolutely, so it works pasted into another site. `as_image`: show the SVG file as an
    `<img>` with the chart's alt text (its figures are in the data table below it)."""
    import xml.etree.ElementTree as ET

    svg = store.svg(chart)
    image = f"{files_url}{chart.slug}.svg"
    embed_image = f"{page_address}{image}" if page_address else image
    root = ET.fromstring(svg) if as_image else None
    shown = {"image": image, "image_alt": chart.alt, "width": root.get("width", ""), "height": root.get("height", "")} if root is not None else {}
    return FigureView(
        slug=chart.slug, title=chart.title, svg=Markup(svg), description=chart.description, credit=chart.credit,
        cautions=chart.cautions, table=data_table(chart),
        downloads=[Download("Chart as SVG", image), Download("Chart as PNG (for slides and social media)", f"{files_url}{chart.slug}.png"),
                   Download("Data as CSV", f"{files_url}{chart.slug}.csv")],
        embed=embed_snippet(chart, svg, embed_image, page_address or "./"), **shown,
    )


def chart_files(chart: Chart, store: ChartData, folder: str) -> dict[str, str | bytes]:
    svg = store.svg(chart)
    return {f"{folder}{chart.slug}.svg": svg, f"{folder}{chart.slug}.png": draw.draw_png(svg), f"{folder}{chart.slug}.csv": data_csv(chart)}


def render_figure(view: FigureView) -> Markup:
    return Markup(render("infographic_figure.html.j2", fig=view))


def assets_html(page_url: str) -> Markup:
    """The stylesheet and the small script, linked once per page (self-hosted, no inline code)."""
    assets = urls.relative(page_url, "assets/")
    return Markup(f'<link rel="stylesheet" href="{assets}infographics.css">\n<script src="{assets}infographics.js" defer></script>')
