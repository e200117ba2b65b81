"""The search index: the Pagefind indexer (PyPI `pagefind-bin`) run on the built site during the
post-build step. The index is chunked, so a reader downloads only the pieces a query needs."""

from __future__ import annotations

import subprocess
from pathlib import Path

from pagefind_bin import get_executable

from ...diagnostics import Diagnostic
from .stable import stabilise_filters

BUNDLE_DIR = "pagefind"
UNUSED_BUNDLE_FILES = (
    "pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
    "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
)


def pagefind_executable() -> Path | None:
    try:
        return get_executable()
    except FileNotFoundError:
        return None


def index_site(site: Path) -> list[Diagnostic]:
    """Write the Pagefind bundle into `site/pagefind/`. A missing indexer or a failed run is an error."""
    executable = pagefind_executable()
    if executable is None:
        return [Diagnostic.of("E901", "site", 1, 1, "the search indexer is missing: install the package 'pagefind-bin' (pip install -e .)")]
    try:
        done = subprocess.run(
            [str(executable), "--site", str(site), "--output-subdir", BUNDLE_DIR, "--force-language", "en", "--silent"],
            capture_output=True, text=True, timeout=600,
        )
    except (OSError, subprocess.SubprocessError) as error:
        return [Diagnostic.of("E901", "site", 1, 1, f"the search indexer failed: {error}")]
    if done.returncode != 0 or not (site / BUNDLE_DIR / "pagefind.js").is_file():
        detail = (done.stderr or done.stdout).strip().splitlines()
        return [Diagnostic.of("E901", "site", 1, 1, f"the search indexer failed: {detail[-1] if detail else done.returncode}")]
    for name in UNUSED_BUNDLE_FILES:  # Pagefind's ready-made interfaces: Explore has its own
        (site / BUNDLE_DIR / name).unlink(missing_ok=True)
    stabilise_filters(site / BUNDLE_DIR)
    return []
