"""Plain-text reference formatting (AMA-like) with LaTeX decoded to Unicode.

A stand-in until references are formatted through a CSL processor: it only orders the fields
that the entry has, and never adds any.
"""

from __future__ import annotations

from functools import lru_cache

from pylatexenc.latex2text import LatexNodes2Text

from ..bibliography import Reference

_LATEX = LatexNodes2Text(math_mode="verbatim", strict_latex_spaces=True)


@lru_cache(maxsize=4096)
def latex_to_text(value: str) -> str:
    try:
        return " ".join(_LATEX.latex_to_text(value).split())
    except Exception:  # noqa: BLE001 - malformed LaTeX falls back to the raw text
        return " ".join(value.replace("{", "").replace("}", "").split())


def _author(name: str) -> str:
    name = latex_to_text(name.strip())
    if "," not in name:
        return name
    last, _, first = name.partition(",")
    initials = "".join(part[0] for part in first.replace("-", " ").replace(".", " ").split() if part[0].isalpha())
    return f"{last.strip()} {initials}".strip()


def authors(reference: Reference) -> str:
    raw = reference.fields.get("author") or reference.fields.get("editor") or ""
    names = [_author(n) for n in raw.replace("\n", " ").split(" and ") if n.strip()]
    if len(names) > 6:
        names = names[:3] + ["et al"]
    return ", ".join(names)


def format_reference(reference: Reference) -> str:
    f = {k: latex_to_text(v) for k, v in reference.fields.items()}
    parts = []
    who = authors(reference)
    if who:
        parts.append(who.rstrip(".") + ".")
    if f.get("title"):
        parts.append(f["title"].rstrip(".") + ".")
    container = f.get("journal") or f.get("booktitle") or f.get("institution") or f.get("publisher")
    detail = f.get("year", "")
    if f.get("volume"):
        detail += f";{f['volume']}"
        if f.get("number"):
            detail += f"({f['number']})"
    if f.get("pages"):
        detail += f":{f['pages'].replace('--', '–')}"
    if container:
        parts.append(f"{container}." + (f" {detail}." if detail else ""))
    elif detail:
        parts.append(f"{detail}.")
    if f.get("doi"):
        parts.append(f"doi:{f['doi']}")
    return " ".join(parts)
