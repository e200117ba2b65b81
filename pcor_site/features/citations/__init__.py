"""References as first-class content: CSL formatting, citations in prose, exports and metadata.

Modules: `csl` (BibTeX → CSL-JSON), `style` (citeproc-py formatting), `syntax` (the `[@key]`
markdown-it rule), `prose` (per-page numbering and the list of works cited), `record` (the
feature's part of a record page), `checks` (unknown keys, E304), `references` (the References
page), `exports` (BibTeX, RIS, CSL-JSON), `metadata` (COinS, Highwire tags, schema.org JSON-LD),
`downloads` (whole-hub data files), `files` (every file this feature writes).
"""

from __future__ import annotations

from markupsafe import Markup

from ... import urls
from ...plugin.context import ReferenceLabels
from ...plugin.feature import CheckContext, Feature, NavEntry
from ...plugin.templates import render
from . import downloads, metadata
from .checks import check_citations
from .files import cite_outputs
from .record import RecordCitations
from .references import build as build_references
from .references import coins_of, plain_text
from .syntax import cite_plugin, strip

REFERENCES_DOC = "references.md"


class CitationsFeature(Feature):
    name = "citations"
    markdown_plugins = (cite_plugin,)

    def check(self, ctx: CheckContext):
        return check_citations(ctx.catalog, ctx.root)

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

    def outputs(self, site, state):
        page, references = build_references(site, state or {})
        files = {REFERENCES_DOC: render("references.md.j2", page=page, references=references)}
        files.update(cite_outputs(site.catalog, site.config))
        return files

    def nav(self, site, state):
        return [NavEntry("References", REFERENCES_DOC, group="Evidence"), NavEntry("Data downloads", downloads.DOC, group="About")]

    def addresses(self, catalog):
        return {urls.references(): "the references page", downloads.URL: "the data downloads page"}
