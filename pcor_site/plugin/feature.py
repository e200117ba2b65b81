"""The Feature interface: how a capability plugs into the pipeline without the core importing it.

The core calls every feature in phases (the models: MkDocs' `PluginCollection`, Pelican's
generators). A feature overrides only the hooks it needs; each default does nothing.

Phase by phase:

* parse    `markdown_plugins`: markdown-it plugins added to the one parser of contributor text.
* check    `check(ctx)` → `(state, diagnostics)`. The state is the feature's own result (e.g. the
           transcripts it read); the core keeps it and hands it back in every later phase.
           The catalog is read-only: a feature never stores anything on it.
* warm-up  `warm_up(site, state)`: slow, pure tasks whose results go into the content-hash cache
           (a chunk of references to format, a chart to draw), run on every core before
           rendering (`pcor_site/warmup.py`), so the render phase finds them made.
* render   `fields`: record fields the feature shows itself (kept out of the facts table);
           `record_part(item, site, state)`: its part of one record page (sections, head tags,
           search data, what the Markdown renderer needs for that page);
           `index_html(kind, site, url, state)`: HTML above the list on a kind's index page;
           `home_html(site, state)`: HTML at the end of the home page (e.g. its structured data);
           `outputs(site, state)`: whole pages and files of the docs tree;
           `record_outputs(item, site, state)`: files of one record (rendered with its page);
           `nav(site, state)`: its sidebar entries; `addresses(catalog)`: the page addresses it
           writes, so a record cannot take one of them.
* publish  `post_build(site_dir, site, state)`: steps on the built site (e.g. the search index).

What a feature's pages depend on, for the live preview, which renders again only what an edit
touches: `outputs_read`, the record kinds its `outputs` read (None: any, so they are rendered
again after every edit); `pages_read`, what its part of a record page reads beyond the record
itself and the records it links to or is linked from (page kind, or "*" for every kind → the
record kinds read, None for all), e.g. the glossary links every page's text to the terms.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import Markup

if TYPE_CHECKING:  # annotations only: nothing here is imported at run time
    from ..catalog import Catalog
    from ..config import HubConfig
    from ..diagnostics import Diagnostic
    from ..schema import Kind
    from ..validate import Item
    from .context import ReferenceLabels, SiteContext


#: Where a feature's section (from `RecordPart.sections()`) goes on a record page, in reading
#: order: "lead" after the summary, before the asks and steps (a module's objectives, a gap's
#: research question); "do" next to the asks and steps, before the body; "body" after the body
#: (the default), before the tools, the related block and the sources.
SECTION_PLACES = ("lead", "do", "body")


@dataclass
class HtmlSection:
    """A section of a record page. `html` must be built from escaped or sanitised parts only."""

    heading: str
    html: Markup
    css: str = ""
    place: str = "body"  # one of SECTION_PLACES


#: The sidebar's groups, in order: the core files its own index pages under them (a kind's
#: `nav_group`) and a feature names one for each entry. A group with nothing in it is left out.
NAV_GROUPS = ("Evidence", "For purchasers", "Regions and partners", "The convening", "Research agenda", "About")


@dataclass(frozen=True)
class NavEntry:
    """A sidebar entry. `group`: one of NAV_GROUPS; without one, `place` puts it at the top level:
    "start" (after Home, e.g. Explore) or "end" (after the groups). `lead`: the page that opens its
    group (a closed group in the sidebar links to its first page), e.g. the question bank."""

    title: str
    doc: str
    place: str = "end"
    group: str = ""
    lead: bool = False

    def __post_init__(self):
        if self.group and self.group not in NAV_GROUPS:
            raise ValueError(f"nav entry {self.title!r}: unknown group {self.group!r} (one of {', '.join(NAV_GROUPS)})")


@dataclass(frozen=True)
class CheckContext:
    """What the check phase gives a feature: the hub folder, its settings and the resolved catalog."""

    root: Path
    config: HubConfig
    catalog: Catalog


class RecordPart:
    """A feature's part of one record page. The core asks for it before rendering the page's
    Markdown (`markdown_env`), then for the rest once the Markdown is rendered."""

    def markdown_env(self) -> dict:
        """Entries for the markdown-it `env` of this page's summary and body (shared by both)."""
        return {}

    def sections(self) -> list[HtmlSection]:
        """Sections in the page's reading order, placed by their `place` (see SECTION_PLACES)."""
        return []

    def end_sections(self) -> list[HtmlSection]:
        """Sections at the very end of the page (e.g. "Cite this", structured data)."""
        return []

    def head_yaml(self) -> str:
        """Extra front matter lines (e.g. Highwire `head_meta`)."""
        return ""

    def record_html(self) -> Markup:
        """Hidden HTML inside the record's main block (e.g. a word for the search index)."""
        return Markup("")

    def data_html(self) -> Markup:
        """Hidden HTML after the sources (e.g. the search filters)."""
        return Markup("")


class Feature:
    """Base class of every feature: every hook is optional."""

    #: Unique name; the key of the feature's state.
    name: str = ""
    #: markdown-it plugins (callables taking the parser), applied once to the one parser.
    markdown_plugins: tuple = ()
    #: Record fields this feature renders itself, so the core leaves them out of the facts table.
    fields: frozenset[str] = frozenset()
    #: The record kinds whose records `outputs` read; None: any (the safe default).
    outputs_read: frozenset[str] | None = None
    #: Page kind (or "*") → record kinds (None: all) that `record_part` reads beyond the page's
    #: record and its linked records. Records of those kinds re-render the pages of that kind.
    pages_read: dict[str, frozenset[str] | None] = {}
    #: True when `post_build` spreads over every core by itself (an indexer with threads): it then
    #: runs after the other features' steps, alone, rather than beside them, which would only add
    #: its memory to theirs (at 5,000 records the search index and two PDFs together pass 1 GiB).
    post_build_alone: bool = False

    def check(self, ctx: CheckContext) -> tuple[object, list[Diagnostic]]:
        return None, []

    def warm_up(self, site: SiteContext, state) -> list[Callable[[], object]]:
        """Tasks that fill the content-hash cache (`pcor_site/cache.py`) before rendering: each small,
        pure and independent of the others. They run in forked workers, so what a task makes
        reaches the build only through the cache on disk: the render phase then reads it instead
        of making it. A task that fails is ignored (the render phase does that work itself)."""
        return []

    def plain_text(self, text: str) -> str:
        """`text` without this feature's Markdown syntax, for plain-text descriptions."""
        return text

    def reference_labels(self, config: HubConfig, catalog=None) -> ReferenceLabels | None:
        return None

    def record_part(self, item: Item, site: SiteContext, state) -> RecordPart | None:
        return None

    def record_outputs(self, item: Item, site: SiteContext, state) -> dict[str, str | bytes]:
        """Files of the docs tree that belong to one record and read nothing else (e.g. its "Cite
        this" downloads): rendered with the record's page, so an edit renders only its own."""
        return {}

    def home_html(self, site: SiteContext, state) -> Markup:
        return Markup("")

    def index_html(self, kind: Kind, site: SiteContext, url: str, state) -> Markup:
        return Markup("")

    def outputs(self, site: SiteContext, state) -> dict[str, str | bytes]:
        return {}

    def nav(self, site: SiteContext, state) -> list[NavEntry]:
        return []

    def addresses(self, catalog: Catalog) -> dict[str, str]:
        """Page addresses (site-relative, e.g. "explore/") this feature writes → what they are."""
        return {}

    def post_build(self, site_dir: Path, site: SiteContext, state) -> list[Diagnostic]:
        return []
