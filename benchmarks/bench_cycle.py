"""Timings and sizes of the convening cycle's outputs on synthetic hubs (not a test; nothing is asserted).

    .venv/bin/python benchmarks/bench_cycle.py                # N = 1,000 and 5,000 activities
    .venv/bin/python benchmarks/bench_cycle.py --sizes 200 1000

For each N: the fixture hub plus N activities, N dissemination entries over one event's six
months, N/10 survey questions and one report selecting every activity. It times `check` and the
compile step (every page and file of the docs tree, without the engine), and prints the size of
the outputs that grow with N: the handout's records.json, the report page, the dashboard.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from conftest import copy_cycle_hub  # noqa: E402
from pcor_site.build import check  # noqa: E402
from pcor_site.site.pages import render_site  # noqa: E402

CHANNELS = ("newsletter", "email", "webinar", "conference", "meeting", "website")


def synthesize(root: Path, n: int) -> None:
    content = root / "content"
    regions = ["fixture-region", "fixture-region-two"]
    for i in range(n):
        (content / "activity" / f"bench-{i}.yml").write_text(
            f"title: Bench activity {i}\nsummary: A synthetic activity for the cycle benchmark, number {i}.\n"
            f"region: {regions[i % 2]}\nstatus: completed\npriority_areas: [{'collaborative-care' if i % 3 else 'network-access'}]\n"
            f"challenges:\n  - Synthetic challenge {i}.\nsources:\n  - url: https://example.org/a{i}\n", encoding="utf-8")
        (content / "dissemination" / f"bench-{i}.yml").write_text(
            f"title: Bench dissemination {i}\nsummary: A synthetic dissemination entry, number {i}.\n"
            f"date: \"2031-{6 + i % 7:02d}-01\"\nmaterials: [activity/bench-{i}]\nchannel: {CHANNELS[i % len(CHANNELS)]}\n"
            f"event: fixture-summit\nregions: [{regions[i % 2]}]\nsources:\n  - url: https://example.org/d{i}\n", encoding="utf-8")
    for i in range(n // 10):
        (content / "survey" / f"bench-{i}.yml").write_text(
            f"title: Bench survey {i}\nsummary: A synthetic survey question, number {i}.\nsurvey: Post-event survey\n"
            f"event: fixture-summit\ndate: \"2031-06-30\"\nquestion: Question {i}?\nrespondents: 100\n"
            "options:\n  - label: Yes\n    count: 60\n  - label: No\n    count: 40\nsources:\n  - url: https://example.org/s\n", encoding="utf-8")


def _kb(content: str | bytes) -> float:
    return len(content.encode("utf-8") if isinstance(content, str) else content) / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    args = parser.parse_args()
    print(f"{'N':>6} {'check s':>8} {'compile s':>9} {'records.json KB':>16} {'report KB':>10} {'dashboard KB':>13}")
    for n in args.sizes:
        folder = Path(tempfile.mkdtemp(prefix="bench-cycle-"))
        try:
            root = copy_cycle_hub(folder / "hub")
            synthesize(root, n)
            t = time.perf_counter()
            result = check(root)
            checked = time.perf_counter() - t
            assert result.ok, result.diagnostics[:3]
            t = time.perf_counter()
            outputs = render_site(result.site())
            compiled = time.perf_counter() - t
            sizes = [_kb(outputs[key]) for key in ("handout/records.json", "reports/fixture-summary-report.md", "dashboard.md")]
            print(f"{n:>6} {checked:>8.2f} {compiled:>9.2f} {sizes[0]:>16.0f} {sizes[1]:>10.0f} {sizes[2]:>13.0f}")
        finally:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
