"""A RESET Region activity from the landscape survey: what a region did, with whom, and what came of it."""

from pydantic import Field

from ..base import Record
from ..types import Line, PartialDate, ShortText, Status, ref


class Activity(Record):
    region: ref("region") = Field(description="The RESET Region that carries out the activity (region id).")
    status: Status = Field(description="Where the activity stands (ids from _vocab/statuses.yml).")
    started: PartialDate | None = Field(None, description="When it began: YYYY, YYYY-MM or YYYY-MM-DD.")
    ended: PartialDate | None = Field(None, description="When it ended, if it has.")
    partners: list[ref("organization")] = Field(default_factory=list, description="Organizations working on it (organization ids).")
    done: list[ShortText] = Field(default_factory=list, description="What was done, one step per item, as the source states it.")
    results: list[ShortText] = Field(default_factory=list, description="Results, only where a source states them.")
    challenges: list[ShortText] = Field(default_factory=list, description="Challenges or barriers the region reports.")
    survey: Line | None = Field(None, description="The landscape survey that reported it, e.g. 'Prework landscape survey 2023'.")
