"""Plain-text helpers shared by every output: shortening to a limit, first sentences, human file sizes."""

from __future__ import annotations


def shorten(text: str, limit: int) -> str:
    """`text` with its whitespace collapsed, cut at a word boundary to at most `limit` characters
    (an ellipsis included) when it is longer."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def first_sentence(text: str) -> str:
    """The first sentence of `text` (whitespace collapsed): up to the first ". " or the end."""
    text = " ".join(text.split())
    stop = text.find(". ")
    return text if stop < 0 else text[: stop + 1]


_MINOR_WORDS = frozenset("a an and as at by for in of on or the to vs with".split())


def title_case(text: str) -> str:
    """A heading in title case: "All tools and resources" → "All Tools and Resources". Words that
    already start with a capital (RESET, PCORI-funded) and minor words after the first stay as they are."""
    words = text.split()
    return " ".join(
        w if w[:1].isupper() or (n and w in _MINOR_WORDS) else w[:1].upper() + w[1:] for n, w in enumerate(words)
    )


def _one_decimal(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def file_size(size: int | None) -> str:
    """A size in bytes as people read it: "640 bytes", "12.5 KB", "18 KB", "3.4 MB" ("" when unknown)."""
    if not size:
        return ""
    if size >= 1024 * 1024:
        return f"{_one_decimal(size / (1024 * 1024))} MB"
    return f"{_one_decimal(size / 1024)} KB" if size >= 1024 else f"{size} bytes"
