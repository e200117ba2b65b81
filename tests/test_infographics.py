"""Infographics (issue 9): accessible SVG, PNG, CSV and table that match the data, the palette
check, and the small-cell and source rules with their exact diagnostics."""

from __future__ import annotations

import csv
import hashlib
import io
import re
import shutil
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from lxml import html as lxml_html

from conftest import REPO, in_another_process
from pcor_site.build import build, check
from pcor_site.diagnostics import render_text
from pcor_site.features.infographics import draw
from pcor_site.features.infographics import palette as palettes
from pcor_site.features.infographics.model import Chart, ChartFigure

FIXTURES = REPO / "tests" / "fixtures" / "infographics"
SVG = "{http://www.w3.org/2000/svg}"


def add_infographic(root: Path, name: str, text: str, csv_text: str | None = None) -> str:
    folder = root / "content" / "infographic"
    (folder / f"{name}.yml").write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    if csv_text is not None:
        (folder / f"{name}.csv").write_text(textwrap.dedent(csv_text).lstrip(), encoding="utf-8")
    return f"content/infographic/{name}.yml"


def report(root: Path, *codes: str) -> str:
    """The text report of the diagnostics with these codes (every E85x when none given)."""
    found = [d for d in check(root).diagnostics if (d.code in codes if codes else d.code.startswith("E85"))]
    return "\n".join(line for line in render_text(found).splitlines() if not line.startswith("    hint:"))


HEAD = """\
title: Test chart
summary: A chart written by a test to exercise the infographic rules.
alt_text: A chart written by a test.
description: A chart written by a test, described in words.
"""


# -- built output ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    from conftest import copy_hub

    root = copy_hub(tmp_path_factory.mktemp("infographics") / "hub")
    for path in FIXTURES.iterdir():
        shutil.copy(path, root / "content" / "infographic" / path.name)
    result = build(root)
    assert result.ok, render_text(result.check.diagnostics + result.diagnostics)
    return root / "site"


def svg_root(site: Path, page: str, name: str) -> ET.Element:
    return ET.fromstring((site / page / f"{name}.svg").read_text(encoding="utf-8"))


@pytest.mark.parametrize("page,name,title", [
    ("infographics/fixture-chart", "fixture-chart", "Fixture chart"),
    ("infographics/grouped", "grouped", "Fixture grouped chart"),
    ("infographics/stacked", "stacked", "Fixture stacked chart"),
    ("infographics/grid", "grid", "Fixture grid chart"),
    ("landscape", "records-by-kind", "Records by kind"),
    ("landscape", "priority-area-by-region", "Priority areas by RESET Region"),
])
def test_svg_is_named_described_and_self_contained(built, page, name, title):
    root = svg_root(built, page, name)
    assert root.get("role") == "img"
    ids = root.get("aria-labelledby").split()
    assert ids == [f"{name}-title", f"{name}-desc"]
    by_id = {e.get("id"): e for e in root.iter() if e.get("id")}
    assert by_id[ids[0]].tag == SVG + "title" and by_id[ids[0]].text == title
    assert by_id[ids[1]].tag == SVG + "desc" and len(by_id[ids[1]].text) > 40
    assert list(root)[:2] == [by_id[ids[0]], by_id[ids[1]]]
    text = (built / page / f"{name}.svg").read_text(encoding="utf-8")
    # nothing is loaded from elsewhere: no attribute holds an address (a source's URL may appear as credit text)
    assert [v for e in root.iter() for v in e.attrib.values() if re.search(r"(https?:|//)", v)] == []
    assert not re.search(r"<(script|image|foreignObject|style)\b|@font-face|@import|url\((?!#)", text)
    assert all(not a.startswith("on") for e in root.iter() for a in e.attrib)
    assert "Source" in "".join(root.itertext())  # the credit travels with the image
    png = (built / page / f"{name}.png").read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 5_000


def test_every_figure_is_in_the_svg_text(built):
    text = " ".join(svg_root(built, "infographics/grid", "grid").itertext())
    for number in ("12", "0", "30", "45"):
        assert re.search(rf"(?<!\d){number}(?!\d)", text)
    bars = " ".join(svg_root(built, "infographics/grouped", "grouped").itertext())
    assert "A: 20" in bars and "B: 50" in bars  # series named on the bar, not by colour alone


def _page_table(site: Path, page: str, name: str) -> tuple[str, list[list[str]]]:
    tree = lxml_html.fromstring((site / page / "index.html").read_text(encoding="utf-8"))
    box = tree.get_element_by_id(f"infographic-{name}")
    table = box.find(".//table")
    assert table.find("caption") is not None
    assert all(th.get("scope") in ("col", "row") for th in table.iter("th"))
    rows = [[" ".join(c.text_content().split()) for c in tr] for tr in table.iter("tr")]
    return table.find("caption").text_content(), rows


def test_csv_and_table_match_the_data(built):
    caption, rows = _page_table(built, "infographics/grid", "grid")
    assert caption == "Fixture grid chart: the figures shown in the chart"
    assert rows == [
        ["Area", "Region", "People", "Source", "Note"],
        ["Area one", "North", "12", "https://example.org/grid-one", ""],
        ["Area one", "South", "0", "https://example.org/grid-one", "none reported"],
        # source 2 is the BibTeX key doe2020trial: the table names the reference by its title
        ["Area two", "North", "30", "A fixture trial of collaborative care", ""],
        ["Area two", "South", "45", "A fixture trial of collaborative care", ""],
    ]
    data = list(csv.DictReader(io.StringIO((built / "infographics/grid/grid.csv").read_text(encoding="utf-8"))))
    assert [(r["label"], r["series"], r["value"], r["display"]) for r in data] == [
        ("Area one", "North", "12", "12"), ("Area one", "South", "0", "0"),
        ("Area two", "North", "30", "30"), ("Area two", "South", "45", "45"),
    ]
    assert data[0]["source_url"] == "https://example.org/grid-one" and data[1]["note"] == "none reported"


def test_record_page_has_chart_table_toggle_downloads_and_embed(built):
    page = (built / "infographics/fixture-chart/index.html").read_text(encoding="utf-8")
    tree = lxml_html.fromstring(page)
    box = tree.get_element_by_id("infographic-fixture-chart")
    chart = box.find('.//figure[@data-view="chart"]')
    assert chart is not None and len(chart.xpath(".//*[local-name()='svg']")) == 1  # the chart is inline SVG in its figure
    assert box.find('.//details[@data-view="table"]/summary') is not None  # works without JavaScript
    links = {a.text_content(): a.get("href") for a in box.iter("a") if a.get("download") is not None}
    assert links == {"Chart as SVG": "fixture-chart.svg", "Chart as PNG (for slides and social media)": "fixture-chart.png",
                     "Data as CSV": "fixture-chart.csv"}
    embed = box.find('.//code[@data-pcor-embed]').text_content()
    # absolute addresses: the snippet works pasted into another site (issue 14)
    assert '<img src="http://127.0.0.1:8000/infographics/fixture-chart/fixture-chart.svg" alt="Bar chart of two fixture figures; the second is larger."' in embed
    assert '<a href="http://127.0.0.1:8000/infographics/fixture-chart/">Data and full description</a>' in embed
    assert "Source: https://example.org/figure" in embed
    assert re.search(r'<script src="[./]*assets/infographics\.js" defer></script>', page)


def test_landscape_page_counts_records_not_people(built):
    page = (built / "landscape/index.html").read_text(encoding="utf-8")
    assert "counts of records" in page and "not people" in page
    for name in ("records-by-kind", "records-by-priority-area", "records-by-region", "records-by-evidence-tier", "priority-area-by-region"):
        assert (built / "landscape" / f"{name}.csv").is_file()
        assert f'id="infographic-{name}"' in page
    kinds = {r["label"]: r["value"] for r in csv.DictReader(io.StringIO((built / "landscape/records-by-kind.csv").read_text()))}
    assert kinds["Infographics"] == "4"  # the fixture chart plus the three test charts, counted on this build
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == len(set(ids)), "ids must stay unique with several charts on one page"


def _drawn_digests() -> list[str]:
    chart = Chart("d", "Deterministic", "bar", "A chart drawn twice.", "Drawn twice.", "people", "Category", "",
                  [ChartFigure("One", "", 20.0, "20", "count"), ChartFigure("Two", "", 30.0, "30", "count")], "Source: test")
    svg = draw.draw_svg(chart, palettes.DEFAULT)
    return [hashlib.sha256(svg.encode("utf-8")).hexdigest(), hashlib.sha256(draw.draw_png(svg)).hexdigest()]


def test_drawing_is_deterministic():
    """SVG and PNG of one chart are the same bytes when drawn in another process."""
    assert _drawn_digests() == in_another_process("import json; from test_infographics import _drawn_digests; print(json.dumps(_drawn_digests()))")


def test_svg_with_an_external_reference_is_refused():
    chart = Chart("x", "X", "bar", "A chart.", "A chart.", "", "", "", [], "")
    with pytest.raises(draw.UnsafeSvg):
        draw.finish_svg('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><image href="https://example.org/a.png"/></svg>',
                        chart, palettes.DEFAULT)


# -- palette ---------------------------------------------------------------------------------------


def test_default_palette_meets_contrast_and_colour_vision_rules():
    assert palettes.check_palette(palettes.DEFAULT) == []
    for colour in palettes.DEFAULT.series:
        assert palettes.contrast(colour, "#ffffff") >= 3
        assert palettes.contrast(palettes.DEFAULT.text_on(colour), colour) >= 4.5


def test_bad_palette_in_mkdocs_yml_fails_check_with_its_line(hub_copy):
    config = hub_copy / "mkdocs.yml"
    palette = textwrap.indent(textwrap.dedent("""\
        palette:
          text: "#999999"
          series:
            - "#2166ac"
            - "#d55e00"
            - "#ffcc00"
            - "#2266ae"
    """), "    ")
    text = config.read_text(encoding="utf-8").replace("\n  hub:\n", "\n  hub:\n" + palette, 1)
    config.write_text(text, encoding="utf-8")
    line = text.splitlines().index('      text: "#999999"') + 1
    assert report(hub_copy, "E856", "E857") == "\n".join([
        f"mkdocs.yml:{line}:7: E856 palette text #999999 has contrast 2.85:1 with background #ffffff; text needs at least 4.5:1",
        f"mkdocs.yml:{line + 4}:11: E856 palette series colour 3 #ffcc00 has contrast 1.51:1 with background #ffffff; chart marks need at least 3:1",
        f"mkdocs.yml:{line + 5}:11: E857 palette series colours 1 #2166ac and 4 #2266ae differ by only ΔE 0.2 under tritanopia; they need at least 12",
    ])


def test_protanopia_confusion_is_caught():
    bad = palettes.Palette(series=("#2166ac", "#8a4d9e"))  # blue and purple merge for red-blind readers
    assert [(d.code, d.message) for d in palettes.check_palette(bad)] == [
        ("E857", "palette series colours 1 #2166ac and 2 #8a4d9e differ by only ΔE 4.0 under protanopia; they need at least 12")
    ]
    assert palettes.min_distance("#2166ac", "#8a4d9e")[0] < 12 < palettes.Color("#2166ac").delta_e("#8a4d9e", method="2000")


# -- small cells and sources ----------------------------------------------------------------------------


def test_small_count_fails_with_its_line_unless_published_aggregate(hub_copy):
    path = add_infographic(hub_copy, "small", HEAD + textwrap.dedent("""\
        chart: bar
        rows:
          - label: Site one
            value: 7
          - label: Site two
            value: 12
          - label: Site three
            value: 3
            published_aggregate: true
        sources:
          - url: https://example.org/counts
    """))
    assert report(hub_copy) == f"{path}:8:5: E851 figure 'Site one' is a count of 7; counts from 1 to 10 must not be published"


def test_published_aggregate_needs_a_cited_source(hub_copy):
    path = add_infographic(hub_copy, "uncited", HEAD + textwrap.dedent("""\
        chart: bar
        rows:
          - label: Site one
            value: 4
            published_aggregate: true
            source: 2
          - label: Site two
            value: 40
            source: 1
        sources:
          - url: https://example.org/counts
    """))
    assert report(hub_copy) == "\n".join([
        f"{path}:8:5: E851 figure 'Site one' is a count of 4; counts from 1 to 10 must not be published",
        f"{path}:10:5: E853 figure 'Site one' cites source 2, but the record lists 1",
    ])


def test_value_derived_from_total_or_lone_suppression_fails(hub_copy):
    path = add_infographic(hub_copy, "derived", HEAD + textwrap.dedent("""\
        chart: grouped-bar
        rows:
          - {label: North, series: Men, value: 40}
          - {label: South, series: Men, value: 52}
          - {label: All, series: Men, value: 100, total: true}
          - {label: North, series: Women, value: 35}
          - {label: South, series: Women, suppressed: true}
          - {label: All, series: Women, value: 80, total: true}
        sources:
          - url: https://example.org/counts
    """))
    assert report(hub_copy) == "\n".join([
        f"{path}:9:31: E852 total 'All' (Men) minus the figures shown of series 'Men' leaves 8, a count from 1 to 10 that readers can work out",
        f"{path}:11:5: E852 suppressed figure 'South' (Women) can be worked out as the total 'All' (Women) minus the other figures of series 'Women'",
    ])


def test_percentage_needs_denominator_and_small_derived_counts_fail(hub_copy):
    path = add_infographic(hub_copy, "percent", HEAD + textwrap.dedent("""\
        chart: bar
        value_type: percent
        rows:
          - label: Without denominator
            value: 30
          - label: Of a small group
            value: 25
            denominator: 24
          - label: Of a tiny group
            value: 50
            denominator: 8
          - label: Of a large group
            value: 25
            denominator: all employees of the fixture firms
        sources:
          - url: https://example.org/shares
    """))
    assert report(hub_copy) == "\n".join([
        f"{path}:9:5: E854 percentage 'Without denominator' does not say what it is a share of (no denominator)",
        f"{path}:11:5: E852 percentage 'Of a small group' of 24 is about 6, a count from 1 to 10 that readers can work out",
        f"{path}:15:5: E851 percentage 'Of a tiny group' is a share of 8, a count from 1 to 10",
    ])


def test_every_figure_cites_a_source(hub_copy):
    path = add_infographic(hub_copy, "twosources", HEAD + textwrap.dedent("""\
        chart: bar
        value_type: ratio
        rows:
          - label: Cited
            value: 2
            source: 2
          - label: Not cited
            value: 3
        sources:
          - url: https://example.org/one
          - url: https://example.org/two
    """))
    assert report(hub_copy) == f"{path}:11:5: E853 figure 'Not cited' does not cite its source: the record lists 2 sources; add `source: N` to say which"


def test_csv_rows_are_checked_at_their_line(hub_copy):
    add_infographic(hub_copy, "fromcsv", HEAD + textwrap.dedent("""\
        chart: grid
        rows: fromcsv.csv
        sources:
          - url: https://example.org/one
    """), """\
        label,series,value
        Area one,North,120
        Area one,South,9
        "Area
        two",North,many
        Area two,South,,
    """)
    csv_path = "content/infographic/fromcsv.csv"
    assert report(hub_copy, "E203", "E204", "E850", "E851") == "\n".join([
        f"{csv_path}:4:1: E203 value must be a number written in digits (e.g. 40 or 12.5), not 'many'",
        f"{csv_path}:4:1: E204 label: must be a single line of text",
        f"{csv_path}:6:1: E850 row has 4 cells but the header has 3",
    ])
    # after fixing the bad rows, the small count is reported at its CSV line
    (hub_copy / "content/infographic/fromcsv.csv").write_text("label,series,value\nArea one,North,120\nArea one,South,9\n", encoding="utf-8")
    assert report(hub_copy) == f"{csv_path}:3:1: E851 figure 'Area one' (South) is a count of 9; counts from 1 to 10 must not be published"


def test_missing_csv_and_chart_shape(hub_copy):
    path = add_infographic(hub_copy, "nocsv", HEAD + textwrap.dedent("""\
        chart: bar
        rows: missing.csv
        sources:
          - url: https://example.org/one
    """))
    shape = add_infographic(hub_copy, "shape", HEAD + textwrap.dedent("""\
        chart: stacked-bar
        rows:
          - {label: North, series: A, value: 40}
          - {label: South, value: 52}
        sources:
          - url: https://example.org/one
    """))
    assert report(hub_copy) == "\n".join([
        f"{path}:6:1: E850 data file 'missing.csv' does not exist beside the record",
        f"{shape}:8:5: E855 figure 'South' needs `series:` in a stacked-bar chart",
    ])


def test_shipped_infographics_pass_strict_check():
    result = check(REPO, strict=True)
    problems = [d for d in result.diagnostics if d.path.startswith("content/infographic/") or d.code.startswith("E85")]
    assert problems == []
    assert len(result.catalog.of_kind("infographic")) >= 3
