"""A gap's research question: its parts, the question written out, what is missing (W615), and
the question on the gap's own page, before the body."""

from __future__ import annotations

from markupsafe import Markup

from ... import urls
from ...diagnostics import Diagnostic
from ...plugin.feature import HtmlSection, RecordPart

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


class GapPart(RecordPart):
    def __init__(self, item, site):
        self.item, self.site = item, site

    def sections(self):
        record = self.item.record
        url = urls.record(self.item.kind, self.item.id)
        rows = []
        for name in PARTS:
            text = getattr(record, name) or ("not stated by the source" if name in record.not_stated else "")
            if text:
                rows.append(Markup("<dt>{}</dt><dd>{}</dd>").format(LABELS[name], text))
        if record.stated_by_source:
            source = self.site.source_view(record.stated_by_source, url)
            label = Markup('<a href="{}">{}</a>').format(source.url, source.label) if source.url else source.label
            rows.append(Markup("<dt>Stated in</dt><dd>{}</dd>").format(label))
        if record.priority:
            rows.append(Markup("<dt>Priority</dt><dd>{} (source: {})</dd>").format(
                record.priority.level.capitalize(), self.site.source_view(record.priority.source, url).label))
        question = question_text(record)
        if not rows and not question:
            return []
        html = Markup('<p class="pcor-question">{}</p>').format(question) if question else Markup("")
        html += Markup('<dl class="pcor-facts">{}</dl>').format(Markup("").join(rows)) if rows else Markup("")
        return [HtmlSection("The research question", html, place="lead")]
