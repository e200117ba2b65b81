"""Survey aggregates safe to publish (E650-E652, the small-cell rule of `plugin.smallcell`) and
dissemination entries whose materials exist (E634)."""

from __future__ import annotations

from ...diagnostics import Diagnostic
from ...plugin.recordkeys import key_problems
from ...plugin.smallcell import is_small, number


def check_survey(item) -> list[Diagnostic]:
    record = item.record
    problems = []
    if is_small(record.respondents):
        line, col = item.position("respondents")
        problems.append(Diagnostic.of("E650", item.path, line, col,
                                      f"respondents: {record.respondents} respondents; counts from 1 to 10 must not be published"))
    for index, option in enumerate(record.options):
        if not option.suppressed and is_small(option.count):
            line, col = item.position("options", index, "count")
            problems.append(Diagnostic.of("E650", item.path, line, col,
                                          f"options.{index}.count: '{option.label}' has a count of {option.count}; counts from 1 to 10 must not be published"))
    if record.multiple or problems:
        return problems
    shown = sum(o.count for o in record.options if not o.suppressed)
    hidden = [i for i, o in enumerate(record.options) if o.suppressed]
    if shown > record.respondents:
        line, col = item.position("respondents")
        problems.append(Diagnostic.of("E651", item.path, line, col,
                                      f"respondents: the counts add up to {number(shown)}, more than the {number(record.respondents)} respondents"))
    elif len(hidden) == 1:
        line, col = item.position("options", hidden[0])
        problems.append(Diagnostic.of("E652", item.path, line, col,
                                      f"options.{hidden[0]}: '{record.options[hidden[0]].label}' can be worked out as the respondents "
                                      f"minus the other counts ({number(record.respondents - shown)})"))
    elif not hidden and is_small(record.respondents - shown):
        line, col = item.position("respondents")
        problems.append(Diagnostic.of("E652", item.path, line, col,
                                      f"respondents: the respondents minus the counts leaves {number(record.respondents - shown)} who gave no option, "
                                      "a count from 1 to 10"))
    return problems


def check_dissemination(catalog) -> list[Diagnostic]:
    problems = []
    for item in sorted(catalog.of_kind("dissemination"), key=lambda i: i.id):
        problems += key_problems(item, catalog, item.record.materials, "materials")
    for item in sorted(catalog.of_kind("survey"), key=lambda i: i.id):
        problems += check_survey(item)
    return problems
