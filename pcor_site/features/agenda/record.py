"""A gap's page: its research question, written out with its parts, before the body."""

from __future__ import annotations

from markupsafe import Markup

from ... import urls
from ...plugin.feature import HtmlSection, RecordPart
from .question import LABELS, PARTS, question_text


class GapPart(RecordPart):
    def __init__(self, item, site):
        self.item, self.site = item, site

    def lead_sections(self):
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
        return [HtmlSection("The research question", html)]
