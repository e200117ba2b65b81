"""Issue 13: hostile input, second round. One test per class, each failing without its fix."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import textwrap
import time
from pathlib import Path

import bibtexparser
import pytest

from conftest import REPO
from pcor_site.bibliography import parse_bibtex
from pcor_site.build import check
from pcor_site.csvfile import csv_text, neutralise
from pcor_site.diagnostics import render_text
from pcor_site.features.citations import downloads
from pcor_site.features.infographics.rules import MAX_FIGURES
from pcor_site.reserved import engine_addresses
from pcor_site.sources.guard import ContentReadError, read_regular, windows_reserved


def report(root: Path, *codes: str) -> list[str]:
    found = [d for d in check(root).diagnostics if d.code in codes]
    return [line for line in render_text(found).splitlines() if not line.startswith("    hint:")]


# -- 1. CSV: one writer, formulas neutralised, CR and LF kept inside their cell ---------------------

FORMULAS = ["=1+1", "+SUM(A1)", "-2+3", "@SUM(A1)", "\t=1", "\r=1", " =HYPERLINK(\"x\")", "＝1+1", "|cmd", "%0A"]


@pytest.mark.parametrize("value", FORMULAS)
def test_formula_cells_are_neutralised(value):
    rows = list(csv.reader(io.StringIO(csv_text(["a"], [[value]]), newline="")))
    assert rows == [["a"], ["'" + value]]


@pytest.mark.parametrize("value", ["-3", "-0.5", "12", "1e-3", "plain text", ""])
def test_numbers_and_text_are_left_alone(value):
    assert neutralise(value) == value


def test_carriage_return_stays_in_its_cell():
    text = csv_text(["a", "b"], [["one\rtwo", "x"], ["three\nfour", "y"]])
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows == [["a", "b"], ["one\rtwo", "x"], ["three\nfour", "y"]]


def test_every_hub_csv_goes_through_the_writer(hub_copy):
    (hub_copy / "content" / "organization" / "formula-org.yml").write_text(textwrap.dedent("""\
        title: "=HYPERLINK(\\"https://evil.example\\",\\"Click\\")"
        summary: "-2+3 is a formula in a spreadsheet"
        sources:
          - url: https://example.org/about
        """), encoding="utf-8")
    result = check(hub_copy)
    assert result.ok, render_text(result.diagnostics)
    files = downloads.data_files(result.catalog)
    for name in ("data/records.csv", "data/organization.csv"):
        for row in csv.reader(io.StringIO(files[name], newline="")):
            assert not any(cell[:1] and cell[0] in "=+-@\t\r" and not cell.lstrip("-").replace(".", "").isdigit() for cell in row), (name, row)
    assert "'=HYPERLINK" in files["data/records.csv"]


def test_chart_csv_goes_through_the_writer():
    from pcor_site.features.infographics.figure import data_csv
    from pcor_site.features.infographics.model import Chart, ChartFigure

    chart = Chart("c", "C", "bar", "A chart.", "A chart.", "", "Label", "", [ChartFigure("=cmd|' /C calc'!A0", "", 3.0, "3", "count", note="@note")], "")
    rows = list(csv.reader(io.StringIO(data_csv(chart), newline="")))
    assert rows[1][0] == "'=cmd|' /C calc'!A0" and "'@note" in rows[1]


# -- 2. characters written as YAML escapes ---------------------------------------------------------

@pytest.mark.parametrize("escape", ["\\x1b", "\\u200b", "\\u202e", "\\x80", "\\uFFFE", "\\v", "\\N", "\\L", "\\0"])
def test_escaped_characters_are_refused_at_their_line(hub_copy, escape):
    (hub_copy / "content" / "organization" / "escape-org.yml").write_text(
        f'title: Escape Coalition\nsummary: "A summary{escape} with an escape."\nsources:\n  - url: https://example.org/about\n', encoding="utf-8")
    [line] = report(hub_copy, "E112")
    assert line.startswith("content/organization/escape-org.yml:2:10: E112 forbidden character U+")


# -- 3. numbers that are not numbers; chart limits ---------------------------------------------------

@pytest.mark.parametrize("value", [".nan", "nan", "inf", "-Infinity", "1e999", '"inf"'])
def test_non_finite_chart_values_are_refused(hub_copy, value):
    path = hub_copy / "content" / "infographic" / "fixture-chart.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("value: 3", f"value: {value}"), encoding="utf-8")
    [line] = report(hub_copy, "E203", "E204")
    if value == ".nan":  # YAML 1.1's spelling stays a string (the loader's rule), so it is not a number at all
        assert line.startswith("content/infographic/fixture-chart.yml:13:5: E203 rows.1.value must be a number written in digits (e.g. 40 or 12.5), not '.nan'")
    else:
        assert line == "content/infographic/fixture-chart.yml:13:5: E204 rows.1.value must be an ordinary number: infinity and 'not a number' cannot be shown"


def _chart_with_rows(root: Path, count: int, chart: str = "bar") -> None:
    folder = root / "content" / "infographic"
    text = (REPO / "tests" / "fixtures" / "hub" / "content" / "infographic" / "fixture-chart.yml").read_text(encoding="utf-8")
    head = text.split("rows:")[0].replace("chart: bar", f"chart: {chart}")
    (folder / "fixture-chart.yml").write_text(head + "rows: many.csv\nsources:\n  - url: https://example.org/figure\n", encoding="utf-8")
    series = chart in ("grouped-bar", "stacked-bar", "grid")
    lines = ["label,series,value,source" if series else "label,value,source"]
    for index in range(count):
        lines.append(f"Setting {index // 2},S{index % 2},{20 + index},1" if series else f"Setting {index},{20 + index},1")
    (folder / "many.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    if series:
        (folder / "fixture-chart.yml").write_text((folder / "fixture-chart.yml").read_text(encoding="utf-8")
                                                  .replace("category_label: Setting", "category_label: Setting\nseries_label: Series"), encoding="utf-8")


@pytest.mark.parametrize("chart", ["bar", "grouped-bar", "stacked-bar", "grid"])
def test_chart_row_limit_is_checked_at_its_edge(hub_copy, chart):
    limit = MAX_FIGURES[chart]
    _chart_with_rows(hub_copy, limit, chart)
    assert report(hub_copy, "E850", "E855") == []
    _chart_with_rows(hub_copy, limit + 1, chart)
    assert report(hub_copy, "E850", "E855") == [
        f"content/infographic/many.csv:{limit + 2}:1: E855 a {chart} chart draws at most {limit} figures (this one has {limit + 1}); merge categories"]


def test_the_renderer_survives_a_bar_chart_at_the_limit():
    from pcor_site.build import check as _  # noqa: F401 - loads the package in its usual order
    from pcor_site.features.infographics import draw, palette
    from pcor_site.features.infographics.model import Chart, ChartFigure

    figures = [ChartFigure(f"Setting {i}", "", float(20 + i), str(20 + i), "count") for i in range(MAX_FIGURES["bar"])]
    svg = draw.draw_svg(Chart("m", "M", "bar", "A chart.", "A chart.", "people", "Setting", "", figures, "Source: x"), palette.DEFAULT)
    assert svg.count("Setting 199") >= 1


# -- 4. addresses the hub uses; Windows names --------------------------------------------------------

def test_reserved_addresses_cover_the_generated_top_level(built_hub):
    """Every top-level name of the built fixture hub (docs tree and site) is declared by the core, a
    feature or the engine list, or is a free page of the fixture hub: a new address must be declared."""
    from pcor_site.build import FEATURES, check
    from pcor_site.build import reserved_addresses as declared

    root = built_hub
    pages = {p.stem for p in (root / "content" / "pages").glob("*.md")}
    catalog = check(root).catalog
    names = {url.split("/")[0] for url in declared(catalog, FEATURES)} | set(engine_addresses())
    for tree in (root / "build" / "docs", root / "site"):
        top = {p.name.split(".")[0] for p in tree.iterdir() if not p.name.startswith(".")}
        assert top - pages - names == set(), tree.name


@pytest.mark.parametrize("name", ["con", "NUL.csv", "aux.tar.gz", "lpt1", "com9.yml", "Prn"])
def test_windows_names(name):
    assert windows_reserved(name)


@pytest.mark.parametrize("name", ["console", "nullable.yml", "com10", "lpt", "aux-coalition.yml"])
def test_ordinary_names(name):
    assert not windows_reserved(name)


# -- 5. links and special files are never read ---------------------------------------------------------

def test_fifo_is_refused_without_blocking(tmp_path):
    (tmp_path / "content").mkdir()
    fifo = tmp_path / "content" / "pipe.yml"
    os.mkfifo(fifo)
    with pytest.raises(ContentReadError) as caught:
        read_regular(tmp_path, fifo, 1000)
    assert caught.value.code == "E118" and "named pipe" in caught.value.message


def test_linked_kind_folder_chart_csv_and_bibliography_are_refused(hub_copy, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "x.yml").write_text("title: Outside\nsummary: Outside the hub.\n", encoding="utf-8")
    (hub_copy / "content" / "gap").mkdir(exist_ok=True)
    os.symlink(outside, hub_copy / "content" / "gap" / "linked-folder")
    bib = hub_copy / "content" / "references.bib"
    (outside / "references.bib").write_text(bib.read_text(encoding="utf-8"), encoding="utf-8")
    bib.unlink()
    bib.symlink_to(outside / "references.bib")
    lines = report(hub_copy, "E118")
    assert "content/gap/linked-folder:1:1: E118 'content/gap/linked-folder' is a symbolic link; links are never followed" in lines
    assert "content/references.bib:1:1: E118 'content/references.bib' is a symbolic link; links are never followed" in lines


def test_linked_chart_csv_is_refused(hub_copy, tmp_path):
    _chart_with_rows(hub_copy, 3)
    csv_file = hub_copy / "content" / "infographic" / "many.csv"
    (tmp_path / "data.csv").write_bytes(csv_file.read_bytes())
    csv_file.unlink()
    csv_file.symlink_to(tmp_path / "data.csv")
    assert report(hub_copy, "E118") == ["content/infographic/many.csv:1:1: E118 'content/infographic/many.csv' is a symbolic link; links are never followed"]


# -- 6. bibliography ------------------------------------------------------------------------------------

def _chain(n: int, cycle: bool = False) -> str:
    parts = []
    for i in range(n):
        parent = f"e{i + 1}" if i + 1 < n else ("e0" if cycle else None)
        parts.append(f"@book{{e{i},\n  title = {{T{i}}},\n  publisher = {{P}},\n  year = {{2020}}"
                     + (f",\n  crossref = {{{parent}}}" if parent else "") + "\n}\n")
    return "\n".join(parts)


@pytest.mark.parametrize("cycle", [False, True])
def test_crossref_chain_is_linear(cycle):
    started = time.perf_counter()
    _, problems = parse_bibtex("r.bib", _chain(3000, cycle))
    assert time.perf_counter() - started < 5  # was minutes (cubic)
    assert [p.code for p in problems] == (["E508"] if cycle else [])


def test_crossref_parent_still_supplies_fields():
    text = "@inproceedings{a,\n  author = {X, Y},\n  title = {T},\n  crossref = {b}\n}\n@proceedings{b,\n  title = {Proc},\n  year = {2020}\n}\n"
    assert parse_bibtex("r.bib", text)[1] == []


@pytest.mark.parametrize("field", ["url = {javascript:alert(1)}", "howpublished = {\\url{data:text/html,x}}", "url = {vbscript:x}"])
def test_unsafe_bib_links_are_refused_and_never_exported(field):
    from pcor_site.features.citations.csl import to_csl

    bib, problems = parse_bibtex("r.bib", f"@misc{{k,\n  title = {{T}},\n  {field}\n}}\n")
    assert [(p.code, p.line) for p in problems] == [("E510", 3)]
    assert "URL" not in to_csl(bib.entries["k"])


def test_bad_doi_is_refused_and_never_exported():
    from pcor_site.features.citations.csl import to_csl

    bib, problems = parse_bibtex("r.bib", '@misc{k,\n  title = {T},\n  doi = {10.1234/x"onmouseover=alert(1)}\n}\n')
    assert [(p.code, p.line) for p in problems] == [("E507", 3)]
    assert "DOI" not in to_csl(bib.entries["k"])


@pytest.mark.parametrize("title", ["Unbalanced { brace", "Closing } first", "Back\\slash {and} ~^ & 50% #1 $x_y$"])
def test_record_bibtex_reads_back_field_for_field(title):
    from types import SimpleNamespace

    from pcor_site.features.citations.exports import _escape, record_bibtex

    item = SimpleNamespace(kind=SimpleNamespace(name="tool", label="Tool", url_dir="tools"), id="x",
                           record=SimpleNamespace(title=title, summary="S", last_reviewed=None))
    config = SimpleNamespace(site_url="https://hub.example.org/", site_name="Hub", hub={})
    text = record_bibtex(item, config)
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks and len(library.entries) == 1
    fields = {f.key: f.value for f in library.entries[0].fields}
    assert set(fields) == {"title", "author", "organization", "url", "howpublished", "note"}
    assert fields["url"] == "https://hub.example.org/tools/x/"
    assert fields["note"] == "Tool page on Hub" and fields["organization"] == "Hub"
    assert fields["title"] == _escape(title)
    depth = 0
    for char in fields["title"]:  # BibTeX counts every brace, escaped or not
        depth += {"{": 1, "}": -1}.get(char, 0)
        assert depth >= 0
    assert depth == 0


# -- 7. Explore counts keyed by content ---------------------------------------------------------------

def test_explore_counts_ignore_object_prototype():
    script = (REPO / "pcor_site" / "static" / "facets.js").as_posix()
    code = (f"import {{ ownCounts, countOf }} from '{script}';"
            "const c = new Map([['region', ownCounts(JSON.parse('{\"region\": {\"a\": 2, \"__proto__\": 3}}'), 'region')]]);"
            "console.log(JSON.stringify([countOf(c, 'region', 'constructor'), countOf(c, 'region', 'toString'),"
            " countOf(c, 'region', 'a'), countOf(c, 'region', '__proto__'), countOf(c, 'kind', 'constructor')]));")
    try:
        done = subprocess.run(["node", "--input-type=module", "-e", code], capture_output=True, text=True, timeout=30)
    except FileNotFoundError:
        pytest.skip("node is not installed")
    assert done.stdout.strip() == "[0,0,2,3,0]", done.stderr
    source = (REPO / "pcor_site" / "static" / "explore.js").read_text(encoding="utf-8")
    assert "counts[facet][value]" not in source and "countOf(counts, facet, value)" in source


# -- limits of check, each at its edge (listed in CONTRIBUTING.md) -------------------------------------

def test_list_length_limit_at_its_edge():
    from pcor_site.sources.yaml_loader import MAX_LIST_ITEMS, YamlProblem, load_yaml

    assert len(load_yaml("a:\n" + "  - x\n" * MAX_LIST_ITEMS)[0]["a"]) == MAX_LIST_ITEMS
    with pytest.raises(YamlProblem) as caught:
        load_yaml("a:\n" + "  - x\n" * (MAX_LIST_ITEMS + 1))
    assert (caught.value.code, caught.value.line) == ("E119", MAX_LIST_ITEMS + 2)


def test_nesting_limit_at_its_edge():
    from pcor_site.sources.yaml_loader import MAX_DEPTH, YamlProblem, load_yaml

    def nested(depth: int) -> str:
        return "".join("  " * level + f"k{level}:\n" for level in range(depth)) + "  " * depth + "v"

    load_yaml(nested(MAX_DEPTH))
    with pytest.raises(YamlProblem) as caught:
        load_yaml(nested(MAX_DEPTH + 1))
    assert caught.value.code == "E111"


def test_file_size_limit_at_its_edge(tmp_path):
    from pcor_site.sources.files import MAX_FILE_BYTES, read_text

    (tmp_path / "content").mkdir()
    path = tmp_path / "content" / "x.yml"
    path.write_bytes(b"a: " + b"x" * (MAX_FILE_BYTES - 3))
    assert read_text(tmp_path, path)[0] is not None
    path.write_bytes(b"a: " + b"x" * (MAX_FILE_BYTES - 2))
    [problem] = read_text(tmp_path, path)[1]
    assert problem.code == "E103"
