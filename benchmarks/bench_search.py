"""Bytes a reader downloads: the first Explore query and a record page (not a test; nothing is asserted).

    .venv/bin/python benchmarks/bench_search.py                   # shipped content + 5,000 synthetic records
    .venv/bin/python benchmarks/bench_search.py --sizes 1000 5000 # other synthetic sizes
    .venv/bin/python benchmarks/bench_search.py --lighthouse      # also Lighthouse scores (npm lighthouse, offline)

Each hub is built into a temporary folder and served on 127.0.0.1; headless Chromium (Debian's, via
Playwright) loads each page with an empty cache and the script adds up every response body. "raw"
is what Python's http.server sends (no compression); "gzip" estimates a host that compresses text
(GitHub Pages does: HTML, CSS, JS, JSON, wasm); Pagefind's own .pf_* files are already compressed.
Synthetic hubs come from benchmarks/bench_build.py's generator.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "benchmarks"))

QUERY = "collaborative care"
COMPRESSED_TYPES = ("text/", "javascript", "json", "wasm", "svg", "xml")


def shipped_hub(root: Path) -> Path:
    """The repository's own hub (content/, mkdocs.yml, overrides/, hooks/) copied into `root`."""
    root.mkdir(parents=True)
    for name in ("content", "overrides", "hooks"):
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root


def synthetic_hub(root: Path, n: int) -> Path:
    from bench_build import make_hub
    from pcor_site.build import check

    make_hub(root, n)
    # The generator may lag behind a kind's schema; drop the records it got wrong (and say so)
    # rather than measure nothing.
    dropped: set[str] = set()
    for _ in range(3):
        bad = {d.path for d in check(root).diagnostics if d.is_error and d.path.startswith("content/")}
        if not bad:
            break
        for path in bad:
            (root / path).unlink(missing_ok=True)
        dropped |= bad
    if dropped:
        kinds = sorted({p.split("/")[1] for p in dropped})
        print(f"synthetic hub: dropped {len(dropped)} of {n} records that no longer pass check ({', '.join(kinds)}): "
              "update benchmarks/bench_build.py's generator", file=sys.stderr)
    return root


def build_hub(root: Path) -> Path:
    from pcor_site.build import build

    os.environ.setdefault("SOURCE_DATE_EPOCH", "1700000000")
    result = build(root)
    if not result.ok:
        problems = "; ".join(f"{d.path}:{d.line} {d.code} {d.message}" for d in (result.check.diagnostics + result.diagnostics)[:5])
        raise SystemExit(f"{root} does not build: {problems}")
    return result.out


def gzip_size(body: bytes, content_type: str, url: str) -> int:
    if url.endswith((".pf_fragment", ".pf_index", ".pf_filter", ".pf_meta")) or not any(t in content_type for t in COMPRESSED_TYPES) and not url.endswith(".pagefind"):
        return len(body)
    return len(gzip.compress(body, 6))


def load(browser, url: str, ready: str | None = None) -> dict:
    """Cold load of one address; bytes by group (page, theme assets, search index)."""
    context = browser.new_context()
    tab = context.new_page()
    seen: list[tuple[str, int, int]] = []
    external: list[str] = []

    def on_response(response):
        try:
            body = response.body()
        except Exception:  # redirects and aborted requests have no body
            return
        seen.append((response.url, len(body), gzip_size(body, response.headers.get("content-type", ""), response.url)))

    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith("http://127.0.0.1:") else (external.append(r.request.url), r.abort()))
    tab.on("response", on_response)
    tab.goto(url)
    if ready:
        tab.wait_for_function(ready, timeout=60_000)
    tab.wait_for_load_state("networkidle")
    results = tab.locator("#pcor-results li").count() if ready else 0
    context.close()
    groups = {"total": [0, 0, 0], "search index": [0, 0, 0]}
    for address, raw, packed in seen:
        for name in ("total", "search index") if "/pagefind/" in address else ("total",):
            groups[name][0] += 1
            groups[name][1] += raw
            groups[name][2] += packed
    return {"requests": groups["total"][0], "raw": groups["total"][1], "gzip": groups["total"][2],
            "index_requests": groups["search index"][0], "index_raw": groups["search index"][1],
            "index_gzip": groups["search index"][2], "results_shown": results, "external": external}


EXPLORE_READY = ("() => /found/.test(document.getElementById('pcor-status')?.textContent || '')"
                 " && !document.getElementById('pcor-results').hasAttribute('aria-busy')")


def measure(site: Path, label: str) -> list[dict]:
    from playwright.sync_api import sync_playwright

    from browsing import serve
    from conftest import CHROMIUM, CHROMIUM_ARGS

    record = next(p for p in sorted((site / "practices").glob("*/index.html")))
    record_url = record.parent.relative_to(site).as_posix() + "/"
    rows = []
    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            cases = [
                ("home page", base, None),
                (f"Explore, first query '{QUERY}'", base + "explore/?q=" + QUERY.replace(" ", "+"), EXPLORE_READY),
                ("Explore, first filter (kind=practice)", base + "explore/?kind=practice", EXPLORE_READY),
                ("Explore, query + 2 filters", base + "explore/?q=employer&kind=practice&area=collaborative-care", EXPLORE_READY),
                (f"record page ({record_url})", base + record_url, None),
            ]
            for name, url, ready in cases:
                row = load(browser, url, ready)
                row.update(hub=label, page=name)
                rows.append(row)
        finally:
            browser.close()
    return rows


def lighthouse(site: Path, label: str) -> list[dict]:
    """Lighthouse 13 category scores, if `lighthouse` (npm) is on PATH or in ./node_modules/.bin."""
    binary = shutil.which("lighthouse") or str(REPO / "node_modules" / ".bin" / "lighthouse")
    if not Path(binary).exists():
        return [{"hub": label, "page": "lighthouse", "error": "npm lighthouse not installed (npm install --no-save lighthouse@13)"}]
    from browsing import serve

    rows = []
    record = next(p for p in sorted((site / "practices").glob("*/index.html")))
    with serve(site) as base:
        for name, path in (("home", ""), ("Explore", "explore/?q=care"), ("record page", record.parent.relative_to(site).as_posix() + "/")):
            with tempfile.TemporaryDirectory() as profile:
                done = subprocess.run(
                    [binary, base + path, "--output=json", "--quiet", "--only-categories=performance,accessibility,best-practices,seo",
                     f"--chrome-flags=--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking --user-data-dir={profile}"],
                    capture_output=True, text=True, env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"}, timeout=300,
                )
            if done.returncode != 0:
                rows.append({"hub": label, "page": name, "error": done.stderr.strip().splitlines()[-1:]})
                continue
            report = json.loads(done.stdout)
            scores = {k: round(100 * (v["score"] or 0)) for k, v in report["categories"].items()}
            failed = sorted(a for a, v in report["audits"].items() if v.get("score") is not None and v["score"] < 0.9
                            and v.get("scoreDisplayMode") in ("binary", "numeric"))
            rows.append({"hub": label, "page": name, **scores, "below_0.9": failed})
    return rows


def kb(n: int) -> str:
    return f"{n / 1024:,.1f}"


def table(rows: list[dict]) -> str:
    head = (f"{'hub':<22} {'page':<52} {'req':>4} {'raw KB':>9} {'gzip KB':>9} {'index req':>9} {'index raw':>9} "
            f"{'index gz':>9} {'shown':>5}")
    lines = [head, "-" * len(head)]
    for r in rows:
        lines.append(f"{r['hub']:<22} {r['page'][:52]:<52} {r['requests']:>4} {kb(r['raw']):>9} {kb(r['gzip']):>9} "
                     f"{r['index_requests']:>9} {kb(r['index_raw']):>9} {kb(r['index_gzip']):>9} {r['results_shown']:>5}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[5000], help="synthetic record counts (default: 5000)")
    parser.add_argument("--no-shipped", action="store_true", help="skip the repository's own content")
    parser.add_argument("--lighthouse", action="store_true", help="also run Lighthouse on the shipped hub")
    args = parser.parse_args(argv)
    rows: list[dict] = []
    scores: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="pcor-bench-search-") as tmp:
        hubs = [] if args.no_shipped else [("shipped content", lambda root: shipped_hub(root))]
        hubs += [(f"{n:,} synthetic", lambda root, n=n: synthetic_hub(root, n)) for n in args.sizes]
        for label, make in hubs:
            root = Path(tmp) / label.replace(" ", "-").replace(",", "")
            make(root)
            site = build_hub(root)
            pages = sum(1 for _ in site.rglob("*.html"))
            index = site / "pagefind"
            print(f"{label}: {pages:,} pages, Pagefind bundle {sum(f.stat().st_size for f in index.rglob('*') if f.is_file()) / 1e6:.1f} MB "
                  f"in {sum(1 for f in index.rglob('*') if f.is_file()):,} files", file=sys.stderr, flush=True)
            rows += measure(site, label)
            if args.lighthouse and label == "shipped content":
                scores += lighthouse(site, label)
            shutil.rmtree(root, ignore_errors=True)
    print("Bytes downloaded on a cold load (every response body; 'index' = files under pagefind/)")
    print(table(rows))
    external = sorted({u for r in rows for u in r["external"]})
    print(f"requests that would leave the site: {len(external)}" + (f" {external}" if external else ""))
    if scores:
        print("\nLighthouse (0-100):")
        for s in scores:
            print(json.dumps(s))
    return 0


if __name__ == "__main__":
    sys.exit(main())
