"""Infographics people can read, share and trust (issue 9).

Modules, in pipeline order:

* `data`      the figures of a record, inline or from a CSV beside it, with their positions
* `rules`     small-cell, source, percentage and chart-shape rules (E850-E855)
* `palette`   the chart palette and its WCAG contrast / colour-vision check (E856-E857)
* `model`     the flat `Chart` every output reads
* `specs`     Vega-Lite specifications per chart kind
* `draw`      SVG (vl-convert or the key-statistic template) → accessible SVG, PNG
* `publish`   record-page section, files beside the page, the content check
* `landscape` the overview charts the hub draws from its own records
"""

from .publish import check_infographics, infographic_files, infographic_index, infographic_section

__all__ = ["check_infographics", "infographic_files", "infographic_index", "infographic_section"]
