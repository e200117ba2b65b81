"""content/references.bib → reference entries, with the checks bibtexparser 2.x does not make.

bibtexparser never raises; it also fails silently on common typos (a missing comma swallows the
next field, a stray `}` truncates the entry, an undefined @string macro becomes its own name).
Each of those is caught here after parsing and reported at its line.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

import bibtexparser
from bibtexparser import model

from .diagnostics import Diagnostic
from .sources.biblinks import doi_problem, entry_url, url_problem
from .sources.crossref import resolve_crossrefs
from .sources.files import read_text, relative

BIB_PATH = Path("content/references.bib")
MAX_BIB_BYTES = 4 * 1024 * 1024
_SWALLOWED = re.compile(r"[}\"]\s*,?\s*([A-Za-z][\w-]*)\s*=\s*[{\"]")
_SWALLOWED_BARE = re.compile(r"\A[^{}\s\"]+\s*\n\s*([A-Za-z][\w-]*)\s*=")  # `year = 2020` then no comma
_SWALLOWED_NAMES = re.compile(r"[}\"]\s*,?\s*([A-Za-z][\w-]*)\s*=")
_BARE_VALUE = re.compile(r"(?m)(?:^|[,{])\s*([A-Za-z][\w-]*)\s*=\s*([A-Za-z][\w:.-]*)\s*(?=[,}\n#])")
_DOI = re.compile(r"10\.\d{4,9}/\S+\Z")
_MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}
REQUIRED = {
    "article": ("author", "title", "journal", "year"),
    "book": ("title", "publisher", "year"),
    "techreport": ("title", "institution", "year"),
    "inproceedings": ("author", "title", "booktitle", "year"),
    "incollection": ("author", "title", "booktitle", "year"),
    "misc": ("title",),
    "online": ("title",),
}
#: The fields a `crossref` parent passes down that the checks below look at.
INHERITED = frozenset({name for names in REQUIRED.values() for name in names} | {"date", "editor"})


@dataclass(frozen=True)
class Reference:
    key: str
    entry_type: str
    fields: dict[str, str]
    line: int  # 1-based line of the entry in the .bib file
    raw: str = field(repr=False, default="")


@dataclass
class Bibliography:
    path: str
    entries: dict[str, Reference] = field(default_factory=dict)

    def get(self, key: str) -> Reference | None:
        return self.entries.get(key)


def _line_of(block: model.Block) -> int:
    return (block.start_line or 0) + 1


def _failed(rel: str, block: model.Block) -> Diagnostic:
    if isinstance(block, model.DuplicateBlockKeyBlock):
        first = getattr(block, "previous_block", None)
        where = f" (first defined on line {_line_of(first)})" if first is not None else ""
        return Diagnostic.of("E502", rel, _line_of(block), 1, f"duplicate key '{block.key}'{where}")
    if isinstance(block, model.DuplicateFieldKeyBlock):
        return Diagnostic.of("E501", rel, _line_of(block), 1, f"a field is given twice in entry '{block.key}'")
    error = getattr(block, "error", None)
    reason = getattr(error, "abort_reason", None) or str(error) or type(block).__name__
    reason = " ".join(str(reason).split())
    return Diagnostic.of("E501", rel, _line_of(block), 1, f"entry could not be parsed: {reason}")


def _check_entry(rel: str, entry: model.Entry, macros: set[str], truncated: bool = False,
                 inherited: dict[str, str] | None = None) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    line = _line_of(entry)
    field_lines = {f.key.lower(): (f.start_line or 0) + 1 if f.start_line is not None else line for f in entry.fields}
    lost: set[str] = set()  # fields hidden by a missing comma: reported once, as E503
    flagged: set[str] = set()  # fields whose value swallowed the next field
    for fld in entry.fields:
        value = str(fld.value)
        swallowed = _SWALLOWED.search(value) or _SWALLOWED_BARE.search(value)
        if swallowed:
            flagged.add(fld.key.lower())
            lost.add(swallowed.group(1).lower())
            lost.update(name.lower() for name in _SWALLOWED_NAMES.findall(value))
            problems.append(Diagnostic.of("E503", rel, (fld.start_line or 0) + 1, 1,
                                          f"field '{fld.key}' of '{entry.key}' contains '{swallowed.group(1)} = ...': a comma is missing before it"))
    problems += _missing_commas(rel, entry, lost)
    for name, value in _BARE_VALUE.findall(entry.raw):
        if value.lower() not in macros and value.lower() not in _MONTHS and not value.isdigit():
            problems.append(Diagnostic.of("E505", rel, field_lines.get(name.lower(), line), 1,
                                          f"field '{name}' of '{entry.key}' uses undefined macro '{value}'"))
    fields = {f.key.lower(): str(f.value) for f in entry.fields}
    for name, value in (inherited or {}).items():  # a `crossref` parent supplies missing fields
        fields.setdefault(name, value)
    for required in () if truncated else REQUIRED.get(entry.entry_type.lower(), ("title",)):
        if required in lost:
            continue
        if required == "year" and ("year" in fields or "date" in fields):
            continue
        if required == "author" and ("author" in fields or "editor" in fields):
            continue
        if not fields.get(required, "").strip():
            problems.append(Diagnostic.of("E506", rel, line, 1, f"@{entry.entry_type} '{entry.key}' has no '{required}'"))
    if "year" in fields and "year" not in flagged and not re.fullmatch(r"\d{4}", fields["year"].strip("{} ")):
        problems.append(Diagnostic.of("E506", rel, line, 1, f"'{entry.key}' has year '{fields['year']}'; write four digits"))
    doi = fields.get("doi")
    if doi is not None and (not _DOI.match(doi.strip()) or doi_problem(doi)):
        problems.append(Diagnostic.of("E507", rel, field_lines.get("doi", line), 1, f"'{entry.key}' has DOI {doi[:80]!r}"))
    link = entry_url(fields)
    if link is not None and (reason := url_problem(link[1])):
        problems.append(Diagnostic.of("E510", rel, field_lines.get(link[0], line), 1, f"field '{link[0]}' of '{entry.key}': {reason}"))
    return problems


def _missing_commas(rel: str, entry: model.Entry, lost: set[str]) -> list[Diagnostic]:
    """Fields bibtexparser kept although no comma separates them from the previous one (BibTeX
    itself stops there): the text before each field's name must end with `,` (or the entry's `{`)."""
    problems = []
    lines = entry.raw.splitlines()
    base = entry.start_line or 0
    for previous, fld in zip(entry.fields, entry.fields[1:]):
        if fld.start_line is None or fld.key.lower() in lost:
            continue
        index = fld.start_line - base
        if not 0 <= index < len(lines):
            continue
        before = lines[index][: max(lines[index].find(fld.key), 0)].rstrip()
        back = index
        while not before and back > 0:
            back -= 1
            before = lines[back].rstrip()
        if before and before[-1] not in ",{(":
            problems.append(Diagnostic.of("E503", rel, fld.start_line + 1, 1,
                                          f"no comma between fields '{previous.key}' and '{fld.key}' of '{entry.key}': BibTeX stops reading the entry here"))
    return problems


_CONCAT = re.compile(r"""^\s*(?:"[^"]*"|\{[^{}]*\}|[A-Za-z0-9_:.-]+)(?:\s*#\s*(?:"[^"]*"|\{[^{}]*\}|[A-Za-z0-9_:.-]+))+\s*$""")
_PART = re.compile(r"""\s*(?:"([^"]*)"|\{([^{}]*)\}|([A-Za-z0-9_:.-]+))\s*(?:#|$)""")


def _concatenate(value: str, strings: dict[str, str]) -> tuple[str, list[str]]:
    """Resolve `a # " " # {b}`: quoted and braced parts as written, names from @string, digits as is."""
    text, undefined = [], []
    for quoted, braced, name in _PART.findall(value):
        if name:
            if name.isdigit():
                text.append(name)
            elif name.lower() in strings:
                text.append(strings[name.lower()].strip('{}"'))
            elif name.lower() in _MONTHS:
                text.append(name)
            else:
                undefined.append(name)
                text.append(name)
        else:
            text.append(quoted or braced)
    return "".join(text), undefined


def parse_bibtex(rel: str, text: str) -> tuple[Bibliography, list[Diagnostic]]:
    """Parse BibTeX text; every broken or suspicious block becomes a diagnostic with its line."""
    logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)
    library = bibtexparser.parse_string(text)
    problems = [_failed(rel, block) for block in library.failed_blocks]
    macros = {string.key.lower() for string in library.strings}
    strings = {string.key.lower(): str(string.value) for string in library.strings}
    truncated: set[int] = set()  # entries cut short by a stray `}`: their missing fields follow it
    previous = None
    for block in library.blocks:
        if isinstance(block, model.ImplicitComment) and block.comment.strip() and re.search(r"[{}=]", block.comment):
            text = " ".join(block.comment.split())
            problems.append(Diagnostic.of("E504", rel, _line_of(block), 1,
                                          f"text outside any entry: {text[:50]!r} (an extra '}}' ended the entry before it)"))
            if isinstance(previous, model.Entry):
                truncated.add(id(previous))
        previous = block
    bibliography = Bibliography(rel)
    by_lower: dict[str, model.Entry] = {}
    checks: list[tuple[model.Entry, bool]] = []
    for entry in library.entries:
        if entry.key.lower() in by_lower:
            first = by_lower[entry.key.lower()]
            problems.append(Diagnostic.of("E502", rel, _line_of(entry), 1,
                                          f"key '{entry.key}' duplicates '{first.key}' on line {_line_of(first)} (keys are case-insensitive)"))
            continue
        if not entry.key.strip():
            problems.append(Diagnostic.of("E501", rel, _line_of(entry), 1, "entry has an empty key"))
            continue
        by_lower[entry.key.lower()] = entry
        checks.append((entry, id(entry) in truncated))
        values = {}
        for fld in entry.fields:
            value = str(fld.value)
            if _CONCAT.search(value):  # `jean # " " # cesar`: bibtexparser leaves @string concatenation unresolved
                value, undefined = _concatenate(value, strings)
                for name in undefined:
                    problems.append(Diagnostic.of("E505", rel, (fld.start_line or entry.start_line or 0) + 1, 1,
                                                  f"field '{fld.key}' of '{entry.key}' uses undefined macro '{name}'"))
            values[fld.key.lower()] = value
        bibliography.entries[entry.key] = Reference(entry.key, entry.entry_type.lower(), values, _line_of(entry), entry.raw)
    inherited, cycles = resolve_crossrefs(by_lower, INHERITED)
    for entry, cut in checks:  # after every entry is known: BibTeX puts crossref parents last
        problems += _check_entry(rel, entry, macros, cut, inherited[entry.key.lower()])
    problems += [Diagnostic.of("E508", rel, _line_of(entry), 1, f"crossref cycle: {chain}") for entry, chain in cycles]
    return bibliography, list(dict.fromkeys(problems))  # one report per problem, in order


def load_bibliography(root: Path) -> tuple[Bibliography, list[Diagnostic]]:
    path = root / BIB_PATH
    rel = relative(root, path)
    if not path.exists():
        return Bibliography(rel), []
    text, problems = read_text(root, path, max_bytes=MAX_BIB_BYTES)
    if text is None:
        return Bibliography(rel), problems
    bibliography, more = parse_bibtex(rel, text)
    return bibliography, problems + more
