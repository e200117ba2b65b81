"""Generated documents: the page of a whole document (the course, the facilitator guide, the
framework, the research agenda), rendered by `learning_page.md.j2`, and the Word files the hub
publishes (python-docx), written the same way twice: fixed document dates (SOURCE_DATE_EPOCH)
and fixed zip entry times, so two builds of one commit are byte-identical."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import zipfile
from dataclasses import dataclass, field

from docx import Document
from markupsafe import Markup

from .. import urls
from ..diagnostics import Diagnostic
from ..pdf import write_pdf
from .templates import render

_HEADING = re.compile(r"<(/?)h([1-5])\b")


@dataclass
class DocSection:
    heading: str
    html: Markup
    anchor: str = ""  # an id (slug characters only) for links to the section
    css: str = ""


@dataclass
class DocPage:
    title: str
    description: str
    intro_html: Markup
    sections: list[DocSection] = field(default_factory=list)
    css: str = ""

    def markdown(self) -> str:
        return render("learning_page.md.j2", page=self)


def demote_headings(html: str, by: int = 1) -> Markup:
    """Rendered contributor HTML with every heading `by` levels lower (h2 → h3), to nest it under a section."""
    return Markup(_HEADING.sub(lambda m: f"<{m.group(1)}h{min(int(m.group(2)) + by, 6)}", str(html)))


EPOCH_DEFAULT = 315532800  # 1980-01-01, the earliest time a zip entry can carry


def new_document(title: str):
    """An empty document whose core properties carry `title` and the build's date."""
    document = Document()
    _remember_style_ids(document.part)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    when = dt.datetime.fromtimestamp(int(epoch) if epoch.isdigit() else EPOCH_DEFAULT, dt.timezone.utc).replace(tzinfo=None)
    props = document.core_properties
    props.title, props.author, props.last_modified_by = title, "", ""
    props.created = props.modified = props.last_printed = when
    props.revision = 1
    return document


def _remember_style_ids(part) -> None:
    """python-docx looks a style name up by scanning every style of the document, on every
    paragraph and heading (most of the time of a large Word file). The styles never change while
    the hub writes a document, so each name is looked up once."""
    found: dict[tuple, str | None] = {}
    look_up = part.get_style_id

    def get_style_id(style_or_name, style_type):
        if not isinstance(style_or_name, str):
            return look_up(style_or_name, style_type)
        key = (style_or_name, style_type)
        if key not in found:
            found[key] = look_up(style_or_name, style_type)
        return found[key]

    part.get_style_id = get_style_id


def docx_bytes(document) -> bytes:
    """The saved document with every zip entry dated 1980-01-01, in a stable order."""
    raw = io.BytesIO()
    document.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw.getvalue())) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(name))
    return out.getvalue()


def add_bullets(document, items) -> None:
    for text in items:
        document.add_paragraph(str(text), style="List Bullet")


def print_page(site_dir, address: str, pdf_path, title: str, site_url: str, what: str,
               code: str = "E901", where: str | None = None) -> list[Diagnostic]:
    """Print the built page at `address` to `pdf_path`, its links pointing at the published site.

    Nothing when the page was not built; a failure is a `code` diagnostic at `where` (the page by
    default), never a traceback (WeasyPrint raises many kinds of exception)."""
    page = site_dir / address / "index.html"
    if not page.exists():
        return []
    try:
        write_pdf(page, pdf_path, site_dir, title=title, public_url=urls.absolute(site_url, address) or None)
    except Exception as error:
        return [Diagnostic.of(code, where or address + "index.html", 1, 1, f"{what} could not be written: {error}")]
    return []
