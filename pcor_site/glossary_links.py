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


_WORD = re.compile(r"[\w-]+")


class Glossary:
    """Every glossary term's names, indexed by their first word; longest names win.

    Matching looks each word of the text up in that index (a dict), so the cost per page grows with
    the page's length, not with the size of the glossary.
    """

    def __init__(self, catalog):
        self.terms: dict[str, GlossaryTerm] = {}
        self.names: dict[str, str] = {}  # exact name (abbreviations) or casefolded name → term key
        #: first word (casefolded) → [(words, case_sensitive, key)], longest first
        self.by_first_word: dict[str, list[tuple[tuple[str, ...], bool, str]]] = {}
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
                    self._index(name, False, item.key)
            abbreviation = getattr(record, "abbreviation", None)
            if abbreviation and len(abbreviation) >= 2 and abbreviation not in self.names:
                self.names[abbreviation] = item.key
                self._index(abbreviation, True, item.key)
        for candidates in self.by_first_word.values():
            candidates.sort(key=lambda c: -sum(len(w) for w in c[0]))

    def _index(self, name: str, case_sensitive: bool, key: str) -> None:
        words = tuple(_WORD.findall(name))
        if words and " ".join(words) == " ".join(name.split()):  # names with other punctuation are not linked
            self.by_first_word.setdefault(words[0].casefold(), []).append((words, case_sensitive, key))

    def find(self, text: str):
        """(start, end, key) of each term name in `text`, left to right, never overlapping."""
        if not self.by_first_word:
            return
        words = list(_WORD.finditer(text))
        index = 0
        while index < len(words):
            match = words[index]
            hit = None
            for names, case_sensitive, key in self.by_first_word.get(match.group(0).casefold(), ()):
                span = words[index : index + len(names)]
                if len(span) == len(names) and all(
                    (w.group(0) == n if case_sensitive else w.group(0).casefold() == n.casefold()) for w, n in zip(span, names)
                ) and all(text[a.end() : b.start()].isspace() for a, b in zip(span, span[1:])):
                    hit = (match.start(), span[-1].end(), key, len(names))
                    break
            if hit:
                yield hit[:3]
                index += hit[3]
            else:
                index += 1

    @property
    def pattern(self):  # kept for callers that only test whether there is a glossary
        return self.by_first_word or None

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
        for start, end, key in self.glossary.find(data):
            if key in self.done:
                continue
            self.done.add(key)
            term = self.glossary.terms[key]
            self.out.append(html.escape(data[position:start], quote=False))
            self.out.append(
                f'<a class="pcor-term" href="{html.escape(urls.relative(self.from_url, term.url))}" '
                f'title="{html.escape(term.tooltip)}">{html.escape(data[start:end], quote=False)}</a>'
            )
            position = end
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
