"""What a record page tells the search index: its filters (kind, priority areas, regions,
audiences, purchaser actions, evidence tier, year), metadata and sort keys, written as hidden
`data-pagefind-*` elements the Pagefind indexer reads."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markupsafe import Markup

from ...text.plain import first_sentence, shorten

UNRATED_RANK = 99
#: A word every record page carries (in an attribute, so nobody sees it). Explore searches for it to
#: list records by filters alone: Pagefind 1.5 answers a `null` search by loading every word chunk
#: of the index (about 1 MB at 5,000 records); this word lives in one chunk.
ALL_RECORDS_WORD = "pcorrecord"
_YEAR = re.compile(r"\b(1[89]\d\d|2\d\d\d)\b")


@dataclass
class Tag:
    key: str
    value: str


@dataclass
class RecordIndex:
    """What a record page tells the search index. Values are plain text; the template escapes them."""

    filters: list[Tag] = field(default_factory=list)
    meta: list[Tag] = field(default_factory=list)
    sorts: list[Tag] = field(default_factory=list)
    word: str = ALL_RECORDS_WORD
    topic: list[str] = field(default_factory=list)  # the names of what the record is about (see topic_words)


#: The weight of a record's topic words: what it is about counts like its summary (6), below its title (10).
TOPIC_WEIGHT = 6


def topic_words(record, kind, catalog) -> list[str]:
    """What the record is about, in the words readers search for: the name of its first (main)
    priority area and the other names of the glossary term of that name (`also_known_as`). A record
    about parity is found by "parity" even where its own text says "MHPAEA" or describes the rule;
    a record that only mentions the topic, or lists it as a second area, does not get these words;
    nor do pages that explain or quote the evidence records (`Kind.explains`: glossary, course,
    framework...), whose titles name their topic already: the words mark the record about it."""
    if kind.explains or not record.priority_areas:
        return []
    area = catalog.term("priority_areas", record.priority_areas[0])
    if area is None:
        return []
    words = [area.label]
    term = catalog.get("term", area.id)
    if term is not None:
        words += [term.record.title, *getattr(term.record, "also_known_as", [])]
    return list(dict.fromkeys(words))


def record_date(record) -> str:
    """The record's own date as YYYY-MM-DD (partial dates padded), else its last review, else ''."""
    own = getattr(record, "date", None) or getattr(record, "period", None)
    if own:
        text = str(own)
        match = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", text)
        if match:
            return "-".join(part or "00" for part in match.groups())
        year = _YEAR.search(text)
        if year:
            return f"{year.group(1)}-00-00"
    return record.last_reviewed.isoformat() if record.last_reviewed else ""


def record_year(record) -> str:
    """The year of the record's own date (event, episode, study period start); '' when it has none."""
    own = getattr(record, "date", None) or getattr(record, "period", None)
    match = _YEAR.search(str(own)) if own else None
    return match.group(1) if match else ""


def _plain(text: str, limit: int = 200) -> str:
    return shorten(re.sub(r"[*_`#>\[\]]", "", text), limit)


def record_index(item, catalog) -> RecordIndex:
    record = item.record
    index = RecordIndex(topic=topic_words(record, item.kind, catalog))
    add = index.filters.append
    add(Tag("kind", item.kind.name))
    for id in record.priority_areas:
        add(Tag("area", id))
    for id in record.regions:
        add(Tag("region", id))
    for id in record.audiences:
        add(Tag("audience", id))
    for id in getattr(record, "action_types", []) or []:
        add(Tag("action", id))
    tier_id = getattr(record, "evidence_tier", None)
    tier = catalog.term("evidence_tiers", tier_id) if tier_id else None
    if tier is not None:
        add(Tag("tier", tier.id))
    year = record_year(record)
    if year:
        add(Tag("year", year))
    index.meta = [Tag("kind", item.kind.label), Tag("summary", _plain(record.summary)),
                  Tag("record", item.id), Tag("record_kind", item.kind.name)]  # the handout builder's data-handout-* hooks
    if tier is not None:  # Explore draws the same graded badge as the pages (plugin.views.TierBadge)
        scale = len(catalog.terms("evidence_tiers"))
        index.meta += [Tag("tier", tier.label), Tag("tier_id", tier.id),
                       Tag("tier_strength", str(max(1, scale - tier.rank + 1))), Tag("tier_scale", str(scale)),
                       Tag("tier_meaning", first_sentence(tier.description))]
    # every page carries every sort key: Pagefind drops pages without the key from sorted results
    index.sorts = [
        Tag("title", " ".join(record.title.casefold().split())),
        Tag("date", record_date(record) or "0000-00-00"),
        Tag("tier", str(tier.rank if tier is not None else UNRATED_RANK)),
    ]
    return index


def word_html(index: RecordIndex) -> Markup:
    """Inside the record block: the word that lists every record (see ALL_RECORDS_WORD), and the
    record's topic words (weighted, hidden: the page shows its priority areas already)."""
    word = Markup('<span hidden data-pagefind-index-attrs="data-pcor-word" data-pcor-word="{}"></span>').format(index.word)
    if not index.topic:
        return word
    return word + Markup('<span hidden data-pagefind-weight="{}">{}</span>').format(TOPIC_WEIGHT, "; ".join(index.topic))


def data_html(index: RecordIndex) -> Markup:
    """After the sources: the filters, metadata and sort keys, hidden and ignored as text."""
    parts = [Markup('<span data-pagefind-filter="{}:{}"></span>').format(t.key, t.value) for t in index.filters]
    parts += [Markup('<span data-pagefind-meta="{}:{}"></span>').format(t.key, t.value) for t in index.meta]
    parts += [Markup('<span data-pagefind-sort="{}:{}"></span>').format(t.key, t.value) for t in index.sorts]
    return Markup('<div class="pcor-index-data" hidden data-pagefind-ignore>{}</div>').format(Markup("").join(parts))
