"""The content-hash cache (pcor_site/cache.py): made once, read back from disk by a later build,
a changed input is a new key; the drawn charts and JSON Schemas it serves equal fresh ones; and
the MkDocs hooks import nothing from the pipeline."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pcor_site.cache as cache
from conftest import REPO
from pcor_site.build import CACHE_DIR, DOCS_DIR, check, compile_docs
from pcor_site.schema import _make_schemas, all_schemas


def test_made_once_then_read_from_disk(tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "_memory", {})
    cache.use(tmp_path)
    made = []
    try:
        key = cache.key_of("spec", "{}")
        assert cache.cached("charts", key, lambda: made.append(1) or b"drawn") == b"drawn"
        assert cache.cached("charts", key, lambda: made.append(1) or b"again") == b"drawn"
        cache._memory.clear()  # as a new process would start
        assert cache.cached("charts", key, lambda: made.append(1) or b"again") == b"drawn"
        assert made == [1] and (tmp_path / "charts" / key).read_bytes() == b"drawn"
        assert cache.key_of("spec", "{}") != cache.key_of("spec", "{ }") != cache.key_of("spe", "c{ }")
    finally:
        cache.use(None)


def test_an_unwritable_cache_only_costs_time(tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "_memory", {})
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    cache.use(blocker)
    try:
        assert cache.cached_text("schemas", "k", lambda: "made") == "made"
    finally:
        cache.use(None)


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_charts_come_from_the_cache_and_equal_fresh_drawings(hub_copy, monkeypatch):
    import vl_convert

    monkeypatch.setattr(cache, "_memory", {})
    cache.use(hub_copy / CACHE_DIR)
    try:
        result = check(hub_copy)
        compile_docs(hub_copy, result.site())
        fresh = tree(hub_copy / DOCS_DIR)
        assert len(list((hub_copy / CACHE_DIR / "charts").iterdir())) >= 2
        cache._memory.clear()

        def refuse(*args, **kwargs):
            raise AssertionError("drawn again although nothing changed")

        monkeypatch.setattr(vl_convert, "vegalite_to_svg", refuse)
        monkeypatch.setattr(vl_convert, "svg_to_png", refuse)
        for path in (hub_copy / DOCS_DIR).rglob("*"):
            if path.is_file():
                path.unlink()
        result = check(hub_copy)
        compile_docs(hub_copy, result.site())
        assert tree(hub_copy / DOCS_DIR) == fresh
    finally:
        cache.use(None)


def test_cached_schemas_equal_fresh_ones(monkeypatch):
    monkeypatch.setattr(cache, "_memory", {})
    assert all_schemas() == _make_schemas() == all_schemas()
    assert len(all_schemas()) > 10
    terms = {name: ["first-term", "second-term"] for name in ("priority_areas", "audiences", "evidence_tiers")}
    assert all_schemas(terms) == _make_schemas(terms) != all_schemas()  # the terms are part of the key


def test_the_hooks_import_nothing_from_the_pipeline():
    code = ("import importlib.util, sys; spec = importlib.util.spec_from_file_location('h', 'hooks/pcor_site_hooks.py'); "
            "module = importlib.util.module_from_spec(spec); spec.loader.exec_module(module); module.on_pre_build(None); "
            "print(sorted(name for name in sys.modules if name.startswith('pcor_site')))")
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, env={"PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_a_printed_pdf_is_reused_until_its_page_or_a_file_it_read_changes(tmp_path, monkeypatch):
    import pypdf
    import weasyprint

    from pcor_site import pdf, pdf_print

    monkeypatch.setattr(cache, "_memory", {})
    cache.use(tmp_path / "cache")
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    css = site / "assets" / "print.css"
    css.write_text("@page { size: A4 }", encoding="utf-8")
    page = site / "course" / "index.html"
    page.parent.mkdir()
    page.write_text('<html><head><link rel="stylesheet" href="../assets/print.css"></head><body><h1>Module one</h1></body></html>',
                    encoding="utf-8")
    printed = []
    real = weasyprint.HTML
    monkeypatch.setattr(pdf_print.weasyprint, "HTML", lambda *a, **k: printed.append(1) or real(*a, **k))
    try:
        assert pdf.write_pdf(page, tmp_path / "one.pdf", site, title="The course") == 1
        cache._memory.clear()  # as the next build's process would start
        assert pdf.write_pdf(page, tmp_path / "two.pdf", site, title="The course") == 1
        assert printed == [1] and (tmp_path / "one.pdf").read_bytes() == (tmp_path / "two.pdf").read_bytes()
        css.write_text("@page { size: letter }", encoding="utf-8")  # a file the print read
        pdf.write_pdf(page, tmp_path / "three.pdf", site, title="The course")
        assert printed == [1, 1] and round(float(pypdf.PdfReader(tmp_path / "three.pdf").pages[0].mediabox.width)) == 612
        pdf.write_pdf(page, tmp_path / "four.pdf", site, title="Another title")  # the page's own inputs
        assert printed == [1, 1, 1] and pypdf.PdfReader(tmp_path / "four.pdf").metadata.title == "Another title"
    finally:
        cache.use(None)


def test_formatted_citations_are_read_back_by_the_next_build(tmp_path, monkeypatch):
    from pcor_site.features.citations import style

    monkeypatch.setattr(cache, "_memory", {})
    cache.use(tmp_path)
    item = {"id": "doe2020", "type": "article-journal", "title": "A <b>trial</b> at work", "issued": {"date-parts": [[2020]]},
            "author": [{"family": "Doe", "given": "Jane"}], "container-title": "Journal of Tests"}
    try:
        first = style.Styler("ama").format(item)
        assert "Doe J" in first.text and "&lt;b&gt;" in first.html  # field text stays escaped
        cache._memory.clear()
        rendered, real = [], style.Styler._render
        monkeypatch.setattr(style.Styler, "_render", lambda self, items, output: rendered.append(len(items)) or real(self, items, output))
        assert style.Styler("ama").format(item) == first and rendered == []  # from the disk, not citeproc
        changed = style.Styler("ama").format(dict(item, title="Another title"))  # a changed item is a new key
        assert rendered == [1] and "Another title" in changed.text
    finally:
        cache.use(None)


def test_a_warm_build_equals_a_cold_one_byte_for_byte(tmp_path, monkeypatch):
    """Cold: no cache on disk or in memory. Warm: a second interpreter (another hash seed) reading
    the first build's cache. Every file of the two sites is compared, the PDFs and charts included."""
    from conftest import copy_hub, in_another_process
    from pcor_site.features.citations.style import styler
    from test_build import hashes, ok_build

    monkeypatch.setattr(cache, "_memory", {})
    styler.cache_clear()  # as in a fresh process: no formatted citation kept in memory
    hub = copy_hub(tmp_path / "hub")
    try:
        ok_build(hub, tmp_path / "cold")
    finally:
        cache.use(None)
    kept = {folder.name: len(list(folder.iterdir())) for folder in (hub / CACHE_DIR).iterdir() if folder.is_dir()}
    assert kept.get("pdf", 0) >= 2 and kept.get("citations", 0) >= 1 and kept.get("charts", 0) >= 2, kept
    entries = {p: p.stat().st_mtime_ns for p in (hub / CACHE_DIR).rglob("*") if p.is_file()}
    warm = in_another_process(
        "import json, pathlib; from pcor_site.build import build; from test_build import hashes\n"
        f"result = build(pathlib.Path({str(hub)!r}), pathlib.Path({str(tmp_path / 'warm')!r}))\n"
        "assert result.ok\n"
        f"print(json.dumps(hashes(pathlib.Path({str(tmp_path / 'warm')!r}))))")
    # nothing was printed, drawn or formatted again: no cache entry was added or rewritten
    assert {p: p.stat().st_mtime_ns for p in (hub / CACHE_DIR).rglob("*") if p.is_file()} == entries
    cold = hashes(tmp_path / "cold")
    assert any(path.endswith(".pdf") for path in cold) and sorted(warm) == sorted(cold)
    assert [path for path in cold if cold[path] != warm[path]] == []
