"""References as first-class content: CSL formatting, citations in prose, exports and metadata.

Modules: `csl` (BibTeX → CSL-JSON), `style` (citeproc-py formatting), `syntax` (the `[@key]`
markdown-it rule), `prose` (per-page numbering and the list of works cited), `exports` (BibTeX,
RIS, CSL-JSON), `metadata` (COinS, Highwire tags, schema.org JSON-LD), `downloads` (whole-hub data
files), `hooks` (the makers registered in `pcor_site.extensions`). This file imports nothing, so
`pcor_site.markdown` can use `syntax` without an import cycle.
"""
