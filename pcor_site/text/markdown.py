"""Contributor Markdown: parsed once, inspected from that parse, rendered to sanitised HTML.

MkDocs never sees contributor Markdown: pcor_site renders it with markdown-it-py (CommonMark,
linear-time on pathological input, nesting capped), then passes the HTML through the nh3
allowlist (`sanitize`). Each text is parsed once (`Markdown.parse`); the lint problems
(`inspect`), the features' findings (e.g. citation clusters) and the rendered HTML all come from
those tokens.

The parser sees raw HTML and every link, so the lint can report them; rendering writes raw HTML
as escaped text and the sanitiser drops unsafe links, so a text that failed the check is still
safe to render. Features add syntax with markdown-it plugins. A render rule that must place HTML
the sanitiser would change (e.g. a glossary link with its class) hands it to `trusted_html`; the
placeholder it returns is made of private-use characters, which validated text cannot contain.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin

from .inspect import MarkdownProblem, inspect
from .sanitize import sanitize

MAX_NESTING = 20
MAX_BODY_CHARS = 100_000
#: markdown-it's link parser is quadratic in unmatched '[' (100,000 of them take ~20 s): text with
#: more than this many is refused by the lint and rendered as escaped plain text.
MAX_BRACKETS = 2_000
TRUSTED_KEY = "pcor_trusted"
_PLACEHOLDER = re.compile("\ue000([0-9]+)\ue001")


@dataclass
class ParsedText:
    """One text, parsed: its tokens (None when it is too complex to parse) and its lint problems."""

    text: str
    tokens: list[Token] | None
    problems: list[MarkdownProblem] = field(default_factory=list)


def trusted_html(env: dict, fragment: str) -> str:
    """A placeholder for `fragment`, put back after sanitising. `fragment` must be safe HTML."""
    stored = env.setdefault(TRUSTED_KEY, [])
    stored.append(fragment)
    return f"\ue000{len(stored) - 1}\ue001"


def _escaped(self, tokens, idx, options, env) -> str:
    return html.escape(tokens[idx].content, quote=False)


def _heading_shift(tokens: list[Token]) -> None:
    """Record pages own the h1: body headings shift so the body's highest level becomes h2."""
    levels = [int(t.tag[1]) for t in tokens if t.type == "heading_open"]
    if not levels:
        return
    shift = 2 - min(levels)
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(max(int(token.tag[1]) + shift, 2), 6)}"


class Markdown:
    """The one Markdown parser of a build: CommonMark, tables, strikethrough, footnotes,
    definition lists, and the features' plugins."""

    def __init__(self, plugins=()):
        md = MarkdownIt("commonmark", {"html": True, "linkify": False, "typographer": False, "maxNesting": MAX_NESTING})
        md.enable("table").enable("strikethrough")
        md.use(footnote_plugin).use(deflist_plugin)
        for plugin in plugins:
            md.use(plugin)
        md.validateLink = lambda url: True  # every link is parsed, so the lint can report unsafe ones
        md.add_render_rule("html_block", _escaped)
        md.add_render_rule("html_inline", _escaped)
        self.parser = md

    def parse(self, text: str) -> ParsedText:
        """Parse once: tokens for rendering and the features, problems for the lint. Never raises
        on any text (a parser failure becomes an E403 problem)."""
        problems = []
        if len(text) > MAX_BODY_CHARS:
            problems.append(MarkdownProblem("E403", 0, f"the text is {len(text):,} characters; the limit is {MAX_BODY_CHARS:,}"))
            text = text[:MAX_BODY_CHARS]
        if text.count("[") > MAX_BRACKETS:
            problems.append(MarkdownProblem("E403", 0, f"the text has {text.count('['):,} '[' characters; the limit is {MAX_BRACKETS:,}"))
            return ParsedText(text, None, problems)
        try:
            tokens = self.parser.parse(text, {})
        except Exception as error:  # noqa: BLE001 - a parser bug must not stop the run
            return ParsedText(text, None, problems + [MarkdownProblem("E403", 0, f"the Markdown could not be read: {type(error).__name__}")])
        problems += inspect(tokens, MAX_NESTING)
        _heading_shift(tokens)
        return ParsedText(text, tokens, problems)

    def render(self, text: str | ParsedText, env: dict | None = None) -> str:
        """Sanitised HTML of a text (or of its parse). `env`: what the page's plugins need, e.g.
        the citation numbering shared by a page's summary and body."""
        parsed = text if isinstance(text, ParsedText) else self.parse(text)
        if parsed.tokens is None:
            return "<p>" + html.escape(parsed.text) + "</p>"
        env = {} if env is None else env
        env.pop(TRUSTED_KEY, None)
        raw = self.parser.renderer.render(parsed.tokens, self.parser.options, env)
        clean = sanitize(raw)
        stored = env.pop(TRUSTED_KEY, [])
        return _PLACEHOLDER.sub(lambda m: stored[int(m.group(1))], clean) if stored else clean

    def lint(self, text: str) -> list[MarkdownProblem]:
        return self.parse(text).problems

