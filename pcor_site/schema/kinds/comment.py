"""A stakeholder comment the maintainers accepted into the hub ("what we heard"), and what changed.

No field names the commenter: only the kind of stakeholder they are.
"""

from typing import Literal

from pydantic import Field

from ..base import Record
from ..types import Date, Line, ShortText, WebUrl

STAKEHOLDER_TYPES = (
    "employer", "labor-management fund", "purchaser coalition", "health plan", "provider", "patient advocate",
    "researcher", "community organization", "public agency", "other",
)


class Comment(Record):
    date: Date = Field(description="Date (YYYY-MM-DD) the comment was accepted.")
    stakeholder_type: Literal[STAKEHOLDER_TYPES] = Field(description="What kind of stakeholder commented (never their name).")
    record: Line = Field(description="The record the comment concerns, as KIND/ID (e.g. strategy/engage-clinical-leaders).")
    section: Line | None = Field(None, description="The section of the record it concerns, as the comment named it.")
    version: Line | None = Field(None, description="The version of the record the comment was made on, as the comment link gave it.")
    changed: ShortText = Field(description="What changed in the hub because of the comment, in plain words.")
    issue: WebUrl | None = Field(None, description="Address of the comment's GitHub issue.")
