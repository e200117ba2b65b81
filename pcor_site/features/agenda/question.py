"""A gap's research question: its parts, the question written out, and what is missing (W615)."""

from __future__ import annotations

from ...diagnostics import Diagnostic

#: The parts of a research question, in the order a question reads them.
PARTS = ("population", "intervention", "comparison", "outcome", "setting")
LABELS = {"population": "Population", "intervention": "Intervention or exposure", "comparison": "Comparison",
          "outcome": "Outcomes", "setting": "Setting", "stated_by_source": "Stated by (source)", "priority": "Priority"}


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def question_text(record) -> str:
    """The question written out from the parts a source gives, e.g. "Among employees, what is the
    effect of collaborative care, compared with usual care, on depression symptoms, in primary
    care?" Only given parts appear; without an intervention there is no question ("")."""
    if not record.intervention:
        return ""
    text = f"Among {_lower_first(record.population)}, what" if record.population else "What"
    text += f" is the effect of {_lower_first(record.intervention)}"
    if record.comparison:
        text += f", compared with {_lower_first(record.comparison)},"
    if record.outcome:
        text += f" on {_lower_first(record.outcome)}"
    if record.setting:
        text += f", in {_lower_first(record.setting)}"
    return text.rstrip(".,") + "?"


def missing_parts(record) -> list[str]:
    missing = [name for name in PARTS if not getattr(record, name)] + (["stated_by_source"] if record.stated_by_source is None else [])
    return [name for name in missing if name not in record.not_stated]


def question_rules(catalog) -> list[Diagnostic]:
    problems = []
    for item in sorted(catalog.of_kind("gap"), key=lambda i: i.id):
        missing = missing_parts(item.record)
        if missing:
            line, col = item.position("title")
            problems.append(Diagnostic.of("W615", item.path, line, col,
                                          f"gap '{item.id}' does not give its research question's {', '.join(missing)}"))
    return problems
