"""Privacy check: warn, at its line, about text that looks like personal data.

A hub about mental health must not publish people's contact details or identifiers by accident.
This is a warning, not an error (it is a heuristic), and `--strict` makes it fail CI. Findings:
e-mail addresses and phone numbers (outside an organization's published contact fields),
SSN-like numbers, dates of birth, and quotes attributed to a named person who is not listed in
the record's `consent` field.
"""

from __future__ import annotations

import re

from ...diagnostics import Diagnostic
from ...validate import Item

#: Fields whose whole purpose is a published contact detail of an organization.
CONTACT_FIELDS = {("organization", "contact_email"), ("organization", "contact_phone")}
#: Fields that hold addresses, ids or keys, not prose.
SKIP_FIELDS = {"url", "website", "pcori_urls", "data_urls", "audio_url", "transcript", "ref", "seed", "references",
               "publications", "readings", "registry_ids", "award", "date", "last_reviewed"}

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")
PHONE = re.compile(r"(?<!\d)(?:\+?1[-. ]?)?\(?\d{3}\)?[-. ]\d{3}[-. ]\d{4}(?!\d)")
SSN = re.compile(r"(?<!\d)\d{3}-\d{2}-\d{4}(?!\d)")
BIRTH = re.compile(r"\b(?:born(?: on)?|date of birth|DOB|d\.o\.b\.)\s*:?\s*(?:\d{1,2}[/-]\d{1,2}[/-]\d{2,4}|\d{4}-\d{2}-\d{2}|"
                   r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},?\s+\d{4})",
                   re.IGNORECASE)
_NAME = r"(?:Dr\.\s+|Mr\.\s+|Ms\.\s+|Mrs\.\s+)?([A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z][a-zA-Z'-]+)"
_QUOTE = r"[\"“][^\"”]{12,}[\"”]"
QUOTED_PERSON = re.compile(
    rf"{_QUOTE}\s*,?\s*(?:said|says|according to|—|--|-)\s*{_NAME}|{_NAME}\s*(?:said|says|stated|told [^\"“]{{0,40}})\s*,?:?\s*{_QUOTE}"
)

CHECKS = (
    ("W701", EMAIL, "looks like an e-mail address"),
    ("W702", PHONE, "looks like a phone number"),
    ("W703", SSN, "looks like a Social Security number"),
    ("W704", BIRTH, "looks like a date of birth"),
)


def _strings(value, path=()):
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, inner in value.items():
            yield from _strings(inner, path + (key,))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _strings(inner, path + (index,))


def scan_text(text: str, consented: set[str]) -> list[tuple[int, str, str]]:
    """(line offset within text, code, message) for every finding."""
    found = []
    for offset, line in enumerate(text.splitlines() or [text]):
        for code, pattern, what in CHECKS:
            for match in pattern.finditer(line):
                found.append((offset, code, f"'{match.group(0)}' {what}"))
        for match in QUOTED_PERSON.finditer(line):
            name = next(g for g in match.groups() if g)
            if name not in consented:
                found.append((offset, "W705", f"a quote is attributed to '{name}', who is not listed in `consent`"))
    return found


def check_item(item: Item) -> list[Diagnostic]:
    consented = set(getattr(item.record, "consent", []) or [])
    problems = []
    data = item.record.model_dump(mode="json", exclude_none=True)
    for path, text in _strings(data):
        names = {p for p in path if isinstance(p, str)}
        if names & SKIP_FIELDS or (item.kind.name, path[0]) in CONTACT_FIELDS:
            continue
        line, col = item.position(*path)
        for offset, code, message in scan_text(text, consented):
            where = ".".join(map(str, path))
            problems.append(Diagnostic.of(code, item.path, line + offset, col if offset == 0 else 1, f"{where}: {message}"))
    if item.body:
        for offset, code, message in scan_text(item.body, consented):
            problems.append(Diagnostic.of(code, item.path, item.body_line + offset, 1, message))
    return problems
