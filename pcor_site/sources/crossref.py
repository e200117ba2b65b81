"""`crossref` chains of references.bib, resolved in one pass: linear in the number of entries.

An entry with `crossref = {parent}` takes the fields it lacks from its parent (whose `title` also
becomes its `booktitle`), and the parent from its own parent. Walking the chain again for every
entry, and comparing each step with the chain so far, took cubic time: 3,000 chained entries kept
`check` busy for minutes. Here each entry is visited once; what it passes down is kept, so a
child merges its parent's finished fields instead of walking further. A cycle is reported once,
from the first entry (in file order) whose chain runs into it; entries on a cycle inherit only
from their direct parent.
"""

from __future__ import annotations

from bibtexparser import model

_WALKING, _DONE = 1, 2


def field_value(entry: model.Entry, name: str) -> str | None:
    """A field's value whatever the case of its name (`CROSSREF`, `Crossref`, `crossref`)."""
    for fld in entry.fields:
        if fld.key.lower() == name:
            return str(fld.value)
    return None


def _parent(entry: model.Entry) -> str | None:
    target = field_value(entry, "crossref")
    return None if target is None else target.strip().lower()


def _own(entry: model.Entry, names: frozenset[str]) -> dict[str, str]:
    fields: dict[str, str] = {}
    for fld in entry.fields:
        if fld.key.lower() in names:
            fields.setdefault(fld.key.lower(), str(fld.value))
    if "title" in fields:
        fields.setdefault("booktitle", fields["title"])
    return fields


def _chain(keys: list[str], most: int = 12) -> str:
    if len(keys) <= most:
        return " -> ".join(keys)
    return " -> ".join(keys[:6]) + f" -> ... ({len(keys) - 9:,} more) -> " + " -> ".join(keys[-3:])


def resolve_crossrefs(by_lower: dict[str, model.Entry], names: frozenset[str]
                      ) -> tuple[dict[str, dict[str, str]], list[tuple[model.Entry, str]]]:
    """(inherited fields of each entry by lower-case key, cycles as (entry, 'a -> b -> a')).

    Only the fields in `names` are passed down (those the checks look at), so what each entry
    keeps is bounded and the whole pass stays linear.
    """
    state: dict[str, int] = {}
    passed: dict[str, dict[str, str]] = {}  # what an entry passes to its children: own fields, then its chain's
    cycles: list[tuple[model.Entry, str]] = []
    for key, entry in by_lower.items():
        path: list[str] = []
        node: str | None = key
        while node is not None and node in by_lower and node not in state:
            state[node] = _WALKING
            path.append(node)
            node = _parent(by_lower[node])
        on_cycle: set[str] = set()
        if node is not None and state.get(node) == _WALKING:
            on_cycle = set(path[path.index(node):])
            cycles.append((entry, _chain([by_lower[k].key for k in path] + [node])))
        for current in reversed(path):
            state[current] = _DONE
            own = _own(by_lower[current], names)
            parent = _parent(by_lower[current])
            if current not in on_cycle and parent in passed:
                for name, value in passed[parent].items():
                    own.setdefault(name, value)
            passed[current] = own
    inherited = {}
    for key, entry in by_lower.items():
        parent = _parent(entry)
        inherited[key] = passed[parent] if parent in passed and parent != key else {}
    return inherited, cycles
