"""The house: features plug in, the core never imports one, no import cycles, every module
imports alone, the layers hold (import-linter), the code passes ruff, no module is too big."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import REPO, copy_hub
from pcor_site.build import FEATURES, build, check
from pcor_site.plugin.feature import Feature, NavEntry

PACKAGE = REPO / "pcor_site"
MAX_LINES = 300
BIN = Path(sys.executable).parent


def modules() -> list[str]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(REPO).with_suffix("").parts
        if parts[-1] == "__main__":
            continue
        found.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return found


#: Run in a fresh interpreter: load the third-party libraries once, then import each pcor_site
#: module in a forked child that starts with no pcor_site module loaded (fast and still "alone").
_IMPORT_EACH = """
import importlib, os, sys, traceback
for library in ("yaml", "pydantic", "jinja2", "markdown_it", "nh3", "bibtexparser", "citeproc", "lxml.etree", "PIL.Image"):
    importlib.import_module(library)
assert not [m for m in sys.modules if m.startswith("pcor_site")]
failed = []
for name in sys.argv[1:]:
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        try:
            importlib.import_module(name)
            os._exit(0)
        except BaseException:
            os.write(write, traceback.format_exc().strip().splitlines()[-1].encode())
            os._exit(1)
    os.close(write)
    message = os.read(read, 4096).decode()
    os.close(read)
    if os.waitpid(pid, 0)[1]:
        failed.append((name, message))
print(failed)
"""


def test_every_module_imports_alone_in_a_fresh_interpreter():
    done = subprocess.run([sys.executable, "-c", _IMPORT_EACH, *modules()], capture_output=True, text=True, cwd=REPO, timeout=600)
    assert done.stdout.strip() == "[]", done.stdout[-3000:] + done.stderr[-3000:]
    assert len(modules()) > 90


def test_import_contracts_hold():
    done = subprocess.run([str(BIN / "lint-imports"), "--no-cache"], capture_output=True, text=True, cwd=REPO, timeout=300)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "Contracts: 2 kept, 0 broken." in done.stdout


def test_no_import_cycles_counting_imports_inside_functions():
    tool = REPO.parent / "shared" / "tools" / "import_cycles.py"
    script = tool if tool.is_file() else None
    if script is None:  # the shared tool lives beside the checkout; import-linter's graph (grimp) answers the same
        import graphlib

        import grimp

        graph = grimp.build_graph("pcor_site", include_external_packages=False)
        edges = {m: graph.find_modules_directly_imported_by(m) for m in graph.modules}
        graphlib.TopologicalSorter(edges).prepare()  # raises CycleError on any cycle
        assert len(edges) > 90
        return
    done = subprocess.run([sys.executable, str(script), "pcor_site"], capture_output=True, text=True, cwd=REPO, timeout=300)
    assert " 0 import cycle(s)" in done.stdout, done.stdout[-3000:]


def test_ruff_is_clean():
    done = subprocess.run([str(BIN / "ruff"), "check", "pcor_site", "tests", "benchmarks", "hooks"], capture_output=True, text=True, cwd=REPO, timeout=300)
    assert done.returncode == 0, done.stdout[-3000:]


def test_no_module_is_too_big():
    big = {str(p.relative_to(REPO)): n for p in PACKAGE.rglob("*.py") if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert big == {}


def test_the_core_never_imports_a_feature():
    core = [p for p in PACKAGE.rglob("*.py") if "features" not in p.parts and p.name != "build.py"]
    offenders = [str(p.relative_to(REPO)) for p in core if "features" in p.read_text(encoding="utf-8").replace("`features", "")
                 and ("from .features" in p.read_text(encoding="utf-8") or "from ..features" in p.read_text(encoding="utf-8")
                      or "pcor_site.features" in p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_features_have_unique_names_and_are_listed_once():
    names = [f.name for f in FEATURES]
    assert len(names) == len(set(names)) and all(names)
    assert all(isinstance(f, Feature) for f in FEATURES)


def test_the_hub_checks_and_builds_with_no_feature(tmp_path):
    hub = copy_hub(tmp_path / "hub")
    result = check(hub, features=())
    assert result.ok and result.states == {}
    built = build(hub, features=())
    assert built.ok, [str(d) for d in built.diagnostics]
    site = hub / "site"
    assert (site / "practices" / "fixture-practice" / "index.html").is_file()
    assert not (site / "explore").exists() and not (site / "references").exists() and not (site / "pagefind").exists()
    page = (site / "practices" / "fixture-practice" / "index.html").read_text(encoding="utf-8")
    assert "data-pagefind-filter" not in page and "pcor-cite-section" not in page


class _Banner(Feature):
    """A feature written for this test: one page, one nav entry, one section on every record page."""

    name = "banner"

    def outputs(self, site, state):
        return {"banner.md": "---\ntitle: Banner\n---\n\n# Banner page\n"}

    def nav(self, site, state):
        return [NavEntry("Banner", "banner.md")]

    def addresses(self, catalog):
        return {"banner/": "the banner page"}


def test_a_new_feature_plugs_in_by_being_listed(tmp_path):
    hub = copy_hub(tmp_path / "hub")
    built = build(hub, features=(_Banner(),))
    assert built.ok, [str(d) for d in built.diagnostics]
    assert "Banner page" in (hub / "site" / "banner" / "index.html").read_text(encoding="utf-8")
    assert "- Banner: banner.md" in (hub / "mkdocs.generated.yml").read_text(encoding="utf-8")


def test_a_record_cannot_take_a_features_address(tmp_path):
    hub = copy_hub(tmp_path / "hub")
    (hub / "content" / "pages" / "explore.md").write_text("---\ntitle: Explore\nsummary: A page named like Explore.\n---\n\nText.\n", encoding="utf-8")
    result = check(hub)
    found = [f"{d.path}:{d.line} {d.code} {d.message}" for d in result.diagnostics if d.code == "E307"]
    assert found == ["content/pages/explore.md:1 E307 its page /explore/ is the same as the Explore page; one would replace the other"]
