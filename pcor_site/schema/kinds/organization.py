"""An organization named by the projects: coalition, partner, funder, researcher or advocate."""

from pydantic import Field

from ..base import Record
from ..types import Line, ShortText, WebUrl


class Organization(Record):
    website: WebUrl | None = Field(None, description="Official website, only if a source gives it.")
    also_known_as: list[Line] = Field(default_factory=list, description="Former names, abbreviations and other spellings.")
    name_correction: ShortText | None = Field(
        None, description="Where a seed misspells the name: the spelling it used and the source for the correct one."
    )
