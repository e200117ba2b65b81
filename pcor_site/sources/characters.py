"""Which characters a record may contain, checked on the file's text and on every decoded value.

The raw-text check alone is not enough: YAML double-quoted strings decode escapes (`"\\x1b"`,
`"\\u202e"`, `"\\uFFFE"`), so a file that is clean ASCII can still carry an escape character, a
bidi override or a character XML cannot hold. The loader runs the same check on every string it
builds.
"""

from __future__ import annotations

import re
import unicodedata

ALLOWED_CONTROLS = frozenset("\t\n\r")
_CANDIDATES = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|[^\x00-\x7f]")


def _forbidden(char: str) -> bool:
    if char in ALLOWED_CONTROLS:
        return False
    code = ord(char)
    if 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE:  # Unicode noncharacters; XML refuses U+FFFE/U+FFFF
        return True
    return unicodedata.category(char) in ("Cc", "Cf", "Co", "Cs") or char in "\u2028\u2029"


def describe(char: str) -> str:
    name = unicodedata.name(char, "control character" if unicodedata.category(char) == "Cc" else "noncharacter")
    return f"forbidden character U+{ord(char):04X} ({name})"


def first_forbidden(text: str) -> tuple[int, str] | None:
    """(offset, description) of the first control, invisible formatting or non-character."""
    for match in _CANDIDATES.finditer(text):
        if _forbidden(match.group()):
            return match.start(), describe(match.group())
    return None


def forbidden_character(text: str) -> tuple[int, int, str] | None:
    """The first forbidden character of a file's text as (line, column, description)."""
    hit = first_forbidden(text)
    if hit is None:
        return None
    offset, message = hit
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column, message
