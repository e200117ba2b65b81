"""MkDocs' pages rendered in worker processes on every core (`pcor_site/mkdocs_pages.py`) give the
bytes one process gives, and MkDocs' checks still see every page: warnings, failures and anchors
found in a worker reach the build's diagnostics once, with the page named."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import pcor_site.cores as workers
from pcor_site.build import GENERATED_CONFIG
from pcor_site.engines import run_engine
from pcor_site.mkdocs_pages import build_site, collects_pages


@pytest.fixture
def compiled(built_hub: Path, tmp_path: Path, monkeypatch) -> Path:
    """A copy of the built fixture hub's compiled tree; the machine counted as two cores, its pages as enough."""
    root = tmp_path / "hub"
    shutil.copytree(built_hub, root, ignore=shutil.ignore_patterns("site", ".site-*"), symlinks=True)
    monkeypatch.setattr(workers, "workers", lambda: 2)
    monkeypatch.setattr(workers, "PARALLEL_FROM", 8)  # the fixture hub has a few dozen pages
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    return root


def _config(root: Path, site: Path, config_file: str = GENERATED_CONFIG):
    from mkdocs.config import load_config

    config = load_config(config_file=str(root / config_file), site_dir=str(site), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    return config


def _tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_pages_rendered_on_every_core_are_the_bytes_of_one_process(compiled: Path):
    one = build_site(_config(compiled, compiled / "one"), serial=True)
    apart = build_site(_config(compiled, compiled / "apart"))
    assert len(apart.files.documentation_pages()) >= workers.PARALLEL_FROM
    # the pages were converted in the workers, not here: this process holds no record page's HTML
    converted_here = [f.src_uri for f in apart.files.documentation_pages() if f.page.content is not None]
    assert converted_here == []
    assert all(f.page.content is not None for f in one.files.documentation_pages())
    serial, parallel = _tree(compiled / "one"), _tree(compiled / "apart")
    assert sorted(parallel) == sorted(serial)
    assert [rel for rel in serial if serial[rel] != parallel[rel]] == []
    assert any(rel.endswith("index.html") and rel.count("/") == 2 for rel in parallel)  # record pages were written


def test_a_plugin_that_collects_pages_gets_them_all_in_one_process(compiled: Path):
    (compiled / "mkdocs.search.yml").write_text(f"INHERIT: {GENERATED_CONFIG}\nplugins: [search]\nhooks: []\n", encoding="utf-8")
    config = _config(compiled, compiled / "plain", "mkdocs.search.yml")
    assert collects_pages(config)
    built = build_site(config)
    assert all(f.page.content is not None for f in built.files.documentation_pages())
    index = (compiled / "plain" / "search" / "search_index.json").read_text(encoding="utf-8")
    assert '"location":"tools/' in index.replace(" ", "")
    assert not collects_pages(_config(compiled, compiled / "other"))  # the hub's own config renders apart


def _in_one_process(root: Path, config_file: str, monkeypatch) -> list[tuple]:
    with monkeypatch.context() as patch:
        patch.setattr(workers, "workers", lambda: 1)
        return [(p.code, p.path, p.message) for p in run_engine("mkdocs", root, config_file, root / "one")]


def test_a_warning_on_a_page_rendered_in_a_worker_is_reported_once(compiled: Path, monkeypatch):
    page = compiled / "build" / "docs" / "tools" / "zz-broken.md"
    page.write_text("---\ntitle: Broken\n---\n# Broken\n\n[gone](../nowhere.md)\n", encoding="utf-8")
    problems = run_engine("mkdocs", compiled, GENERATED_CONFIG, compiled / "out")
    messages = [(p.code, p.path, p.message) for p in problems]
    assert messages == [("E901", GENERATED_CONFIG, "the site engine failed: Doc file 'tools/zz-broken.md' contains a link "
                         "'../nowhere.md', but the target 'nowhere.md' is not found among documentation files.")]
    assert messages == _in_one_process(compiled, GENERATED_CONFIG, monkeypatch)  # strict mode, as MkDocs alone


def test_the_anchor_check_sees_anchors_of_pages_rendered_in_workers(compiled: Path, monkeypatch):
    docs = compiled / "build" / "docs" / "tools"
    (docs / "zz-target.md").write_text("---\ntitle: Target\n---\n# Target\n\n## Present part\n", encoding="utf-8")
    (docs / "zz-source.md").write_text("---\ntitle: Source\n---\n# Source\n\n[ok](zz-target.md#present-part) "
                                       "[bad](zz-target.md#absent-part)\n", encoding="utf-8")
    (compiled / "mkdocs.anchors.yml").write_text(f"INHERIT: {GENERATED_CONFIG}\nvalidation:\n  anchors: warn\n", encoding="utf-8")
    problems = run_engine("mkdocs", compiled, "mkdocs.anchors.yml", compiled / "out")
    assert [p.message for p in problems] == [
        "the site engine failed: Doc file 'tools/zz-source.md' contains a link 'zz-target.md#absent-part', "
        "but the doc 'tools/zz-target.md' does not contain an anchor '#absent-part'."]
    assert [(p.code, p.path, p.message) for p in problems] == _in_one_process(compiled, "mkdocs.anchors.yml", monkeypatch)


def test_a_page_that_fails_in_a_worker_is_a_diagnostic_and_no_traceback(compiled: Path):
    page = compiled / "build" / "docs" / "tools" / "zz-odd.md"
    page.write_text("---\ntitle: Odd\ntemplate: no-such-template.html\n---\n# Odd\n", encoding="utf-8")
    problems = run_engine("mkdocs", compiled, GENERATED_CONFIG, compiled / "out")
    assert len(problems) == 1 and problems[0].code == "E901"
    assert problems[0].message.startswith("the site engine failed: Error building page 'tools/zz-odd.md'")
    assert "no-such-template.html" in problems[0].message
    assert not os.path.exists(compiled / "out" / "tools" / "zz-odd" / "index.html")
