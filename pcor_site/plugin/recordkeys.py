"""Lists of hub records written as KIND/ID (session materials, report sections, shared materials).

One place checks them (E634, with a suggestion) and turns them into records, so every feature
that takes such a list reports the same way.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic, did_you_mean


def key_problems(item, catalog, keys: list[str], *path) -> list:
    """E634 for every key of `keys` (at `path` + index in `item`) that names no record."""
    problems = []
    for index, key in enumerate(keys):
        if key in catalog.items or key in catalog.broken:
            continue
        line, col = item.position(*path, index)
        where = ".".join(str(p) for p in (*path, index))
        problems.append(Diagnostic.of("E634", item.path, line, col,
                                      f"{where}: no record '{key}' (write KIND/ID){did_you_mean(key, list(catalog.items))}"))
    return problems


def items_for(catalog, keys: list[str]) -> list:
    """The records `keys` name, in order, each once; unknown keys are skipped (reported by `key_problems`)."""
    return [catalog.items[k] for k in dict.fromkeys(keys) if k in catalog.items]
