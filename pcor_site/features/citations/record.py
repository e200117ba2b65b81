"""Everything citation-related on one record page, created by the view builder for that page.

`RecordCitations` numbers the `[@key]` citations of the summary and body (see `prose`), then adds
the sections that end the page: works cited, "Cite this" (BibTeX/RIS/CSL-JSON of the hub's page)
and the page's schema.org JSON-LD. `head_yaml()` gives Highwire tags for the hub's own works.
"""

from __future__ import annotations

import json

from markupsafe import Markup

from ...plugin.feature import HtmlSection, RecordPart
from . import citethis, exports, metadata
from .prose import PageCitations
from .style import style_name
from .syntax import ENV_KEY, strip


class RecordCitations(PageCitations, RecordPart):
    """The citations feature's part of one record page."""

    def __init__(self, catalog, config, item, url: str):
        super().__init__(catalog.bibliography, style_name(config), url)
        self.catalog = catalog
        self.config = config
        self.item = item
        self.csl = exports.record_csl(item, config)
        self.with_coins = item.kind.name not in metadata.SELF_PUBLISHED_KINDS

    def markdown_env(self) -> dict:
        return {ENV_KEY: self}

    def end_sections(self) -> list:
        """Sections for the very end of the page: "Cite this" and the structured data."""
        found = []
        stem = cite_stem(self.item)
        texts = {"bib": exports.record_bibtex(self.item, self.config), "ris": exports.ris([self.csl]),
                 "json": exports.csl_json([self.csl])}
        formatted = self.styler.format(self.csl).html
        widget = citethis.block(self.page_url, "cite-this", stem, formatted, texts)
        found.append(HtmlSection("Cite this page", Markup(widget), "pcor-cite-section"))
        data = record_json_ld(self.item, self.catalog, self.config, self.csl) if self.item.kind.name in metadata.SCHEMA_TYPES else None
        structured = (metadata.json_ld(data) if data else "") + citethis.script_tag(self.page_url)
        found.append(HtmlSection("", Markup(structured), "pcor-structured-data"))
        return found

    def head_yaml(self) -> Markup:
        """`head_meta:` front matter (overrides/main.html writes each as an escaped <meta>)."""
        tags = metadata.highwire(self.csl, self.item.kind.name, self.config)
        if not tags:
            return Markup("")
        lines = ["head_meta:"]
        for tag in tags:
            lines.append(f"  - name: {json.dumps(tag['name'])}")
            lines.append(f"    content: {json.dumps(' '.join(tag['content'].split()), ensure_ascii=False)}")
        return Markup("\n".join(lines))


def cite_stem(item) -> str:
    return f"cite/{item.kind.name}/{item.id}"


def record_json_ld(item, catalog, config, csl: dict) -> dict:
    record = item.record
    kind = item.kind.name
    data: dict = {"@context": "https://schema.org", "@type": metadata.SCHEMA_TYPES.get(kind, "WebPage"),
                  "name": record.title, "description": strip(record.summary)}
    if csl.get("URL"):
        data["url"] = csl["URL"]
    if record.last_reviewed and data["@type"] in metadata.CREATIVE_WORKS:
        data["dateModified"] = record.last_reviewed.isoformat()
    if kind == "study":
        data["funder"] = {"@type": "Organization", "name": "Patient-Centered Outcomes Research Institute"}
        if getattr(record, "award", None):
            data["identifier"] = record.award
        if getattr(record, "pcori_urls", None):
            data["sameAs"] = list(record.pcori_urls)
    elif kind == "module":
        data["learningResourceType"] = "Curriculum module"
        data["position"] = record.order
        data["teaches"] = list(record.objectives)
        data["provider"] = {"@type": "Organization", "name": exports.publisher(config)}
        data["isPartOf"] = {"@type": "Course", "name": item.kind.plural, "description": item.kind.intro}
        data["inLanguage"] = "en"
    elif kind == "organization":
        if record.website:
            data["sameAs"] = record.website
        if record.also_known_as:
            data["alternateName"] = list(record.also_known_as)
    elif kind == "term":
        data["description"] = record.definition
        if record.also_known_as:
            data["alternateName"] = list(record.also_known_as)
        data["inDefinedTermSet"] = {"@type": "DefinedTermSet", "name": item.kind.plural}
    return data
