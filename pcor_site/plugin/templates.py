"""The one Jinja environment: every page, section and chart template of the core and the features.

Autoescaping is on for every template; `StrictUndefined` turns a missing view field into an error
instead of an empty string. Two filters write contributor text into Markdown-level syntax safely.
"""

from __future__ import annotations

import functools
import html
import json
import re

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

_MD_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")


def yaml_text(value: str) -> Markup:
    """A front-matter value: HTML-escaped (the theme prints it unescaped) in a YAML double-quoted string."""
    return Markup(json.dumps(html.escape(" ".join(str(value).split()), quote=True), ensure_ascii=False))


def md_heading(value: str) -> Markup:
    """Heading text for a Markdown `##` line: HTML-escaped and every Markdown special backslash-escaped."""
    return Markup(_MD_SPECIALS.sub(r"\\\1", html.escape(" ".join(str(value).split()), quote=True)))


@functools.cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("pcor_site", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=False,
        lstrip_blocks=False,
    )
    env.filters["yaml_text"] = yaml_text
    env.filters["md_heading"] = md_heading
    return env


def render(template: str, **values) -> str:
    """Render one template of pcor_site/templates/ with the given view values."""
    return environment().get_template(template).render(**values)


def safe_html(view):
    """Mark the view's pre-sanitised `*_html` fields as safe for the template."""
    for name in vars(view):
        if name.endswith("_html"):
            setattr(view, name, Markup(getattr(view, name)))
    return view
