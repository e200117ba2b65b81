"""The research agenda (issue 15): evidence gaps as research questions.

* `question` the parts of a gap's question, the question written out (on the agenda and the gap's
             page), W615 for missing parts
* `page`     the agenda page grouped by priority area, its CSV (csvfile) and Word downloads
"""

from __future__ import annotations

from urllib.parse import urlencode

from markupsafe import Markup

from ... import urls
from ...plugin.comments import repository
from ...plugin.feature import CheckContext, Feature, NavEntry
from .page import CSV_PATH, DOCX_PATH, FORM, TITLE, URL, agenda_csv, agenda_docx, agenda_page, groups
from .question import GapPart, question_rules


def _form_url(config) -> str:
    repo = repository(config)
    return f"https://github.com/{repo}/issues/new?{urlencode({'template': FORM, 'labels': 'research question'})}" if repo else ""


class AgendaFeature(Feature):
    name = "agenda"
    fields = frozenset({"population", "intervention", "comparison", "outcome", "setting", "priority", "stated_by_source", "not_stated"})

    def check(self, ctx: CheckContext):
        return None, question_rules(ctx.catalog)

    def record_part(self, item, site, state):
        return GapPart(item, site) if item.kind.name == "gap" else None

    def outputs(self, site, state):
        found = groups(site.catalog)
        if not found:
            return {}
        return {urls.doc_for(URL): agenda_page(site, found, _form_url(site.config)).markdown(),
                CSV_PATH: agenda_csv(site, found), DOCX_PATH: agenda_docx(site, found)}

    def index_html(self, kind, site, url, state):
        if kind.name != "gap" or not site.catalog.of_kind("gap"):
            return Markup("")
        return Markup('<p class="pcor-intro">Read the gaps as research questions: <a href="{}">{}</a>, with CSV and Word downloads.</p>').format(
            urls.relative(url, URL), TITLE)

    def nav(self, site, state):
        return [NavEntry(TITLE, urls.doc_for(URL), group="Research agenda", lead=True)] if site.catalog.of_kind("gap") else []

    def addresses(self, catalog):
        return {URL: "the research agenda"}

