"""The preview's rebuilds (pcor_site.serve.Preview, no server): incremental, idle when nothing
changed, and after any series of edits byte for byte what a clean `pcor-site build` writes."""

from __future__ import annotations

import os
from pathlib import Path

from pcor_site.build import DOCS_DIR, build
from pcor_site.diagnostics import Diagnostic
from pcor_site.serve import Preview, banner, error_page
from pcor_site.write import MANIFEST

TOOL = "content/tool/fixture-tool.yml"


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def assert_same_as_clean_build(root: Path, preview: Preview) -> None:
    result = build(root, root.parent / "clean-site")
    assert result.ok, result.check.diagnostics + result.diagnostics
    served, clean = tree(preview.site_dir), tree(result.out)
    assert sorted(served) == sorted(clean)
    different = [rel for rel in clean if served[rel] != clean[rel]]
    assert different == []


def test_after_a_series_of_edits_the_preview_equals_a_clean_build(hub_copy: Path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    preview = Preview(hub_copy)
    preview.rebuild()
    assert preview.ready and preview.failing == []
    full = preview.pages
    assert full > 30
    preview.defer_features = True  # as `serve` does after its first build: the search index follows the reload

    edit(hub_copy, TOOL, "title: Fixture toolkit", "title: Renamed toolkit")
    preview.rebuild()
    assert preview.ready and 0 < preview.pages < full  # only the pages that show the tool were rendered again
    assert "Renamed toolkit</h1>" in (preview.site_dir / "tools/fixture-tool/index.html").read_text(encoding="utf-8")
    assert not preview.full  # the engine, kept loaded, rendered only the changed pages

    edit(hub_copy, TOOL, "summary: ", "summary: Shorter now. ")
    preview.rebuild()
    assert preview.ready and not preview.full and 0 < preview.pages < full
    practice = sorted((hub_copy / "content/practice").iterdir())[0].relative_to(hub_copy).as_posix()
    edit(hub_copy, practice, "\ntitle: ", "\nrelated: [tool/fixture-tool]\ntitle: ")  # a new cross-reference
    preview.rebuild()
    assert preview.ready and not preview.full

    copy = (hub_copy / TOOL).read_text(encoding="utf-8").replace("title: Renamed toolkit", "title: A second toolkit")
    (hub_copy / "content/tool/second-tool.yml").write_text(copy, encoding="utf-8")
    preview.rebuild()
    assert (preview.site_dir / "tools/second-tool/index.html").is_file()

    edit(hub_copy, TOOL, "title: Renamed toolkit", "title: [broken")  # a content error: the last good preview stays
    preview.settle()
    kept = tree(preview.site_dir)
    preview.rebuild()
    assert preview.failing and tree(preview.site_dir) == kept
    edit(hub_copy, TOOL, "title: [broken", "title: Fixed toolkit")

    (hub_copy / "content/tool/second-tool.yml").unlink()
    preview.rebuild()
    assert preview.ready and preview.failing == []
    assert not (preview.site_dir / "tools/second-tool/index.html").exists()
    preview.settle()
    assert_same_as_clean_build(hub_copy, preview)


def test_a_rebuild_with_nothing_changed_writes_nothing(hub_copy: Path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    preview = Preview(hub_copy)
    preview.rebuild()
    docs = hub_copy / DOCS_DIR
    before = {p: p.stat().st_mtime_ns for p in docs.rglob("*") if p.is_file()}
    manifest = (docs / MANIFEST).stat().st_mtime_ns
    preview.rebuild()
    after = {p: p.stat().st_mtime_ns for p in docs.rglob("*") if p.is_file()}
    assert after == before and (docs / MANIFEST).stat().st_mtime_ns == manifest  # the watcher has nothing to see
    assert (hub_copy / "mkdocs.generated.yml").is_file()


def test_a_preview_that_never_built_lists_the_errors(hub_copy: Path):
    edit(hub_copy, TOOL, "title: Fixture toolkit", "title: [broken")
    preview = Preview(hub_copy)
    preview.rebuild()
    assert not preview.ready
    [problem] = preview.failing
    assert (problem.path, problem.line, problem.column, problem.code) == (TOOL, 1, 1, "E105")
    page = error_page(preview.diagnostics)
    assert "The preview is not built yet" in page and f"<code>{TOOL}:1:1</code> <strong>E105</strong>" in page
    assert "last version that built" not in page and "Fix the files below and save." in page
    assert not (preview.site_dir / "index.html").exists()


def test_the_banner_escapes_what_it_shows():
    hostile = Diagnostic.of("E101", 'content/tool/<img src=x onerror=alert(1)>.yml', 3, 1, "bad <script>alert(1)</script> value")
    text = banner([hostile])
    assert "<script>" not in text and "<img" not in text and "onerror=alert(1)&gt;" in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text and 'role="alert"' in text
    assert "1 problem in the content" in text


def test_a_failure_inside_the_preview_is_reported_not_raised(hub_copy: Path, monkeypatch):
    import pcor_site.preview.compile as compile_module

    monkeypatch.setattr(compile_module, "write_docs", lambda *args: (_ for _ in ()).throw(RuntimeError("disk on fire")))
    preview = Preview(hub_copy)
    preview.rebuild()
    [problem] = preview.failing
    assert (problem.code, problem.path, problem.message) == ("E901", "mkdocs.generated.yml", "the preview failed: RuntimeError: disk on fire")
    assert os.environ.get("PCOR_SITE_RECOMPILE") is None
