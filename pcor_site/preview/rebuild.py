"""One hub's preview rounds: `Preview.rebuild()` brings build/preview up to date with content/.

* Nothing changed, nothing happens: the writer touches no file whose bytes are the same, and the
  engine renders nothing when no docs file changed, so the preview stays idle.
* A saved record is compiled again on its own (`compile.Compiler`), and the engine, kept loaded
  (`engine.MkDocsSession`), renders only the docs files whose bytes changed; the gate and the CSP
  run on those pages. A round that cannot be incremental builds everything.
* The served folder is what `pcor-site build` would write: the same engine output, the same
  post-build steps (gate, features' steps such as the search index, CSP).
* A content error keeps the last good preview; the diagnostics are kept for the browser.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..build import CACHE_DIR, DOCS_DIR, GENERATED_CONFIG, source_date_epoch
from ..cache import use as use_cache
from ..diagnostics import Diagnostic, render_text
from ..postbuild import feature_steps, gate_pages
from .compile import Compiler
from .engine import MkDocsSession

PREVIEW_DIR = Path("build/preview")


def _failed(error: Exception) -> list[Diagnostic]:
    return [Diagnostic.of("E901", GENERATED_CONFIG, 1, 1, f"the preview failed: {type(error).__name__}: {error}")]


@dataclass
class Preview:
    root: Path
    site_dir: Path = field(init=False)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    ready: bool = False  # a successful build is on disk
    builds: int = 0
    timings: dict[str, float] = field(default_factory=dict)  # the last rebuild's stages, in seconds
    pages: int = 0  # pages the engine rendered in the last rebuild
    full: bool = True  # whether the last rebuild rendered everything
    #: serve: the features' steps (the search index) run after the browser has reloaded; the next
    #: rebuild waits for them, and `settle()` does too
    defer_features: bool = False
    _config_text: str = ""
    _post_built: list[Path] = field(default_factory=list)  # files the features' post-build steps wrote last time
    _features: threading.Thread | None = None

    def __post_init__(self) -> None:
        self.site_dir = self.root / PREVIEW_DIR
        self.compiler = Compiler(self.root)
        self.engine = MkDocsSession(self.root, GENERATED_CONFIG, self.site_dir)

    @property
    def failing(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]

    def rebuild(self) -> float:
        """compile (only what the edit touches) → engine (only the changed pages) → post-build.
        Returns the seconds it took; diagnostics are kept for the browser and printed."""
        self.settle()
        started = time.perf_counter()
        self.builds += 1
        try:
            self.diagnostics = self._rebuild()
        except Exception as error:  # the preview must stay up: report, do not crash
            self.ready = False
            self.compiler.forget()
            self.diagnostics = _failed(error)
        if self.diagnostics:
            print(render_text(self.diagnostics), flush=True)
        return time.perf_counter() - started

    def _lap(self, stage: str, since: float) -> float:
        now = time.perf_counter()
        self.timings[stage] = now - since
        return now

    def _rebuild(self) -> list[Diagnostic]:
        t = time.perf_counter()
        self.timings, self.pages = {}, 0
        os.environ["SOURCE_DATE_EPOCH"] = source_date_epoch(self.root)
        use_cache(self.root / CACHE_DIR)
        done = self.compiler.compile()
        t = self._lap("compile", t)
        self.timings.update({f"compile.{stage}": seconds for stage, seconds in done.timings.items()})
        if not done.result.ok:
            return done.result.diagnostics
        known = done.result.diagnostics
        config_text = (self.root / GENERATED_CONFIG).read_text(encoding="utf-8")
        changed = done.report.changed
        self.full = not self.ready or config_text != self._config_text or not self.engine.can_render(changed, self.root / DOCS_DIR)
        self.ready = False  # until this round's pages are on disk and gated
        if self.full:
            problems = self.engine.build_all()
            rendered = sorted(self.site_dir.rglob("*.html"))
        else:
            rendered, problems = self.engine.render(changed)
        t = self._lap("engine", t)
        if problems:
            return known + problems
        self.pages = len(rendered)
        problems = gate_pages(self.site_dir, rendered)  # and each page's CSP
        if problems:
            return known + problems  # not ready: the next save builds everything again
        self.ready, self._config_text = True, config_text
        if self.defer_features:
            self._features = threading.Thread(target=self._feature_steps, args=(done.site, known), daemon=True)
            self._features.start()
            self._lap("post_build", t)
            return known
        problems = self._feature_steps(done.site, known)
        self._lap("post_build", t)
        return known + problems

    def _feature_steps(self, site, known: list[Diagnostic]) -> list[Diagnostic]:
        for stale in self._post_built:  # the features' steps (the search index) write them anew
            stale.unlink(missing_ok=True)
        engine_output = set(_files(self.site_dir))
        try:
            problems = feature_steps(self.site_dir, site)
        except Exception as error:
            problems = _failed(error)
        self._post_built = sorted(set(_files(self.site_dir)) - engine_output)
        if problems:
            self.ready = False
            if self.defer_features:
                self.diagnostics = known + problems
                print(render_text(problems), flush=True)
        return problems

    def settle(self) -> None:
        """Wait for deferred feature steps to finish."""
        if self._features is not None:
            self._features.join()
            self._features = None

    def watched(self) -> list[Path]:
        paths = [self.root / "content", self.root / "mkdocs.yml"]
        return paths + [p for p in (self.root / "overrides",) if p.is_dir()]


def _files(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.is_file()] if folder.is_dir() else []
