"""A local audio file whose declared size and duration are wrong (the audio is a committed test fixture)."""

import shutil
from pathlib import Path

AUDIO = Path(__file__).resolve().parents[2] / "fixtures" / "podcast" / "fixture-audio.mp3"


def setup(root):
    shutil.copy(AUDIO, root / "content" / "episode" / "fixture-audio.mp3")
    record = root / "content" / "episode" / "fixture-episode.md"
    text = record.read_text(encoding="utf-8")
    text = text.replace("audio_url: https://example.org/episode.mp3\naudio_length: 48000\nduration: 3\n",
                        "audio_url: fixture-audio.mp3\naudio_length: 48000\nduration: 3\n")
    record.write_text(text, encoding="utf-8")
