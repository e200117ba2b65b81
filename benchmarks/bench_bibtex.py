"""Time to ingest the 758 KB real-world BibTeX export (../shared/corpus/bibtex/messy_bibfile.bib):
parse + post-parse checks, conversion to CSL-JSON, and CSL formatting in AMA and APA.

    .venv/bin/python benchmarks/bench_bibtex.py [path.bib]
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

from pcor_site.bibliography import MAX_BIB_BYTES, parse_bibtex
from pcor_site.features.citations.csl import latex_to_text, to_csl
from pcor_site.features.citations.style import Styler

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bibtex" / "messy_bibfile.bib"


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    text = path.read_text(encoding="utf-8")
    print(f"{path.name}: {len(text.encode()) / 1024:.0f} KB (limit {MAX_BIB_BYTES // 1024 // 1024} MB)")
    started = time.perf_counter()
    bibliography, problems = parse_bibtex(path.name, text)
    parsed = time.perf_counter()
    print(f"ingest (parse + checks): {parsed - started:.2f} s, {len(bibliography.entries)} entries, "
          f"{len(problems)} diagnostics {dict(sorted(Counter(d.code for d in problems).items()))}")
    latex_to_text.cache_clear()
    items = [to_csl(r) for r in bibliography.entries.values()]
    converted = time.perf_counter()
    print(f"BibTeX -> CSL-JSON: {converted - parsed:.2f} s")
    for style in ("ama", "apa"):
        styler = Styler(style)
        t = time.perf_counter()
        styler.format_many(items)
        print(f"CSL formatting ({style}): {time.perf_counter() - t:.2f} s ({(time.perf_counter() - t) / len(items) * 1000:.1f} ms/entry)")


if __name__ == "__main__":
    main()
