"""Glossary terms explained inline on record pages.

The first time a glossary term's title, abbreviation or other name appears in a record's summary
or body, it becomes a link to the term's page, with the definition as its title (a tooltip for
mouse users; the link itself works for everyone: keyboard, touch, screen readers, print):

    <a class="pcor-term" href="../../glossary/cer/" title="CER: Comparative effectiveness …">CER</a>

It runs on HTML that `markdown.render` has already sanitised, and never links inside a link, a
heading, code or an abbreviation. Text is re-escaped on the way out, so the output is as safe as
the input. Titles match case-insensitively, abbreviations only as written (so "CER" but not "cer").
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from .render import urls

#: No link is placed inside these elements.
SKIP_INSIDE = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "abbr", "button", "sup", "sub", "script", "style"}
VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "col", "area", "base", "source", "track", "embed"}
TITLE_LIMIT = 220


@dataclass(frozen=True)
class GlossaryTerm:
    key: str  # "term/ID"
    url: str  # site-relative
    tooltip: str


class Glossary:
    """Every glossary term's names compiled into one pattern; longest names win."""

    def __init__(self, catalog):
        self.terms: dict[str, GlossaryTerm] = {}
        self.names: dict[str, str] = {}  # exact name (abbreviations) or casefolded name → term key
        patterns: list[tuple[str, str]] = []  # (name, regex)
        for item in catalog.of_kind("term"):
            record = item.record
            definition = " ".join(str(getattr(record, "definition", "") or record.summary).split())
            tooltip = f"{record.title}: {definition}"
            if len(tooltip) > TITLE_LIMIT:
                tooltip = tooltip[: TITLE_LIMIT - 1].rsplit(" ", 1)[0] + "…"
            self.terms[item.key] = GlossaryTerm(item.key, urls.record(item.kind, item.id), tooltip)
            for name in [record.title, *(getattr(record, "also_known_as", []) or [])]:
                name = " ".join(name.split())
                if len(name) >= 3 and name.casefold() not in self.names:
                    self.names[name.casefold()] = item.key
                    patterns.append((name, "(?i:" + re.escape(name).replace(r"\ ", r"\s+") + ")"))
            abbreviation = getattr(record, "abbreviation", None)
            if abbreviation and len(abbreviation) >= 2 and abbreviation not in self.names:
                self.names[abbreviation] = item.key
                patterns.append((abbreviation, re.escape(abbreviation)))
        patterns.sort(key=lambda p: -len(p[0]))
        self.pattern = (
            re.compile(r"(?<![\w-])(?:" + "|".join(p for _, p in patterns) + r")(?![\w-])") if patterns else None
        )

    def key_for(self, text: str) -> str | None:
        text = " ".join(text.split())
        return self.names.get(text) or self.names.get(text.casefold())


class _Linker(HTMLParser):
    def __init__(self, glossary: Glossary, from_url: str, done: set[str]):
        super().__init__(convert_charrefs=True)
        self.glossary = glossary
        self.from_url = from_url
        self.done = done
        self.out: list[str] = []
        self.stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.out.append(self.get_starttag_text())
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass
        self.out.append(f"</{tag}>")

    def handle_data(self, data):
        if self.glossary.pattern is None or any(tag in SKIP_INSIDE for tag in self.stack):
            self.out.append(html.escape(data, quote=False))
            return
        position = 0
        for match in self.glossary.pattern.finditer(data):
            key = self.glossary.key_for(match.group(0))
            if key is None or key in self.done:
                continue
            self.done.add(key)
            term = self.glossary.terms[key]
            self.out.append(html.escape(data[position:match.start()], quote=False))
            self.out.append(
                f'<a class="pcor-term" href="{html.escape(urls.relative(self.from_url, term.url))}" '
                f'title="{html.escape(term.tooltip)}">{html.escape(match.group(0), quote=False)}</a>'
            )
            position = match.end()
        self.out.append(html.escape(data[position:], quote=False))

    def handle_entityref(self, name):  # only reached with convert_charrefs=False; kept for safety
        self.out.append(f"&{name};")

    def handle_comment(self, data):
        pass  # the sanitiser removes comments; drop any that remain


def link_terms(glossary: Glossary, fragments: list[str], from_url: str, own_key: str = "") -> list[str]:
    """Each fragment with the first occurrence (across all fragments) of every term linked."""
    done = {own_key} if own_key else set()
    linked = []
    for fragment in fragments:
        if not fragment or glossary.pattern is None:
            linked.append(fragment)
            continue
        parser = _Linker(glossary, from_url, done)
        parser.feed(fragment)
        parser.close()
        linked.append("".join(parser.out))
    return linked
