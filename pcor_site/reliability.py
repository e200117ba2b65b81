"""How much weight a source bears, and the caution readers see because of it.

The rule (issue 17): any fact in a record that rests on a source marked `secondary`, `mirror` or
`disputed` shows a caution on that record's page, without a hand-written note. A source is weak
when the record says so (`reliability:` on the source) or when the BibTeX entry it points to says
so in its provenance fields:

* `x-reliability = {secondary|mirror|disputed}`: the weakest source behind the entry's fields;
* `x-reliability-fields = {number, doi}`: which fields rest on it (absent: the whole entry);
* `x-copy-url = {https://...}`: where an unofficial copy was read (shown as "unofficial copy",
  never as the work's own address; a mirror's address belongs here, not in `url`).

A record "rests on" every source in its `sources:` and every BibTeX key it cites anywhere (a
`BibKey` field such as `publications` or `readings`, or `[@key]` in its text). A weak source that
a hand-written caution already lists is covered by that caution; every other weak source is listed
in one automatic caution. The References page shows `reference_caution` for each weak entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .diagnostics import Diagnostic
from .schema.types import Source

LEVELS = ("primary", "secondary", "mirror", "disputed")
WEAK = frozenset({"secondary", "mirror", "disputed"})
FLAGS = {"secondary": "secondary source", "mirror": "unofficial copy", "disputed": "disputed"}
LEVEL_FIELD, FIELDS_FIELD, COPY_FIELD = "x-reliability", "x-reliability-fields", "x-copy-url"
#: BibTeX field → how readers call it, in cautions.
FIELD_WORDS = {
    "author": "authors", "editor": "editors", "title": "title", "journal": "journal", "year": "year",
    "month": "month", "volume": "volume", "number": "issue number", "pages": "pages", "doi": "DOI",
    "url": "address", "institution": "institution", "publisher": "publisher", "howpublished": "publication details",
}
AUTO_CAUTION = (
    "Some of what this page says rests on sources weaker than the funder's, publisher's or "
    "organization's own: secondary sources (news items, indexes or third-party summaries), "
    "unofficial copies of documents, or sources that disagree. Weigh these facts with care and "
    "check the original where you can."
)
UNLINKED = "unofficial copy; not linked, because the site holding it is unrelated to the document"


@dataclass(frozen=True)
class Provenance:
    level: str  # one of LEVELS
    fields: tuple[str, ...] = ()  # the BibTeX fields resting on the weaker source; () = the whole entry
    copy_url: str = ""


def _clean(value: str) -> str:
    return " ".join(value.replace("{", "").replace("}", "").split())


def provenance(reference) -> Provenance:
    """The provenance a BibTeX entry declares (primary when it declares none)."""
    if reference is None:
        return Provenance("primary")
    fields = reference.fields
    level = _clean(fields.get(LEVEL_FIELD, "primary")).lower() or "primary"
    named = tuple(f.strip().lower() for f in _clean(fields.get(FIELDS_FIELD, "")).split(",") if f.strip())
    return Provenance(level if level in LEVELS else "primary", named, _clean(fields.get(COPY_FIELD, "")))


def _words(names: tuple[str, ...]) -> str:
    words = [FIELD_WORDS.get(n, n) for n in names]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def reference_caution(reference) -> str:
    """Plain text readers see beside a weak BibTeX entry ("" for a primary one)."""
    found = provenance(reference)
    if found.level not in WEAK:
        return ""
    what = f"The {_words(found.fields)} of this reference" if found.fields else "The details of this reference"
    verb = "comes" if len(found.fields) == 1 and not found.fields[0].endswith(("author", "editor")) else "come"
    if found.level == "mirror":
        if found.fields:
            return f"{what} {verb} from an unofficial copy of the work."
        return "This work was found only as unofficial copies on other sites, not at its publisher's own address."
    if found.level == "disputed":
        return f"Sources disagree on the {_words(found.fields)} of this reference." if found.fields else "Sources disagree on the details of this reference."
    return f"{what} {verb} from a secondary source (an index, a citation list or a third-party summary), not from the publisher."


def level(source: Source, bibliography) -> str:
    """How weak a source is: its own `reliability`, or, for a `ref:`, its entry's provenance."""
    if source.reliability != "primary":
        return source.reliability
    if source.ref and bibliography is not None:
        return provenance(bibliography.get(source.ref)).level
    return "primary"


def flag(source: Source, bibliography) -> str:
    """The short label after a source ("secondary source", "unofficial copy", "disputed")."""
    found = level(source, bibliography)
    if found == "mirror" and source.url and source.linked is False:
        return UNLINKED
    return FLAGS.get(found, "")


def mirror_label(source: Source) -> str:
    """A mirror copy is named by the document's official title and publisher, not by its host."""
    return f"{source.title}, {source.publisher}" if source.publisher else str(source.title)


def copy_url(source: Source) -> str:
    """The address of an unofficial copy, when it may be linked."""
    return source.url if source.url and source.linked is not False else ""


def _locator(source: Source) -> tuple[str, str]:
    return ("url", source.url) if source.url else ("ref", source.ref) if source.ref else ("seed", source.seed)


class Index:
    """The BibTeX keys each record cites, found once for the whole catalog."""

    def __init__(self, catalog):
        self.catalog = catalog
        self.keys: dict[str, list[str]] = {}
        for key, links in catalog.cited_by.items():
            for link in links:
                if link.field != "cautions":  # a caution's own sources are shown inside it already
                    self.keys.setdefault(link.source.key, [])
                    if key not in self.keys[link.source.key]:
                        self.keys[link.source.key].append(key)

    def weak_sources(self, item) -> list[Source]:
        """Every weak source the record rests on, with its effective reliability and the reason as its note."""
        bibliography = self.catalog.bibliography
        found: list[Source] = []
        for source in item.record.sources:
            weakness = level(source, bibliography)
            if weakness in WEAK:
                reason = reference_caution(bibliography.get(source.ref)) if source.ref and source.reliability == "primary" else ""
                found.append(source.model_copy(update={"reliability": weakness, "note": source.note or reason or None}))
        listed = {_locator(s) for s in found}
        for key in sorted(self.keys.get(item.key, [])):
            reference = bibliography.get(key)
            weakness = provenance(reference).level
            if weakness in WEAK and ("ref", key) not in listed:
                found.append(Source(ref=key, reliability=weakness, note=reference_caution(reference)))
        return found

    def uncovered(self, item) -> list[Source]:
        """Weak sources that no hand-written caution on the record lists."""
        covered = {_locator(s) for caution in item.record.cautions for s in caution.sources}
        return [s for s in self.weak_sources(item) if _locator(s) not in covered]

    def cautions(self, item) -> list[tuple[str, list[Source]]]:
        """The automatic caution of a record, as (text, sources): empty when nothing is uncovered."""
        sources = self.uncovered(item)
        return [(AUTO_CAUTION, sources)] if sources else []


def study_count_note(catalog) -> str:
    """What a count of "PCORI-funded studies" must add when some rest on secondary sources."""
    secondary = sorted(i.record.short_name or i.record.title for i in catalog.of_kind("study")
                       if getattr(i.record, "pcori_funding", "confirmed") == "secondary")
    if not secondary:
        return ""
    names = ", ".join(secondary)
    return f"The PCORI funding of {len(secondary)} of them ({names}) is stated only by a secondary source."


def check_bibliography(bibliography) -> list[Diagnostic]:
    """E509: provenance fields that readers' cautions depend on must be well formed."""
    problems = []
    for key, reference in bibliography.entries.items():
        fields = reference.fields
        raw = _clean(fields.get(LEVEL_FIELD, "primary")).lower()
        where = (bibliography.path, reference.line, 1)
        if raw not in LEVELS:
            problems.append(Diagnostic.of("E509", *where, f"'{key}' has {LEVEL_FIELD} '{raw}'; use one of {', '.join(LEVELS)}"))
            continue
        found = provenance(reference)
        for name in found.fields:
            if name not in fields:
                problems.append(Diagnostic.of("E509", *where, f"'{key}' names field '{name}' in {FIELDS_FIELD}, but the entry has no such field"))
        if found.fields and found.level == "primary":
            problems.append(Diagnostic.of("E509", *where, f"'{key}' has {FIELDS_FIELD} but no {LEVEL_FIELD}"))
        if found.copy_url and (found.level != "mirror" or not re.match(r"https?://[^\s/]+\.[^\s]+$", found.copy_url)):
            problems.append(Diagnostic.of("E509", *where, f"'{key}' has {COPY_FIELD} without {LEVEL_FIELD} = {{mirror}}, or not as a full http(s) address"))
        if found.level == "mirror" and fields.get("url") and not found.copy_url:
            problems.append(Diagnostic.of("E509", *where, f"'{key}' is a mirror copy: move its address from 'url' to {COPY_FIELD}"))
    return problems
