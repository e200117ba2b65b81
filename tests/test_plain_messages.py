"""Diagnostics in contributors' words: each message asserted exactly (file, line, text) on a small
broken record, plus guards that no message shows a regular expression or a Python type name."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pcor_site.build import check
from pcor_site.diagnostics import RULES, anchor, render_github, render_text

RULES_DIR = Path(__file__).resolve().parent / "rules"
CONTRIBUTING = Path(__file__).resolve().parents[1] / "CONTRIBUTING.md"

TOOL = """\
title: Fixture toolkit two
summary: A second fixture toolkit used to check plain-language messages.
url: https://example.org/toolkit
format: toolkit
sources:
  - url: https://example.org/toolkit
"""


def report(root: Path, rel: str, text: str) -> list[tuple[int, str, str]]:
    path = root / rel
    path.write_text(text, encoding="utf-8")
    return [(d.line, d.code, d.message) for d in check(root).diagnostics if d.path == rel]


def test_unclosed_quote_is_reported_where_it_opens(hub_copy: Path):
    text = TOOL.replace("title: Fixture toolkit two", 'title: "Fixture toolkit two')
    text = text.replace("format: toolkit", 'format: "toolkit"')  # the next quote, 3 lines further down
    assert report(hub_copy, "content/tool/quote.yml", text) == [
        (1, "E105", 'the quote " opened here is never closed: end the value with " on this line')]


def test_unclosed_quote_at_the_end_of_the_file(hub_copy: Path):
    text = TOOL + "publisher: 'fixture-org\n"
    assert report(hub_copy, "content/tool/quote.yml", text) == [
        (7, "E105", "the quote ' opened here is never closed: end the value with ' on this line")]


def test_a_line_without_a_colon(hub_copy: Path):
    text = TOOL.replace("url: https://example.org/toolkit\n", "url https://example.org/toolkit\n", 1)
    assert report(hub_copy, "content/tool/colon.yml", text) == [
        (3, "E105", "this line is neither `field: value` nor a list item `- value`: add ': ' after the field name, "
                    "or indent the line to continue the text above")]


def test_a_value_where_a_list_is_expected(hub_copy: Path):
    text = TOOL + "audiences: employers\n"
    assert report(hub_copy, "content/tool/list.yml", text) == [
        (7, "E203", "audiences must be a list: write it as a list, each item on its own line under 'audiences:', "
                    "like `  - employers`")]


def test_a_source_written_as_a_bare_address(hub_copy: Path):
    text = TOOL.replace("  - url: https://example.org/toolkit", "  - https://example.org/toolkit")
    assert report(hub_copy, "content/tool/source.yml", text) == [
        (6, "E203", "sources.0: each source is a group of fields, not text: write `- url: https://...` "
                    "(or `- seed: chcc-pcor-capacity`, or `- ref: KEY`), with title and note on the indented lines below")]


def test_an_id_field_names_the_rule_not_the_pattern(hub_copy: Path):
    text = TOOL.replace("format: toolkit", "format: Tool Kit")
    assert report(hub_copy, "content/tool/id.yml", text) == [
        (4, "E204", "format: 'Tool Kit' is not an id: ids use lower-case letters, digits and hyphens, starting "
                    "with a letter or digit (for example 'tool-kit')")]


def test_a_vocabulary_term_lists_the_allowed_values(hub_copy: Path):
    text = TOOL.replace("format: toolkit", "format: toolkits")
    assert report(hub_copy, "content/tool/term.yml", text) == [
        (4, "E303", "format: 'toolkits' is not a term of resource_formats; did you mean 'toolkit'? Allowed: toolkit")]


def test_a_fixed_choice_lists_the_allowed_values(hub_copy: Path):
    text = TOOL.replace("  - url: https://example.org/toolkit", "  - seed: chcc-capacity")
    assert report(hub_copy, "content/tool/seed.yml", text) == [
        (6, "E204", "sources.0.seed: 'chcc-capacity' is not allowed here; did you mean 'chcc-pcor-capacity'? "
                    "Allowed: national-alliance-convening, chcc-pcor-capacity")]


def test_text_that_yaml_read_as_fields(hub_copy: Path):
    text = TOOL.replace("title: Fixture toolkit two", "title: Fixture toolkit: two")
    assert report(hub_copy, "content/tool/colon2.yml", text) == [
        (1, "E105", "this value contains ': ', which YAML reads as a second field: put the whole value in quotes")]


def test_an_empty_sources_line_shows_the_shape_and_does_not_say_delete(hub_copy: Path):
    text = TOOL.split("sources:")[0] + "sources:\n"
    path = hub_copy / "content" / "tool" / "empty.yml"
    path.write_text(text, encoding="utf-8")
    found = [d for d in check(hub_copy).diagnostics if d.path == "content/tool/empty.yml"]
    assert [(d.line, d.code, d.message, d.hint) for d in found] == [
        (5, "E203", "'sources' is empty (the placeholder has no value): add at least one source below it, like `  - url: https://example.org/page` "
                    "(or `  - seed: chcc-pcor-capacity`, `  - ref: KEY`)",
         "Write the list under 'sources:', one `- ` line per item.")]
    assert "delete" not in found[0].hint


def test_a_hint_is_printed_once_per_rule(hub_copy: Path):
    text = TOOL + "colour: red\nsize: big\n"
    (hub_copy / "content" / "tool" / "two.yml").write_text(text, encoding="utf-8")
    out = render_text(check(hub_copy).diagnostics)
    assert out == (
        "content/tool/two.yml:7:1: E201 unknown field 'colour'\n"
        f"    hint: {RULES['E201'].hint} (see CONTRIBUTING.md#e201-unknown-field)\n"
        "content/tool/two.yml:8:1: E201 unknown field 'size'"
    )


def test_github_annotations_past_the_limit_go_to_the_log_with_a_notice(hub_copy: Path):
    text = TOOL + "".join(f"field{n}: x\n" for n in range(12))
    (hub_copy / "content" / "tool" / "many.yml").write_text(text, encoding="utf-8")
    out = render_github(check(hub_copy).diagnostics).splitlines()
    assert sum(line.startswith("::error ") for line in out) == 10
    assert [line for line in out if line.startswith("content/")] == [
        "content/tool/many.yml:17:1: E201 unknown field 'field10'", "content/tool/many.yml:18:1: E201 unknown field 'field11'"]
    assert out[-1] == ("::notice title=More problems in the log::2 more problems than GitHub shows as annotations "
                       "(at most 10 errors and 10 warnings): read them all in this step's log")


#: What a contributor should never read: regular-expression syntax, Python type names, pydantic's jargon.
JARGON = re.compile(r"\^\[|\]\{|\{\d+,\d*\}|\$'|\\[dws]|\b(?:str|int|dict|NoneType|bool|float)\b|got dict|"
                    r"Input should|String should|valid dictionary|instance of")


@pytest.mark.parametrize("case", sorted(p.name for p in RULES_DIR.iterdir() if p.is_dir()))
def test_no_rule_fixture_message_shows_jargon(case: str):
    """expected.txt is the exact `check` output (tests/test_rules.py asserts it): read every line."""
    for line in (RULES_DIR / case / "expected.txt").read_text(encoding="utf-8").splitlines():
        if not line.startswith("    hint:"):
            message = line.split(": ", 1)[-1]
            assert not JARGON.search(message), line


def test_every_rule_has_its_section_in_contributing():
    text = CONTRIBUTING.read_text(encoding="utf-8")
    headings = {re.sub(r"[^\w\- ]", "", h.lower()).replace(" ", "-") for h in re.findall(r"^#{2,4} (.+)$", text, re.M)}
    assert {anchor(code) for code in RULES} - headings == set()


def test_contributing_lists_the_rules_as_the_generator_writes_them():
    from pcor_site.diagnostics import DOCS_END, DOCS_START, rules_markdown

    text = CONTRIBUTING.read_text(encoding="utf-8")
    assert text[text.index(DOCS_START): text.index(DOCS_END) + len(DOCS_END)] == rules_markdown()


def test_an_unknown_id_among_many_names_the_closest_or_the_folder(hub_copy: Path):
    for n in range(9):
        (hub_copy / "content" / "organization" / f"coalition-{n}.yml").write_text(
            f"title: Fixture coalition {n}\nsummary: A fixture coalition used to test id suggestions.\n"
            "sources:\n  - url: https://example.org/coalition\n", encoding="utf-8")
    assert report(hub_copy, "content/tool/close.yml", TOOL + "publisher: coalition-10\n") == [
        (7, "E302", "publisher: no organization with id 'coalition-10'; did you mean 'coalition-1' or 'coalition-0' or 'coalition-8'?")]
    (hub_copy / "content" / "tool" / "close.yml").unlink()
    assert report(hub_copy, "content/tool/far.yml", TOOL + "publisher: pcori\n") == [
        (7, "E302", "publisher: no organization with id 'pcori'; the ids of organization records are the file names "
                    "in content/organization/, without .yml or .md")]
