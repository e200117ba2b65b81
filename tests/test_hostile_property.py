"""Issue 13: arbitrary text through the loader into every writer, read back with a real reader.

Each example is written into a record as a YAML double-quoted string (escapes and all), loaded by
the hub's loader, and — when the loader accepts it — pushed into the CSV writer, JSON-LD,
CSL-JSON, RIS, BibTeX, the Markdown/HTML renderer and an lxml element (what the feed, the SVG and
the transcript pages are built with). Every output is parsed by a real reader (`csv`, `json`,
rispy, bibtexparser, lxml, feedparser): no exception, no active content, and a round trip where
the format allows. The default profile is short; `pytest -m slow tests/test_hostile_property.py`
runs the long one.
"""

from __future__ import annotations

import csv
import io
import json
import re
from types import SimpleNamespace

import bibtexparser
import feedparser
import pytest
import rispy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from lxml import html as lxml_html

from pcor_site.build import markdown_for
from pcor_site.csvfile import FORMULA_STARTS, csv_text
from pcor_site.features.citations import exports, metadata
from pcor_site.postbuild import scan_page
from pcor_site.sources.characters import first_forbidden
from pcor_site.sources.yaml_loader import YamlProblem, load_yaml

PIECES = ["=", "+", "-", "@", "\t", "\r", "\n", "\r\n", "{", "}", "\\", "%", "#", "&", "~", "^", "_", "$", "<", ">", '"', "'",
          "<script>alert(1)</script>", "javascript:alert(1)", "=HYPERLINK(\"https://x.org\")", "\x1b[31m", "\u202e", "\u200b",
          "\x00", "\x0b", "\x85", "\ufffe", "\ud800", "]]>", "@misc{x,", "TY  - JOUR", "ER  - ", "&amp;", "\u2028", "é", "😀"]
hostile = st.one_of(
    st.lists(st.sampled_from(PIECES) | st.text(max_size=4), max_size=40).map("".join),
    st.text(max_size=60),
    st.builds(lambda piece, n: piece * n, st.sampled_from(PIECES + ["a"]), st.integers(200, 3000)),
)
CONFIG = SimpleNamespace(site_url="https://hub.example.org/", site_name="Hub", hub={})


def _loaded(text: str) -> str | None:
    """The value the loader gives for `title: "<text as an escaped YAML string>"`, or None if refused."""
    source = "title: " + json.dumps(text, ensure_ascii=True)
    if first_forbidden(source):  # never: json.dumps writes every non-ASCII character as an escape
        return None
    try:
        data, _ = load_yaml(source)
    except YamlProblem as problem:
        assert problem.code in ("E112", "E105", "E111"), problem.message  # E111: over 100 brackets, even quoted
        return None
    assert data["title"] == text  # what the loader accepts is exactly what was written
    return text


def _check_outputs(text: str) -> None:
    value = _loaded(text)
    if value is None:
        return
    # CSV: the cell comes back whole (CR and LF included); no cell starts like a formula
    rows = list(csv.reader(io.StringIO(csv_text(["title", "n"], [[value, 1]]), newline="")))
    assert len(rows) == 2 and rows[1][1] == "1"
    assert rows[1][0] in (value, "'" + value)
    assert not (rows[1][0][:1] and rows[1][0][0] in FORMULA_STARTS and not re.fullmatch(r"-?[\d.]+(e-?\d+)?", rows[1][0]))
    # JSON-LD in a script element: parses back, cannot close the element
    script = metadata.json_ld({"@type": "WebPage", "name": value})
    assert "</" not in script[len('<script type="application/ld+json">'):-len("</script>")]
    assert json.loads(lxml_html.fragment_fromstring(script).text)["name"] == value
    # CSL-JSON and RIS
    item = {"id": "k", "type": "webpage", "title": value}
    assert json.loads(exports.csl_json([item]))[0]["title"] == value
    [record] = rispy.loads(exports.ris([item]))
    one_line = " ".join(value.splitlines())  # line breaks become spaces: RIS is one tag per line
    if one_line.strip() == one_line and one_line:
        assert record.get("title") == one_line
    # BibTeX: bibtexparser reads the entry back with every field, braces balanced
    entry = SimpleNamespace(kind=SimpleNamespace(name="tool", label="Tool", url_dir="tools"), id="x",
                            record=SimpleNamespace(title=value, summary="S", last_reviewed=None))
    library = bibtexparser.parse_string(exports.record_bibtex(entry, CONFIG))
    assert not library.failed_blocks and len(library.entries) == 1
    assert {f.key for f in library.entries[0].fields} == {"title", "author", "organization", "url", "howpublished", "note"}
    # XML (feed, SVG, transcript pages are lxml trees): the value is XML-compatible and round-trips
    rss = etree.Element("rss", version="2.0")
    channel = etree.SubElement(rss, "channel")
    etree.SubElement(channel, "title").text = value
    etree.SubElement(etree.SubElement(channel, "item"), "title").text = value
    xml = etree.tostring(rss, xml_declaration=True, encoding="UTF-8")
    assert etree.fromstring(xml).findtext("channel/title") == value
    parsed = feedparser.parse(xml)
    assert not parsed.bozo, parsed.bozo_exception
    # Markdown → HTML: no script vector
    page = markdown_for().render(value)
    assert scan_page(page).problems == []
    assert "<script" not in page.lower()


@pytest.mark.parametrize("text", ["=1+1", "\x1b", "{", "}", "\r", "\ufffe", "a" * 5000, "@SUM(A1)", "\\url{javascript:x}"])
def test_known_cases(text):
    _check_outputs(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile)
def test_every_writer_survives_arbitrary_text(text):
    _check_outputs(text)


@pytest.mark.slow
@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(hostile)
def test_every_writer_survives_arbitrary_text_long(text):
    _check_outputs(text)
