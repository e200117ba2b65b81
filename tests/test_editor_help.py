"""What an editor gives contributors: the recommended YAML extension, settings that keep tabs
out of YAML and Markdown, and a schema line in every record written by the project's tools."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_vscode_recommends_the_yaml_extension():
    extensions = json.loads((ROOT / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert extensions["recommendations"] == ["redhat.vscode-yaml"]


def test_vscode_settings_validate_yaml_and_never_indent_with_tabs():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.validate"] is True and settings["yaml.completion"] is True
    for language in ("[yaml]", "[markdown]"):
        assert settings[language]["editor.insertSpaces"] is True  # a tab-indented list becomes code (W123)
        assert settings[language]["editor.detectIndentation"] is False
    assert settings["files.encoding"] == "utf8"  # E102, W117


def test_every_yml_record_names_its_schema_for_the_editor():
    for path in sorted((ROOT / "content").glob("*/*.yml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        name = f"vocab-{path.stem}" if path.parent.name == "_vocab" else path.parent.name
        if first.startswith("# yaml-language-server:"):
            assert first == f"# yaml-language-server: $schema=../../schemas/{name}.schema.json", path


def test_contributing_says_what_editors_can_and_cannot_check():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "front matter of `.md` records is not checked while you type" in text
    assert "python3 -m http.server 8000 --directory site-preview" in text
    assert "`make pull request`" in text
