"""References as first-class content: CSL formatting, citations in prose, exports and metadata.

Modules: `csl` (BibTeX → CSL-JSON), `style` (citeproc-py formatting), `syntax` (the `[@key]`
markdown-it rule), `prose` (per-page numbering and the list of works cited), `record` (the
feature's part of a record page), `checks` (unknown keys E304, reference pages E142),
`references` (every reference formatted and sorted once), `refindex` (the paginated References
index, E141), `refpage` (a page per reference), `exports` (BibTeX, RIS, CSL-JSON), `metadata` (COinS, Highwire tags, schema.org JSON-LD),
`downloads` (whole-hub data files), `files` (every file this feature writes), `warm` (the
warm-up: citations formatted on every core before the pages).
"""

from __future__ import annotations

from markupsafe import Markup

from ... import urls
from ...plugin.context import ReferenceLabels
from ...plugin.feature import CheckContext, Feature, NavEntry
from ...plugin.templates import render
from . import citethis, downloads, metadata, refindex, refpage, warm
from .checks import check_citations, check_reference_pages
from .files import cite_outputs, record_cite_files
from .record import RecordCitations
from .references import coins_of, plain_text
from .references import entries as reference_entries
from .syntax import cite_plugin, strip

REFERENCES_DOC = "references.md"


class CitationsFeature(Feature):
    name = "citations"
    markdown_plugins = (cite_plugin,)

    def check(self, ctx: CheckContext):
        state, problems = check_citations(ctx.catalog, ctx.root)
        return state, problems + refindex.per_page(ctx.config)[1] + check_reference_pages(ctx.catalog, ctx.root)

    def warm_up(self, site, state):
        """Every citation the pages will format that the cache lacks, in chunks (`warm`)."""
        return warm.tasks(site.catalog, site.config)

    def plain_text(self, text: str) -> str:
        return strip(text)

    def reference_labels(self, config, catalog=None):
        works = metadata.citable_pages(catalog)
        return ReferenceLabels(text=lambda reference: plain_text(reference, config),
                               coins=lambda reference, page: "" if page in works else coins_of(reference))

    def home_html(self, site, state):
        return Markup(metadata.json_ld(metadata.website(site.config)))

    def record_part(self, item, site, state):
        return RecordCitations(site.catalog, site.config, item, urls.record(item.kind, item.id))

    def record_outputs(self, item, site, state):
        return record_cite_files(item, site.config)

    def outputs(self, site, state):
        entries = reference_entries(site, state or {})
        size, _ = refindex.per_page(site.config)
        files: dict = {}
        home = {}  # reference key → (its index page's address, its label)
        for page, index in refindex.views(entries, size, _index_coins, _index_extra):
            files[page.doc] = render("references.md.j2", page=page, index=index)
            for group in index.groups:
                for ref in group.entries:
                    home[ref.anchor] = (page.url, f"All references{' (' + index.label + ')' if index.label else ''}")
        for entry in entries:
            view = refpage.page(entry, *home[entry.anchor])
            files[view.doc] = render("reference.md.j2", page=view)
        files.update(cite_outputs(site.catalog, site.config))
        return files

    def nav(self, site, state):
        return [NavEntry("References", REFERENCES_DOC, group="Evidence"), NavEntry("Data downloads", downloads.DOC, group="About")]

    def addresses(self, catalog):
        return {urls.references(): "the references page", downloads.URL: "the data downloads page",
                f"{downloads.DATA_DIR}/": "the data downloads folder", "cite/": "the 'Cite this' files"}


def _index_coins(entry) -> Markup:
    """COinS on index entries: Zotero offers the page's references as "multiple items"."""
    return Markup(metadata.coins_span(entry.item))


def _index_extra(url: str, entries: list) -> str:
    """An index page's JSON-LD: a CollectionPage naming its entries (each reference page carries
    the work's full schema.org item), and, on the first page, the script that sends an old
    `references/#ref-KEY` link on to the reference's page."""
    graph = {"@context": "https://schema.org", "@type": "CollectionPage", "name": "References",
             "hasPart": [{k: v for k, v in metadata.scholarly_article(e.item).items() if k in ("@type", "name")} for e in entries]}
    scripts = citethis.script_tag(url, refindex.SCRIPT) if url == urls.references() else ""
    return metadata.json_ld(graph) + scripts
