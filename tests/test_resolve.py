"""Resolution: links to a record that exists but is invalid are not reported a second time."""

from pathlib import Path

from pcor_site.build import check


def test_broken_record_does_not_cascade_into_unknown_record_errors(hub_copy: Path):
    tool = hub_copy / "content/tool/fixture-tool.yml"
    tool.write_text(tool.read_text(encoding="utf-8") + "colour: blue\n", encoding="utf-8")
    result = check(hub_copy)
    assert [(d.path, d.code) for d in result.diagnostics if d.is_error] == [("content/tool/fixture-tool.yml", "E201")]


def test_link_to_a_missing_record_is_still_reported(hub_copy: Path):
    (hub_copy / "content/tool/fixture-tool.yml").unlink()
    result = check(hub_copy)
    assert ("content/practice/fixture-practice.md", "E302") in [(d.path, d.code) for d in result.diagnostics]
