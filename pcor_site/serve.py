"""Live preview: pcor-site watches content/ (and mkdocs.yml, overrides/) itself, recompiles, and
has the engine re-render only the pages whose compiled Markdown changed.

* Nothing changed, nothing happens: the watcher does not look at build/ (pcor-site's own output),
  and the writer touches no file whose bytes are the same, so the preview stays idle.
* The served folder (build/preview) is what `pcor-site build` would write: the same engine
  output, the same post-build steps (gate, search index, CSP) on the pages that were re-rendered.
* A content error keeps the last good preview on screen with a banner listing every problem; the
  terminal prints the same diagnostics. Before any successful build, every address answers with
  a page listing them. The browser reloads by itself when the content is fixed.
"""

from __future__ import annotations

import html
import os
import re
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from .build import CACHE_DIR, DOCS_DIR, GENERATED_CONFIG, check, compile_docs, run_engine, source_date_epoch
from .cache import use as use_cache
from .diagnostics import Diagnostic, render_text
from .postbuild import add_csp_to, feature_steps, gate_pages
from .swap import remove

PREVIEW_DIR = Path("build/preview")
_CSP_META = re.compile(rb'\s*<meta http-equiv="Content-Security-Policy"[^>]*>')
_BODY_OPEN = re.compile(rb"<body\b[^>]*>")


@dataclass
class Preview:
    """One hub's preview: `rebuild()` brings build/preview up to date with content/."""

    root: Path
    site_dir: Path = field(init=False)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    ready: bool = False  # a successful build is on disk
    builds: int = 0
    timings: dict[str, float] = field(default_factory=dict)  # the last rebuild's stages, in seconds
    pages: int = 0  # pages the engine re-rendered in the last rebuild
    _config_text: str = ""
    _post_built: list[Path] = field(default_factory=list)  # files the features' post-build steps wrote last time
    #: serve: the features' steps (the search index) run after the browser has reloaded; the next
    #: rebuild waits for them, and `settle()` does too
    defer_features: bool = False
    _features: threading.Thread | None = None

    def __post_init__(self) -> None:
        self.site_dir = self.root / PREVIEW_DIR

    @property
    def failing(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]

    def rebuild(self) -> float:
        """check → compile (only changed files written) → engine (only those pages) → post-build.
        Returns the seconds it took; diagnostics are kept for the browser and printed."""
        self.settle()
        started = time.perf_counter()
        self.builds += 1
        try:
            self.diagnostics = self._rebuild()
        except Exception as error:  # the preview must stay up: report, do not crash
            self.diagnostics = [Diagnostic.of("E901", GENERATED_CONFIG, 1, 1, f"the preview failed: {type(error).__name__}: {error}")]
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
        result = check(self.root)
        t = self._lap("check", t)
        if not result.ok:
            return result.diagnostics
        site = result.site()
        report, _ = compile_docs(self.root, site)
        t = self._lap("compile", t)
        config_text = (self.root / GENERATED_CONFIG).read_text(encoding="utf-8")
        full = not self.ready or config_text != self._config_text
        if full:
            remove(self.site_dir)
        else:
            self._remove_stale(report.changed)
        before = _mtimes(self.site_dir)
        problems = run_engine(self.root, self.site_dir, dirty=not full)
        if problems:
            return result.diagnostics + problems
        after = _mtimes(self.site_dir)
        rendered = sorted(path for path, mtime in after.items() if path.suffix == ".html" and before.get(path) != mtime)
        t = self._lap("engine", t)
        self.pages = len(rendered)
        problems = gate_pages(self.site_dir, rendered)
        if problems:
            self.ready = False  # the gate refused a page: the next save builds everything again
            return result.diagnostics + problems
        add_csp_to(rendered)  # the search index reads the pages' text, never their head
        self.ready, self._config_text = True, config_text
        if self.defer_features:
            self._features = threading.Thread(target=self._feature_steps, args=(site, result.diagnostics), daemon=True)
            self._features.start()
            self._lap("post_build", t)
            return result.diagnostics
        problems = self._feature_steps(site, result.diagnostics)
        self._lap("post_build", t)
        return result.diagnostics + problems

    def _feature_steps(self, site, known: list[Diagnostic]) -> list[Diagnostic]:
        for stale in self._post_built:  # the features' steps (the search index) write them anew
            stale.unlink(missing_ok=True)
        engine_output = set(_mtimes(self.site_dir))
        try:
            problems = feature_steps(self.site_dir, site)
        except Exception as error:
            problems = [Diagnostic.of("E901", GENERATED_CONFIG, 1, 1, f"the preview failed: {type(error).__name__}: {error}")]
        self._post_built = sorted(set(_mtimes(self.site_dir)) - engine_output)
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

    def _remove_stale(self, changed: list[str]) -> None:
        """Outputs of docs files that are gone (an engine's dirty run never deletes)."""
        docs = self.root / DOCS_DIR
        for rel in changed:
            if (docs / rel).exists():
                continue
            if rel.endswith(".md"):
                stem = rel[:-3]
                rel = "index.html" if stem == "index" else (stem[:-5] + "index.html" if stem.endswith("/index") else stem + "/index.html")
            target = self.site_dir / rel
            if target.is_file():
                target.unlink()

    def watched(self) -> list[Path]:
        paths = [self.root / "content", self.root / "mkdocs.yml"]
        return paths + [p for p in (self.root / "overrides",) if p.is_dir()]


def _mtimes(folder: Path) -> dict[Path, int]:
    if not folder.is_dir():
        return {}
    return {path: path.stat().st_mtime_ns for path in folder.rglob("*") if path.is_file()}


def banner(diagnostics: list[Diagnostic], built: bool = True) -> str:
    """The error list shown in the browser: every value escaped (it holds contributor text)."""
    items = "".join(
        f"<li><code>{html.escape(d.path)}:{d.line}:{d.column}</code> <strong>{html.escape(d.code)}</strong> "
        f"{html.escape(d.message)}{' <em>' + html.escape(d.hint) + '</em>' if d.hint else ''}</li>"
        for d in diagnostics
    )
    count = len(diagnostics)
    return (
        '<section id="pcor-preview-errors" role="alert" style="background:#fff4f4;color:#5c0000;border:3px solid #b00020;'
        'padding:1em 1.5em;margin:0;font:16px/1.5 system-ui,sans-serif;position:relative;z-index:10">'
        f"<h2 style=\"margin:0 0 .5em;font-size:1.2em\">pcor-site: {count} problem{'s' * (count != 1)} in the content. "
        f"{'This preview shows the last version that built; f' if built else 'F'}ix the files below and save.</h2>"
        f'<ul style="margin:0;padding-left:1.2em">{items}</ul></section>'
    )


def error_page(diagnostics: list[Diagnostic]) -> str:
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>pcor-site preview: content errors</title>'
        '<meta name="viewport" content="width=device-width,initial-scale=1"></head><body style="margin:0">'
        f"<main><h1 style=\"font:600 1.5em system-ui,sans-serif;margin:1em\">The preview is not built yet</h1>{banner(diagnostics, built=False)}</main>"
        "</body></html>"
    )


def make_server(preview: Preview, host: str, port: int):
    from mkdocs.livereload import LiveReloadServer

    class PreviewServer(LiveReloadServer):
        def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
            content = _CSP_META.sub(b"", content, count=1)  # the reload script is inline; the built site keeps its CSP
            if preview.failing:
                text = banner(preview.diagnostics).encode("utf-8")
                match = _BODY_OPEN.search(content)
                at = match.end() if match else 0
                content = content[:at] + text + content[at:]
            return super()._inject_js_into_html(content, epoch)

    server = PreviewServer(builder=preview.rebuild, host=host, port=port, root=str(preview.site_dir), polling_interval=0.25)
    server.build_delay = 0.05

    def error_handler(code: int) -> bytes | None:
        if not preview.ready:
            return server._inject_js_into_html(error_page(preview.diagnostics).encode("utf-8"), server._visible_epoch)
        page = preview.site_dir / "404.html"
        return server._inject_js_into_html(page.read_bytes(), server._visible_epoch) if page.is_file() else None

    server.error_handler = error_handler
    for path in preview.watched():
        server.watch(str(path))
    return server


def serve(root: Path, address: str) -> int:
    """Build, print the address, serve until Ctrl+C. Returns the exit code (2: a bad address)."""
    host, _, port = address.rpartition(":")
    if not port.isdigit() or not 0 < int(port) < 65536:
        print(f"error: --address must be HOST:PORT, e.g. 127.0.0.1:8000 (got {address!r})", file=sys.stderr)
        return 2
    preview = Preview(root)
    seconds = preview.rebuild()
    preview.defer_features = True  # from the first save on, the page shows before the search index is redone
    server = make_server(preview, host or "127.0.0.1", int(port))
    server.builder = lambda: _report(preview.rebuild(), preview)
    try:
        server.server_bind()
        server.server_activate()
    except OSError as error:
        print(f"error: cannot listen on {address}: {error.strerror or error}; pass another --address", file=sys.stderr)
        server.server_close()
        return 2
    server.server_bind = server.server_activate = lambda: None  # done above: a busy port is a message, not a traceback
    state = "built in %.1f s" % seconds if preview.ready else "content has errors (listed above and in the browser)"
    print(f"pcor-site preview {state}: serving {server.url} (Ctrl+C to stop)", flush=True)
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        print("preview stopped", file=sys.stderr)
    return 0


def _report(seconds: float, preview: Preview) -> None:
    status = "updated" if not preview.failing else "kept the last good version"
    stages = ", ".join(f"{name} {value:.2f}" for name, value in preview.timings.items())
    print(f"pcor-site preview {status} in {seconds:.2f} s ({preview.pages} pages re-rendered; {stages})", flush=True)


__all__ = ["Preview", "serve", "banner", "error_page"]
