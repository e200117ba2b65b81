"""The strict loader: positions, YAML 1.1 surprises, hostile input, and never an unexpected exception."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pcor_site.build import markdown_for
from pcor_site.sources.files import MAX_FILE_BYTES, load_document
from pcor_site.sources.yaml_loader import MAX_DEPTH, YamlProblem, load_yaml
from pcor_site.validate import Item, validate_document

MARKDOWN = markdown_for()


#: Short by default, so the suite stays fast; the properties still see 200 varied inputs each.
EXAMPLES = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def problem(text: str) -> YamlProblem:
    with pytest.raises(YamlProblem) as caught:
        load_yaml(text)
    return caught.value


def write(tmp_path: Path, name: str, content: str | bytes, kind: str = "organization") -> tuple[Path, Path]:
    root = tmp_path / "hub"
    path = root / "content" / kind / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return root, path


def codes(diagnostics) -> list[tuple[str, int, int]]:
    return [(d.code, d.line, d.column) for d in diagnostics]


# --- positions ---------------------------------------------------------------------------------

def test_positions_nested_mappings():
    data, pos = load_yaml("a: 1\nb:\n  c:\n    d: x\n")
    assert data == {"a": 1, "b": {"c": {"d": "x"}}}
    assert pos.of(("a",)) == (1, 1)
    assert pos.of(("b", "c")) == (3, 3)
    assert pos.of(("b", "c", "d")) == (4, 5)
    assert pos.of_mapping(("b", "c")) == (4, 5)


def test_positions_list_items():
    _, pos = load_yaml("tags:\n  - one\n  - two\nflow: [x, yy, z]\n")
    assert pos.of(("tags", 0)) == (2, 5)
    assert pos.of(("tags", 1)) == (3, 5)
    assert pos.of(("flow", 2)) == (4, 15)


def test_positions_list_of_mappings():
    text = "sessions:\n  - title: Opening\n    summary: First.\n  - summary: No title here.\n    room: B\n"
    _, pos = load_yaml(text)
    assert pos.of(("sessions", 0, "summary")) == (3, 5)
    assert pos.of(("sessions", 1, "room")) == (5, 5)
    # A missing key is reported where the mapping that lacks it starts.
    assert pos.of_mapping(("sessions", 1)) == (4, 5)


def test_position_of_unknown_path_falls_back_to_nearest_parent():
    _, pos = load_yaml("a:\n  b: 1\n")
    assert pos.of(("a", "b", "nope", 3)) == (2, 3)
    assert pos.of(("zzz",)) == (1, 1)


def test_front_matter_line_offset(tmp_path):
    text = "---\ntitle: Fixture Coalition\nsummary: A coalition used to test line numbers.\nsources:\n  - url: https://example.org/\n---\nBody.\n"
    root, path = write(tmp_path, "coalition.md", text)
    doc, problems = load_document(root, path, "organization")
    assert problems == []
    # `sources` is on line 4 of the file and its first url on line 5.
    assert doc.positions.of(("sources",)) == (4, 1)
    assert doc.positions.of(("sources", 0, "url")) == (5, 5)
    assert doc.body == "Body.\n" and doc.body_line == 7


def test_front_matter_error_positions_are_file_lines(tmp_path):
    text = "---\ntitle: A\nsummary: x\nsummary: y\n---\n"
    root, path = write(tmp_path, "coalition.md", text)
    doc, problems = load_document(root, path, "organization")
    assert doc is None
    assert codes(problems) == [("E106", 4, 1)]


def test_missing_field_points_at_the_list_item(tmp_path):
    text = (
        "title: Convening\nsummary: A convening whose second session has no title.\ndate: '2024'\n"
        "format: virtual\nsessions:\n  - title: Opening\n  - summary: Closing remarks.\n"
        "sources:\n  - seed: national-alliance-convening\n"
    )
    root, path = write(tmp_path, "convening.yml", text, kind="event")
    doc, problems = load_document(root, path, "event")
    assert problems == []
    item, problems = validate_document(doc, MARKDOWN)
    assert item is None
    assert [(d.code, d.line, d.column, d.message) for d in problems] == [
        ("E202", 7, 5, "missing required field 'sessions.1.title'")
    ]


def test_duplicate_key_names_both_lines():
    p = problem("title: a\nsummary: b\ntitle: c\n")
    assert (p.code, p.line, p.column) == ("E106", 3, 1)
    assert "'title'" in p.message and "line 1" in p.message


def test_duplicate_key_nested():
    p = problem("a:\n  - x: 1\n    y: 2\n    x: 3\n")
    assert (p.code, p.line, p.column) == ("E106", 4, 5)
    assert "line 2" in p.message


# --- values ------------------------------------------------------------------------------------

@pytest.mark.parametrize("value", ["no", "yes", "on", "off", "No", "YES", "y", "n", "22:22", "0755", "0o17", "0x1F",
                                   "2024-01-05", "2024-01-05T10:00:00", "1_000", ".inf", "-.inf", ".nan", "=", "<<"])
def test_yaml_11_surprises_stay_strings(value):
    data, _ = load_yaml(f"v: {value}\n")
    assert data == {"v": value}


@pytest.mark.parametrize(("text", "expected"), [
    ("true", True), ("false", False), ("1", 1), ("-12", -12), ("0", 0), ("1.5", 1.5), ("~", None), ("", None),
    ("null", None), ("'true'", "true"), ('"1"', "1"), ("''", ""),
])
def test_core_schema_values(text, expected):
    data, _ = load_yaml(f"v: {text}\n")
    assert data == {"v": expected} and type(data["v"]) is type(expected)


@pytest.mark.parametrize("value", ["True", "FALSE", "TRUE", "False"])
def test_only_lower_case_true_false_are_booleans(value):
    assert load_yaml(f"v: {value}\n")[0] == {"v": value}


def test_block_scalars_stay_text():
    data, _ = load_yaml("a: |\n  1\nb: >-\n  true\n")
    assert data == {"a": "1\n", "b": "true"}


# --- refused constructs ------------------------------------------------------------------------

def test_alias_refused_at_its_use():
    p = problem("a: &x [1, 2]\nb: *x\n")
    assert (p.code, p.line, p.column) == ("E107", 2, 4)


def test_undefined_alias_refused():
    assert problem("a: *nothing\n").code == "E107"


def test_merge_key_alias_refused():
    assert problem("base: &b {x: 1}\nother:\n  <<: *b\n").code == "E107"


def test_billion_laughs_refused_quickly():
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for n in range(1, 10):
        prev, cur = chr(ord("a") + n - 1), chr(ord("a") + n)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    started = time.perf_counter()
    p = problem("\n".join(lines) + "\n")
    assert p.code == "E107" and p.line == 2
    assert time.perf_counter() - started < 2


@pytest.mark.parametrize("text", [
    "a: !!python/object/apply:os.system ['echo hi']\n",
    "a: !!python/name:os.system\n",
    "a: !custom value\n",
    "a: !!str 1\n",
    "a: !!binary aGk=\n",
    "!!map {a: 1}\n",
    "a: !!set {x, y}\n",
])
def test_tags_refused(text):
    assert problem(text).code == "E108"


def test_tag_position():
    p = problem("title: ok\nweb: !!python/name:os.system x\n")
    assert (p.code, p.line, p.column) == ("E108", 2, 6)


def test_two_documents():
    p = problem("a: 1\n---\nb: 2\n")
    assert (p.code, p.line, p.column) == ("E109", 2, 1)
    assert problem("---\na: 1\n---\n").code == "E109"


def test_explicit_single_document_is_fine():
    assert load_yaml("---\na: 1\n...\n")[0] == {"a": 1}


def test_empty_and_comment_only_text():
    assert load_yaml("")[0] is None
    assert load_yaml("# nothing\n")[0] is None


def test_empty_file(tmp_path):
    for content in ("", "\n\n  \n"):
        root, path = write(tmp_path, "empty.yml", content)
        doc, problems = load_document(root, path, "organization")
        assert doc is None and codes(problems) == [("E104", 1, 1)]
    root, path = write(tmp_path, "comment.yml", "# only a comment\n")
    assert codes(load_document(root, path, "organization")[1]) == [("E104", 1, 1)]


@pytest.mark.parametrize(("text", "what"), [("- a\n- b\n", "a list"), ("just words\n", "a single value")])
def test_top_level_not_a_mapping(tmp_path, text, what):
    root, path = write(tmp_path, "list.yml", text)
    doc, problems = load_document(root, path, "organization")
    assert doc is None and codes(problems) == [("E110", 1, 1)]
    assert what in problems[0].message


def test_syntax_error_position():
    p = problem("title: a\nsummary: b: c\n")
    assert (p.code, p.line, p.column) == ("E105", 2, 11)


def test_complex_key_refused():
    assert problem("? [a, b]\n: c\n").code == "E105"


# --- bytes and characters ----------------------------------------------------------------------

def test_bom_warns_and_loads(tmp_path):
    root, path = write(tmp_path, "bom.yml", b"\xef\xbb\xbftitle: A\nsummary: B\n")
    doc, problems = load_document(root, path, "organization")
    assert doc is not None and doc.data == {"title": "A", "summary": "B"}
    assert codes(problems) == [("W117", 1, 1)]
    assert not problems[0].is_error


def test_invalid_utf8(tmp_path):
    root, path = write(tmp_path, "latin1.yml", "title: A\nsummary: caf".encode() + b"\xe9 au lait\n")
    doc, problems = load_document(root, path, "organization")
    assert doc is None and codes(problems) == [("E102", 2, 13)]
    assert "0xe9" in problems[0].message


def test_invalid_utf8_truncated_sequence(tmp_path):
    root, path = write(tmp_path, "cut.yml", b"title: A\nsummary: \xe2\x82\n")
    assert codes(load_document(root, path, "organization")[1]) == [("E102", 2, 10)]


@pytest.mark.parametrize(("char", "name"), [
    ("\x00", "NUL"), ("\x07", "U+0007"), ("\x1b", "U+001B"), ("\x7f", "U+007F"), ("\x85", "U+0085"),
    ("\u202e", "RIGHT-TO-LEFT OVERRIDE"), ("\u2066", "LEFT-TO-RIGHT ISOLATE"), ("\u200b", "ZERO WIDTH SPACE"),
    ("\u200d", "ZERO WIDTH JOINER"), ("\ufeff", "ZERO WIDTH NO-BREAK SPACE"), ("\u2028", "LINE SEPARATOR"),
    ("\ue000", "U+E000"),
])
def test_forbidden_characters(tmp_path, char, name):
    root, path = write(tmp_path, "bad.yml", f"title: A\nsummary: ab{char}cd\n")
    doc, problems = load_document(root, path, "organization")
    assert doc is None and codes(problems) == [("E112", 2, 12)]
    assert name in problems[0].message or f"U+{ord(char):04X}" in problems[0].message


def test_forbidden_character_in_markdown_body(tmp_path):
    root, path = write(tmp_path, "bad.md", "---\ntitle: A\n---\nText with a hidden\u200bspace.\n")
    assert codes(load_document(root, path, "organization")[1]) == [("E112", 4, 19)]


def test_ordinary_unicode_is_fine(tmp_path):
    root, path = write(tmp_path, "ok.yml", "title: Café — “quoted” 日本語 🙂\nsummary: Ünïcödé\n")
    doc, problems = load_document(root, path, "organization")
    assert problems == [] and doc.data["title"] == "Café — “quoted” 日本語 🙂"


def test_crlf_line_endings(tmp_path):
    root, path = write(tmp_path, "crlf.yml", b"title: A\r\nsummary: B\r\nsources:\r\n  - url: x\r\n")
    doc, problems = load_document(root, path, "organization")
    assert problems == [] and doc.positions.of(("sources", 0, "url")) == (4, 5)


@pytest.mark.parametrize(("text", "line", "column"), [
    ("a: 1\n\tb: 2\n", 2, 1),
    ("a:\n\tb: 1\n", 2, 1),
    ("s:\n\t- x\n", 2, 1),
    ("s:\n  - a: 1\n  \tb: 2\n", 3, 3),
])
def test_tab_indentation(text, line, column):
    p = problem(text)
    assert (p.code, p.line, p.column) == ("E113", line, column)


def test_tab_inside_values_is_fine():
    assert load_yaml("a:\tb\nc: 'x\ty'\n")[0] == {"a": "b", "c": "x\ty"}


def test_file_over_size_cap(tmp_path):
    root, path = write(tmp_path, "big.yml", "title: A\nsummary: " + "x" * MAX_FILE_BYTES + "\n")
    doc, problems = load_document(root, path, "organization")
    assert doc is None and [p.code for p in problems] == ["E103"]
    assert f"{MAX_FILE_BYTES:,}" in problems[0].message


def test_file_at_size_cap_is_read(tmp_path):
    head = "title: A\nsummary: "
    root, path = write(tmp_path, "edge.yml", head + "x" * (MAX_FILE_BYTES - len(head) - 1) + "\n")
    assert path.stat().st_size == MAX_FILE_BYTES
    doc, problems = load_document(root, path, "organization")
    assert problems == [] and doc is not None


def test_unreadable_path_is_a_diagnostic(tmp_path):
    root, path = write(tmp_path, "x.yml", "")
    path.unlink()
    path.mkdir()  # a directory named like a record: readable by nobody as a file, even root
    doc, problems = load_document(root, path, "organization")
    assert doc is None and [p.code for p in problems] == ["E101"]


# --- depth -------------------------------------------------------------------------------------

def test_block_nesting_over_cap():
    text = "a:\n" + "".join("  " * i + "-\n" for i in range(1, MAX_DEPTH + 5))
    p = problem(text)
    assert p.code == "E111" and p.line > MAX_DEPTH


def test_block_nesting_within_cap():
    text = "a:\n" + "".join("  " * i + "- x:\n" for i in range(1, MAX_DEPTH // 2 - 1))
    assert isinstance(load_yaml(text)[0], dict)


def test_nested_mappings_over_cap():
    text = "".join("  " * i + f"k{i}:\n" for i in range(MAX_DEPTH + 3)) + "  " * (MAX_DEPTH + 3) + "v\n"
    assert problem(text).code == "E111"


@pytest.mark.parametrize("opener", ["[", "{"])
def test_100000_flow_brackets_do_not_crash(opener):
    started = time.perf_counter()
    p = problem("a: " + opener * 100_000 + "\n")
    assert (p.code, p.line) == ("E111", 1)
    assert time.perf_counter() - started < 2


def test_flow_nesting_just_over_cap():
    assert problem("a: " + "[" * 30 + "]" * 30 + "\n").code == "E111"


def test_deep_nesting_in_a_record_file(tmp_path):
    root, path = write(tmp_path, "deep.yml", "title: A\nlist: " + "[" * 100_000 + "\n")
    doc, problems = load_document(root, path, "organization")
    assert doc is None and codes(problems) == [("E111", 2, 1)]


def _markdown_record(tmp_path, body: str):
    text = "---\ntitle: Deep body\nsummary: A record whose Markdown body is pathological.\n" \
           "sources:\n  - url: https://example.org/\n---\n" + body
    root, path = write(tmp_path, "deep-body.md", text)
    doc, problems = load_document(root, path, "organization")
    assert problems == []
    return doc


@pytest.mark.parametrize("body", [
    "[" * 10_000 + "\n",
    "[" * 10_000 + "x" + "]" * 10_000 + "(https://example.org)\n",
    "".join("  " * i + "- item\n" for i in range(300)),
    "".join("  " * i + "1. item\n" for i in range(300)),
    "> " * 300 + "quote\n",
    "*" * 10_000 + "a" + "*" * 10_000 + "\n",
    "<" * 10_000 + "\n",
])
def test_pathological_markdown_body_ends_quickly(tmp_path, body):
    doc = _markdown_record(tmp_path, body)
    started = time.perf_counter()
    item, problems = validate_document(doc, MARKDOWN)
    assert time.perf_counter() - started < 5
    assert isinstance(item, Item) or problems
    for d in problems:
        assert d.line >= 7


# --- never another exception -------------------------------------------------------------------

YAML_ALPHABET = st.sampled_from(list("ab:-[]{}&*!|>'\"#%@`,?~ \t\n\r") + ["\n  ", "---", "...", "true", "0755", "\ufeff", "\x00", "é"])
yaml_like = st.lists(YAML_ALPHABET, max_size=60).map("".join)


@EXAMPLES
@given(st.one_of(st.text(max_size=200), yaml_like))
def test_load_yaml_returns_data_or_yaml_problem(text):
    try:
        data, positions = load_yaml(text)
    except YamlProblem as p:
        assert p.code in {"E105", "E106", "E107", "E108", "E109", "E111", "E112", "E113"}
        assert p.line >= 1 and p.column >= 1
    else:
        assert data is None or isinstance(data, (dict, list, str, int, float, bool))


RECORD_PREFIXES = st.sampled_from([
    "", "---\n", "title: A record\nsummary: A summary long enough to pass.\n",
    "---\ntitle: A record\nsummary: A summary long enough to pass.\nsources:\n  - url: https://example.org/\n---\n",
])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(prefix=RECORD_PREFIXES, text=st.one_of(st.text(max_size=200), yaml_like),
       raw=st.binary(max_size=20), suffix=st.sampled_from([".yml", ".md"]),
       kind=st.sampled_from(["organization", "event", "practice", "module", "page"]))
def test_any_file_gives_an_item_or_diagnostics(tmp_path, prefix, text, raw, suffix, kind):
    root = tmp_path / "hub"
    folder = root / "content" / kind
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"record{suffix}"
    path.write_bytes((prefix + text).encode("utf-8", "surrogatepass") + raw)
    doc, problems = load_document(root, path, kind)
    if doc is not None:
        item, more = validate_document(doc, MARKDOWN)
        problems += more
        assert isinstance(item, Item) or any(d.is_error for d in problems)
    else:
        assert any(d.is_error for d in problems)
    for d in problems:
        assert d.path == f"content/{kind}/record{suffix}" and d.line >= 1 and d.column >= 1
