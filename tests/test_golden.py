"""The generated docs tree of the fixture hub, file by file, against tests/golden/.

After an intended change to views, templates or styles, refresh the golden tree with
`make golden` (UPDATE_GOLDEN=1) and review the diff in the pull request.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURE_HUB, REPO, in_another_process
from pcor_site.build import check, generated_config
from pcor_site.site.pages import render_site

GOLDEN = Path(__file__).resolve().parent / "golden"
GOLDEN_DOCS = GOLDEN / "docs"
GOLDEN_CONFIG = GOLDEN / "mkdocs.generated.yml"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
#: Rendered chart images depend on the machine's fonts and rasteriser; their content is tested in
#: tests/test_infographics.py, so here only their presence is compared.
RASTER_OR_CHART = (".png", ".svg")
MAX_DIFF_LINES = 400


def compiled() -> dict[str, bytes]:
    """Every file of the compiled docs tree plus the generated config, as bytes."""
    result = check(FIXTURE_HUB)
    assert result.ok, "\n".join(f"{d.path}:{d.line}: {d.code} {d.message}" for d in result.diagnostics)
    outputs = render_site(result.site())
    files = {f"docs/{rel}": (text.encode("utf-8") if isinstance(text, str) else text) for rel, text in outputs.items()}
    for rel in files:
        if rel.startswith("docs/assets/"):
            files[rel] = b"(copied from pcor_site/static/: compared by presence only)\n"
        elif rel.endswith(RASTER_OR_CHART):
            files[rel] = b"(chart image: compared by presence only)\n"
    files["mkdocs.generated.yml"] = generated_config(result.site()).encode("utf-8")
    return files


def golden_files() -> dict[str, bytes]:
    found = {}
    if GOLDEN_DOCS.is_dir():
        for path in sorted(GOLDEN_DOCS.rglob("*")):
            if path.is_file():
                found[path.relative_to(GOLDEN).as_posix()] = path.read_bytes()
    if GOLDEN_CONFIG.is_file():
        found["mkdocs.generated.yml"] = GOLDEN_CONFIG.read_bytes()
    return found


def write_golden(files: dict[str, bytes]) -> None:
    shutil.rmtree(GOLDEN_DOCS, ignore_errors=True)
    for rel, data in sorted(files.items()):
        target = GOLDEN / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def _diff(rel: str, expected: bytes | None, actual: bytes | None) -> list[str]:
    def lines(data: bytes | None) -> list[str]:
        if data is None:
            return []
        try:
            return data.decode("utf-8").splitlines(keepends=True)
        except UnicodeDecodeError:
            return [f"<{len(data)} binary bytes>\n"]

    a = f"golden/{rel}" if expected is not None else "/dev/null"
    b = f"compiled/{rel}" if actual is not None else "/dev/null"
    return list(difflib.unified_diff(lines(expected), lines(actual), a, b))


@pytest.fixture(scope="module")
def files() -> dict[str, bytes]:
    files = compiled()
    if UPDATE:
        write_golden(files)
    return files


def test_compiled_tree_matches_golden(files):
    golden = golden_files()
    assert golden, f"no golden tree in {GOLDEN}; create it with `make golden` (UPDATE_GOLDEN=1)"
    report: list[str] = []
    for rel in sorted(set(golden) | set(files)):
        if golden.get(rel) != files.get(rel):
            report += _diff(rel, golden.get(rel), files.get(rel))
    if report:
        shown = report[:MAX_DIFF_LINES]
        more = f"\n... {len(report) - MAX_DIFF_LINES} more diff lines" if len(report) > MAX_DIFF_LINES else ""
        pytest.fail(
            "the compiled docs tree differs from tests/golden/ "
            "(if the change is intended, run `make golden` and commit the refreshed tree):\n"
            + "".join(line if line.endswith("\n") else line + "\n" for line in shown) + more,
            pytrace=False,
        )


def test_golden_tree_covers_every_page_kind(files):
    docs = {rel for rel in files if rel.startswith("docs/")}
    for expected in ("docs/index.md", "docs/priority-areas/index.md", "docs/evidence-tiers.md", "docs/references.md",
                     "docs/practices/index.md", "docs/practices/fixture-practice.md", "docs/assets/pcor.css"):
        assert expected in docs


def test_golden_has_no_absolute_paths(files):
    needles = {str(REPO), REPO.as_posix(), str(FIXTURE_HUB), "/tmp/", "/home/", "/Users/", "C:\\"}
    for rel, data in {**golden_files(), **files}.items():
        text = data.decode("utf-8", errors="replace")
        for needle in needles:
            assert needle not in text, f"{rel} contains the absolute path {needle!r}"


def _digests(files: dict[str, bytes]) -> dict[str, str]:
    return {rel: hashlib.sha256(data).hexdigest() for rel, data in files.items()}


def test_compiling_twice_gives_the_same_tree():
    """The same content compiles to the same tree in another process, with another hash seed."""
    there = in_another_process("import json; from test_golden import compiled, _digests; print(json.dumps(_digests(compiled())))")
    here = _digests(compiled())
    assert "docs/index.md" in here
    assert here == there
