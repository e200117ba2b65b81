"""The preview's incremental compile (pcor_site.preview): after any edit, the docs tree it keeps
is exactly what a full compile of the same content gives, although it rendered only the parts
the edit touches. Every record of the fixture hub gets its title changed in turn (the field most
pages show), and a few get a new summary or a new cross-reference."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pcor_site.build import check
from pcor_site.preview.compile import Compiler
from pcor_site.site.pages import join_parts, render_site
from pcor_site.validate import discover


def full_tree(root: Path) -> dict:
    result = check(root)
    assert result.ok, result.diagnostics
    return render_site(result.site())


def incremental_tree(compiler: Compiler) -> dict:
    done = compiler.compile()
    assert done.result.ok, done.result.diagnostics
    return done, join_parts(compiler._parts)


def assert_same(compiler: Compiler, root: Path, what: str) -> object:
    done, kept = incremental_tree(compiler)
    fresh = full_tree(root)
    assert sorted(kept) == sorted(fresh), what
    assert [rel for rel in fresh if kept[rel] != fresh[rel]] == [], what
    return done


def retitle(path: Path, title: str) -> None:
    text = path.read_text(encoding="utf-8")
    new, count = re.subn(r"^title: .*$", f"title: {title}", text, count=1, flags=re.M)
    assert count == 1, path
    path.write_text(new, encoding="utf-8")


@pytest.fixture
def compiler(hub_copy: Path, monkeypatch) -> Compiler:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    compiler = Compiler(hub_copy)
    assert compiler.compile().full
    return compiler


def test_every_records_new_title_gives_the_tree_of_a_full_compile(compiler: Compiler, hub_copy: Path):
    files = [path for _, path in discover(hub_copy)[0]]
    assert len(files) >= 15  # every kind of the fixture hub
    partial = 0
    for number, path in enumerate(files):
        retitle(path, f"Edited title {number}")
        done = assert_same(compiler, hub_copy, path.name)
        partial += not done.full
    assert partial == len(files)  # none of these edits needed a full render


def test_a_summary_and_a_cross_reference_give_the_tree_of_a_full_compile(compiler: Compiler, hub_copy: Path):
    tool = hub_copy / "content/tool/fixture-tool.yml"
    tool.write_text(tool.read_text(encoding="utf-8").replace("summary: ", "summary: Now shorter. ", 1), encoding="utf-8")
    done = assert_same(compiler, hub_copy, "summary")
    assert not done.full and 0 < done.parts < 30
    practices = sorted((hub_copy / "content/practice").iterdir())
    text = practices[0].read_text(encoding="utf-8")
    assert "\nrelated:" not in text
    practices[0].write_text(text.replace("\ntitle: ", "\nrelated: [tool/fixture-tool]\ntitle: ", 1), encoding="utf-8")
    done = assert_same(compiler, hub_copy, "a new cross-reference")  # the tool's page now lists the practice
    assert not done.full
    practices[0].write_text(text, encoding="utf-8")
    assert not assert_same(compiler, hub_copy, "the cross-reference removed").full


def test_an_added_or_removed_record_or_a_vocabulary_change_renders_everything(compiler: Compiler, hub_copy: Path):
    tool = hub_copy / "content/tool/fixture-tool.yml"
    copy = hub_copy / "content/tool/another-tool.yml"
    copy.write_text(re.sub(r"^title: .*$", "title: Another tool", tool.read_text(encoding="utf-8"), count=1, flags=re.M), encoding="utf-8")
    assert assert_same(compiler, hub_copy, "added").full
    copy.unlink()
    assert assert_same(compiler, hub_copy, "removed").full
    vocabulary = next((hub_copy / "content/_vocab").glob("*.yml"))
    vocabulary.write_text(vocabulary.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert assert_same(compiler, hub_copy, "vocabulary").full
    done, _ = incremental_tree(compiler)  # nothing changed: nothing rendered, nothing written
    assert (done.full, done.parts, done.report.changed) == (False, 0, [])


def test_an_error_then_its_fix_gives_the_tree_of_a_full_compile(compiler: Compiler, hub_copy: Path):
    tool = hub_copy / "content/tool/fixture-tool.yml"
    good = tool.read_text(encoding="utf-8")
    tool.write_text(good.replace("title: ", "title: [broken ", 1), encoding="utf-8")
    failed = compiler.compile()
    assert [(d.path, d.code) for d in failed.result.diagnostics if d.is_error] == [("content/tool/fixture-tool.yml", "E105")]
    retitle(tool, "Fixed toolkit")
    assert not assert_same(compiler, hub_copy, "fixed").full
