"""The convening's program and the landscape survey.

* `rules`       agenda times, time zones, speakers' consent, materials (E630-E634)
* `agenda`      the event page's agenda and "how to attend" sections
* `calendar`    one .ics per event and per timed session (icalendar; RFC 5545)
* `structured`  the event page's schema.org `Event` JSON-LD (this feature owns it)
* `activities`  activities on their region's page; the priority area × region overview and CSV
"""

from __future__ import annotations

from markupsafe import Markup, escape

from ... import urls
from ...plugin.feature import CheckContext, Feature, HtmlSection, NavEntry, RecordPart
from ...plugin.jsonld import json_ld
from . import activities
from .agenda import agenda_html, attend_html
from .calendar import calendar_files
from .rules import check_convening
from .structured import event_json_ld


class _Part(RecordPart):
    def __init__(self, sections: list[HtmlSection], end: list[HtmlSection] | None = None):
        self._sections = sections
        self._end = end or []

    def sections(self):
        return self._sections

    def end_sections(self):
        return self._end


def _list_html(values: list[str]) -> Markup:
    return Markup("<ul data-pagefind-body>{}</ul>").format(Markup("").join(Markup("<li>{}</li>").format(v) for v in values))


class ConveningFeature(Feature):
    name = "convening"
    fields = frozenset({"sessions", "timezone", "location", "attendance", "end_date", "done", "results", "challenges"})

    def check(self, ctx: CheckContext):
        return None, check_convening(ctx.catalog)

    def record_part(self, item, site, state):
        kind = item.kind.name
        url = urls.record(item.kind, item.id)
        if kind == "event":
            sections = []
            if attend := attend_html(item):
                sections.append(HtmlSection("How to attend", attend, "pcor-attend"))
            if item.record.sessions:
                sections.append(HtmlSection("Agenda", agenda_html(site, item, url), "pcor-agenda-section"))
            structured = HtmlSection("", Markup(json_ld(event_json_ld(site, item))), "pcor-structured-data")
            return _Part(sections, [structured])
        if kind == "region":
            found = activities.region_activities(site, item, url)
            return _Part([HtmlSection("Activities and challenges", found, "pcor-activities-section")]) if found else None
        if kind == "activity":
            return _Part([HtmlSection(h, _list_html(v)) for h, v in activities.activity_sections(item.record)])
        return None

    def outputs(self, site, state):
        outputs: dict[str, str | bytes] = {}
        for item in sorted(site.catalog.of_kind("event"), key=lambda i: i.id):
            outputs.update(calendar_files(site, item))
        outputs.update(activities.overview_outputs(site.catalog))
        return outputs

    def index_html(self, kind, site, url, state):
        if kind.name != "activity":
            return Markup("")
        return Markup('<p class="pcor-intro">See also <a href="{}">{}</a>: the activities counted by priority area and region, with a CSV.</p>').format(
            urls.relative(url, activities.URL), escape(activities.TITLE))

    def nav(self, site, state):
        return [NavEntry(activities.TITLE, activities.DOC, group="Regions and partners")]

    def addresses(self, catalog):
        return {activities.URL: "the regional activities overview"}
