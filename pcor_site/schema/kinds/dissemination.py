"""A dissemination log entry: what was shared, when, through which channel, to whom, and its reach."""

from typing import Literal

from pydantic import Field

from ..base import Record
from ..types import Line, PartialDate, ShortText, ref

Channel = Literal["newsletter", "email", "webinar", "conference", "meeting", "social-media", "website", "podcast", "press", "other"]


class Dissemination(Record):
    date: PartialDate = Field(description="When it was shared: YYYY-MM or YYYY-MM-DD.")
    materials: list[Line] = Field(min_length=1, description="What was shared: hub records (reports, episodes, infographics...) as KIND/ID.")
    channel: Channel = Field(description="How it was shared: newsletter, email, webinar, conference, meeting, social-media, website, podcast, press or other.")
    event: ref("event") | None = Field(None, description="The convening whose materials these are (its six months after are charted).")
    reach: int | None = Field(None, ge=0, description="How many people it reached, only where counted (e.g. newsletter recipients).")
    reach_note: ShortText | None = Field(None, description="What the reach counts, e.g. 'newsletter recipients'.")
    shared_by: ref("organization") | None = Field(None, description="Who shared it (organization id).")
    used_for: ShortText | None = Field(None, description="How the audience used the material, as they reported it.")
    note: Line | None = Field(None, description="A short note for readers.")
