"""Where feature modules plug into the pipeline, so each feature lives in its own package.

* `record_sections(item, catalog, url)`: extra HTML sections on a record page (e.g. the audio
  player of an episode, the chart of an infographic, "Cite this").
* `extra_outputs(catalog, config)`: extra files in the docs tree (feeds, exports, data downloads).
* `extra_checks(catalog, root)`: extra content rules that need the whole catalog.

Each feature adds its function to the lists below; the order of the lists is the page order.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from markupsafe import Markup


@dataclass
class HtmlSection:
    """A section of a record page. `html` must be built from escaped or sanitised parts only."""

    heading: str
    html: Markup
    css: str = ""


SectionMaker = Callable[..., list[HtmlSection]]
OutputMaker = Callable[..., dict[str, str | bytes]]
CheckMaker = Callable[..., list]

SECTION_MAKERS: list[SectionMaker] = []
OUTPUT_MAKERS: list[OutputMaker] = []
CHECK_MAKERS: list[CheckMaker] = []


def record_sections(item, catalog, url: str) -> list[HtmlSection]:
    return [section for make in SECTION_MAKERS for section in make(item, catalog, url)]


def extra_outputs(catalog, config) -> dict[str, str | bytes]:
    outputs: dict[str, str | bytes] = {}
    for make in OUTPUT_MAKERS:
        outputs.update(make(catalog, config))
    return outputs


def extra_checks(catalog, root: Path) -> list:
    return [d for make in CHECK_MAKERS for d in make(catalog, root)]


def _register_builtin() -> None:
    from .privacy import check_privacy

    CHECK_MAKERS.append(check_privacy)


_register_builtin()


def _register_citations() -> None:
    """Cite-this files, data downloads and the `[@key]` check (pcor_site/citations)."""
    from .citations.hooks import register

    register()


_register_citations()
