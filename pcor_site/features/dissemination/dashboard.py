"""The dashboard: for each convening, what was shared in the six months after it (by month,
channel, region and material) and its survey results, computed at build time from the records.
Every chart is a table with CSS bars and a CSV; there is no script and no analytics."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from ... import urls
from ...plugin.smallcell import SUPPRESSED_DISPLAY
from .bars import bar_csv, bar_table

URL = "dashboard/"
DOC = "dashboard.md"
TITLE = "Dissemination and evaluation dashboard"
WINDOW = 6  # months after the event's month
CHANNELS = {"social-media": "Social media"}


def _month(value: str) -> str | None:
    match = re.match(r"(\d{4})-(\d{2})", value or "")
    return f"{match.group(1)}-{match.group(2)}" if match else None


def _months_after(start: str, count: int) -> list[str]:
    year, month = int(start[:4]), int(start[5:7])
    out = []
    for step in range(count + 1):
        y, m = divmod(month - 1 + step, 12)
        out.append(f"{year + y}-{m + 1:02d}")
    return out


def window(catalog, event) -> tuple[list[str], list]:
    """(months from the event's month to six months after, the entries for the event dated in them)."""
    first = _month(event.record.date)
    if first is None:
        return [], []
    months = _months_after(first, WINDOW)
    entries = [e for e in catalog.of_kind("dissemination") if e.record.event == event.id and _month(e.record.date) in months]
    return months, sorted(entries, key=lambda e: (e.record.date, e.id))


def _count_rows(counts: dict[str, int], order: list[str] | None = None) -> list[tuple[str, object, float | None]]:
    keys = order if order is not None else sorted(counts, key=lambda k: (-counts[k], k.casefold()))
    return [(k, counts.get(k, 0), counts.get(k, 0)) for k in keys]


def _tally(values) -> dict[str, int]:
    counts: dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return counts


def dissemination_tables(catalog, event, entries, months) -> list[tuple[str, str, str, list]]:
    """(slug, caption, category label, rows) for each breakdown of the event's six months."""
    regions = {r.id: r.record.title for r in catalog.of_kind("region")}
    by_material = _tally(catalog.items[k].record.title for e in entries for k in dict.fromkeys(e.record.materials) if k in catalog.items)
    return [
        ("by-month", "Times materials were shared, by month", "Month", _count_rows(_tally(_month(e.record.date) for e in entries), months)),
        ("by-channel", "Times materials were shared, by channel", "Channel",
         _count_rows(_tally(CHANNELS.get(e.record.channel, e.record.channel.replace("-", " ").capitalize()) for e in entries))),
        ("by-region", "Times materials were shared, by RESET Region", "RESET Region",
         _count_rows(_tally(regions.get(r, r) for e in entries for r in (e.record.regions or ["(no region given)"])))),
        ("by-material", "Times each material was shared", "Material", _count_rows(by_material)),
    ]


def survey_rows(record) -> list[tuple[str, object, float | None]]:
    rows = []
    for option in record.options:
        if option.suppressed:
            rows.append((option.label, SUPPRESSED_DISPLAY, None))
        else:
            share = f" ({round(100 * option.count / record.respondents)}%)" if record.respondents else ""
            rows.append((option.label, f"{option.count}{share}", option.count))
    return rows


def survey_caption(record) -> str:
    return f"{record.question} ({record.survey}, {record.respondents} respondents)"


def dashboard(catalog) -> tuple[str, dict[str, str]]:
    """The page's Markdown and its CSV files (docs-tree paths)."""
    files: dict[str, str] = {}
    parts = []
    events = sorted(catalog.of_kind("event"), key=lambda e: (e.record.date, e.id))
    for event in events:
        months, entries = window(catalog, event)
        surveys = sorted((s for s in catalog.of_kind("survey") if s.record.event == event.id), key=lambda s: (s.record.date, s.id))
        if not entries and not surveys:
            continue
        link = urls.relative(URL, urls.record(event.kind, event.id))
        parts.append(Markup('<h2 id="event-{}">{}</h2>\n<p>Six months after <a href="{}">{}</a> ({} to {}): {} dissemination entries, {} survey questions.</p>').format(
            event.id, event.record.title, link, event.record.title, months[0] if months else "", months[-1] if months else "", len(entries), len(surveys)))
        if entries:
            for slug, caption, label, rows in dissemination_tables(catalog, event, entries, months):
                name = f"{event.id}-{slug}.csv"
                files[URL + name] = bar_csv(label, "times shared", rows)
                parts.append(bar_table(caption, label, "Times shared", rows, name))
            reach = [e for e in entries if e.record.reach is not None]
            if reach:
                parts.append(Markup("<p>Reach, where counted: {} people over {} entries.</p>").format(
                    f"{sum(e.record.reach for e in reach):,}", len(reach)))
        for survey in surveys:
            rows = survey_rows(survey.record)
            name = f"{event.id}-survey-{survey.id}.csv"
            files[URL + name] = bar_csv("option", "respondents", rows)
            parts.append(Markup('<h3 id="survey-{}">{}</h3>').format(survey.id, survey.record.question))
            parts.append(bar_table(survey_caption(survey.record), "Answer", "Respondents", rows, name))
    intro = ("Where the convening's materials went in the six months after it, and what attendees said in the evaluation surveys. "
             "Everything here is counted from the hub's records when the site is built; the hub runs no analytics. Survey counts from "
             f"1 to 10 are shown as {SUPPRESSED_DISPLAY}.")
    body = Markup("\n").join(parts) if parts else Markup("<p>No dissemination entries or survey results have been recorded yet.</p>")
    page = (f"---\ntitle: {TITLE}\ndescription: Materials shared after the convening and its survey results, computed at build time.\n---\n\n"
            f'<div class="pcor-index">\n<h1>{escape(TITLE)}</h1>\n<p class="pcor-intro">{escape(intro)}</p>\n</div>\n\n{body}\n')
    return page, files
