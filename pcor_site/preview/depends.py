"""Which parts of the docs tree one round's edits touch: the live preview's dependency graph.

Resolve already knows the graph: a record page shows the records it links to (its fields and
`related`) and the records that link to it (backlinks), with their titles, kinds and tiers. So an
edited record's page is rendered again, and so are the pages of every record it links to or is
linked from, before and after the edit (a removed link must disappear too), and the pages of
records with the same title (a shared title puts the kind in <title>). The listings (home, kinds'
indexes, priority areas, tiers) are always rendered again: they are few and they list records.
Beyond that, each feature says what it reads (`Feature.outputs_read`, `Feature.pages_read`).
"""

from __future__ import annotations

from ..catalog import Catalog
from ..schema.refs import iter_refs
from ..schema.types import RecordRef

#: What the core's record pages read beyond the graph: a source `seed: X` shows page record X.
CORE_PAGES_READ: dict[str, frozenset[str] | None] = {"*": frozenset({"page"})}


def changed_records(old: Catalog, new: Catalog) -> set[str] | None:
    """Keys of records whose item changed; None when a record appeared or disappeared."""
    if old.items.keys() != new.items.keys() or old.broken != new.broken:
        return None
    return {key for key, item in new.items.items() if old.items[key] is not item}


def linked(catalog: Catalog, key: str) -> set[str]:
    """The records `key` links to and the records that link to it."""
    found = {link.source.key for link in catalog.backlinks.get(key, ())}
    item = catalog.items.get(key)
    if item is not None:
        found |= {f"{marker.kind}/{value}" for _, marker, value in iter_refs(item.record) if isinstance(marker, RecordRef)}
        found |= set(item.record.related)
    return found


def touched_parts(old: Catalog, new: Catalog, changed: set[str], features) -> set[str]:
    """The names of the parts (`site.pages.render_parts`) to render again after `changed`."""
    kinds = {key.split("/", 1)[0] for key in changed}
    records = set(changed)
    for key in changed:
        records |= linked(old, key) | linked(new, key)
    titles = {catalog.items[key].record.title.casefold() for catalog in (old, new) for key in changed if key in catalog.items}
    records |= {key for key, item in new.items.items() if item.record.title.casefold() in titles}
    for reads in (CORE_PAGES_READ, *(feature.pages_read for feature in features)):
        for page_kind, read in reads.items():
            if read is None or kinds & read:
                records |= {key for key, item in new.items.items() if page_kind in ("*", item.kind.name)}
    parts = {"listings"} | {f"record:{key}" for key in records if key in new.items}
    return parts | {f"feature:{f.name}" for f in features if f.outputs_read is None or kinds & f.outputs_read}
