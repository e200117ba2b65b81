"""The preview's edit loop on a synthetic hub (not a test; nothing is asserted): seconds from a
saved record to its files written and the reload signalled (`Preview.rebuild()` returning, after
which `serve` tells the browser), and to the search index redone too (`settle()`), median of
several edits, each to a different tool record's summary.

    .venv/bin/python benchmarks/bench_edit_loop.py --sizes 200 1000 --edits 5
    .venv/bin/python benchmarks/bench_edit_loop.py --sizes 200 --before /path/to/checkout  # before → after

`--before DIR` runs the same loop with the pcor_site package of another checkout (e.g. a git
worktree of main) on a copy of the same hub. Each run is a fresh child process.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_build import EPOCH, make_hub  # noqa: E402

REPO = Path(__file__).resolve().parent.parent

CHILD = """
import json, sys, time
from pathlib import Path
from pcor_site.serve import Preview
root, edits = Path(sys.argv[1]), int(sys.argv[2])
preview = Preview(root)
started = time.perf_counter(); preview.rebuild(); first = time.perf_counter() - started
assert preview.ready and not preview.failing, preview.diagnostics[:3]
preview.defer_features = True  # as serve does: the page is visible before the search index is redone
records = sorted((root / "content" / "tool").glob("*.yml"))
times, settled, stages = [], [], []
for i in range(edits):
    record = records[i % len(records)]
    text = record.read_text(encoding="utf-8")
    record.write_text(text.replace("summary: ", f"summary: Edit {i} ", 1), encoding="utf-8")
    started = time.perf_counter()
    times.append(preview.rebuild())
    preview.settle()
    settled.append(time.perf_counter() - started)
    stages.append(dict(preview.timings, pages=preview.pages))
    assert preview.ready and not preview.failing, preview.diagnostics[:3]
import pcor_site
print(json.dumps({"package": pcor_site.__file__, "first": first, "times": times, "settled": settled, "stages": stages}))
"""


def edit_loop(root: Path, edits: int = 5, package: Path = REPO) -> dict:
    """The loop in a child process that imports pcor_site from `package`."""
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(package))
    done = subprocess.run([sys.executable, "-c", CHILD, str(root), str(edits)], capture_output=True, text=True, env=env, cwd=package)
    if done.returncode != 0:
        raise SystemExit(f"edit loop failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def summary(name: str, loop: dict) -> str:
    times, settled = loop["times"], loop["settled"]
    last = loop["stages"][-1]
    stages = ", ".join(f"{k} {v:.2f}" for k, v in last.items() if k != "pages")
    return (f"  {name:8} save → written, reload signalled: median {statistics.median(times):.2f} s "
            f"({' '.join(f'{t:.2f}' for t in times)}); search index redone too: median {statistics.median(settled):.2f} s; "
            f"first build {loop['first']:.1f} s ({Path(loop['package']).parent.parent.name}); last edit: {last['pages']} pages rendered ({stages})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 1000], metavar="N")
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--before", type=Path, help="another checkout whose pcor_site is measured first")
    args = parser.parse_args(argv)
    print(f"pcor-site edit loop (python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}); "
          f"goal: 1 s at 200 records, 2 s at 1,000")
    for n in args.sizes:
        with tempfile.TemporaryDirectory(prefix=f"pcor-edit-{n}-") as tmp:
            root = Path(tmp) / "hub"
            make_hub(root, n)
            print(f"N = {n:,} records, {args.edits} edits", flush=True)
            if args.before:
                shutil.copytree(root, Path(tmp) / "before")
                print(summary("before", edit_loop(Path(tmp) / "before", args.edits, args.before.resolve())), flush=True)
            print(summary("after" if args.before else "now", edit_loop(root, args.edits)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
