"""Issue 13, class 8: a fault while writing the output is a diagnostic (E903), the previous site
survives, and no `.site-old-*` / `.site-new-*` folder is left behind."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pcor_site import build as build_module
from pcor_site import swap as swap_module
from pcor_site.build import build
from pcor_site.swap import OutputError, staging_for, swap


def _site(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True)
    (folder / "index.html").write_text(text, encoding="utf-8")
    return folder


def _leftovers(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if p.name.startswith((".site-old-", ".site-new-")))


def test_swap_replaces_the_site(tmp_path):
    out = _site(tmp_path / "site", "old")
    swap(_site(tmp_path / "staging", "new"), out)
    assert (out / "index.html").read_text() == "new" and _leftovers(tmp_path) == []


@pytest.mark.parametrize("fault", [PermissionError(13, "Permission denied"), KeyboardInterrupt()])
def test_failed_second_rename_puts_the_previous_site_back(tmp_path, monkeypatch, fault):
    out = _site(tmp_path / "site", "old")
    staging = _site(tmp_path / "staging", "new")
    real = Path.rename

    def rename(self, target):
        if self == staging:
            raise fault
        return real(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    with pytest.raises(OutputError if isinstance(fault, OSError) else KeyboardInterrupt):
        swap(staging, out)
    assert (out / "index.html").read_text() == "old" and _leftovers(tmp_path) == []


def test_read_only_parent_is_an_output_error(tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(swap_module.tempfile, "mkdtemp", refuse)
    with pytest.raises(OutputError, match="Permission denied"):
        staging_for(tmp_path / "site")


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_really_read_only_parent(tmp_path):
    parent = tmp_path / "ro"
    _site(parent / "site", "old")
    parent.chmod(0o555)
    try:
        with pytest.raises(OutputError):
            staging_for(parent / "site")
    finally:
        parent.chmod(0o755)


def _fake_engine(root, site_dir, *engine):
    _site(site_dir, "new")
    return []


@pytest.mark.parametrize("where", ["staging", "swap", "docs"])
def test_build_reports_e903_and_keeps_the_previous_site(hub_copy, monkeypatch, where):
    out = _site(hub_copy / "site", "old")
    monkeypatch.setattr(build_module, "run_engine", _fake_engine)
    monkeypatch.setattr(build_module, "post_build", lambda site_dir, site=None: [])
    if where == "staging":
        monkeypatch.setattr(build_module, "staging_for", lambda out: (_ for _ in ()).throw(OutputError(out.parent, PermissionError(13, "Permission denied"))))
    elif where == "swap":
        real = Path.rename
        monkeypatch.setattr(Path, "rename", lambda self, target: (_ for _ in ()).throw(PermissionError(13, "Permission denied"))
                            if self.name == "site" and self.parent.name.startswith(".site-new-") else real(self, target))
    else:
        monkeypatch.setattr(build_module, "write_tree", lambda out, outputs, unchanged=frozenset(): (_ for _ in ()).throw(PermissionError(13, "Permission denied", str(out))))
    result = build(hub_copy)
    assert not result.ok
    [problem] = result.diagnostics
    assert problem.code == "E903" and "Permission denied" in problem.message and "previous site was left as it was" in problem.message
    assert (out / "index.html").read_text() == "old"
    assert _leftovers(hub_copy) == []


def test_build_swaps_when_nothing_fails(hub_copy, monkeypatch):
    _site(hub_copy / "site", "old")
    monkeypatch.setattr(build_module, "run_engine", _fake_engine)
    monkeypatch.setattr(build_module, "post_build", lambda site_dir, site=None: [])
    assert build(hub_copy).ok
    assert (hub_copy / "site" / "index.html").read_text() == "new" and _leftovers(hub_copy) == []
