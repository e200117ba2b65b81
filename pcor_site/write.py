"""A safe, idempotent writer for the generated docs tree.

It refuses two outputs to one path (also when they differ only in case, which breaks on macOS
and Windows checkouts) and any path that would leave the tree; it rewrites a file only when its
bytes changed (the manifest too), so a watcher sees nothing and file mtimes stay quiet; it removes files that are no
longer generated, using a manifest so nothing outside its own output is ever deleted.
"""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST = ".pcor-manifest.json"


class WriteError(Exception):
    pass


@dataclass
class WriteReport:
    written: int = 0
    unchanged: int = 0
    removed: int = 0
    changed: list[str] = field(default_factory=list)  # paths written or removed, for an incremental engine run


def _check_path(rel: str) -> None:
    normal = posixpath.normpath(rel)
    if rel.startswith("/") or normal.startswith("..") or normal != rel or "\\" in rel:
        raise WriteError(f"refusing to write outside the output tree: {rel!r}")


def check_outputs(outputs: dict[str, str | bytes]) -> None:
    seen: dict[str, str] = {}
    for rel in outputs:
        _check_path(rel)
        folded = rel.casefold()
        if folded in seen:
            raise WriteError(f"two outputs to one path: {seen[folded]!r} and {rel!r}")
        seen[folded] = rel


def write_tree(out: Path, outputs: dict[str, str | bytes], unchanged: frozenset[str] = frozenset()) -> WriteReport:
    """Make `out` hold exactly `outputs` (plus files it never wrote). `unchanged`: paths the caller
    wrote itself before with these very bytes (the live preview's untouched parts): not read again."""
    check_outputs(outputs)
    report = WriteReport()
    out.mkdir(parents=True, exist_ok=True)
    manifest_path = out / MANIFEST
    try:
        previous = set(json.loads(manifest_path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        previous = set()
    for rel, content in sorted(outputs.items()):
        if rel in unchanged:
            report.unchanged += 1
            continue
        data = content.encode("utf-8") if isinstance(content, str) else content
        target = out / rel
        try:
            if target.read_bytes() == data:
                report.unchanged += 1
                continue
        except OSError:
            pass
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        report.written += 1
        report.changed.append(rel)
    for rel in sorted(previous - set(outputs)):
        _check_path(rel)
        stale = out / rel
        if stale.is_file():
            stale.unlink()
            report.removed += 1
            report.changed.append(rel)
    manifest = json.dumps(sorted(outputs), indent=0)
    if previous != set(outputs) or not manifest_path.is_file():  # an unchanged tree leaves every file as it was
        manifest_path.write_text(manifest, encoding="utf-8")
    return report
