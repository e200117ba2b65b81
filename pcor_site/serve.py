"""Live preview: MkDocs' server watches content/; its pre-build hook recompiles the docs tree."""

from __future__ import annotations

import os
from pathlib import Path

from .build import GENERATED_CONFIG, check, compile_docs

SERVE_ROOT = "PCOR_SITE_SERVE_ROOT"


def recompile(root: Path) -> list:
    """Check and, when clean, rewrite the changed pages. Returns the diagnostics."""
    result = check(root)
    if result.ok:
        compile_docs(root, result.site())
    return result.diagnostics


def on_pre_build(config) -> None:
    """Called by hooks/pcor_site_hooks.py before every (re)build while serving."""
    root = os.environ.get(SERVE_ROOT)
    if not root:
        return
    from .diagnostics import render_text

    diagnostics = recompile(Path(root))
    if diagnostics:
        print(render_text(diagnostics), flush=True)


def serve(root: Path, address: str) -> None:
    from mkdocs.commands.serve import serve as mkdocs_serve

    os.environ[SERVE_ROOT] = str(root)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    recompile(root)
    mkdocs_serve(config_file=str(root / GENERATED_CONFIG), dev_addr=address, livereload=True, watch=[str(root / "content")])
