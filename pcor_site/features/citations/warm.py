"""The citations' warm-up: every citation a build formats, in chunks for the workers.

A build formats each entry of references.bib (the References pages, works cited, source lists)
and each record's "Cite this page" citation, a few milliseconds of citeproc each: at a thousand
records, most of a cold compile. `tasks` hands what the cache does not hold yet to the warm-up
(`pcor_site/warmup.py`) in chunks of CHUNK; each chunk goes through `Styler.format_many`, the same
call the pages make, so the disk cache receives the very entries they then read. Formatting does
not depend on which items share a chunk (each entry is rendered on its own).
"""

from __future__ import annotations

from functools import partial

from .csl import to_csl
from .exports import record_csl
from .style import style_name, styler

CHUNK = 50  # references per task: a few hundred milliseconds of work, many tasks to share out


def items_formatted(catalog, config) -> list[dict]:
    """The CSL items a build formats: the bibliography's, then each record page's own."""
    items = [to_csl(catalog.bibliography.entries[key]) for key in sorted(catalog.bibliography.entries)]
    return items + [record_csl(item, config) for item in catalog.items.values()]


def tasks(catalog, config) -> list:
    formatter = styler(style_name(config))
    todo = [item for item in items_formatted(catalog, config) if not formatter.known(item)]
    return [partial(formatter.format_many, todo[i:i + CHUNK]) for i in range(0, len(todo), CHUNK)]
