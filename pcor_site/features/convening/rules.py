"""The convening's rules: agenda times that make sense (E630, E632, E633), speakers named only with
recorded consent (E631, as the privacy rules require for quotes), materials that exist (E634).

An activity's region is a record reference: the resolver already reports one that does not
exist (E302), at the `region:` line.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ...diagnostics import Diagnostic
from ...plugin.recordkeys import key_problems


def zone(name: str | None) -> ZoneInfo | None:
    """The IANA time zone called `name`, or None when there is no such zone."""
    if not name or "/" not in name and name != "UTC":
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _zone_problems(item) -> list[Diagnostic]:
    record = item.record
    timed = [i for i, s in enumerate(record.sessions) if s.start or s.end]
    if record.timezone and zone(record.timezone) is None:
        line, col = item.position("timezone")
        return [Diagnostic.of("E632", item.path, line, col, f"timezone: '{record.timezone}' is not an IANA time zone name")]
    if timed and not record.timezone:
        line, col = item.position("sessions", timed[0], "start")
        return [Diagnostic.of("E632", item.path, line, col,
                              f"sessions.{timed[0]}.start: the agenda gives times but the event has no `timezone:`")]
    return []


def _session_problems(item, catalog, index: int, session, consented: set[str]) -> list[Diagnostic]:
    problems = []
    where = f"sessions.{index}"
    if bool(session.start) != bool(session.end):
        field = "start" if session.start else "end"
        line, col = item.position("sessions", index, field)
        problems.append(Diagnostic.of("E633", item.path, line, col, f"{where}: session '{session.title}' gives `{field}:` without the other"))
    elif session.start and session.end <= session.start:
        line, col = item.position("sessions", index, "end")
        problems.append(Diagnostic.of("E630", item.path, line, col,
                                      f"{where}.end: session '{session.title}' ends at {session.end}, not after its start at {session.start}"))
    for number, speaker in enumerate(session.speakers):
        if speaker.name not in consented:
            line, col = item.position("sessions", index, "speakers", number, "name")
            problems.append(Diagnostic.of("E631", item.path, line, col,
                                          f"{where}.speakers.{number}.name: '{speaker.name}' is named as a speaker but is not listed under `consent:`"))
    return problems + key_problems(item, catalog, session.materials, "sessions", index, "materials")


def check_event(item, catalog) -> list[Diagnostic]:
    consented = set(item.record.consent)
    problems = _zone_problems(item)
    for index, session in enumerate(item.record.sessions):
        problems += _session_problems(item, catalog, index, session, consented)
    return problems


def check_convening(catalog) -> list[Diagnostic]:
    return [d for item in sorted(catalog.of_kind("event"), key=lambda i: i.id) for d in check_event(item, catalog)]
