"""The citations check: every `[@key]` in a summary or body names an entry of references.bib.

An unknown key is E304 at the citation's own line and column. The clusters come from the tokens
of each text's one parse; only for an unknown key is the record file read again, to find the
column as written (a folded YAML summary joins its lines). Known keys are the feature's state:
key → the records citing it in their text, for the References pages. `check_reference_pages`:
two keys that would share one reference page (E142).
"""

from __future__ import annotations

from collections import defaultdict

from ... import urls
from ...catalog import Link
from ...diagnostics import Diagnostic, did_you_mean
from ...sources.files import read_text
from .prose import clusters_of


def _locate(lines: list[str], line0: int, raw: str) -> tuple[int, int]:
    """1-based (line, column) of `raw` at or after 0-based `line0` in the file; else (line0 + 1, 1)."""
    first = raw.split("\n", 1)[0]
    for index in range(max(line0, 0), min(len(lines), line0 + 200)):
        column = lines[index].find(first)
        if column >= 0:
            return index + 1, column + 1
    return line0 + 1, 1


def check_citations(catalog, root) -> tuple[dict[str, list[Link]], list[Diagnostic]]:
    problems: list[Diagnostic] = []
    cited: dict[str, list[Link]] = defaultdict(list)
    keys = catalog.bibliography.entries
    for item in sorted(catalog.items.values(), key=lambda i: i.key):
        texts = [("summary", item.summary_text, item.position("summary")[0] - 1)]
        if item.body_text is not None:
            texts.append(("body", item.body_text, item.body_line - 1))
        lines: list[str] | None = None
        for where, parsed, start in texts:
            for cluster in clusters_of(parsed) if parsed is not None else ():
                for key in cluster.keys:
                    if key in keys:
                        cited[key].append(Link(item, where))
                        continue
                    if lines is None:
                        text, _ = read_text(root, root / item.path)
                        lines = text.splitlines() if text is not None else []
                    line, column = _locate(lines, start + cluster.line, cluster.raw)
                    problems.append(Diagnostic.of(
                        "E304", item.path, line, column, f"{where}: [@{key}]: no entry '{key}' in references.bib{did_you_mean(key, keys)}"))
    return dict(cited), problems


def check_reference_pages(catalog, root) -> list[Diagnostic]:
    """E142: every reference gets its own page `references/KEY/`, so two keys must not make one
    address (`doe:2020` and `doe-2020` are both `doe-2020`), and no key may take the folder of
    the References index's further pages."""
    bibliography = catalog.bibliography
    problems, taken = [], {}
    for key, reference in sorted(bibliography.entries.items(), key=lambda kv: (kv[1].line, kv[0])):
        slug = urls.anchor(key)
        if slug == urls.REFERENCES_PAGES:
            problems.append(Diagnostic.of("E142", bibliography.path, reference.line, 1,
                                          f"key '{key}' would take references/{slug}/, where the References index keeps its pages: rename the key"))
        elif slug in taken:
            first = bibliography.entries[taken[slug]]
            problems.append(Diagnostic.of("E142", bibliography.path, reference.line, 1,
                                          f"keys '{key}' and '{taken[slug]}' (line {first.line}) would share the page references/{slug}/: rename one"))
        else:
            taken[slug] = key
    return problems
