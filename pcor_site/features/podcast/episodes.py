"""Episode files beside their records: read once during `check`, then used by pages and the feed.

`load_podcast` (the feature's check) reads every episode's transcript, local audio and artwork,
reports what is wrong (E802-E809), and returns the results as the feature's state for the page
sections and the feed, so nothing is read twice and rendering never touches the file system.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from ... import urls
from ...diagnostics import Diagnostic
from ...sources.guard import refusal
from ...validate import Item
from . import vtt
from .media import AUDIO_KINDS, DURATION_TOLERANCE, AudioInfo, artwork_problems, read_audio
from .show import ShowConfig, artwork_file_problems, episode_guid

LOCAL_AUDIO_MAX = 20 * 1024 * 1024  # larger files belong on a media host, not on GitHub Pages


@dataclass
class EpisodeFiles:
    item: Item
    folder: Path
    audio: AudioInfo | None = None  # local audio only
    transcript: vtt.Transcript | None = None
    artwork: Path | None = None
    problems: list[Diagnostic] = field(default_factory=list)

    @property
    def record(self):
        return self.item.record

    @property
    def local_audio(self) -> bool:
        return not self.record.audio_url.startswith("https://")

    @property
    def page(self) -> str:
        """Site-relative address of the episode page, e.g. podcast/my-episode/."""
        return urls.record(self.item.kind, self.item.id)

    def asset(self, name: str) -> str:
        """Site-relative address of a file copied beside the page."""
        return self.page + name

    @property
    def audio_href(self) -> str:
        """Site-relative path of local audio, or the external https address."""
        return self.asset(self.record.audio_url) if self.local_audio else self.record.audio_url

    @property
    def mime(self) -> str:
        if self.record.audio_type:
            return self.record.audio_type
        suffix = posixpath.splitext(urlsplit(self.record.audio_url).path)[1].lower()
        return AUDIO_KINDS.get(suffix, ("", ""))[1]

    @property
    def length(self) -> int | None:
        return self.audio.length if self.audio else self.record.audio_length

    @property
    def duration(self) -> int | None:
        if self.audio:
            return round(self.audio.duration)
        return int(self.record.duration) if self.record.duration is not None else None


@dataclass
class Podcast:
    """Everything the podcast pages and feed need, computed once per check."""

    show: ShowConfig
    episodes: dict[str, EpisodeFiles]  # by record id

    def newest_first(self) -> list[EpisodeFiles]:
        return sorted(self.episodes.values(), key=lambda e: (e.record.date, e.item.id), reverse=True)

    def guid(self, episode: EpisodeFiles) -> str:
        return episode_guid(self.show.show, episode.item)

    @property
    def publishable(self) -> bool:
        return bool(self.episodes) and self.show.show is not None and not self.show.publish_problems()


def _diag(item: Item, code: str, field_path: tuple, message: str, hint: str | None = None) -> Diagnostic:
    line, column = item.position(*field_path)
    return Diagnostic.of(code, item.path, line, column, message, hint)


def inspect(item: Item, root: Path) -> EpisodeFiles:
    record = item.record
    folder = (root / item.path).parent
    files = EpisodeFiles(item, folder)
    problems = files.problems

    def beside(name: str, field_name: str) -> Path | None:
        path = folder / name
        refused = refusal(root, path)  # a link (to /etc/passwd, /dev/zero) or a device is never read
        if refused:
            problems.append(_diag(item, "E118", (field_name,), f"{field_name}: {refused}"))
            return None
        if not path.is_file():
            problems.append(_diag(item, "E802", (field_name,), f"{field_name}: '{name}' is not beside the record in {item.path.rsplit('/', 1)[0]}/"))
            return None
        return path

    # transcript (required by the schema; WCAG 2.x SC 1.2.1)
    path = beside(record.transcript, "transcript")
    if path is not None:
        rel = posixpath.join(posixpath.dirname(item.path), record.transcript)
        try:
            files.transcript = vtt.parse(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, OSError) as error:
            problems.append(Diagnostic.of("E803", rel, 1, 1, f"the transcript cannot be read as UTF-8 text: {error}"))
        else:
            for line, message in files.transcript.problems:
                problems.append(Diagnostic.of("E803", rel, line, 1, f"transcript of {item.key}: {message}"))
    # audio
    if files.local_audio:
        path = beside(record.audio_url, "audio_url")
        if path is not None:
            info, error = read_audio(path)
            if info is None:
                problems.append(_diag(item, "E805", ("audio_url",), f"audio_url: {error}"))
            elif info.length > LOCAL_AUDIO_MAX:
                problems.append(_diag(item, "E805", ("audio_url",), f"audio_url: '{path.name}' is {info.length:,} bytes; local audio may be at most {LOCAL_AUDIO_MAX:,}",
                                      "Host the audio elsewhere and give its https:// address, audio_length and duration."))
            else:
                files.audio = info
                if record.audio_type and record.audio_type != info.mime:
                    problems.append(_diag(item, "E805", ("audio_type",), f"audio_type is {record.audio_type} but '{path.name}' is {info.mime}"))
                if record.audio_length is not None and record.audio_length != info.length:
                    problems.append(_diag(item, "E804", ("audio_length",),
                                          f"audio_length is {record.audio_length} but '{path.name}' has {info.length} bytes"))
                if record.duration is not None and abs(int(record.duration) - info.duration) > DURATION_TOLERANCE:
                    problems.append(_diag(item, "E804", ("duration",),
                                          f"duration is {int(record.duration)} s but '{path.name}' lasts {info.duration:.1f} s"))
    else:
        if record.audio_length is None:
            problems.append(_diag(item, "E805", ("audio_url",), "external audio needs audio_length: the feed's enclosure must state the file size in bytes",
                                  "Add audio_length (bytes, e.g. from the media host) and duration."))
        if not files.mime:
            problems.append(_diag(item, "E805", ("audio_url",), "cannot tell the audio type from the address; it should end in .mp3 or .m4a",
                                  "Add audio_type: audio/mpeg or audio/x-m4a."))
    # artwork
    if record.artwork:
        path = beside(record.artwork, "artwork")
        if path is not None:
            found = artwork_problems(path)
            problems += [_diag(item, "E806", ("artwork",), f"artwork: {message}") for message in found]
            files.artwork = None if found else path
    # chapters
    duration = files.duration
    for index, chapter in enumerate(record.chapters):
        if index and chapter.start <= record.chapters[index - 1].start:
            problems.append(_diag(item, "E807", ("chapters", index, "start"),
                                  f"chapters.{index}.start ({chapter.start}) is not after the previous chapter's start"))
        if duration is not None and chapter.start >= duration:
            problems.append(_diag(item, "E807", ("chapters", index, "start"),
                                  f"chapters.{index}.start ({chapter.start}) is at or after the end of the audio ({duration} s)"))
    return files


def load_podcast(catalog, config) -> tuple[Podcast, list[Diagnostic]]:
    """Every episode's files read and checked, and the show settings: the feature's state."""
    root = config.root
    show = ShowConfig(config)
    episodes = {item.id: inspect(item, root) for item in sorted(catalog.of_kind("episode"), key=lambda i: i.id)}
    problems = list(show.problems) + artwork_file_problems(show, root)
    for files in episodes.values():
        problems += files.problems
    podcast = Podcast(show, episodes)
    if episodes:
        problems += show.publish_problems()
        seen: dict[str, str] = {}
        for files in episodes.values():
            for what, value, field_name in (("guid", podcast.guid(files), "guid"), ("audio", files.audio_href, "audio_url")):
                key = f"{what}:{value}"
                if key in seen:
                    problems.append(_diag(files.item, "E809", (field_name,), f"episode/{files.item.id} has the same {what} as {seen[key]} ({value})",
                                          "Podcast apps ignore the second episode: give each episode its own audio and guid."))
                seen.setdefault(key, files.item.key)
    return podcast, problems
