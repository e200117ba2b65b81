"""Calendar files (RFC 5545), written with the `icalendar` library: one per event and one per session.

* UIDs are stable: the event's id (and the session's) at the hub's host, so a calendar that
  imported a file updates the entry instead of adding a second one.
* Timed entries carry their IANA time zone (`TZID`) and the matching `VTIMEZONE`; an event with
  only a date is an all-day entry.
* `DTSTAMP` is the build's SOURCE_DATE_EPOCH: two builds of one commit write identical files.
* Text goes through icalendar's escaping (commas, semicolons, backslashes, line breaks), so a
  title cannot add properties or components.
"""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta, timezone
from urllib.parse import urlsplit

import icalendar

from ... import urls
from .agenda import calendar_file, session_id, session_times

PRODID = "-//pcor-site//convening calendar//EN"
DEFAULT_EPOCH = 315532800


def _host(site_url: str) -> str:
    return urlsplit(site_url).hostname or "pcor-site.invalid"


def _stamp() -> datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    return datetime.fromtimestamp(int(epoch) if epoch.isdigit() else DEFAULT_EPOCH, tz=timezone.utc)


def _location(record) -> str:
    place = record.location
    if place is None:
        return "Online" if record.format == "virtual" else ""
    return ", ".join(p for p in (place.name, place.address, place.locality, place.region, place.country) if p)


def _calendar(entry: icalendar.Event) -> bytes:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add_component(entry)
    start = entry.decoded("dtstart")
    year = start.year
    cal.add_missing_timezones(first_date=date(year - 1, 1, 1), last_date=date(year + 2, 1, 1))  # the years around the entry
    return cal.to_ical()


def _entry(uid: str, title: str, description: str, page: str, location: str) -> icalendar.Event:
    entry = icalendar.Event()
    entry.add("uid", uid)
    entry.add("dtstamp", _stamp())
    entry.add("summary", title)
    if description:
        entry.add("description", description)
    if location:
        entry.add("location", location)
    if page:
        entry.add("url", page)
    return entry


def event_span(record, sessions) -> tuple[object, object] | None:
    """(start, end) of the whole event: its timed sessions' span, else its days (all-day, end exclusive)."""
    times = [t for s in sessions if (t := session_times(record, s))]
    if times:
        return min(t[0] for t in times), max(t[1] for t in times)
    try:
        first = date.fromisoformat(record.date)
    except ValueError:
        return None
    try:
        last = date.fromisoformat(record.end_date) if record.end_date else first
    except ValueError:
        last = first
    return first, max(first, last) + timedelta(days=1)


def calendar_files(site, item) -> dict[str, bytes]:
    """Docs-tree path → .ics bytes for the event and each timed session (none for an event without a day)."""
    record = item.record
    url = urls.record(item.kind, item.id)
    host = _host(site.config.site_url)
    page = urls.absolute(site.config.site_url, url)
    location = _location(record)
    files: dict[str, bytes] = {}
    span = event_span(record, record.sessions)
    if span is None:
        return files
    entry = _entry(f"{item.kind.name}-{item.id}@{host}", record.title, site.plain(record.summary), page, location)
    entry.add("dtstart", span[0])
    entry.add("dtend", span[1])
    files[url + calendar_file(item)] = _calendar(entry)
    for session in record.sessions:
        times = session_times(record, session)
        if times is None:
            continue
        anchor = f"{page}#session-{session_id(session)}" if page else ""
        entry = _entry(f"{item.kind.name}-{item.id}--{session_id(session)}@{host}", f"{session.title} ({record.title})",
                       session.summary or "", anchor, location)
        entry.add("dtstart", times[0])
        entry.add("dtend", times[1])
        files[url + calendar_file(item, session)] = _calendar(entry)
    return files
