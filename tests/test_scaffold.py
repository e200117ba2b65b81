"""`pcor-site new KIND SLUG`: a template that fails `check` clearly until filled, then passes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pcor_site.build import check
from pcor_site.cli import main
from pcor_site.schema import KINDS, all_schemas
from pcor_site.validate import SCAFFOLD_PLACEHOLDERS

SLUG = "brand-new-record"
PLACEHOLDER = re.compile(r"^([a-z_]+):$")

#: Valid values for REQUIRED placeholders, using the fixture hub's ids and vocabulary terms.
FILL = {
    "title": "A brand new record",
    "summary": "A summary long enough for the schema to accept it.",
    "sources": "\n  - url: https://example.org/new-source",
    "evidence_tier": "emerging",
    "url": "https://example.org/new-tool",
    "format": "toolkit",
    "status": "completed",
    "order": "3",
    "objectives": "\n  - Explain the new module.",
    "purchasing_stage": "assess",
    "area": "Another State",
    "lead_organizations": "[fixture-org]",
    "date": "2024-05-01",
    "stated_by": "The fixture reference",
    "audio_url": "https://example.org/new-episode.mp3",
    "transcript": "fixture-episode.vtt",
    "chart": "key-statistic",
    "alt_text": "One new figure.",
    "description": "The new figure is shown as a panel.",
    "rows": "\n  - label: A new figure\n    value: 40",
    "definition": "The new definition, quoted from its source.",
    "stakeholder_type": "researcher",
    "record": "strategy/fixture-strategy",
    "changed": "The strategy's first step was reworded.",
    "region": "fixture-region",
    "outline": "\n  - heading: A new section\n    text: The section's text.",
    "materials": "[tool/fixture-tool]",
    "survey": "Post-event survey",
    "question": "Was the new event useful?",
    "respondents": "40",
    "options": "\n  - label: Yes\n    count: 40",
}
FILL_BY_KIND = {
    ("event", "format"): "hybrid",
    ("dissemination", "channel"): "newsletter",
    # external audio also needs its size for the feed's enclosure (E805): a second line
    ("episode", "audio_url"): "https://example.org/new-episode.mp3\naudio_length: 48000",
}


def new_record(root: Path, kind: str, capsys) -> Path:
    assert main(["new", kind, SLUG, "--root", str(root)]) == 0
    printed = capsys.readouterr().out.strip()
    path = Path(printed)
    assert path.is_file() and path.parent.parent == root / "content"
    return path


def yaml_lines(text: str) -> tuple[list[str], int]:
    """The YAML part of a record and the file line number of its first line."""
    lines = text.splitlines()
    if lines and lines[0] == "---":
        end = lines.index("---", 1)
        return lines[1:end], 2
    return lines, 1


def placeholders(path: Path) -> dict[str, int]:
    """Required placeholders (`field:` with nothing after it) → file line number."""
    lines, first = yaml_lines(path.read_text(encoding="utf-8"))
    found = {}
    for offset, line in enumerate(lines):
        match = PLACEHOLDER.match(line)
        if match:
            found[match.group(1)] = first + offset
    return found


def fill(path: Path, kind: str) -> None:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line == SCAFFOLD_PLACEHOLDERS[0]:
            line = "The record's own longer explanation."
        match = PLACEHOLDER.match(line)
        if match and line != "---":
            name = match.group(1)
            value = FILL_BY_KIND.get((kind, name), FILL.get(name))
            assert value is not None, f"no test value for the REQUIRED field {kind}.{name}; add one to FILL"
            line = f"{name}:{value}" if value.startswith("\n") else f"{name}: {value}"
        out.append(line)
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


@pytest.fixture
def hub(hub_copy: Path) -> Path:
    assert check(hub_copy).ok
    return hub_copy


@pytest.mark.parametrize("kind", list(KINDS))
def test_first_yaml_line_is_the_schema_comment(hub: Path, kind: str, capsys):
    path = new_record(hub, kind, capsys)
    lines, _ = yaml_lines(path.read_text(encoding="utf-8"))
    assert lines[0] == f"# yaml-language-server: $schema=../../schemas/{kind}.schema.json"
    assert f"{kind}.schema.json" in all_schemas()
    assert (path.parent / f"../../schemas/{kind}.schema.json").resolve() == (hub / "schemas" / f"{kind}.schema.json")
    assert path.suffix == (".md" if path.read_text(encoding="utf-8").startswith("---\n") else ".yml")


@pytest.mark.parametrize("kind", list(KINDS))
def test_scaffold_names_every_field_and_marks_the_required_ones(hub: Path, kind: str, capsys):
    path = new_record(hub, kind, capsys)
    text = path.read_text(encoding="utf-8")
    model = KINDS[kind].model
    required = {name for name, info in model.model_fields.items() if info.is_required()}
    if KINDS[kind].factual:
        required.add("sources")
    assert set(placeholders(path)) == required
    for name in set(model.model_fields) - required:
        assert f"\n# {name}:\n" in text, name
    assert "REQUIRED." in text and SLUG in text
    assert "None" not in text.splitlines()[1]  # the kind's description, never a missing docstring


@pytest.mark.parametrize("kind", list(KINDS))
def test_unfilled_scaffold_fails_with_clear_errors_at_the_placeholders(hub: Path, kind: str, capsys):
    path = new_record(hub, kind, capsys)
    rel = path.relative_to(hub).as_posix()
    expected = placeholders(path)
    result = check(hub)
    assert not result.ok
    mine = [d for d in result.diagnostics if d.path == rel]
    others = [d for d in result.diagnostics if d.path != rel]
    assert others == []  # an unfilled template breaks nothing else
    assert {d.code for d in mine} <= {"E202", "E203", "E122"}, [(d.code, d.message) for d in mine]
    body = [d for d in mine if d.code == "E122"]  # the Markdown body's placeholder text
    assert len(body) == (path.suffix == ".md"), body
    mine = [d for d in mine if d.code != "E122"]
    by_line = {d.line: d for d in mine}
    assert sorted(by_line) == sorted(expected.values())  # one diagnostic per placeholder, at its line
    for name, line in expected.items():
        d = by_line[line]
        assert d.column == 1
        assert f"'{name}'" in d.message
        assert "placeholder is empty" in d.message or "placeholder has no value" in d.message, d.message
        assert "NoneType" not in d.message and "got str" not in d.message
        if KINDS[kind].model.model_fields[name].is_required():
            assert d.code == "E202" and d.message.startswith(f"missing required field '{name}' (the placeholder is empty)")


@pytest.mark.parametrize("kind", list(KINDS))
def test_filled_scaffold_passes_check(hub: Path, kind: str, capsys):
    path = new_record(hub, kind, capsys)
    fill(path, kind)
    result = check(hub)
    assert result.ok, "\n".join(f"{d.path}:{d.line}: {d.code} {d.message}" for d in result.diagnostics)
    assert result.catalog.get(kind, SLUG) is not None
    # A module's objectives and a gap's research-question parts are optional in the schema (left
    # empty where no source gives them), so filled with required fields only they get one reminder.
    expected = {"module": ["W610"], "gap": ["W615"]}.get(kind, [])
    assert [d.code for d in result.diagnostics if d.path == path.relative_to(hub).as_posix()] == expected


def test_scaffold_of_every_kind_together_passes_after_filling(hub: Path, capsys):
    for kind in KINDS:
        fill(new_record(hub, kind, capsys), kind)
    result = check(hub, strict=True)
    left = [d for d in result.diagnostics if d.code not in ("W610", "W615")]  # reminders for optional content (above)
    assert left == [], [(d.path, d.line, d.code, d.message) for d in left]


@pytest.mark.parametrize("kind", list(KINDS))
def test_required_fields_come_first_and_sources_shows_its_shape(hub: Path, kind: str, capsys):
    text = new_record(hub, kind, capsys).read_text(encoding="utf-8")
    fields = re.findall(r"^(?:# )?([a-z_]+):$", text, flags=re.MULTILINE)
    required = [name for name in fields if re.search(rf"^{name}:$", text, flags=re.MULTILINE)]
    assert fields[: len(required)] == required  # every REQUIRED placeholder before the first Optional one
    if KINDS[kind].factual:
        shape = text.split("\nsources:\n")[0].rsplit("# REQUIRED.", 1)[1]
        assert "#   - url: https://" in shape and "#   - seed: chcc-pcor-capacity" in shape and "#   - ref: " in shape
