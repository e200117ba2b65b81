"""An organization named by the projects: coalition, partner, funder, researcher or advocate."""

from pydantic import Field

from ..base import Record
from ..types import Line, ShortText, WebUrl


class Organization(Record):
    website: WebUrl | None = Field(None, description="Official website, only if a source gives it.")
    contact_email: Line | None = Field(None, description="The organization's published contact e-mail (a role mailbox, not a person's).")
    contact_phone: Line | None = Field(None, description="The organization's published contact phone number.")
    also_known_as: list[Line] = Field(default_factory=list, description="Former names, abbreviations and other spellings.")
    name_correction: ShortText | None = Field(
        None, description="Where a seed misspells the name: the spelling it used and the source for the correct one."
    )
