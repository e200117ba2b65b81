"""Privacy: warn, at its line, about text that looks like personal data (see `rules`)."""

from __future__ import annotations

from ...plugin.feature import CheckContext, Feature
from .rules import check_item


class PrivacyFeature(Feature):
    name = "privacy"

    def __init__(self) -> None:
        self._seen: dict[int, tuple] = {}  # id(item) → (item, its problems), from the last check

    def check(self, ctx: CheckContext):
        """Each record on its own: the live preview hands unchanged records back as the same
        objects, so their problems are not looked for again."""
        seen = {}
        for item in ctx.catalog.items.values():
            found = self._seen.get(id(item))
            seen[id(item)] = found if found is not None and found[0] is item else (item, check_item(item))
        self._seen = seen
        return None, [d for _, problems in seen.values() for d in problems]
