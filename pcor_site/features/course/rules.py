"""The course's rules: objectives present (W610), times add up (E611), course order without
duplicates (E612) or gaps (E613), prerequisites earlier in the order (E614)."""

from __future__ import annotations

from collections import defaultdict

from ...diagnostics import Diagnostic
from .path import Course


def course_rules(course: Course) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    by_order = defaultdict(list)
    for item in course.modules:
        record = item.record
        by_order[record.order].append(item)
        if not record.objectives:
            line, col = item.position("title")
            problems.append(Diagnostic.of("W610", item.path, line, col, f"module '{item.id}' has no learning objectives"))
        parts = (record.teaching_minutes, record.activity_minutes)
        if record.minutes is not None and None not in parts and sum(parts) != record.minutes:
            line, col = item.position("minutes")
            problems.append(Diagnostic.of(
                "E611", item.path, line, col,
                f"minutes is {record.minutes}, but teaching_minutes ({parts[0]}) + activity_minutes ({parts[1]}) = {sum(parts)}"))
    for order, items in sorted(by_order.items()):
        for item in items[1:]:
            line, col = item.position("order")
            problems.append(Diagnostic.of(
                "E612", item.path, line, col, f"order {order} is also the order of module '{items[0].id}'; each module needs its own place"))
    taken = sorted(by_order)
    missing = [n for n in range(1, taken[-1] + 1) if n not in by_order] if taken else []
    if missing:
        first = next(i for i in course.modules if i.record.order > missing[0])
        line, col = first.position("order")
        numbers = ", ".join(str(n) for n in missing)
        problems.append(Diagnostic.of(
            "E613", first.path, line, col, f"the course order skips {numbers}: number the modules 1, 2, 3 … without gaps"))
    problems += _prerequisite_order(course)
    return problems


def _prerequisite_order(course: Course) -> list[Diagnostic]:
    problems = []
    by_id = {m.id: m for m in course.modules}
    for item in course.modules:
        for index, prerequisite in enumerate(item.record.prerequisites):
            before = by_id.get(prerequisite)
            if before is None or before.record.order < item.record.order or _requires(by_id, before, item.id):
                continue  # unknown (E302), in order, or part of a cycle (E305 reports it)
            line, col = item.position("prerequisites", index)
            problems.append(Diagnostic.of(
                "E614", item.path, line, col,
                f"prerequisite '{prerequisite}' is module {before.record.order}, not earlier than this module ({item.record.order})"))
    return problems


def _requires(by_id: dict, start, target: str) -> bool:
    """True when `start` needs module `target`, directly or through other prerequisites."""
    seen, stack = set(), list(start.record.prerequisites)
    while stack:
        current = stack.pop()
        if current == target:
            return True
        if current not in seen and current in by_id:
            seen.add(current)
            stack.extend(by_id[current].record.prerequisites)
    return False
