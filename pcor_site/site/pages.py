"""The page generator: the core's pages, then every feature's pages and files → {docs path: text}.

One address per page: 'x.md' and 'x/index.md' both become x/index.html, so the second would
silently replace the first; that, and two outputs to one path, is an error here.
"""

from __future__ import annotations

import html
from importlib import resources

from .. import urls
from ..cores import map_chunks
from ..plugin.context import SiteContext
from ..plugin.feature import NAV_GROUPS
from ..plugin.templates import render, safe_html
from ..schema import KINDS
from ..write import WriteError
from . import listings
from .home import home_page
from .record import record_page


def static_assets() -> dict[str, bytes]:
    folder = resources.files("pcor_site") / "static"
    return {f"assets/{entry.name}": entry.read_bytes() for entry in sorted(folder.iterdir(), key=lambda e: e.name) if entry.is_file()}


class _Pages(dict):
    """The docs tree being built: refuses a second page at one address and a second file at one path."""

    def __init__(self):
        super().__init__()
        self.addresses: dict[str, str] = {}

    def put(self, doc: str, content: str | bytes) -> None:
        if doc in self:
            raise WriteError(f"two outputs to one path: {doc!r}")
        if doc.endswith(".md"):
            address = urls.address_of(doc)
            if address in self.addresses:
                raise WriteError(f"two pages at one address: {self.addresses[address]!r} and {doc!r} (rename the record behind one of them)")
            self.addresses[address] = doc
        self[doc] = content


def render_site(site: SiteContext) -> dict[str, str | bytes]:
    """Every page of the docs tree, keyed by its path. Pure: same catalog, same output."""
    return join_parts(render_parts(site))


def render_parts(site: SiteContext, only=None) -> dict[str, dict[str, str | bytes]]:
    """The docs tree in parts, so the live preview can render again only the parts an edit touches:
    "listings" (home, kinds' indexes, priority areas, tiers), "assets", "record:KIND/ID" (one page and the features' files of that record)
    and "feature:NAME" (a feature's outputs). `only(name)`: whether to render a part (None: all)."""
    wanted = only or (lambda name: True)
    parts: dict[str, dict[str, str | bytes]] = {}
    if wanted("listings"):
        parts["listings"] = listing_outputs(site)
    items = [item for kind in KINDS.values() for item in sorted(site.catalog.of_kind(kind.name), key=lambda i: i.id)
             if wanted(f"record:{item.key}")]
    _RECORDS[:] = [site, items]
    try:  # each record's page and files depend on the catalog only: on every core, in order
        for chunk in map_chunks(_record_parts, list(range(len(items)))):
            parts.update(chunk)
    finally:
        _RECORDS.clear()
    if wanted("assets"):
        parts["assets"] = static_assets()
    for feature in site.features:
        if wanted(f"feature:{feature.name}"):
            parts[f"feature:{feature.name}"] = feature.outputs(site, site.state(feature))
    return parts


_RECORDS: list = []  # (site, items) for the forked workers of `render_parts` (a fork inherits it)


def _record_parts(indexes: list[int]) -> dict[str, dict[str, str | bytes]]:
    site, items = _RECORDS
    parts = {}
    for index in indexes:
        item = items[index]
        page = safe_html(record_page(site, item))
        part = parts[f"record:{item.key}"] = {page.doc: render("record.md.j2", page=page)}
        for feature in site.features:
            part.update(feature.record_outputs(item, site, site.state(feature)))
    return parts


def listing_outputs(site: SiteContext) -> dict[str, str]:
    outputs = {"index.md": render("home.md.j2", page=home_page(site))}
    for kind in KINDS.values():
        if kind.name != "page":
            page = listings.kind_index(site, kind)
            outputs[page.doc] = render("index.md.j2", page=page)
    page = listings.priority_area_index(site)
    outputs[page.doc] = render("index.md.j2", page=page)
    for page in listings.priority_area_pages(site):
        outputs[page.doc] = render("index.md.j2", page=safe_html(page))
    page, tiers = listings.tiers(site)
    outputs[page.doc] = render("tiers.md.j2", page=page, tiers=tiers)
    return outputs


def join_parts(parts: dict[str, dict[str, str | bytes]]) -> dict[str, str | bytes]:
    """One docs tree from its parts; two outputs to one path or two pages at one address are an error."""
    outputs = _Pages()
    for part in parts.values():
        for path, content in part.items():
            outputs.put(path, content)
    return dict(outputs)


def navigation(site: SiteContext) -> list:
    """The sidebar: section index pages only, never every record (that makes builds quadratic),
    grouped as readers look for them (NAV_GROUPS); a group with nothing in it is left out."""
    entries = [entry for f in site.features for entry in f.nav(site, site.state(f))]
    groups: dict[str, list] = {name: [] for name in NAV_GROUPS}
    for e in entries:  # a group's lead page first: a closed group links to its first page
        if e.group and e.lead:
            groups[e.group].append({e.title: e.doc})
    for item in sorted(site.catalog.of_kind("page"), key=lambda i: i.id):  # "About this hub" opens About
        groups["About"].append({html.escape(item.record.nav_title or item.record.title): f"{item.id}.md"})
    for kind in KINDS.values():
        if kind.name != "page" and site.catalog.of_kind(kind.name):
            groups[kind.nav_group].append({kind.plural: f"{kind.url_dir}/index.md"})
    groups["Evidence"].append({"Evidence tiers": "evidence-tiers.md"})
    for e in entries:
        if e.group and not e.lead:
            groups[e.group].append({e.title: e.doc})
    nav: list = [{"Home": "index.md"}]
    nav += [{e.title: e.doc} for e in entries if not e.group and e.place == "start"]
    nav.append({"Priority areas": "priority-areas/index.md"})
    nav += [{name: pages} for name, pages in groups.items() if pages]
    nav += [{e.title: e.doc} for e in entries if not e.group and e.place == "end"]
    return nav


def core_addresses(catalog) -> dict[str, str]:
    """The addresses of the core's generated pages → what they are (records may not take them)."""
    taken = {"": "the home page"}
    for kind in KINDS.values():
        if kind.name != "page":
            taken[urls.kind_index(kind)] = f"the {kind.plural} index"
    taken[urls.priority_areas()] = "the priority areas index"
    for term in catalog.terms("priority_areas"):
        taken[urls.priority_area(term.id)] = f"the priority area page '{term.id}'"
    taken[urls.evidence_tiers()] = "the evidence tiers page"
    return taken
