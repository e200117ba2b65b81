"""The Jinja environment and the page generator: catalog → {docs path: text}."""

from __future__ import annotations

import html
import json
import re
from importlib import resources

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from .. import explore, extensions
from ..catalog import Catalog
from ..config import HubConfig
from ..schema import KINDS
from ..views import ViewBuilder
from ..write import WriteError

_MD_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")


def yaml_text(value: str) -> Markup:
    """A front-matter value: HTML-escaped (the theme prints it unescaped) in a YAML double-quoted string."""
    return Markup(json.dumps(html.escape(" ".join(str(value).split()), quote=True), ensure_ascii=False))


def md_heading(value: str) -> Markup:
    """Heading text for a Markdown `##` line: HTML-escaped and every Markdown special backslash-escaped."""
    return Markup(_MD_SPECIALS.sub(r"\\\1", html.escape(" ".join(str(value).split()), quote=True)))


def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("pcor_site", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=False,
        lstrip_blocks=False,
    )
    env.filters["yaml_text"] = yaml_text
    env.filters["md_heading"] = md_heading
    return env


def _safe(view):
    """Mark the view's pre-sanitised `*_html` fields as safe for the template."""
    for name in vars(view):
        if name.endswith("_html"):
            setattr(view, name, Markup(getattr(view, name)))
    return view


def static_assets() -> dict[str, bytes]:
    folder = resources.files("pcor_site") / "static"
    return {f"assets/{entry.name}": entry.read_bytes() for entry in sorted(folder.iterdir(), key=lambda e: e.name) if entry.is_file()}


def render_site(catalog: Catalog, config: HubConfig) -> dict[str, str | bytes]:
    """Every page of the docs tree, keyed by its path. Pure: same catalog, same output."""
    env = environment()
    views = ViewBuilder(catalog, config)
    record_template = env.get_template("record.md.j2")
    index_template = env.get_template("index.md.j2")
    outputs: dict[str, str | bytes] = {}
    pages: dict[str, str] = {}

    def put(doc: str, text: str) -> None:
        # 'x.md' and 'x/index.md' both become x/index.html: one address, so one of them would be lost
        address = "/" + doc.removesuffix(".md").casefold()
        address = address.removesuffix("/index") or "/"
        if address in pages:
            raise WriteError(f"two pages at one address: {pages[address]!r} and {doc!r} (rename the record behind one of them)")
        pages[address] = doc
        outputs[doc] = text

    put("index.md", index_template.render(page=_safe(views.home())))
    for kind in KINDS.values():
        if kind.name != "page":
            page = views.kind_index(kind)
            put(page.doc, index_template.render(page=page))
        for item in sorted(catalog.of_kind(kind.name), key=lambda i: i.id):
            page = _safe(views.record_page(item))
            put(page.doc, record_template.render(page=page))
    page = views.priority_area_index()
    put(page.doc, index_template.render(page=page))
    for page in views.priority_area_pages():
        put(page.doc, index_template.render(page=_safe(page)))
    page, tiers = views.tiers()
    put(page.doc, env.get_template("tiers.md.j2").render(page=page, tiers=tiers))
    page, references = views.references()
    put(page.doc, env.get_template("references.md.j2").render(page=page, references=references))
    put(explore.DOC, explore.explore_page(catalog, env))
    outputs.update(static_assets())
    for path, content in extensions.extra_outputs(catalog, config).items():
        if path in outputs:
            raise WriteError(f"two outputs to one path: {path!r}")
        outputs[path] = content
    return outputs


def navigation(catalog: Catalog) -> list:
    """The sidebar: section index pages only, never every record (that makes builds quadratic)."""
    nav: list = [{"Home": "index.md"}, {"Explore": explore.DOC}, {"Priority areas": "priority-areas/index.md"}]
    for kind in KINDS.values():
        if kind.name != "page" and catalog.of_kind(kind.name):
            nav.append({kind.plural: f"{kind.url_dir}/index.md"})
    nav.append({"Evidence tiers": "evidence-tiers.md"})
    nav.append({"References": "references.md"})
    nav.append({"Data downloads": "downloads.md"})  # written by pcor_site.citations.hooks
    nav.append({"Landscape at a glance": "landscape/index.md"})  # written by pcor_site.infographics
    for item in sorted(catalog.of_kind("page"), key=lambda i: i.id):
        nav.append({html.escape(item.record.nav_title or item.record.title): f"{item.id}.md"})
    return nav
