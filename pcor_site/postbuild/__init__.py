"""Steps that run on the built site before it replaces the previous one: the safety gate on every
page, then the features' steps (e.g. the search index), then each page's Content-Security-Policy.
Any diagnostic stops the swap, so the previous site stays as it was."""

from __future__ import annotations

from pathlib import Path

from ..diagnostics import Diagnostic
from .gate import add_csp, content_security_policy, scan_page  # noqa: F401  (the gate's API)


def post_build(site_dir: Path, site=None) -> list[Diagnostic]:
    """Gate every page, run the features' steps, then add each page's CSP. `site`: the build's
    `plugin.context.SiteContext` (None runs the gate and the CSP only)."""
    problems: list[Diagnostic] = []
    if not (site_dir / "index.html").is_file():
        problems.append(Diagnostic.of("E902", "site/index.html", 1, 1, "the engine produced no home page"))
    pages = sorted(site_dir.rglob("*.html"))
    for page in pages:
        text = page.read_text(encoding="utf-8")
        rel = "site/" + page.relative_to(site_dir).as_posix()
        for line, message in scan_page(text).problems:
            problems.append(Diagnostic.of("E902", rel, line, 1, message))
    if problems:
        return problems
    for feature in site.features if site is not None else ():
        problems += feature.post_build(site_dir, site, site.state(feature))
        if problems:
            return problems
    for page in pages:
        page.write_text(add_csp(page.read_text(encoding="utf-8")), encoding="utf-8")
    return problems
