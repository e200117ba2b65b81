"""How long `check` takes on hostile files. Prints figures; asserts nothing.

    python benchmarks/bench_hostile.py

Each case drops one file into a copy of the fixture hub and times a full `pcor-site check`.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO))

from conftest import copy_hub  # noqa: E402
from pcor_site.build import check  # noqa: E402

HEAD = b"title: Hostile\nsummary: A hostile record used by the benchmark.\ndefinition: x\nsources:\n  - url: https://example.org/\n"
MB = 1024 * 1024
CASES = {
    "20 MB of '[' (over the size cap)": lambda: HEAD + b"abbreviation: " + b"[" * (20 * MB),
    "20 MB list (over the size cap)": lambda: HEAD + b"also_known_as:\n" + b"  - item\n" * (20 * MB // 9),
    "250 KB of '[' in YAML": lambda: HEAD + b"abbreviation: " + b"[" * 250_000,
    "250 KB flat list of 28k items": lambda: HEAD + b"also_known_as:\n" + b"  - item\n" * 28_000,
    "250 KB of '[' in a Markdown body": lambda: b"---\n" + HEAD + b"---\n" + b"[" * 250_000,
    "250 KB of nested list items": lambda: b"---\n" + HEAD + b"---\n" + b"".join(b"  " * i + b"- x\n" for i in range(300)),
    "250 KB of '<script>' in a body": lambda: b"---\n" + HEAD + b"---\n" + b"<script>alert(1)</script>\n" * 9000,
}


def main() -> None:
    print(f"{'case':<40} {'bytes':>12} {'check s':>8}  first diagnostic")
    for name, make in CASES.items():
        workdir = Path(tempfile.mkdtemp())
        try:
            root = copy_hub(workdir / "hub")
            data = make()
            suffix = ".md" if data.startswith(b"---") else ".yml"
            (root / "content" / "term" / f"hostile{suffix}").write_bytes(data)
            started = time.perf_counter()
            result = check(root)
            elapsed = time.perf_counter() - started
            first = next((f"{d.code} {d.message[:50]}" for d in result.diagnostics if "hostile" in d.path), "none")
            print(f"{name:<40} {len(data):>12,} {elapsed:>8.2f}  {first}")
        finally:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
