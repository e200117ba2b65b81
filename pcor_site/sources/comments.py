"""Text silently cut at ` #`: YAML reads the rest of the line as a comment.

`title: Step #2 of the plan` is stored as `Step`; nothing fails, the text is just gone. Every
unquoted value that a ` #` follows on the same line is reported, with the text that was dropped.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic
from .yaml_loader import Positions


def cut_at_comment(rel: str, yaml_text: str, positions: Positions) -> list[Diagnostic]:
    """A W120 warning for each unquoted value followed by ` #` on its line."""
    if " #" not in yaml_text and "\t#" not in yaml_text:
        return []
    lines = yaml_text.split("\n")
    found = []
    for path, (line, column) in positions.plain_ends.items():
        rest = lines[line][column:] if line < len(lines) else ""
        if not rest[:1].isspace() or not rest.lstrip().startswith("#"):
            continue
        dropped = rest.lstrip()[:60]
        where = ".".join(map(str, path)) or "value"
        found.append(Diagnostic.of(
            "W120", rel, line + 1 + positions.line_offset, column + 1,
            f"{where}: the text after ' #' was dropped ({dropped!r}), because YAML reads it as a comment: "
            "put the whole value in quotes to keep it"))
    return sorted(found, key=lambda d: (d.line, d.column))
