"""A convening, with its sessions as far as a source names them."""

from typing import Literal

from pydantic import Field

from ..base import Record
from ..types import Line, Model, PartialDate, ShortText, ref


class Session(Model):
    title: Line = Field(description="Name of the session or activity.")
    summary: ShortText | None = Field(None, description="What happens in it, as the source describes it.")


class Event(Record):
    date: PartialDate = Field(description="When it takes place: YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source.")
    format: Literal["in-person", "virtual", "hybrid"] = Field(description="How people attend.")
    duration: Line | None = Field(None, description="How long it lasts, as the source states it, e.g. 'full day'.")
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
