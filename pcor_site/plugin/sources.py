"""A record's source as the reader sees it: a label, a link and how reliable it is.

A web page is labelled by its title (or address); a BibTeX entry by the caller's formatter (the
formatted reference on record pages, the bare title in chart credits) and linked to the
References page; a project summary by its page title, linked to that page.
"""

from __future__ import annotations

from typing import Callable

from .. import reliability, urls
from ..schema import KINDS
from .views import SourceView


def source_view(source, catalog, from_url: str, reference_label: Callable[[object], str]) -> SourceView:
    """`source` (a `schema.types.Source`) seen from the page at `from_url`."""
    flag = reliability.flag(source, catalog.bibliography)
    note = source.note or ""
    if source.url and source.reliability == "mirror":
        return SourceView(reliability.mirror_label(source), "", note, flag, reliability.copy_url(source))
    if source.url:
        return SourceView(source.title or source.url, source.url, note, flag)
    if source.ref:
        reference = catalog.bibliography.get(source.ref)
        label = source.title or (reference_label(reference) if reference else source.ref)
        return SourceView(label, urls.relative(from_url, urls.reference(source.ref)), note, flag)
    seed = catalog.get("page", source.seed)
    label = source.title or (f"Project summary: {seed.record.title}" if seed else f"Project summary ({source.seed})")
    return SourceView(label, urls.relative(from_url, urls.record(KINDS["page"], source.seed)) if seed else "", note, flag)
