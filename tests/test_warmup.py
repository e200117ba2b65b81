"""The warm-up (pcor_site/warmup.py): before the render phase, the features' slow, cacheable work
(citations, charts) runs in forked workers on every core and lands in the disk cache, where the
render phase then finds every entry it reads; the site is the same bytes as without it; a task
that fails or a worker that dies costs only time; and nothing runs where it cannot help."""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace

import pytest

import pcor_site.cache as cache
from conftest import copy_hub, in_another_process
from pcor_site import cores, warmup
from pcor_site.build import FEATURES, build, check
from pcor_site.features.infographics import InfographicsFeature, draw
from pcor_site.plugin.feature import Feature
from test_build import hashes

needs_cores = pytest.mark.skipif(not cores.can_fork(), reason="the warm-up needs two cores and fork")

#: Run in a fresh interpreter, where vl-convert has not drawn yet (see draw.converter_started):
#: warm the cache, then render with every way of making a citation or a chart refused.
_WARM_THEN_RENDER = """
import json, pathlib, vl_convert
from pcor_site import cache, warmup
from pcor_site.build import CACHE_DIR, check
from pcor_site.features.citations import style
from pcor_site.features.infographics import draw
from pcor_site.site.pages import render_site

hub = pathlib.Path({hub!r})
folder = hub / CACHE_DIR
cache.use(folder)
site = check(hub).site()
report = warmup.warm_up(site, min_tasks=1)
made = sorted(f"{{p.parent.name}}/{{p.name}}" for p in folder.rglob("*") if p.is_file() and p.parent.name in ("citations", "charts"))
stored, refused = [], []
real_store = cache._store
cache._store = lambda path, data: stored.append(f"{{path.parent.name}}/{{path.name}}") or real_store(path, data)
def refuse(*args, **kwargs):
    refused.append(1)
    raise AssertionError("made in the parent although the warm-up made it")
style.Styler._render = refuse
vl_convert.vegalite_to_svg = vl_convert.svg_to_png = refuse
cache._memory.clear()  # what the render phase reads lands here, from the disk
outputs = render_site(site)
read = sorted(name for name in cache._memory if name.split("/")[0] in ("citations", "charts"))
again = warmup.warm_up(site, min_tasks=1)
print(json.dumps({{"report": [report.tasks, report.ran, report.failed, report.broken], "made": made, "read": read,
                  "stored": [s for s in stored if s.split("/")[0] in ("citations", "charts")], "refused": len(refused),
                  "drawn_here": draw.converter_started(), "again": again.tasks, "pages": len(outputs)}}))
"""


@needs_cores
def test_the_workers_fill_the_cache_with_every_citation_and_chart_the_render_phase_reads(tmp_path):
    hub = copy_hub(tmp_path / "hub")
    found = in_another_process(_WARM_THEN_RENDER.format(hub=str(hub)))
    tasks, ran, failed, broken = found["report"]
    assert tasks == ran >= 2 and failed == 0 and not broken
    assert {name.split("/")[0] for name in found["made"]} == {"citations", "charts"}
    # the render phase read exactly what the workers made, made nothing itself and drew nothing
    assert found["read"] == found["made"]
    assert found["stored"] == [] and found["refused"] == 0 and found["drawn_here"] is False
    assert found["again"] == 0  # a warm cache leaves nothing to do
    assert found["pages"] > 50


_BUILD = """
import json, pathlib
import pcor_site.build as b
from test_build import hashes
real, reports = b.warm_up, []
b.warm_up = {replacement}
out = pathlib.Path({out!r})
result = b.build(pathlib.Path({hub!r}), out)
assert result.ok, result.check.diagnostics + result.diagnostics
print(json.dumps({{"site": hashes(out), "docs": hashes(pathlib.Path({hub!r}) / "build" / "docs"),
                  "reports": [[r.tasks, r.ran, r.failed] for r in reports]}}))
"""


@pytest.fixture(scope="module")
def without_warm_up(tmp_path_factory) -> dict:
    """A cold build of the fixture hub in a fresh interpreter, with the warm-up switched off."""
    root = tmp_path_factory.mktemp("plain")
    return in_another_process(_BUILD.format(replacement="lambda site: None", hub=str(copy_hub(root / "hub")), out=str(root / "site")))


@needs_cores
def test_a_cold_build_with_the_warm_up_equals_one_without_it_byte_for_byte(tmp_path, without_warm_up):
    warmed = in_another_process(_BUILD.format(replacement="lambda site: reports.append(real(site, min_tasks=1))",
                                              hub=str(copy_hub(tmp_path / "hub")), out=str(tmp_path / "site")))
    [[tasks, ran, failed]] = warmed["reports"]
    assert tasks == ran >= 2 and failed == 0
    assert any(path.endswith(".png") for path in warmed["site"]) and any(path.endswith(".pdf") for path in warmed["site"])
    assert warmed["docs"] == without_warm_up["docs"]
    assert [path for path in warmed["site"] if warmed["site"][path] != without_warm_up["site"].get(path)] == []
    assert sorted(warmed["site"]) == sorted(without_warm_up["site"])


class _Failing(Feature):
    """Warm-up tasks that raise, exit, and kill their worker; and one that works, to show it ran."""

    name = "failing-warm-up"

    def __init__(self, mark: Path | None = None, kill: bool = True):
        self.mark, self.kill = mark, kill

    def warm_up(self, site, state):
        def works():
            if self.mark is not None:
                self.mark.write_text(str(os.getpid()), encoding="utf-8")

        def raises():
            raise ValueError("a task that fails")

        def exits():
            raise SystemExit(2)

        return [works, raises, exits] + ([lambda: os._exit(3)] if self.kill else [])


def test_a_failing_task_and_a_dying_worker_do_not_break_the_build(tmp_path, monkeypatch, without_warm_up):
    monkeypatch.setattr(cache, "_memory", {})
    hub = copy_hub(tmp_path / "hub")
    reports = []
    monkeypatch.setattr("pcor_site.build.warm_up", lambda site: reports.append(warmup.warm_up(site)))
    try:
        result = build(hub, tmp_path / "site", features=FEATURES + (_Failing(),))
    finally:
        cache.use(None)
    assert result.ok, result.check.diagnostics + result.diagnostics
    if cores.can_fork():
        assert reports[0].tasks >= 4 and reports[0].broken  # os._exit took its worker down
    assert hashes(tmp_path / "site") == without_warm_up["site"]
    assert hashes(hub / "build" / "docs") == without_warm_up["docs"]


@needs_cores
def test_tasks_run_in_other_processes_and_their_failures_are_counted(tmp_path):
    cache.use(tmp_path / "cache")
    mark = tmp_path / "ran-in"
    try:
        report = warmup.warm_up(_site(_Failing(mark, kill=False)), min_tasks=1)
    finally:
        cache.use(None)
    assert report == warmup.WarmUp(tasks=3, ran=3, failed=2, broken=False)
    assert int(mark.read_text(encoding="utf-8")) != os.getpid()


class _Counting(Feature):
    name = "counting"

    def __init__(self, count: int):
        self.count, self.ran = count, []

    def warm_up(self, site, state):
        return [lambda: self.ran.append(1)] * self.count


def _site(*features):
    return SimpleNamespace(features=features, state=lambda feature: None)


def test_nothing_runs_without_a_disk_cache_a_second_core_or_enough_tasks(tmp_path, monkeypatch):
    feature = _Counting(warmup.MIN_TASKS)
    cache.use(None)
    assert warmup.warm_up(_site(feature)) == warmup.WarmUp()  # a worker's results would be lost
    cache.use(tmp_path / "file")
    (tmp_path / "file").write_text("not a folder", encoding="utf-8")
    try:
        assert warmup.warm_up(_site(feature)) == warmup.WarmUp()  # a cache that cannot be written
        cache.use(tmp_path / "cache")
        assert warmup.warm_up(_site(_Counting(warmup.MIN_TASKS - 1))) == warmup.WarmUp(tasks=warmup.MIN_TASKS - 1)
        monkeypatch.setattr(cores, "workers", lambda: 1)
        assert warmup.warm_up(_site(feature)) == warmup.WarmUp()  # one core: the render phase does it all
    finally:
        cache.use(None)
    assert feature.ran == []  # never run in this process either


def test_charts_are_offered_until_vl_convert_has_drawn_in_this_process(hub_copy, tmp_path, monkeypatch):
    """vl-convert's threads are not in a forked child: a worker that draws after the parent has
    drawn waits for them forever, so the infographics then leave every chart to the render phase."""
    monkeypatch.setattr(cache, "_memory", {})
    cache.use(tmp_path / "cache")
    try:
        result = check(hub_copy)
        site = result.site()
        feature = next(f for f in FEATURES if isinstance(f, InfographicsFeature))
        monkeypatch.setattr(draw, "_started_in", None)
        offered = feature.warm_up(site, site.state(feature))
        records = len(result.catalog.of_kind("infographic"))
        assert records >= 1 and len(offered) > records  # each record's chart and the landscape overview's
        monkeypatch.setattr(draw, "_started_in", os.getpid())
        assert feature.warm_up(site, site.state(feature)) == []
    finally:
        cache.use(None)



_DRAW_AFTER_FORK = """
import json, os, signal
from pcor_site import cache
from pcor_site.features.infographics import draw
from pcor_site.features.infographics.model import Chart
from pcor_site.features.infographics.palette import Palette
svg = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4" fill="#123456"/></svg>'
here = draw.draw_png(svg)  # vl-convert has drawn in this process
cache._memory.clear()
read, write = os.pipe()
pid = os.fork()
if pid == 0:
    signal.alarm(60)  # a stuck worker fails the test instead of hanging it
    os.write(write, draw.draw_png(svg))
    os._exit(0)
os.close(write)
made = b""
while chunk := os.read(read, 65536):
    made += chunk
_, status = os.waitpid(pid, 0)
print(json.dumps({"status": status, "same": made == here, "png": made[:8].hex()}))
"""


def test_a_worker_forked_after_vl_convert_has_drawn_draws_in_a_fresh_interpreter():
    """The record pages' workers in a long-lived process (the preview, the tests) may need a chart
    the cache lacks after the parent has drawn: they draw it, the same bytes, instead of hanging."""
    assert in_another_process(_DRAW_AFTER_FORK) == {"status": 0, "same": True, "png": "89504e470d0a1a0a"}
