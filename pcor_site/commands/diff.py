"""`pcor-site diff BASE [HEAD]`: which records a change adds, changes and removes.

Both revisions are read straight from git; each record is parsed with the project's own strict
loader, so a broken file is reported as "could not be read" instead of stopping the report. The
Markdown form is written for the GitHub job summary of a pull request.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..sources.files import forbidden_character, split_front_matter
from ..sources.yaml_loader import YamlProblem, load_yaml
from .gitrev import GitError, check_repository, read_blob, record_files, resolve

EXIT_USAGE = 2


@dataclass(frozen=True)
class Parsed:
    data: dict | None
    body: str | None
    problem: str = ""  # why the file could not be read


@dataclass
class Change:
    status: str  # "added", "changed" or "removed"
    key: str
    path: str
    title: str = ""
    fields: list[str] = field(default_factory=list)
    problem: str = ""


def parse(path: str, raw: bytes) -> Parsed:
    """Bytes of one record file → its fields and body, or the reason it cannot be read."""
    try:
        text = raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8").replace("\r\n", "\n")
    except UnicodeDecodeError:
        return Parsed(None, None, "it is not valid UTF-8")
    bad = forbidden_character(text)
    if bad:
        return Parsed(None, None, f"line {bad[0]}: {bad[2]}")
    body, offset = None, 0
    if path.endswith(".md"):
        parts = split_front_matter(text)
        if parts is None:
            return Parsed(None, None, "the front matter between `---` lines is missing or not closed")
        text, body, _ = parts
        offset = 1
    try:
        data, _ = load_yaml(text)
    except YamlProblem as problem:
        return Parsed(None, None, f"line {problem.line + offset}: {problem.message}")
    if not isinstance(data, dict):
        return Parsed(None, None, "the top level is not a mapping of fields")
    return Parsed(data, body)


def _read(root: Path, path: str, blob: str) -> Parsed:
    try:
        return parse(path, read_blob(root, blob))
    except ValueError as error:
        return Parsed(None, None, str(error))


def _title(parsed: Parsed) -> str:
    title = (parsed.data or {}).get("title")
    return " ".join(title.split()) if isinstance(title, str) else ""


_MISSING = object()


def changed_fields(old: Parsed, new: Parsed) -> list[str]:
    """Top-level fields whose values differ (new order first, then removed ones), then "body"."""
    names = list(new.data) + [name for name in old.data if name not in new.data]
    fields = [name for name in names if old.data.get(name, _MISSING) != new.data.get(name, _MISSING)]
    if (old.body or "").strip() != (new.body or "").strip():
        fields.append("body")
    return fields


def compare(root: Path, base: str, head: str) -> list[Change]:
    prefix = check_repository(root)
    old_files = record_files(root, prefix, resolve(root, base))
    new_files = record_files(root, prefix, resolve(root, head))
    changes: list[Change] = []
    for key in sorted(old_files.keys() | new_files.keys()):
        old, new = old_files.get(key), new_files.get(key)
        if old is None:
            parsed = _read(root, new.path, new.blob)
            changes.append(Change("added", key, new.path, _title(parsed), problem=parsed.problem))
        elif new is None:
            parsed = _read(root, old.path, old.blob)
            changes.append(Change("removed", key, old.path, _title(parsed), problem=parsed.problem))
        elif old.blob != new.blob:
            before, after = _read(root, old.path, old.blob), _read(root, new.path, new.blob)
            change = Change("changed", key, new.path, _title(after) or _title(before), problem=after.problem)
            if not after.problem and before.problem:
                change.fields = ["the whole file (it could not be read before)"]
            elif not after.problem:
                change.fields = changed_fields(before, after)
            changes.append(change)
    return changes


# ---------------------------------------------------------------- rendering

STATUSES = ("added", "changed", "removed")


def _counts(changes: list[Change]) -> str:
    return ", ".join(f"{sum(c.status == s for c in changes)} {s}" for s in STATUSES)


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _detail(change: Change) -> str:
    if change.problem:
        return f"could not be read ({change.problem})"
    if change.status != "changed":
        return ""
    if not change.fields:
        return "only comments or layout changed"
    return "changed " + _and(change.fields)


def render_text(changes: list[Change], base: str, head: str) -> str:
    if not changes:
        return f"No records changed between {base} and {head}.\n"
    lines = [f"Records changed between {base} and {head}: {_counts(changes)}."]
    for status in STATUSES:
        group = [c for c in changes if c.status == status]
        if not group:
            continue
        lines += ["", f"{status.capitalize()}:"]
        for c in group:
            title = f' "{c.title}"' if c.title else ""
            detail = _detail(c)
            lines.append(f"  {c.key}{title} ({c.path})" + (f": {detail}" if detail else ""))
    return "\n".join(lines) + "\n"


_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_FIELD_NAME = re.compile(r"[A-Za-z0-9_-]+\Z")


def md_escape(text: str) -> str:
    """Contributor text as literal Markdown inside a line: no links, emphasis, tables or HTML."""
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _md_field(name: str) -> str:
    return _code(name) if _FIELD_NAME.match(name) and name != "body" else md_escape(name)


def _code(text: str) -> str:
    return "`" + text.replace("`", "'") + "`"


def render_markdown(changes: list[Change], base: str, head: str) -> str:
    lines = [f"### Record changes between {_code(base)} and {_code(head)}", ""]
    if not changes:
        return "\n".join(lines + ["No records changed.", ""])
    lines.append(_counts(changes).capitalize() + ".")
    for status in STATUSES:
        group = [c for c in changes if c.status == status]
        if not group:
            continue
        lines += ["", f"**{status.capitalize()}**", ""]
        for c in group:
            title = f" {md_escape(c.title)}" if c.title else ""
            detail = _detail(c)
            if detail and c.fields and not c.problem:
                detail = "changed " + _and([_md_field(f) for f in c.fields])
            elif detail:
                detail = md_escape(detail)
            lines.append(f"- {_code(c.key)}{title}" + (f": {detail}" if detail else ""))
    return "\n".join(lines) + "\n"


def cmd_diff(args) -> int:
    try:
        changes = compare(args.root, args.base, args.head)
    except GitError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    render = render_markdown if args.format == "markdown" else render_text
    sys.stdout.write(render(changes, args.base, args.head))
    return 0


def register(commands, root_parent) -> None:
    p = commands.add_parser("diff", parents=[root_parent], help="list records added, changed and removed between two git revisions")
    p.add_argument("base", metavar="BASE", help="the revision to compare from, e.g. origin/main")
    p.add_argument("head", metavar="HEAD", nargs="?", default="HEAD", help="the revision to compare to (default: HEAD)")
    p.add_argument("--format", choices=("text", "markdown"), default="text",
                   help="plain text (default) or Markdown for a GitHub job summary")
    p.set_defaults(func=cmd_diff)
