"""The landscape survey: each region's activities on its page, and the overview that counts
activities (not tags of other records) by priority area × RESET Region, as a table and a CSV."""

from __future__ import annotations

from markupsafe import Markup, escape

from ... import urls
from ...csvfile import csv_text

URL = "landscape/activities/"
DOC = "landscape/activities.md"
CSV = "activities-by-priority-area-and-region.csv"
TITLE = "Regional activities by priority area"
NO_AREA = "No priority area given"


def _period(record) -> str:
    if record.started and record.ended:
        return f"{record.started} to {record.ended}"
    return f"since {record.started}" if record.started else (f"until {record.ended}" if record.ended else "")


def _status(catalog, record) -> str:
    term = catalog.term("statuses", record.status)
    return term.label if term else record.status


def region_activities(site, region, url: str) -> Markup:
    """The region page's list of its activities, each with its status, period and reported challenges."""
    found = sorted((a for a in site.catalog.of_kind("activity") if a.record.region == region.id), key=lambda a: a.record.title.casefold())
    if not found:
        return Markup("")
    rows = []
    for activity in found:
        record = activity.record
        facts = ", ".join(x for x in (_status(site.catalog, record), _period(record)) if x)
        parts = [Markup('<a href="{}">{}</a> <span class="pcor-muted">({})</span>').format(
            urls.relative(url, urls.record(activity.kind, activity.id)), record.title, facts)]
        if record.challenges:
            items = Markup("").join(Markup("<li>{}</li>").format(c) for c in record.challenges)
            parts.append(Markup('<p class="pcor-activity__label">Challenges reported:</p><ul>{}</ul>').format(items))
        rows.append(Markup('<li data-handout-id="{}">{}</li>').format(activity.key, Markup("").join(parts)))
    return Markup('<ul class="pcor-activities">{}</ul>').format(Markup("").join(rows))


def activity_sections(record) -> list[tuple[str, list[str]]]:
    """An activity's own lists, under their headings, as the record gives them."""
    return [(h, v) for h, v in (("What was done", record.done), ("Results", record.results), ("Challenges", record.challenges)) if v]


def counts(catalog) -> tuple[list[str], list[str], dict[tuple[str, str], int]]:
    """(row labels, column labels, (row, column) → number of activities). Each activity counts once per area it names."""
    regions = sorted(catalog.of_kind("region"), key=lambda r: r.record.title.casefold())
    areas = catalog.terms("priority_areas")
    cells: dict[tuple[str, str], int] = {}
    rows = [t.label for t in areas]
    columns = [r.record.title for r in regions]
    label_of = {t.id: t.label for t in areas}
    region_of = {r.id: r.record.title for r in regions}
    for activity in catalog.of_kind("activity"):
        column = region_of.get(activity.record.region)
        if column is None:
            continue
        for area in activity.record.priority_areas or [None]:
            row = label_of.get(area, NO_AREA)
            if row == NO_AREA and NO_AREA not in rows:
                rows.append(NO_AREA)
            cells[(row, column)] = cells.get((row, column), 0) + 1
    return rows, columns, cells


def overview_table(catalog) -> Markup:
    rows, columns, cells = counts(catalog)
    head = Markup("").join(Markup('<th scope="col">{}</th>').format(c) for c in columns)
    body = []
    for row in rows:
        tds = Markup("").join(Markup("<td>{}</td>").format(cells.get((row, c), 0)) for c in columns)
        total = sum(cells.get((row, c), 0) for c in columns)
        body.append(Markup('<tr><th scope="row">{}</th>{}<td>{}</td></tr>').format(row, tds, total))
    return Markup(
        '<div class="pcor-table-scroll" tabindex="0" role="region" aria-label="{caption}">'
        '<table class="pcor-activity-table"><caption>{caption}</caption>'
        '<thead><tr><th scope="col">Priority area</th>{head}<th scope="col">All regions</th></tr></thead>'
        "<tbody>{body}</tbody></table></div>"
    ).format(caption="Number of activities by priority area and RESET Region", head=head, body=Markup("").join(body))


def overview_csv(catalog) -> str:
    rows, columns, cells = counts(catalog)
    return csv_text(["priority_area", "region", "activities"], [(r, c, cells.get((r, c), 0)) for r in rows for c in columns])


def overview_page(catalog) -> str:
    total = len(catalog.of_kind("activity"))
    intro = ("What the RESET Regions are doing, from the landscape survey: each activity counted once for every priority area it "
             "names (an activity naming two areas is counted in both rows). These are counts of activities, not of people.")
    body = overview_table(catalog) if total else Markup("<p>No regional activities have been recorded yet. A region can submit one "
                                                        "with the activity survey form (see Contributing).</p>")
    download = Markup('<p><a href="{}" download>Download the counts (CSV)</a></p>').format(CSV) if total else Markup("")
    return (f"---\ntitle: {TITLE}\ndescription: Activities of the RESET Regions counted by priority area and region.\n---\n\n"
            f'<div class="pcor-index">\n<h1>{escape(TITLE)}</h1>\n<p class="pcor-intro">{escape(intro)}</p>\n</div>\n\n'
            f"{body}\n{download}\n")


def overview_outputs(catalog) -> dict[str, str]:
    outputs = {DOC: overview_page(catalog)}
    if catalog.of_kind("activity"):
        outputs[URL + CSV] = overview_csv(catalog)
    return outputs
