"""The convening's program and the landscape survey, on the cycle fixture hub: agenda, calendar
files read back with icalendar, the Event JSON-LD read with extruct, activities on region pages,
the priority area × region overview and its CSV, and each rule's exact diagnostic."""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import extruct
import icalendar

from conftest import copy_cycle_hub, edit, reported

EVENT = "content/event/fixture-summit.yml"


def _site(root: Path, rel: str) -> Path:
    return root / "site" / rel





# -- calendar files -----------------------------------------------------------------------------

def test_one_calendar_file_per_event_and_timed_session(built_cycle_hub):
    folder = _site(built_cycle_hub, "events/fixture-summit")
    assert sorted(p.name for p in folder.glob("*.ics")) == [
        "fixture-summit--opening.ics", "fixture-summit--regional-panel.ics", "fixture-summit.ics"]
    assert not list(_site(built_cycle_hub, "events/fixture-convening").glob("*.ics"))  # "2023-06": no day, no calendar entry


def test_session_calendar_parses_round_trips_and_keeps_its_time_zone(built_cycle_hub):
    raw = _site(built_cycle_hub, "events/fixture-summit/fixture-summit--opening.ics").read_bytes()
    cal = icalendar.Calendar.from_ical(raw)
    assert cal.to_ical() == raw  # round trip: icalendar writes back exactly what it read
    assert str(cal["VERSION"]) == "2.0" and str(cal["PRODID"]).startswith("-//pcor-site//")
    [event] = cal.walk("VEVENT")
    [tz] = cal.walk("VTIMEZONE")
    assert str(tz["TZID"]) == "America/New_York"
    assert event.decoded("dtstart") == datetime(2031, 6, 12, 9, 0, tzinfo=ZoneInfo("America/New_York"))
    assert event.decoded("dtend") == datetime(2031, 6, 12, 10, 0, tzinfo=ZoneInfo("America/New_York"))
    assert event["DTSTART"].params["TZID"] == "America/New_York"
    assert str(event["UID"]) == "event-fixture-summit--opening@127.0.0.1"
    assert str(event["DESCRIPTION"]) == "Welcome, goals of the day; semicolons, commas and a backslash \\ stay text."
    unfolded = raw.replace(b"\r\n ", b"")
    assert b"backslash \\\\ stay" in unfolded and b"Welcome\\, goals" in unfolded  # RFC 5545 TEXT escaping
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75  # folded lines


def test_event_calendar_spans_its_sessions(built_cycle_hub):
    cal = icalendar.Calendar.from_ical(_site(built_cycle_hub, "events/fixture-summit/fixture-summit.ics").read_bytes())
    [event] = cal.walk("VEVENT")
    tz = ZoneInfo("America/New_York")
    assert (event.decoded("dtstart"), event.decoded("dtend")) == (datetime(2031, 6, 12, 9, 0, tzinfo=tz), datetime(2031, 6, 12, 12, 0, tzinfo=tz))
    assert str(event["LOCATION"]) == "Fixture Conference Centre, 1 Fixture Way, Washington, DC, US"


def test_uids_are_stable_across_builds(built_cycle_hub, tmp_path):
    from pcor_site.build import build

    again = copy_cycle_hub(tmp_path / "again")
    assert build(again).ok
    for path in _site(built_cycle_hub, "events/fixture-summit").glob("*.ics"):
        assert (_site(again, "events/fixture-summit") / path.name).read_bytes() == path.read_bytes()


def test_hostile_title_cannot_add_calendar_properties(cycle_copy):
    from pcor_site.build import build

    edit(cycle_copy, EVENT, "  - title: Regional panel", '  - title: "Panel; X-EVIL:1, END:VEVENT"')
    assert build(cycle_copy).ok
    cal = icalendar.Calendar.from_ical(next(_site(cycle_copy, "events/fixture-summit").glob("*--panel-x-evil*.ics")).read_bytes())
    [event] = cal.walk("VEVENT")
    assert str(event["SUMMARY"]).startswith("Panel; X-EVIL:1, END:VEVENT") and "X-EVIL" not in event


# -- the event page ------------------------------------------------------------------------------

def test_event_page_agenda_and_calendar_links(built_cycle_hub):
    page = _site(built_cycle_hub, "events/fixture-summit/index.html").read_text(encoding="utf-8")
    assert '<time datetime="2031-06-12T09:00:00-04:00">Thursday 12 June 2031, 09:00–10:00 EDT</time> · Plenary' in page
    assert 'href="fixture-summit--opening.ics" download' in page and 'href="fixture-summit.ics" download' in page
    assert "Alex Example (chair), <a href=\"../../organizations/fixture-org/\">Fixture Coalition</a>" in page
    assert '<a href="../../tools/fixture-tool/">Fixture toolkit</a>' in page


def test_event_json_ld_is_a_schema_org_event(built_cycle_hub):
    page = _site(built_cycle_hub, "events/fixture-summit/index.html").read_text(encoding="utf-8")
    data = extruct.extract(page, syntaxes=["json-ld"])["json-ld"]
    [event] = [d for d in data if d.get("@type") == "Event"]
    assert event["@context"] == "https://schema.org"
    assert event["startDate"] == "2031-06-12T09:00:00-04:00" and event["endDate"] == "2031-06-12T12:00:00-04:00"
    assert event["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    place, online = event["location"]
    assert place == {"@type": "Place", "name": "Fixture Conference Centre", "address": {
        "@type": "PostalAddress", "streetAddress": "1 Fixture Way", "addressLocality": "Washington", "addressRegion": "DC", "addressCountry": "US"}}
    assert online == {"@type": "VirtualLocation", "url": "https://example.org/fixture-summit/stream"}
    assert [s["name"] for s in event["subEvent"]] == ["Opening plenary", "Regional panel"]
    assert event["subEvent"][0]["performer"] == [{"@type": "Person", "name": "Alex Example",
                                                  "affiliation": {"@type": "Organization", "name": "Fixture Coalition"}}]
    assert len(data) == 1  # the citations feature leaves the event's structured data to this one


def test_month_only_event_keeps_its_month(built_cycle_hub):
    page = _site(built_cycle_hub, "events/fixture-convening/index.html").read_text(encoding="utf-8")
    [event] = extruct.extract(page, syntaxes=["json-ld"])["json-ld"]
    assert event["startDate"] == "2023-06" and "subEvent" not in event and "location" not in event


# -- activities ----------------------------------------------------------------------------------

def test_region_page_lists_its_activities_and_challenges(built_cycle_hub):
    page = _site(built_cycle_hub, "regions/fixture-region/index.html").read_text(encoding="utf-8")
    section = page[page.index('id="activities-and-challenges"'):]
    assert '<a href="../../activities/fixture-peer-network/">Fixture peer-support network for employers</a>' in section
    assert "<li>Few in-network providers outside the metro area.</li>" in section
    assert "Fixture telehealth pilot" not in section  # the other region's


def test_overview_counts_activities_by_area_and_region(built_cycle_hub):
    text = _site(built_cycle_hub, "landscape/activities/activities-by-priority-area-and-region.csv").read_text(encoding="utf-8")
    rows = {(r["priority_area"], r["region"]): int(r["activities"]) for r in csv.DictReader(io.StringIO(text))}
    assert rows == {("Collaborative Care", "Fixture Region"): 1, ("Collaborative Care", "Second Fixture Region"): 0,
                    ("Network Access", "Fixture Region"): 1, ("Network Access", "Second Fixture Region"): 1}
    page = _site(built_cycle_hub, "landscape/activities/index.html").read_text(encoding="utf-8")
    assert "<caption>Number of activities by priority area and RESET Region</caption>" in page
    assert re.search(r'<th scope="row">Network Access</th><td>1</td><td>1</td><td>2</td>', page)


# -- rules: exact diagnostics --------------------------------------------------------------------

def test_activity_in_a_region_that_does_not_exist(cycle_copy):
    edit(cycle_copy, "content/activity/fixture-telehealth-pilot.yml", "region: fixture-region-two", "region: fixture-regoin")
    assert reported(cycle_copy) == [("content/activity/fixture-telehealth-pilot.yml", 3, "E302",
                                         "region: no region with id 'fixture-regoin'; did you mean 'fixture-region'? Allowed: fixture-region, fixture-region-two")]


def test_session_ending_before_it_starts(cycle_copy):
    edit(cycle_copy, EVENT, 'end: "2031-06-12T12:00"', 'end: "2031-06-12T10:15"')
    assert reported(cycle_copy) == [(EVENT, 32, "E630",
                                         "sessions.1.end: session 'Regional panel' ends at 2031-06-12T10:15, not after its start at 2031-06-12T10:30")]


def test_speaker_without_consent(cycle_copy):
    edit(cycle_copy, EVENT, "consent: [Alex Example, Sam Sample]", "consent: [Alex Example]")
    assert reported(cycle_copy) == [(EVENT, 35, "E631",
                                         "sessions.1.speakers.0.name: 'Sam Sample' is named as a speaker but is not listed under `consent:`")]


def test_unknown_time_zone(cycle_copy):
    edit(cycle_copy, EVENT, "timezone: America/New_York", "timezone: Eastern")
    assert reported(cycle_copy) == [(EVENT, 4, "E632", "timezone: 'Eastern' is not an IANA time zone name")]


def test_unknown_session_material(cycle_copy):
    edit(cycle_copy, EVENT, "materials: [tool/fixture-tool, practice/fixture-practice]", "materials: [tool/fixture-tool, tool/no-such-tool]")
    assert reported(cycle_copy) == [(EVENT, 29, "E634", "sessions.0.materials.1: no record 'tool/no-such-tool' (write KIND/ID); did you mean 'tool/fixture-tool'?")]


def test_shipped_convening_has_no_invented_agenda():
    from conftest import REPO

    text = (REPO / "content/event/path-forward-convening-2023.yml").read_text(encoding="utf-8")
    assert 'date: "2023-06"' in text and "format: hybrid" in text and "duration: full day" in text
    assert "option of attending through a virtual platform" in text  # the seed: "in person or through a virtual platform"
    assert "\nsessions:" not in text and "\n    speakers:" not in text and "\ntimezone:" not in text
