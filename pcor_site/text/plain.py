"""Plain-text helpers shared by every output: shortening to a limit, and human file sizes."""

from __future__ import annotations


def shorten(text: str, limit: int) -> str:
    """`text` with its whitespace collapsed, cut at a word boundary to at most `limit` characters
    (an ellipsis included) when it is longer."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _one_decimal(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def file_size(size: int | None) -> str:
    """A size in bytes as people read it: "640 bytes", "12.5 KB", "18 KB", "3.4 MB" ("" when unknown)."""
    if not size:
        return ""
    if size >= 1024 * 1024:
        return f"{_one_decimal(size / (1024 * 1024))} MB"
    return f"{_one_decimal(size / 1024)} KB" if size >= 1024 else f"{size} bytes"
