"""Side by side on one synthetic hub (not a test; nothing is asserted):

* pcor-site build (check, compile, engine, gate, search index, CSP), cold (no cache) and warm
  (charts and schemas from build/cache), with each installed engine;
* plain MkDocs + Material with its own search plugin on the same compiled pages (the yardstick);
* the edit loop: the preview's rebuild after one record is saved.

    .venv/bin/python benchmarks/bench_engines.py                  # N = 1,000 and 5,000, 3 rounds
    .venv/bin/python benchmarks/bench_engines.py --sizes 200 --rounds 5
    .venv/bin/python benchmarks/bench_engines.py --sizes 5000 --rounds 2 --engines mkdocs

Every build runs in a fresh child process; the runs alternate (A B C, A B C, ...) so a busy
machine slows all of them alike; the table shows medians and the ratio to plain MkDocs. The
machine is shared: read the figures as a comparison, not as absolute speeds.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_build import EPOCH, make_hub  # noqa: E402
from bench_edit_loop import edit_loop, summary  # noqa: E402

PLAIN = """# plain MkDocs + Material with its search plugin, on pcor-site's compiled pages
INHERIT: mkdocs.generated.yml
plugins: [search]
hooks: []
"""


def timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds and peak memory (MiB) of one child process."""
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True,
                          env=dict(os.environ, SOURCE_DATE_EPOCH=EPOCH, NO_MKDOCS_2_WARNING="1"))
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr[-2000:]}")
    return seconds, 0.0  # peak memory needs /usr/bin/time


def peak(command: list[str], cwd: Path) -> tuple[float, float]:
    if not Path("/usr/bin/time").exists():
        return timed(command, cwd)
    started = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-f", "PEAK_KB=%M", *command], cwd=cwd, capture_output=True, text=True,
                          env=dict(os.environ, SOURCE_DATE_EPOCH=EPOCH, NO_MKDOCS_2_WARNING="1"))
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr[-2000:]}")
    kb = next((int(line.split("=")[1]) for line in done.stderr.splitlines() if line.startswith("PEAK_KB=")), 0)
    return seconds, kb / 1024


def engines() -> list[str]:
    from pcor_site.engines import installed_engines

    return installed_engines()


def measure(n: int, rounds: int, only: list[str] | None = None) -> dict:
    with tempfile.TemporaryDirectory(prefix=f"pcor-engines-{n}-") as tmp:
        root = Path(tmp) / "hub"
        make_hub(root, n)
        cli = [sys.executable, "-m", "pcor_site", "build", "--root", str(root)]
        subprocess.run(cli, capture_output=True, check=True, env=dict(os.environ, SOURCE_DATE_EPOCH=EPOCH))  # compiles the pages once
        (root / "mkdocs.plain.yml").write_text(PLAIN, encoding="utf-8")
        runs: dict[str, list[tuple[float, float]]] = {}
        cases = {"plain MkDocs + Material + search": [sys.executable, "-m", "mkdocs", "build", "-q", "-f", "mkdocs.plain.yml", "-d", str(root / "plain-site")]}
        cases["pcor-site cold (no cache)"] = ["COLD", *cli]
        for engine in engines():
            if only is None or engine in only:
                cases[f"pcor-site warm, {engine}"] = [*cli, "--engine", engine]
        for _ in range(rounds):
            for name, command in cases.items():
                if command[0] == "COLD":
                    shutil.rmtree(root / "build" / "cache", ignore_errors=True)
                    command = command[1:]
                runs.setdefault(name, []).append(peak(command, root))
                seconds, mib = runs[name][-1]
                print(f"  N={n:,} {name}: {seconds:.1f} s, {mib:.0f} MiB (load {os.getloadavg()[0]:.1f})", file=sys.stderr, flush=True)
        loop = edit_loop(root, 5)
    return {"n": n, "runs": runs, "loop": loop}


def report(result: dict) -> str:
    runs = result["runs"]
    base = statistics.median(s for s, _ in runs["plain MkDocs + Material + search"])
    lines = [f"N = {result['n']:,} records, {len(next(iter(runs.values())))} alternating rounds (medians)",
             f"{'':40} {'median s':>9} {'ratio':>6} {'runs s':>24} {'peak MiB':>9}"]
    for name, values in runs.items():
        seconds = [s for s, _ in values]
        median = statistics.median(seconds)
        lines.append(f"{name:40} {median:>9.2f} {median / base:>5.2f}x {' '.join(f'{s:.1f}' for s in seconds):>24} "
                     f"{max(m for _, m in values):>9.0f}")
    lines.append("edit loop (the preview: save one tool record → its files written and the reload signalled):")
    lines.append(summary("", result["loop"]))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000], metavar="N")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--engines", nargs="+", metavar="NAME", help="only these installed engines (default: all)")
    args = parser.parse_args(argv)
    print(f"pcor-site engines benchmark (python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f})")
    for n in args.sizes:
        print(report(measure(n, args.rounds, args.engines)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
