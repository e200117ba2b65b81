"""Fields every record kind shares."""

from __future__ import annotations

from pydantic import Field

from .types import Audience, Caution, Date, Line, Model, PriorityArea, ShortText, Source, Summary, ref


class Record(Model):
    """Common fields. Each kind adds its own; `extra="forbid"` rejects anything else."""

    title: Line = Field(description="Name of the record as readers see it (plain text, one line).")
    summary: Summary = Field(description="Plain-language summary shown first on the page and in listings (20-1,200 characters).")
    priority_areas: list[PriorityArea] = Field(
        default_factory=list, description="Path Forward priority areas this record supports (ids from _vocab/priority_areas.yml)."
    )
    audiences: list[Audience] = Field(default_factory=list, description="Who the record is for (ids from _vocab/audiences.yml).")
    regions: list[ref("region")] = Field(default_factory=list, description="RESET Regions the record concerns (region ids).")
    related: list[Line] = Field(
        default_factory=list,
        description="Other records worth reading, as KIND/ID (e.g. practice/collaborative-care-model).",
    )
    sources: list[Source] = Field(default_factory=list, description="Where the record's facts come from. Required for factual kinds.")
    cautions: list[Caution] = Field(
        default_factory=list, description="Facts that are secondary, disputed or uncertain; shown to readers as caution notes."
    )
    consent: list[Line] = Field(
        default_factory=list, description="Names of people quoted by name in this record who agreed to it (consent on file)."
    )
    editor_note: ShortText | None = Field(
        None, exclude=True, description="Notes for editors (how a fact was checked, what is missing); never published."
    )
    last_reviewed: Date | None = Field(None, description="Date (YYYY-MM-DD) a person last checked the record against its sources.")
