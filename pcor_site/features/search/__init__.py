"""Explore: faceted search over every record, served from a static Pagefind index.

* `record_index`: the filters, metadata and sort keys each record page carries for the index;
* `page`: the Explore page (facets, sorts, landing links for readers without JavaScript);
* `pagefind`: the indexer, run on the built site; `stable`: its filter chunks made reproducible.
"""

from __future__ import annotations

from ...plugin.feature import Feature, NavEntry, RecordPart
from .page import DOC, URL, WORDS, explore_page, title_words
from .pagefind import BUNDLE_DIR, index_site
from .record_index import RecordIndex, data_html, record_index, word_html


class _IndexPart(RecordPart):
    def __init__(self, index: RecordIndex):
        self.index = index

    def record_html(self):
        return word_html(self.index)

    def data_html(self):
        return data_html(self.index)


class SearchFeature(Feature):
    name = "search"
    post_build_alone = True  # Pagefind indexes on every core itself

    def record_part(self, item, site, state):
        return _IndexPart(record_index(item, site.catalog))

    def outputs(self, site, state):
        return {DOC: explore_page(site.catalog), WORDS: title_words(site.catalog)}

    def nav(self, site, state):
        return [NavEntry("Explore", DOC, place="start")]

    def addresses(self, catalog):
        return {URL: "the Explore page", f"{BUNDLE_DIR}/": "the search index"}

    def post_build(self, site_dir, site, state):
        return index_site(site_dir)  # the search index reads the gated pages; it writes no HTML
