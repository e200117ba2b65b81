"""Hub settings, read once from the one file that configures the site: the project's mkdocs.yml.

pcor-site reads `site_name`, `site_url`, `site_description`, `repo_url` and its own options under
`extra.hub`. The file is composed once; the data and the position of every node come from that
one node tree. `!ENV` is resolved by MkDocs' own tag library (`pyyaml-env-tag`), so `site_url`
can come from SITE_URL; other engine-specific tags such as `!!python/name:` are ignored here.
Each feature validates its own section of `extra.hub` (`section`) and reports problems at their
`mkdocs.yml:line:col`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml_env_tag import construct_env_tag

from .sources.yaml_loader import Positions, node_positions

CONFIG_FILE = "mkdocs.yml"
HUB_PATH = ("extra", "hub")


class ConfigError(Exception):
    """The hub's configuration cannot be used (a usage error: exit code 2)."""


class _ConfigLoader(yaml.SafeLoader):
    pass


_ConfigLoader.add_constructor("!ENV", construct_env_tag)
_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class HubConfig:
    root: Path
    site_name: str
    site_url: str = ""
    site_description: str = ""
    repo_url: str = ""
    hub: dict = field(default_factory=dict)
    positions: Positions = field(default_factory=Positions, compare=False, repr=False)

    @property
    def config_path(self) -> Path:
        return self.root / CONFIG_FILE

    def position(self, *path) -> tuple[int, int]:
        """(line, column) in mkdocs.yml of `extra.hub.<path>` (or of its nearest parent)."""
        return self.positions.of(HUB_PATH + tuple(path))

    def section(self, name: str):
        """The raw value of `extra.hub.<name>` (None when absent), and its positions."""
        return self.hub.get(name), self.positions.within(HUB_PATH + (name,))


def _parse(text: str) -> tuple[object, Positions]:
    loader = _ConfigLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return {}, Positions()
        return loader.construct_document(node), node_positions(node)
    finally:
        loader.dispose()


def load_config(root: Path) -> HubConfig:
    path = root / CONFIG_FILE
    if not (root / "content").is_dir() or not path.is_file():
        raise ConfigError(f"{root} is not a hub project: it needs content/ and {CONFIG_FILE}")
    try:
        data, positions = _parse(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError, OSError) as error:
        raise ConfigError(f"{path}: cannot read the configuration: {error}") from None
    data = data or {}
    if not isinstance(data, dict) or not isinstance(data.get("site_name"), str):
        raise ConfigError(f"{path}: site_name is required")
    if data.get("use_directory_urls", True) is not True:
        raise ConfigError(f"{path}: pcor-site needs use_directory_urls: true")
    extra = data.get("extra") or {}
    hub = extra.get("hub") or {} if isinstance(extra, dict) else {}
    return HubConfig(
        root=root,
        site_name=data["site_name"],
        site_url=str(data.get("site_url") or ""),
        site_description=str(data.get("site_description") or ""),
        repo_url=str(data.get("repo_url") or ""),
        hub=hub if isinstance(hub, dict) else {},
        positions=positions,
    )
