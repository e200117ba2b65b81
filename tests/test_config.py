"""Hub settings come from mkdocs.yml, including MkDocs' `!ENV` tag for the public address."""

from pathlib import Path

import pytest

from pcor_site.config import ConfigError, load_config


def _hub(tmp_path: Path, config: str) -> Path:
    (tmp_path / "content").mkdir()
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    return tmp_path


def test_env_tag_uses_the_first_variable_set_else_the_default(tmp_path, monkeypatch):
    root = _hub(tmp_path, 'site_name: Hub\nsite_url: !ENV [PCOR_TEST_A, PCOR_TEST_B, "http://127.0.0.1:8000/"]\n'
                          "markdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n")
    monkeypatch.delenv("PCOR_TEST_A", raising=False)
    monkeypatch.delenv("PCOR_TEST_B", raising=False)
    assert load_config(root).site_url == "http://127.0.0.1:8000/"
    monkeypatch.setenv("PCOR_TEST_B", "https://org.github.io/repo/")
    assert load_config(root).site_url == "https://org.github.io/repo/"
    monkeypatch.setenv("PCOR_TEST_A", "https://hub.example.org/")
    assert load_config(root).site_url == "https://hub.example.org/"


@pytest.mark.parametrize(("config", "message"), [
    ("site_url: x\n", "site_name is required"),
    ("site_name: Hub\nuse_directory_urls: false\n", "needs use_directory_urls: true"),
    ("site_name: [unclosed\n", "cannot read the configuration"),
])
def test_unusable_configuration_is_a_usage_error(tmp_path, config, message):
    with pytest.raises(ConfigError, match=message):
        load_config(_hub(tmp_path, config))
