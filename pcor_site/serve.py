"""Live preview: `pcor-site serve` watches content/ (and mkdocs.yml, overrides/) itself, never its
own output, and serves build/preview, which `preview.rebuild.Preview` keeps up to date: a saved
record is compiled again on its own and the engine, kept loaded, renders only the pages it changed.

A content error keeps the last good preview on screen with a banner listing every problem; the
terminal prints the same diagnostics. Before any successful build, every address answers with a
page listing them. The browser reloads by itself when the content is fixed.
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

from .diagnostics import Diagnostic
from .preview.rebuild import PREVIEW_DIR, Preview

_CSP_META = re.compile(rb'\s*<meta http-equiv="Content-Security-Policy"[^>]*>')
_BODY_OPEN = re.compile(rb"<body\b[^>]*>")


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
    scope = "all pages rendered" if preview.full else f"{preview.pages} pages re-rendered"
    print(f"pcor-site preview {status} in {seconds:.2f} s ({scope}; {stages})", flush=True)


__all__ = ["PREVIEW_DIR", "Preview", "serve", "banner", "error_page"]
