"""Build and check timings on synthetic hubs of N records (not a test; nothing is asserted).

    .venv/bin/python benchmarks/bench_build.py                 # N = 1,000 and 5,000
    .venv/bin/python benchmarks/bench_build.py --sizes 200 1000 5000 20000

For each N it writes a synthetic hub into a temporary folder (the fixture hub's configuration,
vocabularies, bibliography and pages, plus N generated records across the kinds, with realistic
cross-references), then runs `check` and `build` in a fresh child process so that peak memory is
that size's own. Per-record time in the last column makes linear (or worse) growth visible.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURE_HUB = REPO / "tests" / "fixtures" / "hub"
EPOCH = "1700000000"

#: Share of records per kind, roughly as the real hub is expected to grow.
MIX = {
    "practice": 0.20, "tool": 0.18, "study": 0.15, "organization": 0.10, "term": 0.08, "module": 0.06,
    "strategy": 0.06, "gap": 0.06, "infographic": 0.04, "event": 0.03, "region": 0.02, "episode": 0.02,
}
FOLDERS = {"page": "pages"}
WORDS = ("employer purchaser benefit network access collaborative care screening depression anxiety "
         "workplace community coalition outcome measure contract vendor plan provider evidence study "
         "comparative effectiveness patient centered adoption quality cost referral follow-up").split()


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(sentence(rng, rng.randint(8, 18)) for _ in range(sentences))


def ids(kind: str, count: int) -> list[str]:
    return [f"{kind}-{n:05d}" for n in range(count)]


def pick(rng: random.Random, pool: list[str], most: int) -> list[str]:
    return sorted(rng.sample(pool, min(len(pool), rng.randint(0, most)))) if pool else []


def flow(values: list[str]) -> str:
    return "[" + ", ".join(values) + "]"


def counts(n: int) -> dict[str, int]:
    out = {kind: max(1, int(n * share)) for kind, share in MIX.items()}
    out["practice"] += n - sum(out.values())  # exactly n records in all
    return out


FIXTURE_MODULES = 2  # the fixture hub's own modules take orders 1 and 2 (E612: each module its own place)


def make_hub(root: Path, n: int, seed: int = 7) -> dict[str, int]:
    """Copy the fixture hub's settings and add n synthetic records with cross-references."""
    rng = random.Random(seed)
    shutil.copytree(FIXTURE_HUB, root, ignore=shutil.ignore_patterns("site", "build", "mkdocs.generated.yml", ".site-*"))
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("../../../", f"{REPO.as_posix()}/"), encoding="utf-8")
    content = root / "content"
    per_kind = counts(n)
    pool = {kind: ids(kind, count) for kind, count in per_kind.items()}
    areas, audiences = ["collaborative-care", "network-access"], ["employers"]
    bib = ["doe2020trial"]
    source = "sources:\n  - url: https://example.org/source/{id}\n"

    def common(kind: str, id: str) -> str:
        return (f"title: {sentence(rng, 5)[:-1]} {id}\n"
                f"summary: {paragraph(rng, 2)}\n"
                f"priority_areas: {flow(pick(rng, areas, 2))}\n"
                f"audiences: {flow(pick(rng, audiences, 1))}\n"
                f"regions: {flow(pick(rng, pool['region'], 1))}\n"
                f"related: {flow([f'{k}/{i}' for k in ('practice', 'tool') for i in pick(rng, pool[k], 1)])}\n"
                + source.format(id=id))

    def body() -> str:
        return "\n\n".join(paragraph(rng, rng.randint(2, 5)) for _ in range(rng.randint(1, 4))) + "\n\n## Details\n\n- one point\n- another point\n"

    def write(kind: str, id: str, fields: str, markdown: bool = False) -> None:
        folder = content / FOLDERS.get(kind, kind)
        folder.mkdir(parents=True, exist_ok=True)
        if markdown:
            (folder / f"{id}.md").write_text(f"---\n{fields}---\n{body()}", encoding="utf-8")
        else:
            (folder / f"{id}.yml").write_text(fields, encoding="utf-8")

    for id in pool["organization"]:
        write("organization", id, common("organization", id) + f"website: https://example.org/{id}\nalso_known_as: [{id.upper()}]\n")
    for id in pool["region"]:
        write("region", id, common("region", id) + f"area: Region {id}\nlead_organizations: {flow(pick(rng, pool['organization'], 2) or pool['organization'][:1])}\n")
    for id in pool["tool"]:
        write("tool", id, common("tool", id) + f"url: https://example.org/tools/{id}\nformat: toolkit\npublisher: {rng.choice(pool['organization'])}\n")
    for id in pool["study"]:
        write("study", id, common("study", id) + f"status: completed\nshort_name: S{id[-5:]}\npublications: {flow(pick(rng, bib, 1))}\n"
              f"outcomes:\n  - {sentence(rng, 12)}\n", markdown=True)
    for id in pool["practice"]:
        write("practice", id, common("practice", id) + "evidence_tier: emerging\naction_types: [contracting]\n"
              f"studies: {flow(pick(rng, pool['study'], 3))}\ntools: {flow(pick(rng, pool['tool'], 3))}\n"
              f"asks:\n  - {sentence(rng, 10)}\n", markdown=True)
    for order, id in enumerate(pool["module"], start=1):
        earlier = pool["module"][max(0, order - 4):order - 1]
        write("module", id, common("module", id) + f"order: {order + FIXTURE_MODULES}\nobjectives:\n  - {sentence(rng, 8)}\n"
              f"key_points:\n  - {sentence(rng, 8)}\nreadings: {flow(pick(rng, bib, 1))}\n"
              f"practices: {flow(pick(rng, pool['practice'], 3))}\nstudies: {flow(pick(rng, pool['study'], 2))}\n"
              f"prerequisites: {flow(pick(rng, earlier, 2))}\n", markdown=True)
    for id in pool["strategy"]:
        write("strategy", id, common("strategy", id) + f"purchasing_stage: assess\npractices: {flow(pick(rng, pool['practice'], 3))}\n"
              f"studies: {flow(pick(rng, pool['study'], 2))}\nsteps:\n  - {sentence(rng, 9)}\n")
    for id in pool["gap"]:
        write("gap", id, common("gap", id) + f"stated_by: {sentence(rng, 4)}\n"
              f"stated_by_source:\n  url: https://example.org/gap/{id}\npopulation: Employees\nintervention: {sentence(rng, 3)}\n"
              "comparison: Usual care\noutcome: Days of work missed\nsetting: The workplace\n"
              f"studies: {flow(pick(rng, pool['study'], 2))}\n", markdown=True)
    for id in pool["term"]:
        write("term", id, common("term", id) + f"abbreviation: T{id[-3:]}\ndefinition: {paragraph(rng, 2)}\n")
    for id in pool["infographic"]:
        write("infographic", id, common("infographic", id) + f"chart: bar\nalt_text: {sentence(rng, 8)}\ndescription: {paragraph(rng, 2)}\n"
              "value_type: ratio\nunits: times as likely\nrows:\n  - label: First\n    value: 2\n  - label: Second\n    value: 3\n")
    for id in pool["event"]:
        write("event", id, common("event", id) + f"date: 2024-0{rng.randint(1, 9)}\nformat: hybrid\norganizers: {flow(pick(rng, pool['organization'], 2))}\n"
              f"sessions:\n  - title: Opening\n    summary: {sentence(rng, 6)}\n")
    transcript = (FIXTURE_HUB / "content" / "episode" / "fixture-episode.vtt").read_text(encoding="utf-8")
    for id in pool["episode"]:
        (content / "episode" / f"{id}.vtt").write_text(transcript, encoding="utf-8")
        write("episode", id, f"title: Episode {id}\nsummary: {paragraph(rng, 2)}\ndate: 2025-01-01\n"
              f"audio_url: https://example.org/audio/{id}.mp3\naudio_length: 48000\ntranscript: {id}.vtt\n", markdown=True)
    return per_kind


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB on Linux


def measure(n: int) -> dict:
    """One size, in this process: make the hub, check, build. Returns the figures."""
    from pcor_site.build import build, check

    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    with tempfile.TemporaryDirectory(prefix=f"pcor-bench-{n}-") as tmp:
        root = Path(tmp) / "hub"
        t = time.perf_counter()
        make_hub(root, n)
        generate = time.perf_counter() - t

        t = time.perf_counter()
        checked = check(root)
        check_seconds = time.perf_counter() - t
        if not checked.ok:
            first = "; ".join(f"{d.path}:{d.line} {d.code} {d.message}" for d in checked.diagnostics[:5])
            raise SystemExit(f"the synthetic hub of {n} records does not pass check: {first}")

        built = build(root)
        if not built.ok:
            first = "; ".join(f"{d.code} {d.message}" for d in (built.check.diagnostics + built.diagnostics)[:5])
            raise SystemExit(f"the synthetic hub of {n} records does not build: {first}")
        timings = built.timings
        return {
            "n": n, "generate": generate, "check": check_seconds, "build": timings["total"],
            "compile": timings.get("compile", 0.0), "engine": timings.get("engine", 0.0),
            "post_build": timings.get("post_build", 0.0), "pages": built.pages,
            "peak_mb": peak_rss_mb(), "site_mb": folder_size(built.out) / 1e6,
            "index_kb": (built.out / "index.html").stat().st_size / 1e3,
            "search_mb": folder_size(built.out / "search") / 1e6 if (built.out / "search").is_dir() else 0.0,
        }


def table(rows: list[dict]) -> str:
    head = (f"{'N':>7} {'check s':>8} {'build s':>8} {'compile %':>9} {'engine s':>9} {'post s':>7} {'pages':>6} "
            f"{'peak MB':>8} {'site MB':>8} {'home KB':>8} {'ms/record':>10}")
    lines = [head, "-" * len(head)]
    for r in rows:
        lines.append(
            f"{r['n']:>7,} {r['check']:>8.2f} {r['build']:>8.2f} {100 * r['compile'] / r['build']:>8.1f}% "
            f"{r['engine']:>9.2f} {r['post_build']:>7.2f} {r['pages']:>6,} {r['peak_mb']:>8.0f} {r['site_mb']:>8.1f} {r['index_kb']:>8.1f} "
            f"{1000 * r['build'] / r['n']:>10.2f}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000], metavar="N", help="record counts (default: 1000 5000)")
    parser.add_argument("--one", type=int, default=None, help=argparse.SUPPRESS)  # child mode: one size, JSON out
    args = parser.parse_args(argv)
    if args.one is not None:
        print(json.dumps(measure(args.one)))
        return 0
    rows = []
    for n in args.sizes:
        done = subprocess.run([sys.executable, __file__, "--one", str(n)], capture_output=True, text=True)
        if done.returncode != 0:
            print(done.stderr or done.stdout, file=sys.stderr)
            return 1
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
        print(f"N={n:,}: hub generated in {rows[-1]['generate']:.1f} s, built in {rows[-1]['build']:.1f} s", file=sys.stderr, flush=True)
    print(f"pcor-site build benchmark (python {sys.version.split()[0]}, {os.cpu_count()} CPUs)")
    print("check s: load+validate+resolve; build s: check+compile+engine+post-build+swap; "
          "compile %: share of build spent rendering and writing the docs tree; post s: post-build gate + CSP; "
          "peak MB: max RSS of the child process; home KB: size of index.html; ms/record: build s / N")
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
