"""Explore: faceted search over every record, served from a static Pagefind index.

Three parts, all driven by the catalog:

* `record_index(item, catalog)`: the filters, metadata and sort keys a record page carries as
  `data-pagefind-*` attributes (rendered by record.md.j2), so the index knows each record's kind,
  priority areas, regions, audiences, purchaser actions, evidence tier and year.
* `explore_page(catalog, env)`: the Explore page (explore.md.j2). The facet values and their labels
  are written at build time; `static/explore.js` fills in live counts, runs the searches and keeps
  the whole state in the address. Without JavaScript the page points to the landing pages, which
  reach every record.
* `index_site(site)`: runs the Pagefind indexer (PyPI `pagefind-bin`) on the built site during
  the post-build step. The index is chunked, so a reader downloads only the pieces a query needs.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import Diagnostic
from .render import urls
from .schema import KINDS

URL = "explore/"
DOC = "explore.md"
BUNDLE_DIR = "pagefind"
UNRATED_RANK = 99
#: A word every record page carries (in an attribute, so nobody sees it). Explore searches for it to
#: list records by filters alone: Pagefind 1.5 answers a `null` search by loading every word chunk
#: of the index (about 1 MB at 5,000 records); this word lives in one chunk.
ALL_RECORDS_WORD = "pcorrecord"
UNUSED_BUNDLE_FILES = (
    "pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
    "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
)
_YEAR = re.compile(r"\b(1[89]\d\d|2\d\d\d)\b")

#: The facets, in the order readers see them: (URL parameter and index filter key, label).
FACETS = (
    ("kind", "Kind of record"),
    ("area", "Priority area"),
    ("region", "RESET Region"),
    ("audience", "Audience"),
    ("action", "Purchaser action"),
    ("tier", "Evidence tier"),
    ("year", "Year"),
)
SORTS = (
    ("relevance", "Relevance"),
    ("title", "Title (A to Z)"),
    ("date", "Date (newest first)"),
    ("tier", "Evidence tier (strongest first)"),
)


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


@dataclass
class FacetValue:
    id: str
    label: str


@dataclass
class Facet:
    key: str
    label: str
    values: list[FacetValue]


@dataclass
class LandingLink:
    title: str
    url: str


@dataclass
class ExplorePage:
    url: str
    doc: str
    title: str
    description: str
    facets: list[Facet]
    sorts: list[FacetValue]
    landing: list[tuple[str, list[LandingLink]]]
    script_url: str
    all_records_word: str = ALL_RECORDS_WORD


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
    text = " ".join(re.sub(r"[*_`#>\[\]]", "", text).split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def record_index(item, catalog) -> RecordIndex:
    record = item.record
    index = RecordIndex()
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
    index.meta = [Tag("kind", item.kind.label), Tag("summary", _plain(record.summary))]
    if tier is not None:
        index.meta.append(Tag("tier", tier.label))
    # every page carries every sort key: Pagefind drops pages without the key from sorted results
    index.sorts = [
        Tag("title", " ".join(record.title.casefold().split())),
        Tag("date", record_date(record) or "0000-00-00"),
        Tag("tier", str(tier.rank if tier is not None else UNRATED_RANK)),
    ]
    return index


def _facet_values(catalog, key: str) -> list[FacetValue]:
    if key == "kind":
        return [FacetValue(k.name, k.label) for k in KINDS.values() if catalog.of_kind(k.name)]
    if key == "area":
        return [FacetValue(t.id, t.label) for t in catalog.terms("priority_areas")]
    if key == "region":
        regions = sorted(catalog.of_kind("region"), key=lambda i: i.record.title.casefold())
        return [FacetValue(i.id, i.record.title) for i in regions]
    if key == "audience":
        return [FacetValue(t.id, t.label) for t in catalog.terms("audiences")]
    if key == "action":
        return [FacetValue(t.id, t.label) for t in catalog.terms("action_types")]
    if key == "tier":
        return [FacetValue(t.id, t.label) for t in sorted(catalog.terms("evidence_tiers"), key=lambda t: t.rank)]
    if key == "year":
        years = {record_year(i.record) for i in catalog.items.values()} - {""}
        return [FacetValue(y, y) for y in sorted(years, reverse=True)]
    raise KeyError(key)


def explore_view(catalog) -> ExplorePage:
    facets = [Facet(key, label, values) for key, label in FACETS if (values := _facet_values(catalog, key))]
    landing = [
        ("Kinds of record", [LandingLink(k.plural, urls.relative(URL, urls.kind_index(k)))
                             for k in KINDS.values() if k.name != "page" and catalog.of_kind(k.name)]),
        ("Priority areas", [LandingLink(t.label, urls.relative(URL, urls.priority_area(t.id)))
                            for t in catalog.terms("priority_areas")]),
        ("RESET Regions", [LandingLink(i.record.title, urls.relative(URL, urls.record(i.kind, i.id)))
                           for i in sorted(catalog.of_kind("region"), key=lambda i: i.record.title.casefold())]),
    ]
    return ExplorePage(
        url=URL, doc=DOC, title="Explore",
        description="Search and filter every record in the hub by kind, priority area, region, audience, purchaser action, evidence tier and year.",
        facets=facets, sorts=[FacetValue(id, label) for id, label in SORTS],
        landing=[(heading, links) for heading, links in landing if links],
        script_url=urls.relative(URL, "assets/explore.js"),
    )


def explore_page(catalog, env) -> str:
    return env.get_template("explore.md.j2").render(page=explore_view(catalog))


# -- the index --------------------------------------------------------------------------------


def pagefind_executable() -> Path | None:
    try:
        from pagefind_bin import get_executable
    except ImportError:
        return None
    try:
        return get_executable()
    except FileNotFoundError:
        return None


def index_site(site: Path) -> list[Diagnostic]:
    """Write the Pagefind bundle into `site/pagefind/`. A missing indexer or a failed run is an error."""
    executable = pagefind_executable()
    if executable is None:
        return [Diagnostic.of("E901", "site", 1, 1, "the search indexer is missing: install the package 'pagefind-bin' (pip install -e .)")]
    try:
        done = subprocess.run(
            [str(executable), "--site", str(site), "--output-subdir", BUNDLE_DIR, "--force-language", "en", "--silent"],
            capture_output=True, text=True, timeout=600,
        )
    except (OSError, subprocess.SubprocessError) as error:
        return [Diagnostic.of("E901", "site", 1, 1, f"the search indexer failed: {error}")]
    if done.returncode != 0 or not (site / BUNDLE_DIR / "pagefind.js").is_file():
        detail = (done.stderr or done.stdout).strip().splitlines()
        return [Diagnostic.of("E901", "site", 1, 1, f"the search indexer failed: {detail[-1] if detail else done.returncode}")]
    for name in UNUSED_BUNDLE_FILES:  # Pagefind's ready-made interfaces: Explore has its own
        (site / BUNDLE_DIR / name).unlink(missing_ok=True)
    stabilise_filters(site / BUNDLE_DIR)
    return []


# -- reproducible filter chunks ----------------------------------------------------------------
# Pagefind 1.5 writes the values inside each filter chunk in hash-map order, so two runs on the same
# site give different filter files (and names, and so a different metadata file). Pagefind's issue
# #638 says fragments are stable since 1.3 but "filter/metadata indexes" may still change. To keep
# builds byte-identical we sort each chunk's values, name the chunk after its new content, and
# rename the metadata file that lists the chunks. Chunk format: b"pagefind_dcd" + CBOR
# [filter name, [[value, [page numbers]], ...]]; entries are moved whole, their bytes unchanged.

_SIGNATURE = b"pagefind_dcd"


def _cbor_head(data: bytes, i: int) -> tuple[int, int, int]:
    """(major type, argument, index after the head) of the CBOR item at i (definite lengths only)."""
    major, info = data[i] >> 5, data[i] & 31
    i += 1
    if info < 24:
        return major, info, i
    size = {24: 1, 25: 2, 26: 4, 27: 8}.get(info)
    if size is None:
        raise ValueError("indefinite-length CBOR is not expected in a Pagefind chunk")
    return major, int.from_bytes(data[i:i + size], "big"), i + size


def _cbor_end(data: bytes, i: int) -> int:
    major, arg, i = _cbor_head(data, i)
    if major in (0, 1, 7):
        return i
    if major in (2, 3):
        return i + arg
    if major == 6:
        return _cbor_end(data, i)
    for _ in range(arg * (2 if major == 5 else 1)):
        i = _cbor_end(data, i)
    return i


def _sorted_entries(data: bytes, at: int) -> tuple[bytes, int]:
    """The CBOR array at `at` with its entries ordered by their bytes, and the index after it."""
    major, entries, first = _cbor_head(data, at)
    if major != 4:
        raise ValueError("expected an array")
    spans, j = [], first
    for _ in range(entries):
        end = _cbor_end(data, j)
        spans.append(data[j:end])
        j = end
    return data[at:first] + b"".join(sorted(spans)), j


def _sorted_chunk(data: bytes) -> bytes:
    """Filter chunk [name, [[value, pages], ...]]: entries sorted (by value: they start with it)."""
    if not data.startswith(_SIGNATURE):
        raise ValueError("not a Pagefind chunk")
    major, count, body = _cbor_head(data, len(_SIGNATURE))
    if major != 4 or count != 2:
        raise ValueError("unexpected filter chunk layout")
    name_end = _cbor_end(data, body)
    entries, end = _sorted_entries(data, name_end)
    if end != len(data):
        raise ValueError("trailing bytes in filter chunk")
    return data[:name_end] + entries


def _sorted_meta(data: bytes) -> bytes:
    """Metadata [version, pages, index chunks, filters [[name, chunk]], sorts [[name, order]], meta keys]:
    the filter and sort lists sorted by name. Page and chunk order is meaningful and kept."""
    if not data.startswith(_SIGNATURE):
        raise ValueError("not a Pagefind chunk")
    major, count, i = _cbor_head(data, len(_SIGNATURE))
    if major != 4 or count != 6:
        raise ValueError("unexpected metadata layout")
    out = [data[:i]]
    for position in range(count):
        if position in (3, 4):
            part, end = _sorted_entries(data, i)
        else:
            end = _cbor_end(data, i)
            part = data[i:end]
        out.append(part)
        i = end
    if i != len(data):
        raise ValueError("trailing bytes in metadata")
    return b"".join(out)


def stabilise_filters(bundle: Path) -> None:
    import gzip
    import hashlib
    import json

    renames: dict[str, str] = {}
    for chunk in sorted((bundle / "filter").glob("*.pf_filter")):
        try:
            data = _sorted_chunk(gzip.decompress(chunk.read_bytes()))
        except (ValueError, OSError, IndexError):
            return  # an unknown layout (another Pagefind version): leave the bundle as Pagefind wrote it
        language, _, old_hash = chunk.stem.partition("_")
        new = f"{language}_{hashlib.sha256(data).hexdigest()[:len(old_hash)]}"
        chunk.unlink()
        (bundle / "filter" / f"{new}.pf_filter").write_bytes(gzip.compress(data, 9, mtime=0))
        renames[chunk.stem] = new
    entry_file = bundle / "pagefind-entry.json"
    entry = entry_file.read_text(encoding="utf-8")
    for meta in sorted(bundle.glob("pagefind.*.pf_meta")):
        data = gzip.decompress(meta.read_bytes())
        for old, new in renames.items():
            data = data.replace(old.encode(), new.encode())  # same length: the CBOR stays valid
        try:
            data = _sorted_meta(data)
        except (ValueError, IndexError):
            pass  # an unknown layout: still valid, only not reproducible
        old_hash = meta.name.removeprefix("pagefind.").removesuffix(".pf_meta")
        language, _, digest = old_hash.partition("_")
        new_hash = f"{language}_{hashlib.sha256(data).hexdigest()[:len(digest)]}"
        meta.unlink()
        (bundle / f"pagefind.{new_hash}.pf_meta").write_bytes(gzip.compress(data, 9, mtime=0))
        entry = entry.replace(json.dumps(old_hash), json.dumps(new_hash))
    entry_file.write_text(entry, encoding="utf-8")
