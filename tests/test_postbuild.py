"""The post-build safety gate and the Content-Security-Policy it adds."""

import base64
import hashlib
import time
from pathlib import Path
from types import SimpleNamespace

import pcor_site.cores as cores
from pcor_site.build import build
from pcor_site.diagnostics import Diagnostic
from pcor_site.features.search import SearchFeature
from pcor_site.plugin.feature import Feature
from pcor_site.postbuild import add_csp, content_security_policy, feature_steps, gate_pages, scan_page

THEME_PAGE = """<!doctype html><html><head><meta charset="utf-8">
<script>__md_scope=new URL("..",location)</script>
<script id="__config" type="application/json">{"a": 1}</script>
<script src="assets/bundle.js"></script>
</head><body><a href="https://example.org/">ok</a></body></html>"""


def test_theme_page_passes_and_gets_hashes_of_its_inline_scripts():
    assert scan_page(THEME_PAGE).problems == []
    digest = base64.b64encode(hashlib.sha256(b'__md_scope=new URL("..",location)').digest()).decode()
    policy = content_security_policy(THEME_PAGE)
    assert f"'sha256-{digest}'" in policy
    assert policy.count("sha256-") == 1  # the JSON data block is not a script to allow
    assert "object-src 'none'" in policy and "default-src 'self'" in policy
    with_meta = add_csp(THEME_PAGE)
    assert with_meta.index('<meta charset="utf-8">') < with_meta.index('http-equiv="Content-Security-Policy"') < with_meta.index("<script")


def test_one_reading_gates_a_page_and_gives_it_its_policy_only_if_it_passed(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(cores, "workers", lambda: 2)
    monkeypatch.setattr(cores, "PARALLEL_FROM", 2)  # in workers, as on a large site
    site = tmp_path / "site"
    pages = []
    for n in range(6):
        page = site / f"p{n}" / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(THEME_PAGE.replace("ok</a>", 'ok</a>\n<img src="x" onerror="alert(1)">' if n == 3 else "ok</a>"), encoding="utf-8")
        pages.append(page)
    (site / "index.html").write_text(THEME_PAGE, encoding="utf-8")
    problems = gate_pages(site, pages)
    assert [(p.code, p.path, p.line, p.message) for p in problems] == [
        ("E902", "site/p3/index.html", 6, "<img> has event-handler attribute 'onerror'")]
    assert "Content-Security-Policy" not in pages[3].read_text(encoding="utf-8")
    for n in (0, 1, 2, 4, 5):
        assert pages[n].read_text(encoding="utf-8") == add_csp(THEME_PAGE)


def test_gate_reports_each_vector_with_its_line():
    page = (
        '<html><head><meta charset="utf-8"></head><body>\n'
        "<script>alert(1)</script>\n"
        '<img src="x.png" onerror="alert(2)">\n'
        '<a href=" JaVaScRiPt:alert(3)">x</a>\n'
        '<a href="&#106;avascript:alert(4)">y</a>\n'
        '<iframe src="https://example.org/"></iframe>\n'
        "</body></html>"
    )
    problems = scan_page(page).problems
    assert problems == [
        (2, "inline script not on the theme's allowlist: 'alert(1)'"),
        (3, "<img> has event-handler attribute 'onerror'"),
        (4, "<a href> holds a script URL: ' JaVaScRiPt:alert(3)'"),
        (5, "<a href> holds a script URL: 'javascript:alert(4)'"),
        (6, "unexpected <iframe> element"),
    ]



def test_gate_reads_markup_as_a_browser_would():
    """The gate parses with libxml2 (lxml): slashes, capitals, unquoted values, SVG links and
    entities that spell a scheme are all seen through, each with its line."""
    page = (
        "<html><body>\n"
        '<a/onclick="x()">a</a>\n'
        '<A ONCLICK=x HREF="JAVASCRIPT:x">b</A>\n'
        '<a href="java&#x09;script:x">c</a>\n'
        '<svg><a xlink:href="javascript:x">d</a></svg>\n'
        '<a href="&#x6A;avascript&colon;x">e</a>\n'
        "<SCRIPT>evil()</SCRIPT><BASE href=x>\n"
        '<script type="application/json">{}</script><a href="../ok/" title="on: a:b">fine</a>\n'
        "</body></html>"
    )
    assert scan_page(page).problems == [
        (2, "<a> has event-handler attribute 'onclick'"),
        (3, "<a href> holds a script URL: 'JAVASCRIPT:x'"),
        (3, "<a> has event-handler attribute 'onclick'"),
        (4, "<a href> holds a script URL: 'java\\tscript:x'"),
        (5, "<a xlink:href> holds a script URL: 'javascript:x'"),
        (6, "<a href> holds a script URL: 'javascript:x'"),
        (7, "inline script not on the theme's allowlist: 'evil()'"),
        (7, "unexpected <base> element"),
    ]

def test_build_fails_on_injected_theme_script_and_keeps_previous_site(hub_copy: Path):
    first = build(hub_copy)
    assert first.ok
    before = {p: p.read_bytes() for p in (hub_copy / "site").rglob("*") if p.is_file()}
    overrides = hub_copy / "overrides"
    overrides.mkdir()
    (overrides / "main.html").write_text(
        '{% extends "base.html" %}{% block extrahead %}<script>window.__evil = 1</script>{% endblock %}', encoding="utf-8"
    )
    config = hub_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text("\n".join(line for line in text.splitlines() if "custom_dir" not in line).replace("  name: material", "  name: material\n  custom_dir: overrides"), encoding="utf-8")
    second = build(hub_copy)
    assert not second.ok
    codes = {d.code for d in second.diagnostics}
    assert codes == {"E902"}
    assert any(d.path == "site/index.html" and "window.__evil" in d.message for d in second.diagnostics)
    after = {p: p.read_bytes() for p in (hub_copy / "site").rglob("*") if p.is_file()}
    assert after == before
    assert not list(hub_copy.glob(".site-*"))


def test_every_built_page_carries_a_policy(built_hub: Path):
    pages = list((built_hub / "site").rglob("*.html"))
    assert pages
    for page in pages:
        assert 'http-equiv="Content-Security-Policy"' in page.read_text(encoding="utf-8"), page


class _Step(Feature):
    """A feature whose post-build step notes when it ran (in whichever process runs it)."""

    def __init__(self, name: str, alone: bool, log: Path, problem: bool = False):
        self.name, self.post_build_alone, self.log, self.problem = name, alone, log, problem

    def post_build(self, site_dir, site, state):
        with open(self.log, "a", encoding="utf-8") as out:
            out.write(f"{self.name} start {time.monotonic()}\n")
        time.sleep(0.5)  # long enough for the steps beside it to start
        with open(self.log, "a", encoding="utf-8") as out:
            out.write(f"{self.name} end {time.monotonic()}\n")
        return [Diagnostic.of("E901", "site", 1, 1, f"{self.name} failed")] if self.problem else []


def test_a_step_that_uses_every_core_runs_after_the_others_and_alone(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(cores, "workers", lambda: 2)
    log = tmp_path / "log"
    features = (_Step("pdf-a", False, log), _Step("index", True, log), _Step("pdf-b", False, log, problem=True))
    site = SimpleNamespace(features=features, state=lambda feature: None)
    problems = feature_steps(tmp_path, site)
    assert [p.message for p in problems] == ["pdf-b failed"]
    times = {}
    for line in log.read_text(encoding="utf-8").splitlines():
        name, event, at = line.split()
        times[name, event] = float(at)
    assert times["index", "start"] > max(times["pdf-a", "end"], times["pdf-b", "end"])  # alone, after them
    assert times["pdf-b", "start"] < times["pdf-a", "end"] and times["pdf-a", "start"] < times["pdf-b", "end"]  # beside each other
    assert SearchFeature.post_build_alone and not Feature.post_build_alone
