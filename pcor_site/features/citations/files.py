"""The citation files of the docs tree: "Cite this" for every record and reference
(`cite/KIND/ID.*`, `cite/references/KEY.*`), the whole-hub data downloads and their page."""

from __future__ import annotations

from . import downloads, exports
from .csl import to_csl
from .record import cite_stem
from .references import reference_stem


def record_cite_files(item, config) -> dict[str, str]:
    """One record's "Cite this" downloads (they read the record and the settings only)."""
    csl = exports.record_csl(item, config)
    stem = cite_stem(item)
    return {f"{stem}.bib": exports.record_bibtex(item, config), f"{stem}.ris": exports.ris([csl]), f"{stem}.json": exports.csl_json([csl])}


def cite_outputs(catalog, config) -> dict[str, str]:
    """The files of the whole hub; each record's own are `record_cite_files`."""
    files: dict[str, str] = {}
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
