"""The References index, in bounded pages: the entries in index order (`references.entries`),
split at first-author letters into pages of at most `per_page` entries (`extra.hub.
references_per_page`, E141), each labelled with its range ("A–C"), with a letter bar and a page
list at top and bottom and rel=prev/next links. A hub whose references fit one page gets one page
at `references/`; further pages live at `references/by-author/<range>/`. Each entry is short: the
formatted citation linking to the reference's own page, its year, its type and how many records
cite it (the formats, "cited by" and the metadata are on that page)."""

from __future__ import annotations

import string
from dataclasses import dataclass, field

from markupsafe import Markup

from ... import urls
from ...diagnostics import Diagnostic
from ...plugin.views import IndexPage
from .references import OTHER_LETTER, ReferenceEntry

PER_PAGE = 50  # the default (benchmarks/page_sizes.py: about 70 KB a page at 1,000 references)
SETTING = "references_per_page"
SCRIPT = "assets/references.js"  # sends an old `references/#ref-KEY` link to the reference's page


def per_page(config) -> tuple[int, list[Diagnostic]]:
    """The configured page size, or the default with an E141 when it is not a whole number ≥ 10."""
    value = (getattr(config, "hub", None) or {}).get(SETTING)
    if value is None:
        return PER_PAGE, []
    if isinstance(value, int) and not isinstance(value, bool) and 10 <= value <= 10_000:
        return value, []
    line, col = config.position(SETTING)
    shown = str(value)[:40]
    return PER_PAGE, [Diagnostic.of("E141", "mkdocs.yml", line, col,
                                    f"extra.hub.{SETTING} is {shown!r}: write a whole number from 10 to 10000 (references on each index page)")]


@dataclass
class Chunk:
    label: str  # "A–C", "S", "Sa–Sm", "#"
    slug: str
    entries: list[ReferenceEntry]


def _range(first: str, last: str) -> str:
    return first if first == last else f"{first}–{last}"


def _cut_labels(parts: list[list[ReferenceEntry]]) -> list[str]:
    """Labels of the pages one letter is cut into: the shortest name prefixes (two letters or
    more) that tell the pages apart and differ across each cut ("Sa–Se", "Sf–Sj";
    "Taylor0–Taylor17", "Taylor18–Taylor9")."""
    longest = max(len(e.name) for part in parts for e in part) + 1
    for n in range(2, longest + 1):
        ends = [(part[0].name[:n], part[-1].name[:n]) for part in parts]
        if all(ends[i][1] != ends[i + 1][0] for i in range(len(ends) - 1)) and len(set(ends)) == len(ends):
            break
    return [_range(first.title(), last.title()) for first, last in ends]


def split(entries: list[ReferenceEntry], size: int) -> list[Chunk]:
    """Consecutive letters packed into pages of at most `size`; a letter larger than a page is cut
    into pages labelled by the first two letters of the names on them."""
    letters: dict[str, list[ReferenceEntry]] = {}
    for entry in entries:
        letters.setdefault(entry.letter, []).append(entry)
    pages: list[tuple[str, list[ReferenceEntry]]] = []
    current: list[ReferenceEntry] = []

    def flush() -> None:
        if current:
            pages.append((_range(current[0].letter, current[-1].letter), list(current)))
            current.clear()

    for letter, group in letters.items():
        if len(group) > size:
            flush()
            parts = [group[start:start + size] for start in range(0, len(group), size)]
            pages.extend(zip(_cut_labels(parts), parts))
        else:
            if len(current) + len(group) > size:
                flush()
            current.extend(group)
    flush()
    chunks, seen = [], set()
    for label, part in pages:
        base = urls.anchor(label.replace("–", "-").replace(OTHER_LETTER, "other"))
        slug, n = base, 2
        while slug in seen:
            slug, n = f"{base}-{n}", n + 1
        seen.add(slug)
        chunks.append(Chunk(label, slug, part))
    return chunks


def page_url(chunks: list[Chunk], index: int) -> str:
    return urls.references() if index == 0 else urls.references_page(chunks[index].slug)


def letter_anchor(letter: str) -> str:
    return "letter-other" if letter == OTHER_LETTER else f"letter-{letter.lower()}"


@dataclass
class NavLink:
    label: str
    url: str = ""  # "" for a letter no author starts with
    current: bool = False
    rel: str = ""
    title: str = ""


@dataclass
class LetterGroup:
    letter: str
    anchor: str
    entries: list  # IndexEntry


@dataclass
class IndexEntry:
    anchor: str
    url: str
    html: Markup
    year: str
    type_label: str
    cited: int
    weak: bool
    coins: Markup = Markup("")


@dataclass
class IndexView:
    label: str  # the page's range, "" on a one-page index
    count: int  # references in the whole hub
    groups: list[LetterGroup]
    letters: list[NavLink] = field(default_factory=list)
    pages: list[NavLink] = field(default_factory=list)  # empty on a one-page index
    extra_html: Markup = Markup("")


def _letters(chunks: list[Chunk], here: str) -> list[NavLink]:
    where = {}
    for index, chunk in enumerate(chunks):
        for entry in chunk.entries:
            where.setdefault(entry.letter, page_url(chunks, index))
    found = []
    for letter in [OTHER_LETTER, *string.ascii_uppercase]:
        if letter in where:
            same = where[letter] == here
            found.append(NavLink(letter, ("#" if same else urls.relative(here, where[letter]) + "#") + letter_anchor(letter)))
        elif letter != OTHER_LETTER:
            found.append(NavLink(letter))
    return found


def _pages(chunks: list[Chunk], index: int, here: str) -> list[NavLink]:
    if len(chunks) < 2:
        return []
    links = [NavLink(c.label, urls.relative(here, page_url(chunks, n)), n == index) for n, c in enumerate(chunks)]
    if index > 0:
        links.insert(0, NavLink("Previous", urls.relative(here, page_url(chunks, index - 1)), rel="prev", title=chunks[index - 1].label))
    if index < len(chunks) - 1:
        links.append(NavLink("Next", urls.relative(here, page_url(chunks, index + 1)), rel="next", title=chunks[index + 1].label))
    return links


def views(entries: list[ReferenceEntry], size: int, coins, extra_html) -> list[tuple[IndexPage, IndexView]]:
    """(IndexPage, IndexView) of every index page. `coins(entry)` is an entry's COinS span or "";
    `extra_html(url, entries)` the page's structured data and scripts."""
    chunks = split(entries, size) or [Chunk("", "", [])]
    found = []
    for index, chunk in enumerate(chunks):
        here = page_url(chunks, index)
        groups: dict[str, LetterGroup] = {}
        for entry in chunk.entries:
            group = groups.setdefault(entry.letter, LetterGroup(entry.letter, letter_anchor(entry.letter), []))
            group.entries.append(IndexEntry(entry.anchor, urls.relative(here, urls.reference(entry.key)), entry.html, entry.year,
                                            entry.type_label, len(entry.cited_by), bool(entry.caution), coins(entry)))
        several = len(chunks) > 1
        title = f"References {chunk.label}" if several and index else "References"
        intro = (f"Every publication the hub cites ({len(entries):,}), sorted by first author, year and title. "
                 "Open one for its full citation, the records that cite it and its citation formats.")
        label = chunk.label if several else ""
        page = IndexPage(here, urls.doc_for(here), title, intro if not index else f"{title}: page {index + 1} of {len(chunks)}.", intro)
        found.append((page, IndexView(label, len(entries), list(groups.values()), _letters(chunks, here),
                                      _pages(chunks, index, here), Markup(extra_html(here, chunk.entries)))))
    return found
