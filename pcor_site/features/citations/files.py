"""The citation files of the docs tree: "Cite this" for every record and reference
(`cite/KIND/ID.*`, `cite/references/KEY.*`), the whole-hub data downloads and their page."""

from __future__ import annotations

from . import downloads, exports
from .csl import to_csl
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
    data = downloads.data_files(catalog, config.site_url)
    files.update(data)
    files[downloads.DOC] = downloads.downloads_page(catalog, config, data)
    return files
