"""Contributor Markdown → safe HTML, and the lint that explains what was refused.

MkDocs never sees contributor Markdown: pcor_site renders it here with markdown-it-py (CommonMark,
linear-time on pathological input, nesting capped) with raw HTML switched off, then passes the
HTML through an nh3 allowlist. `lint` reports, at their lines, the things render would neutralise
(raw HTML, unsafe link schemes), so contributors learn about them instead of losing text silently.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

import nh3
from markdown_it import MarkdownIt
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin

from .citations.syntax import ENV_KEY as CITE_ENV_KEY
from .citations.syntax import cite_plugin

MAX_NESTING = 20
MAX_BODY_CHARS = 100_000
#: markdown-it's link parser is quadratic in unmatched '[' (100,000 of them take ~20 s): text with
#: more than this many is refused by `lint` and rendered as escaped plain text.
MAX_BRACKETS = 2_000
SAFE_SCHEMES = {"http", "https", "mailto"}

ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "code", "dd", "del", "div", "dl", "dt", "em", "h2", "h3", "h4",
    "h5", "h6", "hr", "img", "li", "ol", "p", "pre", "s", "section", "span", "strong", "sub", "sup",
    "table", "tbody", "td", "th", "thead", "tr", "ul",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "id"},
    "img": {"src", "alt", "title"},
    "td": {"style"},
    "th": {"style"},
    "li": {"id"},
    "sup": {"id", "class"},
    "section": {"class"},
    "ol": {"start", "class"},
    "hr": {"class"},
    "span": {"class"},
    "code": {"class"},
}


#: What CommonMark does not parse as HTML (e.g. unquoted attribute values with parentheses) but a
#: contributor meant as HTML: reported too, so nobody publishes a tag as literal text by accident.
_LOOKS_LIKE_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")


@dataclass(frozen=True)
class MarkdownProblem:
    code: str
    line: int  # 0-based within the body
    message: str


def _safe_link(url: str) -> bool:
    """Decoded, whitespace-stripped and case-folded before the scheme is read, so `JaVa&#x09;script:` fails."""
    cleaned = re.sub(r"[\x00-\x20]", "", unquote(html.unescape(url))).lower()
    try:
        scheme = urlsplit(cleaned).scheme if ":" in cleaned.split("/", 1)[0] else ""
    except ValueError:  # e.g. "http://[" (an unclosed IPv6 host): not a link anyone can follow
        return False
    if scheme:
        return scheme in SAFE_SCHEMES
    return not cleaned.startswith("//")


def _parser(allow_html: bool) -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": allow_html, "linkify": False, "typographer": False, "maxNesting": MAX_NESTING})
    md.enable("table").enable("strikethrough")
    md.use(footnote_plugin).use(deflist_plugin).use(cite_plugin)  # [@key] citations
    md.validateLink = _safe_link
    return md


_RENDERER = _parser(allow_html=False)
_LINTER = _parser(allow_html=True)
_LINTER.validateLink = lambda url: True  # see every link, so unsafe ones can be reported


def _heading_shift(tokens) -> None:
    """Record pages own the h1: body headings shift so the body's highest level becomes h2."""
    levels = [int(t.tag[1]) for t in tokens if t.type == "heading_open"]
    if not levels:
        return
    shift = 2 - min(levels)
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(max(int(token.tag[1]) + shift, 2), 6)}"


def _too_complex(text: str) -> bool:
    return text.count("[") > MAX_BRACKETS


def render(text: str, cite=None) -> str:
    """Markdown → sanitised HTML. Never raises on any input. `cite`: the page's citations (numbering)."""
    text = text[:MAX_BODY_CHARS]
    if _too_complex(text):
        return "<p>" + html.escape(text) + "</p>"
    env: dict = {CITE_ENV_KEY: cite} if cite is not None else {}
    tokens = _RENDERER.parse(text, env)
    _heading_shift(tokens)
    raw = _RENDERER.renderer.render(tokens, _RENDERER.options, env)
    return sanitize(raw)


def sanitize(fragment: str) -> str:
    return nh3.clean(
        fragment,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=SAFE_SCHEMES,
        link_rel="noopener noreferrer",
        filter_style_properties={"text-align"},
        strip_comments=True,
    )


def _walk(tokens):
    for token in tokens:
        yield token
        if token.children:
            yield from _walk(token.children)


def lint(text: str) -> list[MarkdownProblem]:
    """Raw HTML and unsafe links, with the 0-based line of the block they are in."""
    problems: list[MarkdownProblem] = []
    if len(text) > MAX_BODY_CHARS:
        problems.append(MarkdownProblem("E403", 0, f"the text is {len(text):,} characters; the limit is {MAX_BODY_CHARS:,}"))
        text = text[:MAX_BODY_CHARS]
    if _too_complex(text):
        problems.append(MarkdownProblem("E403", 0, f"the text has {text.count('['):,} '[' characters; the limit is {MAX_BRACKETS:,}"))
        return problems
    block_line = 0
    too_deep = False
    for token in _walk(_LINTER.parse(text)):
        if token.map:
            block_line = token.map[0]
        if token.level >= MAX_NESTING - 1 and not too_deep:
            too_deep = True
            problems.append(MarkdownProblem("E403", block_line, f"lists or quotes are nested more than {MAX_NESTING - 2} levels deep"))
        if token.type == "text" and _LOOKS_LIKE_TAG.search(token.content):
            tag = _LOOKS_LIKE_TAG.search(token.content).group(0)[:60]
            problems.append(MarkdownProblem("E401", block_line, f"text that looks like an HTML tag is not allowed: {tag!r}"))
        if token.type in ("html_block", "html_inline"):
            snippet = token.content.strip().splitlines()[0][:60] if token.content.strip() else token.content
            problems.append(MarkdownProblem("E401", block_line, f"raw HTML is not allowed: {snippet!r}"))
        for attr in ("href", "src"):
            target = token.attrGet(attr) if token.attrs else None
            if target is not None and not _safe_link(str(target)):
                problems.append(MarkdownProblem("E402", block_line, f"link target {str(target)[:80]!r} uses a scheme that is not allowed"))
    return problems
