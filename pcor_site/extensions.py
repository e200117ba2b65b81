"""Where feature modules plug into the pipeline, so each feature lives in its own package.

* `record_sections(item, catalog, url)`: extra HTML sections on a record page (e.g. the audio
  player of an episode, the chart of an infographic, "Cite this").
* `extra_outputs(catalog, config)`: extra files in the docs tree (feeds, exports, data downloads).
* `extra_checks(catalog, root)`: extra content rules that need the whole catalog.
* `index_html(kind, catalog, config, url)`: HTML above the list on a kind's index page.

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
#: `make(kind, catalog, config, url) -> Markup`: HTML above the list on a kind's index page (e.g. "subscribe").
INDEX_MAKERS: list[Callable[..., Markup]] = []


def record_sections(item, catalog, url: str) -> list[HtmlSection]:
    return [section for make in SECTION_MAKERS for section in make(item, catalog, url)]


def extra_outputs(catalog, config) -> dict[str, str | bytes]:
    outputs: dict[str, str | bytes] = {}
    for make in OUTPUT_MAKERS:
        outputs.update(make(catalog, config))
    return outputs


def extra_checks(catalog, root: Path) -> list:
    return [d for make in CHECK_MAKERS for d in make(catalog, root)]


def index_html(kind, catalog, config, url: str) -> Markup:
    return Markup("\n").join(html for make in INDEX_MAKERS if (html := make(kind, catalog, config, url)))


def _register_builtin() -> None:
    from .privacy import check_privacy

    CHECK_MAKERS.append(check_privacy)


_register_builtin()


def _register_citations() -> None:
    """Cite-this files, data downloads and the `[@key]` check (pcor_site/citations)."""
    from .citations.hooks import register

    register()


_register_citations()


def _register_podcast() -> None:
    """Episode pages, the show feed and the podcast checks (pcor_site/podcast)."""
    from .podcast import register

    register()


_register_podcast()


def _register_infographics() -> None:
    """Charts, data tables and downloads of infographics, the landscape overview, the palette and small-cell checks (pcor_site/infographics)."""
    from .infographics import check_infographics, infographic_files, infographic_index, infographic_section

    SECTION_MAKERS.append(infographic_section)
    OUTPUT_MAKERS.append(infographic_files)
    CHECK_MAKERS.append(check_infographics)
    INDEX_MAKERS.append(infographic_index)


_register_infographics()
