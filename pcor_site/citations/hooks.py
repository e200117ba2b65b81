"""The makers this package adds to `pcor_site.extensions` (registered by `register()`).

* output: "Cite this" files for every record and reference (`cite/KIND/ID.*`,
  `cite/references/KEY.*`), the whole-hub data downloads and the Downloads page;
* check: `[@key]` citations in summaries and bodies name an entry of references.bib (E304, at the
  citation's own line and column); known ones count as citations on the References page.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from ..catalog import Link
from ..diagnostics import Diagnostic
from . import downloads, exports
from .csl import to_csl
from .prose import find_clusters
from .record import cite_stem
from .references import reference_stem


def cite_outputs(catalog, config) -> dict[str, str]:
    files: dict[str, str] = {}
    for item in sorted(catalog.items.values(), key=lambda i: i.key):
        csl = exports.record_csl(item, config)
        stem = cite_stem(item)
        files[f"{stem}.bib"] = exports.record_bibtex(item, config)
        files[f"{stem}.ris"] = exports.ris([csl])
        files[f"{stem}.json"] = exports.csl_json([csl])
    for key in sorted(catalog.bibliography.entries):
        reference = catalog.bibliography.entries[key]
        item = to_csl(reference)
        stem = reference_stem(key)
        files[f"{stem}.bib"] = exports.reference_bibtex(reference)
        files[f"{stem}.ris"] = exports.ris([item])
        files[f"{stem}.json"] = exports.csl_json([item])
    data = downloads.data_files(catalog)
    files.update(data)
    files[downloads.DOC] = downloads.downloads_page(catalog, config, data)
    return files


def _did_you_mean(value: str, choices) -> str:
    close = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def _locate(lines: list[str], line0: int, raw: str) -> tuple[int, int]:
    """1-based (line, column) of `raw` at or after 0-based `line0` in the file; else (line0 + 1, 1)."""
    first = raw.split("\n", 1)[0]
    for index in range(max(line0, 0), min(len(lines), line0 + 200)):
        column = lines[index].find(first)
        if column >= 0:
            return index + 1, column + 1
    return line0 + 1, 1


def check_citations(catalog, root: Path) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    keys = catalog.bibliography.entries
    for item in sorted(catalog.items.values(), key=lambda i: i.key):
        texts = [("summary", item.record.summary, item.position("summary")[0] - 1)]
        if item.body:
            texts.append(("body", item.body, item.body_line - 1))
        lines: list[str] | None = None
        for where, text, start in texts:
            for cluster in find_clusters(text):
                for key in cluster.keys:
                    if key in keys:
                        catalog.cited_by[key].append(Link(item, where))
                        continue
                    if lines is None:
                        try:
                            lines = (root / item.path).read_text(encoding="utf-8").splitlines()
                        except OSError:
                            lines = []
                    line, column = _locate(lines, start + cluster.line, cluster.raw)
                    problems.append(Diagnostic.of(
                        "E304", item.path, line, column, f"{where}: [@{key}]: no entry '{key}' in references.bib{_did_you_mean(key, keys)}"))
    return problems


def register() -> None:
    from .. import extensions

    if cite_outputs not in extensions.OUTPUT_MAKERS:
        extensions.OUTPUT_MAKERS.append(cite_outputs)
    if check_citations not in extensions.CHECK_MAKERS:
        extensions.CHECK_MAKERS.append(check_citations)
