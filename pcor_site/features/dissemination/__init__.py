"""Dissemination and evaluation: the log of where materials were shared, survey aggregates under
the small-cell rule, and the dashboard of the six months after each convening.

* `rules`      survey small cells (E650-E652), materials that exist (E634)
* `bars`       accessible tables with CSS bars, and their CSV
* `dashboard`  the dashboard page and its CSV files
"""

from __future__ import annotations

from markupsafe import Markup

from ... import urls
from ...plugin.feature import CheckContext, Feature, HtmlSection, NavEntry, RecordPart
from ...plugin.recordkeys import items_for
from .bars import bar_table
from .dashboard import DOC, URL, dashboard, survey_caption, survey_rows
from .rules import check_dissemination


class _Part(RecordPart):
    def __init__(self, sections):
        self._sections = sections

    def sections(self):
        return self._sections


class DisseminationFeature(Feature):
    name = "dissemination"
    fields = frozenset({"materials", "options", "respondents", "question", "multiple"})

    def check(self, ctx: CheckContext):
        return None, check_dissemination(ctx.catalog)

    def record_part(self, item, site, state):
        url = urls.record(item.kind, item.id)
        if item.kind.name == "dissemination":
            links = Markup("").join(Markup('<li><a href="{}">{}</a> <span class="pcor-muted">({})</span></li>').format(
                urls.relative(url, urls.record(i.kind, i.id)), i.record.title, i.kind.label) for i in items_for(site.catalog, item.record.materials))
            return _Part([HtmlSection("What was shared", Markup('<ul class="pcor-links">{}</ul>').format(links))])
        if item.kind.name == "survey":
            table = bar_table(survey_caption(item.record), "Answer", "Respondents", survey_rows(item.record))
            return _Part([HtmlSection("Results", Markup("<p>{}</p>").format(item.record.question) + table)])
        return None

    def outputs(self, site, state):
        page, files = dashboard(site.catalog)
        return {DOC: page, **files}

    def nav(self, site, state):
        return [NavEntry("Dashboard", DOC, group="The convening")]

    def addresses(self, catalog):
        return {URL: "the dissemination dashboard"}
