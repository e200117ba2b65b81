"""The course as a path: modules in order, their neighbours, prerequisite levels and time."""

from __future__ import annotations

from dataclasses import dataclass

from ...catalog import Catalog
from ...validate import Item


@dataclass(frozen=True)
class Course:
    """The modules in course order (by `order`, then id), and what is known of their time."""

    modules: tuple[Item, ...]

    @classmethod
    def of(cls, catalog: Catalog) -> "Course":
        return cls(tuple(sorted(catalog.of_kind("module"), key=lambda i: (i.record.order, i.id))))

    def neighbours(self, item: Item) -> tuple[Item | None, Item | None]:
        """The previous and next module of `item` in the course order."""
        index = self.modules.index(item)
        before = self.modules[index - 1] if index > 0 else None
        after = self.modules[index + 1] if index + 1 < len(self.modules) else None
        return before, after

    def prerequisites(self, item: Item) -> list[Item]:
        ids = set(item.record.prerequisites)
        return [m for m in self.modules if m.id in ids]

    def levels(self) -> dict[str, int]:
        """Module id → step of the path: 0 without prerequisites, else one more than its deepest
        prerequisite (cycles are reported by E305 and cut here)."""
        by_id = {m.id: m for m in self.modules}
        levels: dict[str, int] = {}

        def level(item: Item, seen: frozenset[str]) -> int:
            if item.id in levels:
                return levels[item.id]
            found = [level(by_id[p], seen | {item.id}) + 1 for p in item.record.prerequisites if p in by_id and p not in seen]
            levels[item.id] = max(found, default=0)
            return levels[item.id]

        for item in self.modules:
            level(item, frozenset())
        return levels

    def total_minutes(self) -> int | None:
        """The course's total time, or None unless every module's time is known."""
        times = [minutes(m) for m in self.modules]
        return sum(times) if times and all(t is not None for t in times) else None

    def audiences(self) -> list[str]:
        """Audience ids of the modules, in first-seen order."""
        return list(dict.fromkeys(a for m in self.modules for a in m.record.audiences))


def minutes(item: Item) -> int | None:
    """A module's total minutes: `minutes`, else teaching + activity when both are given."""
    record = item.record
    if record.minutes is not None:
        return record.minutes
    if record.teaching_minutes is not None and record.activity_minutes is not None:
        return record.teaching_minutes + record.activity_minutes
    return None


def duration(total: int | None) -> str:
    """"1 hour 30 minutes", "45 minutes" ("" when unknown)."""
    if total is None:
        return ""
    hours, rest = divmod(total, 60)
    parts = ([f"{hours} hour" + ("s" if hours != 1 else "")] if hours else []) + ([f"{rest} minutes"] if rest or not hours else [])
    return " ".join(parts)
