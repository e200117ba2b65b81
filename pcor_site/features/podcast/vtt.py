"""A careful WebVTT reader (W3C WebVTT: file structure, cue timings, voice spans).

Only what the hub needs: cue times, speaker (`<v Name>`) and plain text. Problems come back with
their line so `check` can point at them; a file with no cue text is not a transcript.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

_TIME = r"(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})"
TIMING = re.compile(rf"^{_TIME}[ \t]+-->[ \t]+{_TIME}(?:[ \t].*)?$")
VOICE = re.compile(r"<v(?:\.[^\s>]+)*[ \t]+([^>]+)>")
TAG = re.compile(r"</?[^>]*>")


@dataclass(frozen=True)
class Cue:
    start: float
    end: float
    speaker: str
    text: str
    line: int


@dataclass
class Transcript:
    cues: list[Cue]
    problems: list[tuple[int, str]]

    @property
    def words(self) -> int:
        return sum(len(c.text.split()) for c in self.cues)


def _seconds(groups) -> float:
    hours, minutes, seconds, millis = groups
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + int(millis) / 1000


def _cue_text(lines: list[str]) -> tuple[str, str]:
    raw = "\n".join(lines)
    voice = VOICE.search(raw)
    speaker = html.unescape(voice.group(1).strip()) if voice else ""
    text = html.unescape(TAG.sub("", raw))
    return speaker, " ".join(text.split())


def parse(text: str) -> Transcript:
    problems: list[tuple[int, str]] = []
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if not re.match(r"^WEBVTT(?:[ \t].*)?$", lines[0] if lines else ""):
        return Transcript([], [(1, "a WebVTT file starts with the line 'WEBVTT'")])
    if "\x00" in text:
        return Transcript([], [(1, "the file contains a NUL character")])
    # blocks: (first line number, lines); the header block runs to the first blank line
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] = []
    start = 1
    for number, line in enumerate(lines, start=1):
        if line.strip() == "":
            if current:
                blocks.append((start, current))
            current = []
            continue
        if not current:
            start = number
        current.append(line)
    if current:
        blocks.append((start, current))
    cues: list[Cue] = []
    seen_cue = False
    for first, block in blocks[1:] if blocks and blocks[0][0] == 1 else blocks:
        head = block[0]
        if re.match(r"^NOTE(?:[ \t]|$)", head):
            continue
        if re.match(r"^(STYLE|REGION)(?:[ \t]|$)", head):
            if seen_cue:
                problems.append((first, f"a {head.split()[0]} block must come before the first cue"))
            continue
        offset = 0
        if "-->" not in head:
            offset = 1  # a cue identifier
            if len(block) < 2 or "-->" not in block[1]:
                problems.append((first, "expected a cue timing line like '00:00:01.000 --> 00:00:04.000'"))
                continue
        timing = TIMING.match(block[offset].strip())
        if not timing:
            problems.append((first + offset, f"malformed cue timing: {block[offset].strip()[:60]!r}"))
            continue
        begin, end = _seconds(timing.groups()[:4]), _seconds(timing.groups()[4:])
        if end <= begin:
            problems.append((first + offset, "a cue must end after it starts"))
        if cues and begin < cues[-1].start:
            problems.append((first + offset, "cues must be in order of start time"))
        speaker, words = _cue_text(block[offset + 1:])
        seen_cue = True
        cues.append(Cue(begin, end, speaker, words, first + offset))
    if not problems and not any(c.text for c in cues):
        problems.append((1, "the transcript has no cue text"))
    return Transcript(cues, problems)


def clock(seconds: float) -> str:
    """0:07, 12:05 or 1:02:03 for readers."""
    total = int(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
