"""Steps that run on the built site before it replaces the previous one: the safety gate on every
page, then the features' steps (e.g. the search index), then each page's Content-Security-Policy.
Any diagnostic stops the swap, so the previous site stays as it was.

The gate and the CSP read and write each page on its own, so on a large site they run in worker
processes on every core (`cores.py`); the preview passes only the pages the engine re-rendered.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from ..cores import run_apart
from ..diagnostics import Diagnostic
from ..plugin.feature import Feature
from .gate import add_csp, add_csp_to, content_security_policy, scan_page, scan_pages  # noqa: F401  (the gate's API)


def post_build(site_dir: Path, site=None) -> list[Diagnostic]:
    """Gate every page, run the features' steps, then add each page's CSP. `site`: the build's
    `plugin.context.SiteContext` (None runs the gate and the CSP only)."""
    return post_build_pages(site_dir, sorted(site_dir.rglob("*.html")), site)


def post_build_pages(site_dir: Path, pages: list[Path], site=None) -> list[Diagnostic]:
    """The same steps with the gate and the CSP on `pages` only (the others were done before)."""
    problems = gate_pages(site_dir, pages)
    if problems:
        return problems
    problems = feature_steps(site_dir, site)
    if problems:
        return problems
    add_csp_to(pages)
    return problems


def gate_pages(site_dir: Path, pages: list[Path]) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    if not (site_dir / "index.html").is_file():
        problems.append(Diagnostic.of("E902", "site/index.html", 1, 1, "the engine produced no home page"))
    for page, line, message in scan_pages(pages):
        problems.append(Diagnostic.of("E902", "site/" + page.relative_to(site_dir).as_posix(), line, 1, message))
    return problems


def feature_steps(site_dir: Path, site=None) -> list[Diagnostic]:
    """The features' post-build steps (the search index, the PDFs), which read the gated pages.
    They are independent of one another, so they run side by side (`cores.run_apart`); the
    problems reported are those of the first feature, in feature order, that has any."""
    features = [f for f in (site.features if site is not None else ()) if type(f).post_build is not Feature.post_build]
    steps = [partial(feature.post_build, site_dir, site, site.state(feature)) for feature in features]
    for problems in run_apart(steps):
        if problems:
            return problems
    return []
