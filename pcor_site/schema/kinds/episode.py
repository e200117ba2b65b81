"""A podcast episode. An episode exists only with real audio and a full transcript."""

from pydantic import Field, StrictBool

from ..base import Record
from ..types import Date, Line, ShortText, Url, ref


class Episode(Record):
    date: Date = Field(description="Publication date (YYYY-MM-DD).")
    audio_url: Url = Field(description="The audio file: an https:// address or a path beside the record.")
    audio_type: Line = Field("audio/mpeg", description="MIME type of the audio, e.g. audio/mpeg.")
    audio_length: int | None = Field(None, ge=1, description="Size of the audio file in bytes (read from local files).")
    duration: int | None = Field(None, ge=1, description="Length in seconds (read from local files).")
    transcript: Line = Field(description="Path, beside the record, of the transcript (WebVTT .vtt), required for accessibility.")
    explicit: StrictBool = Field(False, description="Whether the episode contains explicit content.")
    hosts: list[ref("organization")] = Field(default_factory=list, description="Organizations of the hosts.")
    guests: list[ref("organization")] = Field(default_factory=list, description="Organizations of the guests.")
    guest_names: list[Line] = Field(default_factory=list, description="Names of guests who agreed to be named.")
    show_notes: ShortText | None = Field(None, description="Short show notes; longer notes go in the Markdown body.")
