"""Glossary terms explained inline: a markdown-it rule links the first mention of each term on a
record page to the term's page (`rule`), using an index of every term's names (`linker`)."""

from __future__ import annotations

from ... import urls
from ...plugin.feature import CheckContext, Feature, RecordPart
from .linker import Glossary
from .rule import ENV_KEY, PageTerms, glossary_plugin


class _Part(RecordPart):
    def __init__(self, terms: PageTerms):
        self.terms = terms

    def markdown_env(self) -> dict:
        return {ENV_KEY: self.terms}


class GlossaryFeature(Feature):
    name = "glossary"
    pages_read = {"*": frozenset({"term"})}  # any page's text links to the terms
    markdown_plugins = (glossary_plugin,)

    def check(self, ctx: CheckContext):
        return Glossary(ctx.catalog), []

    def record_part(self, item, site, state: Glossary):
        return _Part(PageTerms(state, urls.record(item.kind, item.id), item.key))
