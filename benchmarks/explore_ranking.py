"""Explore's ranking for a few reader queries on the shipped hub (not a test; nothing is asserted).

    .venv/bin/python benchmarks/explore_ranking.py                    # builds content/ into a temp folder
    .venv/bin/python benchmarks/explore_ranking.py --site site/       # an already built site
    .venv/bin/python benchmarks/explore_ranking.py --queries parity "collaborative care"

Each query is typed into the Explore page in headless Chromium (Debian's, via Playwright) and the
first results are printed in order with their kind and the snippet Explore shows, so a change to
ranking weights or snippets can be compared before and after.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "benchmarks"))

QUERIES = ("parity", "collaborative care", "telehealth")


def ranking(site: Path, queries, top: int) -> None:
    from browsing import Browser, serve, wait_for_explore

    with serve(site) as base:
        browser = Browser(base)
        try:
            tab = browser.page()
            for query in queries:
                tab.goto(f"{base}explore/?q={quote(query)}")
                status = wait_for_explore(tab)
                print(f"\n## {query!r}: {status}")
                for n, result in enumerate(tab.locator("#pcor-results li.pcor-result").all()[:top], 1):
                    title = result.locator("h3").inner_text()
                    kind = result.locator(".pcor-kind").first.inner_text()
                    snippet = result.locator(".pcor-result__summary")
                    text = snippet.inner_text()[:110] if snippet.count() else ""
                    print(f"{n:2}. [{kind}] {title}\n      snippet: {text}")
        finally:
            browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site folder (default: build content/ now)")
    parser.add_argument("--queries", nargs="+", default=list(QUERIES))
    parser.add_argument("--top", type=int, default=10)
    args = parser.parse_args()
    if args.site:
        ranking(args.site, args.queries, args.top)
        return
    from bench_search import shipped_hub
    from pcor_site.build import build

    with tempfile.TemporaryDirectory() as folder:
        root = shipped_hub(Path(folder) / "hub")
        result = build(root)
        if not result.ok:
            sys.exit("the shipped hub did not build: " + "; ".join(d.message for d in result.check.diagnostics + result.diagnostics))
        ranking(root / "site", args.queries, args.top)


if __name__ == "__main__":
    main()
