"""Glossary links as a markdown-it rule: the first time a term's name appears on a record page,
it becomes a link to the term's page with the definition as its title (a tooltip for mouse
users; the link itself works for everyone: keyboard, touch, screen readers, print):

    <a class="pcor-term" href="../../glossary/cer/" title="CER: Comparative effectiveness …">CER</a>

The rule reads the same tokens the page is rendered from (no second parse, no HTML parsing):
runs of text and soft line breaks outside links and headings. Code, citations and footnote marks
are tokens of their own, so they are never linked. The link is built from escaped parts and
handed to the renderer as trusted HTML.
"""

from __future__ import annotations

import html

from ... import urls
from ...text.markdown import trusted_html
from .linker import Glossary

ENV_KEY = "pcor_glossary"
NO_TERMS = "pcor_no_terms"


class PageTerms:
    """The glossary links of one page: which terms are linked already (across summary and body)."""

    def __init__(self, glossary: Glossary, from_url: str, own_key: str = ""):
        self.glossary = glossary
        self.from_url = from_url
        self.done = {own_key} if own_key else set()

    def link(self, text: str, env: dict) -> str:
        out, position = [], 0
        for start, end, key in self.glossary.find(text):
            if key in self.done:
                continue
            self.done.add(key)
            term = self.glossary.terms[key]
            out.append(html.escape(text[position:start], quote=False))
            out.append(trusted_html(env, (
                f'<a class="pcor-term" href="{html.escape(urls.relative(self.from_url, term.url))}" '
                f'title="{html.escape(term.tooltip)}">{html.escape(text[start:end], quote=False)}</a>')))
            position = end
        out.append(html.escape(text[position:], quote=False))
        return "".join(out)


def _mark_headings(state) -> None:
    """Text in headings is never linked: mark it while the block structure is known."""
    for index, token in enumerate(state.tokens):
        if token.type == "inline" and index and state.tokens[index - 1].type == "heading_open":
            for child in token.children or ():
                child.meta[NO_TERMS] = True


def glossary_plugin(md) -> None:
    md.core.ruler.push("pcor_glossary_marks", _mark_headings)
    renderer = md.renderer
    plain = renderer.renderInline

    def render_inline(tokens, options, env):
        page = env.get(ENV_KEY) if isinstance(env, dict) else None
        if page is None or not page.glossary.by_first_word:
            return plain(tokens, options, env)
        out: list[str] = []
        run: list[str] = []
        depth = 0
        for index, token in enumerate(tokens):
            if token.type in ("text", "softbreak") and depth == 0 and not token.meta.get(NO_TERMS):
                run.append("\n" if token.type == "softbreak" else token.content)
                continue
            if run:
                out.append(page.link("".join(run), env))
                run = []
            depth += {"link_open": 1, "link_close": -1}.get(token.type, 0)
            rule = renderer.rules.get(token.type)
            out.append(rule(tokens, index, options, env) if rule else renderer.renderToken(tokens, index, options, env))
        if run:
            out.append(page.link("".join(run), env))
        return "".join(out)

    renderer.renderInline = render_inline
