"""The event page's structured data: a schema.org `Event` (location, ISO 8601 dates, attendance mode).

Dates are as precise as the record: the timed sessions' span with its UTC offset, else the day,
else the month the source gives. Sessions with times become `subEvent`s; speakers (named only
with consent, E631) become `performer`s with their organization.
"""

from __future__ import annotations

from ... import urls
from .agenda import session_id, session_times
from .calendar import event_span

MODES = {"in-person": "https://schema.org/OfflineEventAttendanceMode",
         "virtual": "https://schema.org/OnlineEventAttendanceMode",
         "hybrid": "https://schema.org/MixedEventAttendanceMode"}


def _iso(value) -> str:
    return value.isoformat()


def _locations(record) -> list[dict]:
    found = []
    if record.location:
        place = record.location
        address = {"@type": "PostalAddress"}
        for key, value in (("streetAddress", place.address), ("addressLocality", place.locality),
                           ("addressRegion", place.region), ("addressCountry", place.country)):
            if value:
                address[key] = value
        found.append({"@type": "Place", "name": place.name, **({"address": address} if len(address) > 1 else {})})
    if record.attendance and record.attendance.online_url:
        found.append({"@type": "VirtualLocation", "url": record.attendance.online_url})
    return found


def _organization(catalog, id: str | None) -> dict | None:
    org = catalog.get("organization", id) if id else None
    return {"@type": "Organization", "name": org.record.title} if org else None


def event_json_ld(site, item) -> dict:
    record = item.record
    page = urls.absolute(site.config.site_url, urls.record(item.kind, item.id))
    data: dict = {"@context": "https://schema.org", "@type": "Event", "name": record.title,
                  "description": site.description(record.summary, 500), "eventAttendanceMode": MODES[record.format]}
    span = event_span(record, record.sessions)
    timed = any(session_times(record, s) for s in record.sessions)
    if span and timed:
        data["startDate"], data["endDate"] = _iso(span[0]), _iso(span[1])
    else:
        data["startDate"] = record.date
        if record.end_date:
            data["endDate"] = record.end_date
    if page:
        data["url"] = page
    if locations := _locations(record):
        data["location"] = locations[0] if len(locations) == 1 else locations
    organizers = [o for o in (_organization(site.catalog, id) for id in record.organizers) if o]
    if organizers:
        data["organizer"] = organizers
    subs = []
    for session in record.sessions:
        times = session_times(record, session)
        if times is None:
            continue
        sub = {"@type": "Event", "name": session.title, "startDate": _iso(times[0]), "endDate": _iso(times[1]),
               "eventAttendanceMode": MODES[record.format]}
        if page:
            sub["url"] = f"{page}#session-{session_id(session)}"
        if "location" in data:
            sub["location"] = data["location"]
        people = []
        for speaker in session.speakers:
            person = {"@type": "Person", "name": speaker.name}
            if org := _organization(site.catalog, speaker.organization):
                person["affiliation"] = org
            people.append(person)
        if people:
            sub["performer"] = people
        subs.append(sub)
    if subs:
        data["subEvent"] = subs
    return data
