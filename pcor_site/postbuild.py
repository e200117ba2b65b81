"""Steps that run on the built site before it replaces the previous one."""

from __future__ import annotations

from pathlib import Path

from .diagnostics import Diagnostic


def post_build(site: Path, check) -> list[Diagnostic]:
    """Checks on the engine's output. Returns diagnostics; any diagnostic stops the swap."""
    problems: list[Diagnostic] = []
    if not (site / "index.html").is_file():
        problems.append(Diagnostic.of("E902", "site/index.html", 1, 1, "the engine produced no home page"))
    return problems
