"""The view models templates see: flat dataclasses of plain text, links and sanitised HTML.

Every string in a view is plain text (templates escape it) except fields named `*_html`, which
hold HTML that has already been sanitised or built from escaped parts.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class LinkView:
    title: str
    url: str
    note: str = ""
    kind: str = ""
    coins: str = ""  # OpenURL ContextObject of a listed reference (rendered as a COinS span)


@dataclass
class ListSection:
    heading: str
    links: list[LinkView]


@dataclass
class TextSection:
    heading: str
    items: list[str]  # plain text
    copyable: bool = False


@dataclass
class SourceView:
    label: str
    url: str  # empty when the source has no link
    note: str
    flag: str  # "", "secondary source", "unofficial copy", "disputed" (pcor_site.reliability.FLAGS)
    copy_url: str = ""  # a mirror's address, linked as "unofficial copy" (the label names the document)


@dataclass
class CautionView:
    text: str
    sources: list[SourceView]


@dataclass
class Fact:
    label: str
    text: str
    url: str = ""


@dataclass
class RecordPage:
    url: str
    doc: str
    title: str
    description: str
    kind_label: str
    kind_url: str
    summary_html: str
    tier: LinkView | None
    tags: list[ListSection]
    facts: list[Fact]
    cautions: list[CautionView]
    body_html: str
    text_sections: list[TextSection]
    link_sections: list[ListSection]
    backlink_sections: list[ListSection]
    sources: list[SourceView]
    last_reviewed: str
    extra_sections: list = field(default_factory=list)  # features' sections after the body
    head_yaml: str = ""  # extra front matter from features (e.g. Highwire `head_meta`)
    head_title: str = ""  # the page's <title> when it differs from `title` (two records of one title)
    end_sections: list = field(default_factory=list)  # last on the page: "Cite this", structured data
    record_html: str = ""  # features' hidden HTML inside the record block (e.g. a search word)
    data_html: str = ""  # features' hidden HTML after the sources (e.g. search filters)


@dataclass
class IndexPage:
    url: str
    doc: str
    title: str
    description: str
    intro: str
    intro_html: str = ""
    sections: list[ListSection] = field(default_factory=list)
    credit: str = ""
    sources: list[SourceView] = field(default_factory=list)
    end_html: str = ""  # features' HTML at the end of the page (the home page's structured data)


@dataclass
class TierView:
    id: str
    label: str
    description: str
    criteria: str
    requires_evidence: bool
    count: int
