"""The view models templates see: flat dataclasses of plain text, links and sanitised HTML.

Every string in a view is plain text (templates escape it) except fields named `*_html`, which
hold HTML that has already been sanitised or built from escaped parts.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class TierBadge:
    """An evidence tier as readers see it: its label, its place on the graded scale (rank 1 is the
    strongest of `scale`), a one-line meaning and the address of its criteria."""

    id: str
    label: str
    rank: int
    scale: int
    meaning: str
    url: str

    @property
    def strength(self) -> int:
        """Filled marks on the scale: the strongest tier fills all of them, the weakest one."""
        return max(1, self.scale - self.rank + 1)


@dataclass
class LinkView:
    title: str
    url: str
    note: str = ""
    kind: str = ""
    coins: str = ""  # OpenURL ContextObject of a listed reference (rendered as a COinS span)
    tier: TierBadge | None = None  # a listed record's evidence tier
    record_id: str = ""  # a listed record's id and kind name: the handout builder's data-handout-* hooks
    record_kind: str = ""


@dataclass
class ListSection:
    heading: str
    links: list[LinkView]
    total: int = 0  # how many there are when `links` shows only the first of them
    more_url: str = ""  # where to see them all (Explore with the list's filters)
    key: str = ""  # the record field it lists (or "kind:NAME" for a group by kind)


@dataclass
class TextSection:
    heading: str
    items: list[str]  # plain text
    copyable: bool = False
    key: str = ""  # the record field it shows


@dataclass
class SourceView:
    label: str
    url: str  # empty when the source has no link
    note: str
    flag: str  # "", "secondary source", "unofficial copy", "disputed" (pcor_site.reliability.FLAGS)
    copy_url: str = ""  # a mirror's address, linked as "unofficial copy" (the label names the document)
    coins: str = ""  # OpenURL ContextObject of a bibliography entry (rendered as a COinS span)


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
    tier: TierBadge | None
    tags: list[ListSection]
    facts: list[Fact]
    cautions: list[CautionView]
    body_html: str
    text_sections: list[TextSection]  # "what to do" (asks, steps, objectives...), before the body
    later_sections: list[TextSection]  # text sections after the body (key points, discussion questions...)
    tool_sections: list[ListSection]  # "how to put it in place": the tools it names
    related: list[ListSection]  # the one related block: every linked record once, grouped
    sources: list[SourceView]  # sources and references, merged
    last_reviewed: str
    sources_heading: str = "Sources"  # "Sources and references" when the record cites bibliography entries
    what_we_know: list[Fact] = field(default_factory=list)  # a practice's opening: strength and for whom
    early_sections: list = field(default_factory=list)  # features' sections placed before the body
    lead_sections: list = field(default_factory=list)  # features' sections before the body (a module's objectives)
    extra_sections: list = field(default_factory=list)  # features' sections after the body
    head_yaml: str = ""  # extra front matter from features (e.g. Highwire `head_meta`)
    head_title: str = ""  # the page's <title> when it differs from `title` (two records of one title)
    end_sections: list = field(default_factory=list)  # last on the page: "Cite this", structured data
    record_html: str = ""  # features' hidden HTML inside the record block (e.g. a search word)
    data_html: str = ""  # features' hidden HTML after the sources (e.g. search filters)
    search_weights: tuple[int, int] = (10, 6)  # Pagefind weights of the title and the summary (body text: 1)


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
    badge: TierBadge | None = None
    records: ListSection | None = None  # the records in this tier (the first of them, with a link to all)
