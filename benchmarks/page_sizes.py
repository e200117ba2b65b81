"""The largest pages of a synthetic hub of N records and M references (not a test; nothing is asserted).

    .venv/bin/python benchmarks/page_sizes.py                      # 1,000 records, 1,000 references
    .venv/bin/python benchmarks/page_sizes.py --records 5000 --references 2000 --top 15

The hub comes from benchmarks/bench_build.py's generator; M - 1 synthetic journal articles are
added to its bibliography and each practice cites a few of them, so the References page and the
"cited by" lists grow as they would. Prints the largest HTML pages (bytes as written, no
compression) of EVERY built page: every page over the budget (150 KB), then the largest --top
pages, then the listing pages readers open most, so a page over budget cannot hide.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, str(REPO / "tests"))

WATCH = ("index.html", "practices/index.html", "priority-areas/network-access/index.html", "references/index.html",
         "evidence-tiers/index.html", "question-bank/index.html", "regions/index.html", "explore/index.html")


def add_references(root: Path, count: int, seed: int = 11) -> None:
    rng = random.Random(seed)
    keys = [f"synthetic{n:05d}" for n in range(count)]
    entries = [
        f"@article{{{key},\n  author = {{Author{n}, Ann and Writer, Bo}},\n  title = {{A synthetic study number {n} of workplace mental health}},\n"
        f"  journal = {{Synthetic Journal}},\n  year = {{{2000 + n % 25}}},\n  volume = {{{n % 40 + 1}}},\n  pages = {{{n}--{n + 9}}},\n"
        f"  doi = {{10.5555/synthetic.{n}}}\n}}\n"
        for n, key in enumerate(keys)
    ]
    bib = root / "content" / "references.bib"
    bib.write_text(bib.read_text(encoding="utf-8") + "\n" + "\n".join(entries), encoding="utf-8")
    for practice in sorted((root / "content" / "practice").glob("practice-*.md")):
        cited = sorted(rng.sample(keys, 3))
        text = practice.read_text(encoding="utf-8")
        practice.write_text(text.replace("evidence_tier: emerging\n", f"evidence_tier: emerging\nreferences: [{', '.join(cited)}]\n", 1), encoding="utf-8")


def after_fixture_modules(root: Path) -> None:
    """Number the synthetic modules 1, 2, 3 ... after the fixture hub's own, so the course has one
    order without duplicates or gaps (E612, E613) whichever numbering the generator used."""
    taken = len(list((root / "content" / "module").glob("fixture-*.md")))
    for n, module in enumerate(sorted((root / "content" / "module").glob("module-*.md")), start=taken + 1):
        text = module.read_text(encoding="utf-8")
        head, order, rest = text.partition("\norder: ")
        _, _, tail = rest.partition("\n")
        module.write_text(f"{head}{order}{n}\n{tail}", encoding="utf-8")


def add_cycle(root: Path, activities: int) -> None:
    """The convening cycle's fixture records (event agenda, report, surveys) plus synthetic activities."""
    import shutil

    from bench_cycle import synthesize
    from conftest import CYCLE_CONTENT

    shutil.copytree(CYCLE_CONTENT, root / "content", dirs_exist_ok=True)
    synthesize(root, activities)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--references", type=int, default=1000)
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--activities", type=int, default=100,
                        help="the convening cycle's records added (activities, as many dissemination entries, a tenth as many "
                             "survey questions) with the cycle fixture's summary report, which selects every activity")
    parser.add_argument("--budget", type=float, default=150, help="KB (1,024 bytes); every page over it is printed")
    args = parser.parse_args()
    from bench_build import make_hub
    from pcor_site.build import build

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "hub"
        make_hub(root, args.records)
        after_fixture_modules(root)
        add_cycle(root, args.activities)
        add_references(root, args.references - 1)
        result = build(root)
        if not result.ok:
            problems = result.check.diagnostics + result.diagnostics
            sys.exit("the synthetic hub did not build:\n" + "\n".join(f"{d.path}:{d.line}: {d.code} {d.message}" for d in problems[:20]))
        site = root / "site"
        sizes = sorted(((p.stat().st_size, p.relative_to(site).as_posix()) for p in site.rglob("*.html")), reverse=True)
        over = [(s, p) for s, p in sizes if s > args.budget * 1024]
        print(f"{args.records:,} records + the cycle's ({args.activities:,} activities), {args.references:,} references: {len(sizes):,} pages, "
              f"{len(over)} over {args.budget:g} KB")
        print(f"\nevery page over {args.budget:g} KB:")
        for size, path in over:
            print(f"  {size / 1024:8.1f} KB  {path}")
        print("\nlargest pages:")
        for size, path in sizes[: args.top]:
            print(f"  {size / 1024:8.1f} KB  {path}")
        index = [(site / "references" / "index.html"), *sorted((site / "references" / "by-author").glob("*/index.html"))]
        own = [p for p in (site / "references").glob("*/index.html")]
        if own:
            largest = max(own, key=lambda p: p.stat().st_size)
            print(f"\nreferences: {len(index)} index page(s), largest {max(p.stat().st_size for p in index) / 1024:.1f} KB; "
                  f"{len(own):,} reference pages, largest {largest.stat().st_size / 1024:.1f} KB ({largest.relative_to(site).as_posix()})")
        print("\nlisting pages:")
        for path in WATCH:
            if (site / path).is_file():
                print(f"  {(site / path).stat().st_size / 1024:8.1f} KB  {path}")


if __name__ == "__main__":
    main()
