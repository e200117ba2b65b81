"""Steps that run on the built site before it replaces the previous one: the safety gate on every
page, which gives each page that passes its Content-Security-Policy in the same reading, then the
features' steps (the search index, the PDFs), which read the pages' text and never their policy.
Any diagnostic stops the swap, so the previous site stays as it was.

The gate reads and writes each page on its own, so on a large site it runs in worker processes on
every core (`cores.py`); the preview passes only the pages the engine re-rendered.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from ..cores import run_apart
from ..diagnostics import Diagnostic
from ..plugin.feature import Feature
from .gate import add_csp, content_security_policy, gate_and_protect, scan_page  # noqa: F401  (the gate's API)


def post_build(site_dir: Path, site=None) -> list[Diagnostic]:
    """Gate every page and add its CSP, then run the features' steps. `site`: the build's
    `plugin.context.SiteContext` (None runs the gate and the CSP only)."""
    return post_build_pages(site_dir, sorted(site_dir.rglob("*.html")), site)


def post_build_pages(site_dir: Path, pages: list[Path], site=None) -> list[Diagnostic]:
    """The same steps with the gate and the CSP on `pages` only (the others were done before)."""
    problems = gate_pages(site_dir, pages)
    if problems:
        return problems
    return feature_steps(site_dir, site)  # the search index and the PDFs read the pages' text, never their policy


def gate_pages(site_dir: Path, pages: list[Path]) -> list[Diagnostic]:
    """The gate on `pages`; each page that passes gets its CSP in the same reading."""
    problems: list[Diagnostic] = []
    if not (site_dir / "index.html").is_file():
        problems.append(Diagnostic.of("E902", "site/index.html", 1, 1, "the engine produced no home page"))
    for page, line, message in gate_and_protect(pages):
        problems.append(Diagnostic.of("E902", "site/" + page.relative_to(site_dir).as_posix(), line, 1, message))
    return problems


def feature_steps(site_dir: Path, site=None) -> list[Diagnostic]:
    """The features' post-build steps (the search index, the PDFs), which read the gated pages.
    They are independent of one another, so they run side by side (`cores.run_apart`), except a
    step that uses every core itself (`Feature.post_build_alone`), which runs after them, alone;
    the problems reported are those of the first feature, in feature order, that has any."""
    features = [f for f in (site.features if site is not None else ()) if type(f).post_build is not Feature.post_build]
    step = {f.name: partial(f.post_build, site_dir, site, site.state(f)) for f in features}
    beside = [f.name for f in features if not f.post_build_alone]
    found = dict(zip(beside, run_apart([step[name] for name in beside])))
    found.update((f.name, step[f.name]()) for f in features if f.post_build_alone)
    return next((found[f.name] for f in features if found[f.name]), [])
