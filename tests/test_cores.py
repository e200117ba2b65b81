"""Work split across cores (`pcor_site/cores.py`) comes back in order and equals one process's:
the record pages of the compile step are rendered in forked workers, and the docs tree is the same."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import pcor_site.cores as cores
import pcor_site.site.pages as pages
from conftest import copy_cycle_hub
from pcor_site.build import check


def _pid_and_items(items: list[int]) -> list[tuple[int, int]]:
    return [(os.getpid(), item) for item in items]


def test_chunks_run_in_workers_and_come_back_in_order(monkeypatch):
    monkeypatch.setattr(cores, "workers", lambda: 2)
    items = list(range(300))
    chunks = cores.map_chunks(_pid_and_items, items)
    assert [item for chunk in chunks for _, item in chunk] == items
    assert len(chunks) > 2 and os.getpid() not in {pid for chunk in chunks for pid, _ in chunk}


def test_one_core_or_little_work_stays_in_this_process(monkeypatch):
    monkeypatch.setattr(cores, "workers", lambda: 1)
    assert cores.map_chunks(_pid_and_items, list(range(300))) == [[(os.getpid(), i) for i in range(300)]]
    monkeypatch.setattr(cores, "workers", lambda: 2)
    few = list(range(cores.PARALLEL_FROM - 1))
    assert cores.map_chunks(_pid_and_items, few) == [[(os.getpid(), i) for i in few]]


@pytest.fixture(scope="module")
def cycle_site(tmp_path_factory):
    root = copy_cycle_hub(tmp_path_factory.mktemp("cores") / "hub")
    result = check(root)
    assert result.ok, result.diagnostics
    return result.site()


def test_record_pages_rendered_on_every_core_equal_one_process(cycle_site, monkeypatch, tmp_path: Path):
    seen = tmp_path / "pids"
    real = pages.record_page

    def recording(site, item):
        with open(seen, "a", encoding="utf-8") as out:
            out.write(f"{os.getpid()}\n")
        return real(site, item)

    monkeypatch.setattr(pages, "record_page", recording)
    monkeypatch.setattr(cores, "workers", lambda: 2)
    monkeypatch.setattr(cores, "PARALLEL_FROM", 4)  # the fixture has a few dozen records
    apart = pages.render_site(cycle_site)
    pids = set(seen.read_text(encoding="utf-8").split())
    assert pids and str(os.getpid()) not in pids  # every record page was made in a worker
    seen.unlink()
    monkeypatch.setattr(cores, "workers", lambda: 1)
    alone = pages.render_site(cycle_site)
    assert set(seen.read_text(encoding="utf-8").split()) == {str(os.getpid())}
    assert list(apart) == list(alone)  # same paths, in the same order
    assert [path for path in alone if apart[path] != alone[path]] == []
    assert sum(1 for path in apart if path.count("/") == 1 and path.endswith(".md")) > 4
