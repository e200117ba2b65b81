"""pydantic's validation errors in plain words.

pydantic speaks to programmers ("String should match pattern '^[a-z0-9]...$'", "Input should be a
valid list", "valid dictionary or instance of Source"). Contributors are coalition staff and
researchers: each message here says what the value should look like in the file, with an example,
and never shows a regular expression or a Python type name.
"""

from __future__ import annotations

import re

from ..diagnostics import closest_choices
from .types import BIBKEY_PATTERN, SLUG_PATTERN

#: How a wrongly typed value looks to a contributor, by the kind of value the YAML produced.
_SHAPES = {dict: "a group of indented `name: value` lines", list: "a list of `- ` lines", bool: "true or false",
           int: "a number", float: "a number", type(None): "nothing"}


def _shape(value) -> str:
    for kind, words in _SHAPES.items():
        if isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
            return words
    return "text"


def _slug_hint(value) -> str:
    text = str(value)
    guess = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:80]
    return f" (for example '{guess}')" if guess and guess != text else ""


def _pattern(item: dict, where: str) -> str:
    value = item.get("input")
    pattern = (item.get("ctx") or {}).get("pattern")
    if pattern == SLUG_PATTERN:
        return (f"{where}: '{value}' is not an id: ids use lower-case letters, digits and hyphens, starting with a "
                f"letter or digit{_slug_hint(value)}")
    if pattern == BIBKEY_PATTERN:
        return f"{where}: '{value}' is not a reference key: use the key of an entry in content/references.bib (letters, digits and : _ . + -)"
    return f"{where}: '{value}' contains characters that are not allowed here"


def _wrong_type(kind: str, item: dict, where: str, leaf: str) -> str:
    value = item.get("input")
    found = _shape(value)
    if kind == "list_type":
        example = str(value).splitlines()[0][:40] if isinstance(value, str) and value else "first item"
        return f"{where} must be a list: write it as a list, each item on its own line under '{leaf}:', like `  - {example}`"
    if kind in ("model_type", "dict_type"):
        if leaf == "sources" or where.startswith("sources.") or ".sources." in where:
            return (f"{where}: each source is a group of fields, not {found}: write `- url: https://...` "
                    "(or `- seed: chcc-pcor-capacity`, or `- ref: KEY`), with title and note on the indented lines below")
        return f"{where} must be a group of indented `name: value` lines, not {found}"
    if kind == "string_type":
        if isinstance(value, dict):
            return (f"{where} must be text, but YAML read a group of fields (a ': ' inside the value, or an indented "
                    "line under it): put the whole text in quotes")
        if isinstance(value, list):
            return f"{where} must be one piece of text, not a list: remove the '- ' and write the text after '{leaf}: '"
        return f"{where} must be text, not {found}: put the value in quotes, e.g. {leaf}: \"{value}\""
    if kind in ("bool_type", "bool_parsing"):
        return f"{where} must be true or false (without quotes), not {found}"
    shown = f"'{value}'" if isinstance(value, str) else found
    if kind.startswith("float_"):
        return f"{where} must be a number written in digits (e.g. 40 or 12.5), not {shown}"
    if kind.startswith("int_") or kind == "int_from_float":
        return f"{where} must be a whole number written in digits (e.g. 3), not {shown}"
    return f"{where} must be text, not {found}"


def _length(kind: str, item: dict, where: str) -> str:
    ctx = item.get("ctx") or {}
    value = item.get("input")
    if kind == "string_too_short":
        if ctx.get("min_length", 1) <= 1:
            return f"{where} is empty: write the text after '{where}: '"
        return f"{where} is {len(str(value))} characters long; write at least {ctx['min_length']:,} characters"
    if kind == "string_too_long":
        return f"{where} is {len(str(value)):,} characters long; the limit is {ctx.get('max_length', 0):,}"
    count = len(value) if isinstance(value, (list, dict, str)) else 0
    if kind == "too_short":
        return f"{where} has {count} item(s); it needs at least {ctx.get('min_length', 1)}"
    return f"{where} has {count} items; the limit is {ctx.get('max_length', 0)}"


def _choices(item: dict, where: str) -> str:
    ctx = item.get("ctx") or {}
    options = re.findall(r"'([^']*)'", ctx.get("expected", ""))
    value = item.get("input")
    if not isinstance(value, str):
        return f"{where} must be one of: {', '.join(options)}"
    return f"{where}: '{value}' is not allowed here{closest_choices(value, options)}"


def _date(item: dict, where: str) -> str:
    value = item.get("input")
    return f"{where}: '{value}' is not a real date: write it as YYYY-MM-DD, for example 2024-05-31"


def _number(kind: str, item: dict, where: str) -> str:
    ctx = item.get("ctx") or {}
    words = {"greater_than": "more than", "greater_than_equal": "at least", "less_than": "less than",
             "less_than_equal": "at most"}[kind]
    limit = next(iter(ctx.values()), "")
    return f"{where} must be {words} {limit}"


def plain_message(item: dict, where: str) -> str:
    """One pydantic error dict as a sentence for a contributor, starting with the field's name."""
    kind = item["type"]
    leaf = next((str(p) for p in reversed(item.get("loc", ())) if isinstance(p, str) and "[" not in p), where)
    if kind == "string_pattern_mismatch":
        return _pattern(item, where)
    if kind.endswith("_type") or kind in ("bool_parsing", "int_parsing", "float_parsing", "int_from_float"):
        return _wrong_type(kind, item, where, leaf)
    if kind in ("string_too_short", "string_too_long", "too_short", "too_long"):
        return _length(kind, item, where)
    if kind in ("literal_error", "enum"):
        return _choices(item, where)
    if kind.startswith(("date", "datetime")):
        return _date(item, where) if item["msg"].startswith("Input should") else f"{where}: {item['msg']}"
    if kind == "finite_number":
        return f"{where} must be an ordinary number: infinity and 'not a number' cannot be shown"
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        return _number(kind, item, where)
    return f"{where}: {item['msg']}"  # our own validators (PydanticCustomError) already speak plainly
