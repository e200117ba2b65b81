"""The lint of contributor Markdown, read from the tokens of its one parse: what rendering would
neutralise (raw HTML, unsafe link schemes, too-deep nesting), so contributors learn about it
instead of losing text silently."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .sanitize import safe_link

#: What CommonMark does not parse as HTML (e.g. unquoted attribute values with parentheses) but a
#: contributor meant as HTML: reported too, so nobody publishes a tag as literal text by accident.
LOOKS_LIKE_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
#: A list item (`- a`, `* a`, `1. a`, or a bullet pasted from a word processor) inside a code block:
#: a list indented with a tab (or four spaces), which Markdown shows as code.
LIST_AS_CODE = re.compile(r"^\s*(?:[-*+\u2022\u25cf\u25aa\u2013]|\d{1,3}[.)])\s+\S", re.MULTILINE)


@dataclass(frozen=True)
class MarkdownProblem:
    code: str
    line: int  # 0-based within the text
    message: str


def walk(tokens):
    for token in tokens:
        yield token
        if token.children:
            yield from walk(token.children)


def inspect(tokens, max_nesting: int) -> list[MarkdownProblem]:
    """Raw HTML and unsafe links, with the 0-based line of the block they are in."""
    problems: list[MarkdownProblem] = []
    block_line = 0
    too_deep = False
    for token in walk(tokens):
        if token.map:
            block_line = token.map[0]
        if token.level >= max_nesting - 1 and not too_deep:
            too_deep = True
            problems.append(MarkdownProblem("E403", block_line, f"lists or quotes are nested more than {max_nesting - 2} levels deep"))
        if token.type == "text" and LOOKS_LIKE_TAG.search(token.content):
            tag = LOOKS_LIKE_TAG.search(token.content).group(0)[:60]
            problems.append(MarkdownProblem("E401", block_line, f"text that looks like an HTML tag is not allowed: {tag!r}"))
        if token.type == "code_block" and LIST_AS_CODE.search(token.content):
            problems.append(MarkdownProblem("W123", block_line, "this list is indented with a tab or four spaces, so it shows as a code block"))
        if token.type in ("html_block", "html_inline"):
            snippet = token.content.strip().splitlines()[0][:60] if token.content.strip() else token.content
            problems.append(MarkdownProblem("E401", block_line, f"raw HTML is not allowed: {snippet!r}"))
        for attr in ("href", "src"):
            target = token.attrGet(attr) if token.attrs else None
            if target is not None and not safe_link(str(target)):
                problems.append(MarkdownProblem("E402", block_line, f"link target {str(target)[:80]!r} uses a scheme that is not allowed"))
    return problems
