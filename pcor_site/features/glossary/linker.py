"""The glossary's index of names: which term each title, abbreviation or other name belongs to.

Titles match case-insensitively, abbreviations only as written (so "CER" but not "cer").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ... import urls
from ...text.plain import shorten

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
            tooltip = shorten(tooltip, TITLE_LIMIT)
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
        #: (first word, word count) → the names of that start and length, each with its rank among
        #: the names of its first word (longest first), so a match is a few dict lookups per word
        #: however many names share a first word
        self.by_start: dict[tuple[str, int], dict[tuple[str, ...], list[tuple[int, tuple[str, ...], bool, str]]]] = {}
        self.lengths: dict[str, list[int]] = {}
        for first, candidates in self.by_first_word.items():
            candidates.sort(key=lambda c: -sum(len(w) for w in c[0]))
            for rank, (words, case_sensitive, key) in enumerate(candidates):
                folded = tuple(w.casefold() for w in words)
                self.by_start.setdefault((first, len(words)), {}).setdefault(folded, []).append((rank, words, case_sensitive, key))
            self.lengths[first] = sorted({len(c[0]) for c in candidates})

    def _index(self, name: str, case_sensitive: bool, key: str) -> None:
        words = tuple(_WORD.findall(name))
        if words and " ".join(words) == " ".join(name.split()):  # names with other punctuation are not linked
            self.by_first_word.setdefault(words[0].casefold(), []).append((words, case_sensitive, key))

    def find(self, text: str):
        """(start, end, key) of each term name in `text`, left to right, never overlapping."""
        if not self.by_first_word:
            return
        words = list(_WORD.finditer(text))
        folded = [w.group(0).casefold() for w in words]
        index = 0
        while index < len(words):
            hit = None
            for length in self.lengths.get(folded[index], ()):
                span = words[index : index + length]
                if len(span) < length:
                    break
                for rank, names, case_sensitive, key in self.by_start[(folded[index], length)].get(tuple(folded[index : index + length]), ()):
                    if (hit is None or rank < hit[0]) and (not case_sensitive or all(w.group(0) == n for w, n in zip(span, names))) \
                            and all(text[a.end() : b.start()].isspace() for a, b in zip(span, span[1:])):
                        hit = (rank, words[index].start(), span[-1].end(), key, length)
            if hit:
                yield hit[1:4]
                index += hit[4]
            else:
                index += 1
