"""Citations in a page's prose: numbering, in-text labels and the list of works cited.

One `PageCitations` serves a whole record page: the summary and the body are rendered with it in
page order, so `[@a]` is 1 wherever it first appears, and `sections()` then lists the works cited
(in citation order for numeric styles such as AMA, in the style's order for author-date ones such
as APA). `clusters_of` reads every `[@...]` with its line from a text's tokens for the unknown-key check (E304).
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from markupsafe import Markup

from ... import urls
from ...bibliography import Bibliography
from ...plugin.feature import HtmlSection
from . import metadata
from .csl import to_csl
from .style import styler


class PageCitations:
    def __init__(self, bibliography: Bibliography, style: str, page_url: str):
        self.bibliography = bibliography
        self.styler = styler(style)
        self.page_url = page_url
        self.order: list[str] = []  # known keys, in order of first citation
        self.with_coins = True  # False on a page that is itself a citable work (metadata.citable_pages)

    def _number(self, key: str) -> int:
        if key not in self.order:
            self.order.append(key)
        return self.order.index(key) + 1

    def cite(self, keys: list[str], raw: str) -> str:
        known = [k for k in keys if self.bibliography.get(k) is not None]
        if len(known) != len(keys):
            return html.escape(raw)  # reported as E304 by the check; never rendered in a passing build
        anchors = [f"#cite-{urls.anchor(k)}" for k in known]
        if self.styler.numeric:
            links = ",".join(f'<a href="{a}">{self._number(k)}</a>' for k, a in zip(known, anchors))
            return f'<sup class="pcor-cite">{links}</sup>'
        for key in known:
            self._number(key)
        labels = [html.escape(self.styler.in_text(to_csl(self.bibliography.get(k)))) for k in known]
        return '<span class="pcor-cite">(' + "; ".join(f'<a href="{a}">{t}</a>' for a, t in zip(anchors, labels)) + ")</span>"

    def sections(self) -> list:
        """The list of works cited, as a record-page section (none when nothing is cited)."""
        if not self.order:
            return []
        items = [to_csl(self.bibliography.get(k)) for k in self.order]
        formatted = self.styler.format_many(items)
        keys = self.order if self.styler.numeric else self.styler.order(items)
        by_id = {i["id"]: i for i in items}
        rows = []
        for key in keys:
            target = urls.relative(self.page_url, urls.reference(key))
            rows.append(
                f'<li id="cite-{urls.anchor(key)}">{formatted[key].html} '
                f'<a class="pcor-ref-link" href="{html.escape(target)}">(in the hub\'s references)</a>'
                f"{metadata.coins_span(by_id[key]) if self.with_coins else ''}</li>"
            )
        tag = "ol" if self.styler.numeric else "ul"
        body = f'<{tag} class="pcor-cited">' + "".join(rows) + f"</{tag}>"
        return [HtmlSection("Works cited", Markup(body), "pcor-works-cited")]


@dataclass(frozen=True)
class Cluster:
    line: int  # 0-based line within the text
    raw: str  # e.g. "[@a; @b]"
    keys: list[str]


def clusters_of(parsed) -> list[Cluster]:
    """Every `[@...]` of a parsed text (`text.markdown.ParsedText`), read from its tokens."""
    found: list[Cluster] = []
    for token in parsed.tokens or ():
        if token.type != "inline" or not token.children:
            continue
        start = token.map[0] if token.map else 0
        for child in token.children:
            if child.type == "pcor_cite":
                line = start + token.content.count("\n", 0, child.meta["offset"])
                found.append(Cluster(line, child.content, child.meta["keys"]))
    return found
