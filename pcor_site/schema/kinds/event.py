"""A convening: when and where it takes place, how to attend, and its agenda as far as a source names it.

An agenda session may give its start and end as local date-times (YYYY-MM-DDTHH:MM) in the
event's `timezone` (an IANA name such as America/New_York), a format, speakers with their
organizations, and materials (hub records, as KIND/ID). A speaker is named only when the record
lists the person under `consent:` (see the convening feature's rules, E630-E639).
"""

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from ..base import Record
from ..types import Line, Model, PartialDate, ShortText, Slug, WebUrl, ref

LocalDateTime = Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$")]
SessionFormat = Literal["plenary", "panel", "breakout", "workshop", "presentation", "break", "other"]


class Speaker(Model):
    name: Line = Field(description="The speaker's name. Shown only when the name is also listed under the record's `consent:`.")
    organization: ref("organization") | None = Field(None, description="The speaker's organization (organization id).")
    role: Line | None = Field(None, description="The speaker's role in the session, e.g. 'moderator', as the source states it.")


class Session(Model):
    title: Line = Field(description="Name of the session or activity.")
    summary: ShortText | None = Field(None, description="What happens in it, as the source describes it.")
    id: Slug | None = Field(None, description="A stable id for the session's calendar entry and anchor (default: made from the title).")
    start: LocalDateTime | None = Field(None, description="Local start, YYYY-MM-DDTHH:MM, in the event's time zone.")
    end: LocalDateTime | None = Field(None, description="Local end, YYYY-MM-DDTHH:MM, in the event's time zone; after the start.")
    format: SessionFormat | None = Field(None, description="plenary, panel, breakout, workshop, presentation, break or other.")
    speakers: list[Speaker] = Field(default_factory=list, description="Who speaks, with their organization; each name needs consent.")
    materials: list[Line] = Field(default_factory=list, description="Hub records used in the session, as KIND/ID (e.g. tool/path-forward-toolkit).")


class Location(Model):
    name: Line = Field(description="The venue's name.")
    address: Line | None = Field(None, description="Street address of the venue.")
    locality: Line | None = Field(None, description="City.")
    region: Line | None = Field(None, description="State or province.")
    country: Line | None = Field(None, description="Country (name or two-letter code).")


class Attendance(Model):
    in_person: ShortText | None = Field(None, description="How to attend in person (registration, access), as the organizers state it.")
    online: ShortText | None = Field(None, description="How to attend online, as the organizers state it.")
    online_url: WebUrl | None = Field(None, description="Public page for joining online (never a private meeting link).")


class Event(Record):
    date: PartialDate = Field(description="When it takes place: YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source.")
    end_date: PartialDate | None = Field(None, description="Last day of a multi-day event, YYYY-MM-DD.")
    timezone: Line | None = Field(None, description="IANA time zone of the agenda's times, e.g. America/New_York.")
    format: Literal["in-person", "virtual", "hybrid"] = Field(description="How people attend.")
    duration: Line | None = Field(None, description="How long it lasts, as the source states it, e.g. 'full day'.")
    location: Location | None = Field(None, description="Where it takes place in person.")
    attendance: Attendance | None = Field(None, description="How to attend in person and online.")
    organizers: list[ref("organization")] = Field(default_factory=list, description="Organizations that host it.")
    partners: list[ref("organization")] = Field(default_factory=list, description="Partner organizations named by a source.")
    sessions: list[Session] = Field(
        default_factory=list, description="The event's own sessions (its agenda), only as a source names them."
    )
    methods: list[Session] = Field(
        default_factory=list,
        description="The project's planned methods around the event (preparation, follow-up, evaluation), as a source "
        "lists them. Not an agenda: shown under their own heading.",
    )
