"""A RESET Region (Regional Employer Stakeholder Engagement Team) of The Path Forward."""

from pydantic import Field

from ..base import Record
from ..types import ShortText, ref


class Region(Record):
    area: ShortText = Field(description="The states or metro area the region covers, as the source names it.")
    lead_organizations: list[ref("organization")] = Field(min_length=1, description="Lead coalitions (organization ids).")
