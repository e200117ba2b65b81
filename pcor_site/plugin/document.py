"""A generated document page (the whole course, the facilitator guide, the framework, the research
agenda): a title, an introduction and titled sections, each with an optional anchor. Features fill
it; `learning_page.md.j2` renders it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markupsafe import Markup

from .templates import render

_HEADING = re.compile(r"<(/?)h([1-5])\b")


@dataclass
class DocSection:
    heading: str
    html: Markup
    anchor: str = ""  # an id (slug characters only) for links to the section
    css: str = ""


@dataclass
class DocPage:
    title: str
    description: str
    intro_html: Markup
    sections: list[DocSection] = field(default_factory=list)
    css: str = ""

    def markdown(self) -> str:
        return render("learning_page.md.j2", page=self)


def demote_headings(html: str, by: int = 1) -> Markup:
    """Rendered contributor HTML with every heading `by` levels lower (h2 → h3), to nest it under a section."""
    return Markup(_HEADING.sub(lambda m: f"<{m.group(1)}h{min(int(m.group(2)) + by, 6)}", str(html)))
