"""Discovery and reading of record files: bytes → checked text → YAML data (+ Markdown body).

Each file is read in isolation: whatever is wrong with it becomes a diagnostic and the run goes
on with the other files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path as FsPath

from ..diagnostics import Diagnostic
from .characters import forbidden_character
from .guard import ContentReadError, read_regular
from .yaml_loader import Positions, YamlProblem, load_yaml

MAX_FILE_BYTES = 256 * 1024
RECORD_SUFFIXES = (".yml", ".yaml", ".md")
SLUG = re.compile(r"[a-z0-9][a-z0-9-]{0,79}\Z")


@dataclass
class Document:
    """One record file as authored: plain data, positions, and the Markdown body if any."""

    path: str  # relative to the hub root, with forward slashes
    kind: str
    slug: str
    data: dict
    positions: Positions
    body: str | None = None
    body_line: int = 0  # 1-based line of the body's first line in the file


def read_text(root: FsPath, path: FsPath, max_bytes: int = MAX_FILE_BYTES) -> tuple[str | None, list[Diagnostic]]:
    """Read a content file as checked UTF-8 text, or explain why it cannot be used."""
    rel = relative(root, path)
    try:
        raw = read_regular(root, path, max_bytes)
    except ContentReadError as error:
        return None, [Diagnostic.of(error.code, rel, 1, 1, error.message)]
    problems: list[Diagnostic] = []
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.append(Diagnostic.of("W117", rel, 1, 1, "the file starts with a UTF-8 byte-order mark"))
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return None, [Diagnostic.of("E102", rel, line, column, f"byte 0x{raw[error.start]:02x} is not valid UTF-8")]
    bad = forbidden_character(text)
    if bad:
        return None, problems + [Diagnostic.of("E112", rel, bad[0], bad[1], bad[2])]
    return text.replace("\r\n", "\n"), problems


def relative(root: FsPath, path: FsPath) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """Split `---\\nYAML\\n---\\nbody`. Returns (yaml, body, body_first_line) or None."""
    if not text.startswith("---\n"):
        return None
    end = re.search(r"^---[ \t]*$", text[4:], flags=re.MULTILINE)
    if not end:
        return None
    yaml_text = text[4 : 4 + end.start()]
    rest = text[4 + end.end() :]
    body = rest[1:] if rest.startswith("\n") else rest
    body_line = text[: len(text) - len(body)].count("\n") + 1
    return yaml_text, body, body_line


def cut_at_comment(rel: str, yaml_text: str, positions: Positions) -> list[Diagnostic]:
    """W120 for each unquoted value followed by ` #` on its line: YAML silently drops the rest as a
    comment (`title: Step #2 of the plan` is stored as `Step`)."""
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


def parse_mapping(rel: str, yaml_text: str, line_offset: int) -> tuple[dict | None, Positions, list[Diagnostic]]:
    """YAML text → (mapping, positions) or diagnostics. Positions are shifted by `line_offset`."""
    try:
        data, positions = load_yaml(yaml_text)
    except YamlProblem as problem:
        return None, Positions(), [Diagnostic.of(problem.code, rel, problem.line + line_offset, problem.column, problem.message)]
    positions.line_offset = line_offset
    cut = cut_at_comment(rel, yaml_text, positions)
    if data is None:
        return None, positions, [Diagnostic.of("E104", rel, 1 + line_offset, 1, "the record has no fields")]
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else "a single value"
        return None, positions, [Diagnostic.of("E110", rel, 1 + line_offset, 1, f"the top level is {kind}, not a mapping of fields")]
    return data, positions, cut


def load_document(root: FsPath, path: FsPath, kind: str) -> tuple[Document | None, list[Diagnostic]]:
    """Read one record file into a Document, or return the diagnostics that stop it."""
    rel = relative(root, path)
    text, problems = read_text(root, path)
    if text is None:
        return None, problems
    if not text.strip():
        return None, problems + [Diagnostic.of("E104", rel, 1, 1, "the file is empty")]
    body, body_line, line_offset = None, 0, 0
    yaml_text = text
    if path.suffix == ".md":
        parts = split_front_matter(text)
        if parts is None:
            return None, problems + [Diagnostic.of("E114", rel, 1, 1, "a Markdown record must start with YAML front matter between `---` lines")]
        yaml_text, body, body_line = parts
        line_offset = 1
    data, positions, errors = parse_mapping(rel, yaml_text, line_offset)
    if data is None:
        return None, problems + errors
    return Document(rel, kind, path.stem, data, positions, body, body_line), problems + errors
