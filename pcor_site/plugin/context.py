"""What the render phase hands the core's views and every feature: one `SiteContext` per build."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable

from .. import reliability, urls
from ..catalog import Catalog
from ..config import HubConfig
from ..text.markdown import Markdown
from ..text.plain import first_sentence, shorten
from .sources import source_view
from .views import LinkView, SourceView, TierBadge


@dataclass
class ReferenceLabels:
    """How a bibliography entry is named in link lists and source lists. The core's default is
    the entry's key; a citations feature gives the formatted reference and its COinS."""

    text: Callable[[object], str] = field(default=lambda reference: reference.key)
    #: (reference, address of the listing page) → ContextObject, or "" where the page must not
    #: carry the references' COinS (a page that is itself a citable work: Zotero would save those).
    coins: Callable[[object, str], str] = field(default=lambda reference, page: "")


@dataclass
class SiteContext:
    """The resolved catalog, the settings, the one Markdown parser, the features and their states."""

    catalog: Catalog
    config: HubConfig
    markdown: Markdown
    features: tuple = ()  # plugin.feature.Feature instances, in page order
    states: dict[str, object] = field(default_factory=dict)
    labels: ReferenceLabels = field(default_factory=ReferenceLabels)

    @cached_property
    def reliability(self) -> reliability.Index:
        """Which sources of each record are weak (secondary, mirror, disputed), for the automatic cautions."""
        return reliability.Index(self.catalog)

    def state(self, feature):
        return self.states.get(feature.name)

    def plain(self, text: str) -> str:
        """Contributor Markdown as plain text for descriptions: the features' syntax removed."""
        for feature in self.features:
            text = feature.plain_text(text)
        return text

    def description(self, text: str, limit: int = 300) -> str:
        return shorten(self.plain(text), limit)

    @cached_property
    def _titles(self) -> Counter:
        return Counter(i.record.title.casefold() for i in self.catalog.items.values())

    def title_count(self, title: str) -> int:
        """How many records have this title (case-folded): a shared title needs its kind in <title>."""
        return self._titles[title.casefold()]

    def item_link(self, item, from_url: str, note: str = "") -> LinkView:
        return LinkView(item.record.title, urls.relative(from_url, urls.record(item.kind, item.id)), note, item.kind.label,
                        tier=self.tier_badge(getattr(item.record, "evidence_tier", None), from_url),
                        record_id=item.id, record_kind=item.kind.name)

    def tier_badge(self, tier_id: str | None, from_url: str) -> TierBadge | None:
        """The badge of an evidence tier (None when the record has none): text, shape and colour."""
        term = self.catalog.term("evidence_tiers", tier_id) if tier_id else None
        if term is None:
            return None
        scale = len(self.catalog.terms("evidence_tiers"))
        return TierBadge(term.id, term.label, term.rank, scale, first_sentence(term.description),
                         urls.relative(from_url, urls.evidence_tier(term.id)))

    def reference_link(self, key: str, from_url: str) -> LinkView:
        reference = self.catalog.bibliography.get(key)
        text = self.labels.text(reference) if reference else key
        return LinkView(text, urls.relative(from_url, urls.reference(key)), coins=self.labels.coins(reference, from_url) if reference else "")

    def source_view(self, source, from_url: str) -> SourceView:
        return source_view(source, self.catalog, from_url, self.labels.text)
