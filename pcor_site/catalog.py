"""The resolved, read-only graph of the hub: records, vocabularies, references and backlinks.

Resolve builds it; after that nobody changes it (features keep what they learn in their own state).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .bibliography import Bibliography
from .schema.vocab import Vocabulary
from .validate import Item


@dataclass(frozen=True)
class Link:
    """`source` links to a target through `field` (e.g. a practice's `studies`)."""

    source: Item
    field: str


@dataclass
class Catalog:
    items: dict[str, Item]  # "kind/id" → item, sorted by key
    vocabularies: dict[str, Vocabulary]
    bibliography: Bibliography
    broken: frozenset[str] = frozenset()  # "kind/id" of record files that failed to load or validate
    backlinks: dict[str, list[Link]] = field(default_factory=lambda: defaultdict(list))
    cited_by: dict[str, list[Link]] = field(default_factory=lambda: defaultdict(list))  # bib key → links
    tagged: dict[tuple[str, str], list[Item]] = field(default_factory=lambda: defaultdict(list))  # (vocab, term) → items

    def get(self, kind: str, id: str) -> Item | None:
        return self.items.get(f"{kind}/{id}")

    def of_kind(self, kind: str) -> list[Item]:
        return [item for item in self.items.values() if item.kind.name == kind]

    def term(self, vocab: str, id: str):
        vocabulary = self.vocabularies.get(vocab)
        if vocabulary is None:
            return None
        return next((t for t in vocabulary.terms if t.id == id), None)

    def terms(self, vocab: str) -> list:
        vocabulary = self.vocabularies.get(vocab)
        return list(vocabulary.terms) if vocabulary else []
