"""The preview's incremental compile: one saved record is read, validated and rendered again; the
other records' items and pages are kept from the round before.

* Reading: `FileMemo` gives `load_records` the item and problems of every record file whose bytes
  (SHA-256) did not change, without parsing or validating it again.
* Resolve and the features' checks run over the whole catalog every round (they are cheap next to
  reading and rendering; `benchmarks/bench_engines.py` prints the split), so every diagnostic a
  full check gives is given.
* Rendering: only the parts of the docs tree the edit touches (`depends.touched_parts`). A full
  render happens in the first round and whenever a record file was added, removed or renamed
  (or became valid or invalid), or anything else changed: mkdocs.yml, overrides/, vocabularies,
  references.bib, a record's assets (transcripts, chart data), or the date of the build.
* Writing: the writer touches only files whose bytes changed and reports them to the engine.
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..build import FEATURES, CheckResult, check, markdown_for, write_docs
from ..plugin.feature import Feature
from ..site.pages import join_parts, render_parts
from ..sources.files import MAX_FILE_BYTES, RECORD_SUFFIXES
from ..validate import VOCAB_DIR, load_file
from ..write import WriteReport
from .depends import changed_records, touched_parts


class FileMemo:
    """`load_records`' reader: a record file whose bytes did not change gives last round's result."""

    def __init__(self, root: Path, markdown) -> None:
        self.root, self.markdown = root, markdown
        self._last: dict[tuple, tuple] = {}
        self._now: dict[tuple, tuple] = {}

    def __call__(self, kind, path: Path):
        try:
            regular = path.is_file() and not path.is_symlink() and path.stat().st_size <= MAX_FILE_BYTES
            key = (path.as_posix(), kind.name, hashlib.sha256(path.read_bytes()).digest()) if regular else None
        except OSError:
            key = None
        if key is None:  # not a plain readable file: read it the usual way, which says what is wrong
            return load_file(self.root, kind, path, self.markdown)
        found = self._last.get(key) or load_file(self.root, kind, path, self.markdown)
        self._now[key] = found
        return found

    def end_round(self) -> None:
        self._last, self._now = self._now, {}


def other_inputs(root: Path) -> tuple:
    """What every page may depend on besides the record files: a change means a full render."""
    found = [("SOURCE_DATE_EPOCH", os.environ.get("SOURCE_DATE_EPOCH", ""))]
    candidates = [root / "mkdocs.yml"]
    for folder in (root / "content", root / "overrides"):
        candidates += sorted(folder.rglob("*")) if folder.is_dir() else []
    content = root / "content"
    for path in candidates:
        if not path.is_file() or _is_record_file(content, path):
            continue
        stat = path.stat()
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if stat.st_size <= MAX_FILE_BYTES else (stat.st_size, stat.st_mtime_ns)
        found.append((path.relative_to(root).as_posix(), digest))
    return tuple(found)


def _is_record_file(content: Path, path: Path) -> bool:
    return path.parent.parent == content and path.parent.name != VOCAB_DIR and path.suffix in RECORD_SUFFIXES


@dataclass
class Round:
    result: CheckResult
    site: object = None  # the SiteContext rendered (None when the check failed)
    full: bool = True
    parts: int = 0  # parts of the docs tree rendered this round
    report: WriteReport = field(default_factory=WriteReport)
    timings: dict[str, float] = field(default_factory=dict)  # check, render, write (seconds)


class Compiler:
    """One hub's compile, kept between the preview's rounds."""

    def __init__(self, root: Path, features: tuple[Feature, ...] = FEATURES) -> None:
        self.root, self.features = root, features
        self.markdown = markdown_for(features)
        self.memo = FileMemo(root, self.markdown)
        self._parts: dict[str, dict] = {}
        self._catalog = None
        self._inputs: tuple = ()

    def forget(self) -> None:
        """The next round renders everything (e.g. after the engine or a later step failed)."""
        self._catalog = None

    def compile(self) -> Round:
        started = time.perf_counter()
        result = check(self.root, features=self.features, read=self.memo, markdown=self.markdown)
        self.memo.end_round()
        timings = {"check": time.perf_counter() - started}
        if not result.ok:
            return Round(result, timings=timings)
        site = result.site()
        inputs = other_inputs(self.root)
        changed = None
        if self._catalog is not None and inputs == self._inputs:
            changed = changed_records(self._catalog, result.catalog)
        if changed is None:
            parts, rendered = render_parts(site), None
        else:
            wanted = touched_parts(self._catalog, result.catalog, changed, self.features) if changed else set()
            rendered = render_parts(site, only=wanted.__contains__)
            parts = {**self._parts, **rendered}
        self._catalog = None  # until the tree is written
        timings["render"] = time.perf_counter() - started - timings["check"]
        kept = frozenset() if rendered is None else frozenset(p for name, part in parts.items() if name not in rendered for p in part)
        report = write_docs(self.root, site, join_parts(parts), kept)
        self._parts, self._catalog, self._inputs = parts, result.catalog, inputs
        timings["write"] = time.perf_counter() - started - timings["check"] - timings["render"]
        return Round(result, site, rendered is None, len(parts if rendered is None else rendered), report, timings)
