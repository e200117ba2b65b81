"""Privacy: warn, at its line, about text that looks like personal data (see `rules`)."""

from __future__ import annotations

from ...plugin.feature import CheckContext, Feature
from .rules import check_item


class PrivacyFeature(Feature):
    name = "privacy"

    def check(self, ctx: CheckContext):
        return None, [d for item in ctx.catalog.items.values() for d in check_item(item)]
