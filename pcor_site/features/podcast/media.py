"""Facts read from media files: audio size and duration (mutagen), artwork rules (Pillow)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

#: What mutagen reports for each extension the feed accepts, and the enclosure type to use.
AUDIO_KINDS = {".mp3": ("MP3", "audio/mpeg"), ".m4a": ("MP4", "audio/x-m4a")}
ARTWORK_MIN, ARTWORK_MAX = 1400, 3000
ARTWORK_FORMATS = {"JPEG": (".jpg", ".jpeg"), "PNG": (".png",)}
DURATION_TOLERANCE = 2  # seconds (POD-35)


@dataclass(frozen=True)
class AudioInfo:
    length: int  # bytes
    duration: float  # seconds
    mime: str


def read_audio(path: Path) -> tuple[AudioInfo | None, str]:
    """(info, "") or (None, what is wrong)."""
    import mutagen

    suffix = path.suffix.lower()
    if suffix not in AUDIO_KINDS:
        return None, f"'{path.name}' is not an .mp3 or .m4a file"
    try:
        audio = mutagen.File(path)
    except Exception as error:  # noqa: BLE001 - mutagen raises many types on damaged files
        return None, f"'{path.name}' cannot be read as audio: {error}"
    expected, mime = AUDIO_KINDS[suffix]
    if audio is None or type(audio).__name__ != expected or not getattr(audio.info, "length", 0):
        return None, f"'{path.name}' is not a readable {suffix[1:].upper()} file"
    return AudioInfo(path.stat().st_size, float(audio.info.length), mime), ""


def artwork_problems(path: Path) -> list[str]:
    """Apple's artwork rules (POD-40..42): square 1400-3000 px, JPEG or PNG matching the extension, RGB."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            width, height, fmt, mode = image.width, image.height, image.format, image.mode
    except (UnidentifiedImageError, OSError) as error:
        return [f"'{path.name}' cannot be read as an image: {error}"]
    problems = []
    if fmt not in ARTWORK_FORMATS:
        problems.append(f"'{path.name}' is {fmt}; artwork must be JPEG or PNG")
    elif path.suffix.lower() not in ARTWORK_FORMATS[fmt]:
        problems.append(f"'{path.name}' is a {fmt} file but its extension says otherwise")
    if width != height or not ARTWORK_MIN <= width <= ARTWORK_MAX:
        problems.append(f"'{path.name}' is {width}×{height} px; artwork must be square, {ARTWORK_MIN}-{ARTWORK_MAX} px")
    if mode != "RGB":
        problems.append(f"'{path.name}' has colour mode {mode}; artwork must be RGB without transparency")
    return problems
