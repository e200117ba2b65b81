"""A podcast episode. An episode exists only with real audio and a full transcript.

Audio lives at an external https:// address (GitHub Pages is no place for large media) or, when
small, in a file beside the record. Files beside the record are named by file name only, e.g.
`my-episode.mp3`; `pcor-site check` reads their size and duration and compares them with what the
record declares. The transcript (WebVTT) is required: audio without one fails WCAG 2.x SC 1.2.1.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, StrictBool, StringConstraints, field_validator
from pydantic_core import PydanticCustomError

from ..base import Record
from ..types import Date, Line, Model, ShortText, Url, WebUrl, ref

#: A file beside the record: ASCII letters, digits, '.', '_' and '-' only (Apple accepts no others).
FILE_NAME = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,119}$"
AUDIO_TYPES = {".mp3": "audio/mpeg", ".m4a": "audio/x-m4a"}
_HMS = r"^(?:\d+:)?[0-5]?\d:[0-5]\d(?:\.\d+)?$"


class Seconds(int):
    """A whole number of seconds that prints as H:MM:SS (for readers)."""

    def __str__(self) -> str:
        hours, rest = divmod(int(self), 3600)
        minutes, seconds = divmod(rest, 60)
        return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


def _to_seconds(value: int | str) -> Seconds:
    if isinstance(value, str):
        parts = [float(p) for p in value.split(":")]
        total = 0.0
        for part in parts:
            total = total * 60 + part
        value = int(total)
    if value < 0:
        raise PydanticCustomError("negative_time", "a time cannot be negative")
    return Seconds(value)


#: A time as whole seconds (`95`) or as `MM:SS` / `HH:MM:SS` (`1:35`, `0:01:35`).
Time = Annotated[
    int | Annotated[str, StringConstraints(pattern=_HMS)],
    AfterValidator(_to_seconds),
    Field(description="Seconds (e.g. 95) or MM:SS / HH:MM:SS (e.g. '1:35')."),
]
FileName = Annotated[str, StringConstraints(pattern=FILE_NAME)]
TranscriptFile = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,115}\.vtt$")]
ArtworkFile = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,114}\.(?:jpg|jpeg|png)$")]
Guid = Annotated[str, StringConstraints(min_length=1, max_length=200, pattern=r"^[\x21-\x7e]+$")]


class Chapter(Model):
    """A chapter: where it starts, its title and, optionally, a page about it."""

    start: Time
    title: Line = Field(description="Chapter title, shown as a link that jumps the player to the start.")
    url: WebUrl | None = Field(None, description="An https:// page about the chapter's topic (optional).")


class Episode(Record):
    date: Date = Field(description="Publication date (YYYY-MM-DD); the feed's pubDate. Episodes list newest first.")
    audio_url: Url = Field(
        description="The audio: an https:// address, or the file name (.mp3 or .m4a) of a small file beside the record."
    )
    audio_type: Literal["audio/mpeg", "audio/x-m4a"] | None = Field(
        None, description="MIME type of the audio; leave out to infer it from the extension (.mp3 → audio/mpeg, .m4a → audio/x-m4a)."
    )
    audio_length: int | None = Field(
        None, ge=1, description="Size of the audio file in bytes. Required for external audio; read from local files (if given, it must match)."
    )
    duration: Time | None = Field(
        None, description="Length of the audio, in seconds or HH:MM:SS. Read from local files (if given, it must match within 2 s)."
    )
    transcript: TranscriptFile = Field(
        description="File name, beside the record, of the full transcript in WebVTT (.vtt). Required (WCAG 2.x SC 1.2.1)."
    )
    chapters: list[Chapter] = Field(default_factory=list, description="Chapters in order of start time; each becomes a link that jumps the player.")
    artwork: ArtworkFile | None = Field(
        None, description="File name, beside the record, of episode artwork: JPEG or PNG, RGB, square, 1400-3000 px (optional)."
    )
    explicit: StrictBool = Field(False, description="Whether the episode contains explicit content.")
    guid: Guid | None = Field(
        None,
        description="The episode's permanent feed id. Leave out: it is derived from the show and the record id. "
        "Set it only to keep an existing episode's id after renaming the record file; never change it once published.",
    )
    hosts: list[ref("organization")] = Field(default_factory=list, description="Organizations of the hosts.")
    guests: list[ref("organization")] = Field(default_factory=list, description="Organizations of the guests.")
    guest_names: list[Line] = Field(default_factory=list, description="Names of guests who agreed to be named.")
    show_notes: ShortText | None = Field(None, description="Short show notes; longer notes go in the Markdown body.")

    @field_validator("audio_url")
    @classmethod
    def _audio_location(cls, value: str) -> str:
        if value.startswith("https://"):
            return value
        if re.match(r"^[a-z][a-z0-9+.-]*:", value, flags=re.IGNORECASE):
            raise PydanticCustomError("unsafe_url", "external audio must be an https:// address")
        if not re.match(FILE_NAME, value) or value.rsplit(".", 1)[-1].lower() not in ("mp3", "m4a"):
            raise PydanticCustomError(
                "audio_file", "a local audio file is named by its file name beside the record and ends in .mp3 or .m4a"
            )
        return value

