"""Shared fixtures. Keep additions generic; test-specific helpers live in their test modules."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURE_HUB = REPO / "tests" / "fixtures" / "hub"


def copy_hub(target: Path, source: Path = FIXTURE_HUB) -> Path:
    """Copy a hub without its build output; point its `../../../` paths (hooks, overrides) at the repository."""
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("site", "build", "mkdocs.generated.yml", ".site-*"))
    config = target / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("../../../", f"{REPO.as_posix()}/")
    config.write_text(text, encoding="utf-8")
    return target


def in_another_process(code: str):
    """Run `code` in a fresh interpreter with another hash seed; the JSON it prints, decoded.

    Determinism tests compare a result with the same work done in a second process: a second call
    in one process would share caches, interned strings and the set/dict iteration order of one
    hash seed, and so prove little.
    """
    seed = "1" if os.environ.get("PYTHONHASHSEED") != "1" else "2"
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": os.pathsep.join([str(REPO / "tests"), str(REPO)])}
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


@pytest.fixture
def hub_copy(tmp_path: Path) -> Path:
    return copy_hub(tmp_path / "hub")


@pytest.fixture(scope="session")
def built_hub(tmp_path_factory) -> Path:
    from pcor_site.build import build

    root = copy_hub(tmp_path_factory.mktemp("built") / "hub")
    result = build(root)
    assert result.ok, result.check.diagnostics + result.diagnostics
    return root


@pytest.fixture(scope="module")
def base(built_hub: Path):
    """The built fixture hub served on 127.0.0.1 (browser tests of other hubs override this)."""
    from browsing import serve

    with serve(built_hub / "site") as url:
        yield url


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-quic",
]


def require_browser() -> None:
    """Skip with a clear message when Chromium or Playwright is missing, except in CI where they must run."""
    missing = []
    if not CHROMIUM.exists():
        missing.append(f"{CHROMIUM} (apt-get install chromium)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("playwright (pip install -e '.[test]')")
    if missing:
        message = "browser tests need " + " and ".join(missing)
        if os.environ.get("CI"):
            pytest.fail(message + "; in CI they must run (.ci/run installs them)")
        pytest.skip(message)


CYCLE_CONTENT = REPO / "tests" / "fixtures" / "cycle" / "content"


def copy_cycle_hub(target: Path) -> Path:
    """The fixture hub plus the convening cycle's records (event agenda, activities, report, dissemination, surveys)."""
    copy_hub(target)
    shutil.copytree(CYCLE_CONTENT, target / "content", dirs_exist_ok=True)
    return target


@pytest.fixture(scope="session")
def built_cycle_hub(tmp_path_factory) -> Path:
    from pcor_site.build import build

    root = copy_cycle_hub(tmp_path_factory.mktemp("cycle") / "hub")
    result = build(root)
    assert result.ok, result.check.diagnostics + result.diagnostics
    return root


@pytest.fixture
def cycle_copy(tmp_path: Path) -> Path:
    """A fresh copy of the cycle fixture hub, for tests that edit it."""
    return copy_cycle_hub(tmp_path / "hub")


def fail_pdf_for(monkeypatch, page_part: str, error: Exception) -> None:
    """Make printing fail with `error` for pages whose path contains `page_part`; others print."""
    import pcor_site.plugin.documents as documents

    real = documents.write_pdf

    def broken(page, *args, **kwargs):
        if page_part in str(page):
            raise error
        return real(page, *args, **kwargs)

    monkeypatch.setattr(documents, "write_pdf", broken)


def edit(root: Path, rel: str, old: str, new: str) -> None:
    """Replace the first `old` in the hub file `rel` (which must contain it) with `new`."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def reported(root: Path) -> list[tuple]:
    """(path, line, code, message) of every diagnostic `check` reports for the hub."""
    from pcor_site.build import check

    return [(d.path, d.line, d.code, d.message) for d in check(root).diagnostics]
