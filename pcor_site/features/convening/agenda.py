"""An event's agenda as readers see it: sessions with local times, format, speakers, materials
and their calendar files, plus how to attend. Built from escaped parts only."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from markupsafe import Markup, escape

from ... import urls
from ...plugin.recordkeys import items_for
from .rules import zone

FORMATS = {"plenary": "Plenary", "panel": "Panel", "breakout": "Breakout", "workshop": "Workshop",
           "presentation": "Presentation", "break": "Break", "other": "Session"}


def session_id(session) -> str:
    """The session's stable id: its `id:`, or its title as lower-case words joined by hyphens."""
    return session.id or re.sub(r"-+", "-", urls.anchor(session.title)).strip("-")[:60] or "session"


def session_times(record, session) -> tuple[datetime, datetime] | None:
    """The session's start and end as time-zone-aware datetimes, or None when it has no times."""
    tz = zone(record.timezone)
    if not (session.start and session.end and tz):
        return None
    parse = datetime.fromisoformat
    return parse(session.start).replace(tzinfo=tz), parse(session.end).replace(tzinfo=tz)


def calendar_file(item, session=None) -> str:
    """The .ics file name beside the event's page: the event's, or one session's."""
    return f"{item.id}.ics" if session is None else f"{item.id}--{session_id(session)}.ics"


def has_full_date(record) -> bool:
    return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", record.date)) or any(s.start for s in record.sessions)


@dataclass
class _When:
    text: str
    iso_start: str
    iso_end: str


def _when(record, session) -> _When | None:
    times = session_times(record, session)
    if times is None:
        return None
    start, end = times
    day = f"{start:%A} {start.day} {start:%B %Y}"
    clock = f"{start:%H:%M}–{end:%H:%M} {start.tzname()}"
    if end.date() != start.date():
        clock = f"{start:%H:%M} to {end.day} {end:%B} {end:%H:%M} {start.tzname()}"
    return _When(f"{day}, {clock}", start.isoformat(), end.isoformat())


def _speakers(site, session, url: str) -> Markup:
    people = []
    for speaker in session.speakers:
        org = site.catalog.get("organization", speaker.organization) if speaker.organization else None
        text = escape(speaker.name)
        if speaker.role:
            text += Markup(" ({})").format(speaker.role)
        if org:
            text += Markup(', <a href="{}">{}</a>').format(urls.relative(url, urls.record(org.kind, org.id)), org.record.title)
        people.append(text)
    return Markup("<p class=\"pcor-agenda__speakers\"><span class=\"pcor-agenda__label\">Speakers:</span> {}</p>").format(
        Markup("; ").join(people)) if people else Markup("")


def _materials(site, session, url: str) -> Markup:
    found = items_for(site.catalog, session.materials)
    if not found:
        return Markup("")
    links = Markup(", ").join(Markup('<a href="{}">{}</a>').format(urls.relative(url, urls.record(i.kind, i.id)), i.record.title)
                              for i in found)
    return Markup('<p class="pcor-agenda__materials"><span class="pcor-agenda__label">Materials:</span> {}</p>').format(links)


def agenda_html(site, item, url: str) -> Markup:
    """The agenda: one list item per session, in the order the record gives them."""
    record = item.record
    rows = []
    for session in record.sessions:
        when = _when(record, session)
        parts = [Markup('<h3 id="session-{}">{}</h3>').format(session_id(session), session.title)]
        meta = []
        if when:
            meta.append(Markup('<time datetime="{}">{}</time>').format(when.iso_start, when.text))
        if session.format:
            meta.append(escape(FORMATS[session.format]))
        if meta:
            parts.append(Markup('<p class="pcor-agenda__when">{}</p>').format(Markup(" · ").join(meta)))
        if session.summary:
            parts.append(Markup("<p>{}</p>").format(session.summary))
        parts += [_speakers(site, session, url), _materials(site, session, url)]
        if when:
            parts.append(Markup('<p><a class="pcor-calendar-link" href="{}" download>Add “{}” to your calendar (.ics)</a></p>').format(
                calendar_file(item, session), session.title))
        rows.append(Markup('<li class="pcor-agenda__session">{}</li>').format(Markup("\n").join(p for p in parts if p)))
    return Markup('<ol class="pcor-agenda" data-pagefind-body>\n{}\n</ol>').format(Markup("\n").join(rows))  # searchable, as the text lists are


def attend_html(item) -> Markup:
    """Where the event takes place, how to attend in person and online, and the event's calendar file."""
    record = item.record
    parts = []
    if record.location:
        place = record.location
        lines = [place.name, place.address, ", ".join(p for p in (place.locality, place.region, place.country) if p)]
        parts.append(Markup('<p><span class="pcor-agenda__label">Where:</span> {}</p>').format(
            Markup(", ").join(escape(x) for x in lines if x)))
    attendance = record.attendance
    if attendance and attendance.in_person:
        parts.append(Markup('<p><span class="pcor-agenda__label">In person:</span> {}</p>').format(attendance.in_person))
    if attendance and (attendance.online or attendance.online_url):
        link = Markup(' <a href="{0}" rel="nofollow noopener">{0}</a>').format(attendance.online_url) if attendance.online_url else ""
        parts.append(Markup('<p><span class="pcor-agenda__label">Online:</span> {}{}</p>').format(attendance.online or "", link))
    if has_full_date(record):
        parts.append(Markup('<p><a class="pcor-calendar-link md-button" href="{}" download>Add the event to your calendar (.ics)</a></p>').format(
            calendar_file(item)))
    return Markup("\n").join(parts)
