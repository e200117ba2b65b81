"""A summary report: an ordered outline of narrative sections and the hub records each includes.

Each section has a heading, optional Markdown text, and records included by list (KIND/ID) or
by filter (kind, priority area, region). The report feature compiles it into one page with a
table of contents, numbered citations and a references list, and into a PDF.
"""

from pydantic import Field

from ..base import Record
from ..types import Line, LongText, Model, PartialDate, PriorityArea, ref


class Selection(Model):
    kind: Line | None = Field(None, description="Include every record of this kind (e.g. practice).")
    priority_area: PriorityArea | None = Field(None, description="Only records tagged with this priority area.")
    region: ref("region") | None = Field(None, description="Only records about this RESET Region.")


class ReportSection(Model):
    heading: Line = Field(description="The section's heading.")
    text: LongText | None = Field(None, description="The section's narrative (Markdown; cite with the record's sources).")
    records: list[Line] = Field(default_factory=list, description="Records included, in this order, as KIND/ID.")
    select: Selection | None = Field(None, description="Records included by filter, after `records:` (sorted by title).")


class Report(Record):
    date: PartialDate | None = Field(None, description="When the report was issued: YYYY, YYYY-MM or YYYY-MM-DD.")
    authors: list[ref("organization")] = Field(default_factory=list, description="Organizations that wrote it.")
    event: ref("event") | None = Field(None, description="The convening the report summarizes (event id).")
    outline: list[ReportSection] = Field(min_length=1, description="The report's sections, in order.")
