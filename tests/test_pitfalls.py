"""The loader pitfall corpus: one file per pitfall in tests/pitfalls/, each with its exact report.

Each file is dropped into a copy of the fixture hub as a glossary term and checked. The expected
report (tests/pitfalls/expected/NAME.txt) is the text diagnostics for that file, or, for pitfalls
that must load without error, the values the record got (so silent corruption shows up).
Refresh with `make golden` after an intended change, and read the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import copy_hub
from pcor_site.build import check
from pcor_site.diagnostics import render_text

CORPUS = Path(__file__).parent / "pitfalls"
EXPECTED = CORPUS / "expected"
_BASE = (CORPUS / "01-duplicate-key.yml").read_bytes().split(b"title: Second title")[0]
#: Pitfalls too large to commit: generated at test time.
GENERATED = {
    "19-over-size-cap.yml": lambda: _BASE + b"definition: " + b"x" * 270_000 + b"\n",
    "21-flow-brackets-100k.yml": lambda: _BASE + b"abbreviation: " + b"[" * 100_000 + b"]" * 100_000 + b"\n",
}
CASES = sorted([p.name for p in CORPUS.glob("*.yml")] + list(GENERATED))


def _report(root: Path, rel: str) -> str:
    result = check(root)
    found = [d for d in result.diagnostics if d.path == rel]
    if found:
        return render_text(found) + "\n"
    item = result.catalog.get("term", Path(rel).stem)
    values = item.record.model_dump(mode="json", include={"abbreviation", "also_known_as", "last_reviewed"})
    return "loaded without diagnostics: " + json.dumps(values, ensure_ascii=False, sort_keys=True) + "\n"


@pytest.mark.parametrize("name", CASES)
def test_pitfall_report(tmp_path: Path, name: str):
    root = copy_hub(tmp_path / "hub")
    data = GENERATED[name]() if name in GENERATED else (CORPUS / name).read_bytes()
    (root / "content" / "term" / name).write_bytes(data)
    report = _report(root, f"content/term/{name}")
    expected = EXPECTED / (Path(name).stem + ".txt")
    if os.environ.get("UPDATE_GOLDEN"):
        EXPECTED.mkdir(exist_ok=True)
        expected.write_text(report, encoding="utf-8")
    assert "Traceback" not in report
    assert report == expected.read_text(encoding="utf-8")
