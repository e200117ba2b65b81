"""Hub settings, read from the one file that configures the site: the project's mkdocs.yml.

pcor-site reads `site_name`, `site_url`, `site_description`, `repo_url` and its own options under
`extra.hub`. Engine-specific tags such as `!!python/name:` are tolerated and ignored here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

CONFIG_FILE = "mkdocs.yml"


class ConfigError(Exception):
    """The hub's configuration cannot be used (a usage error: exit code 2)."""


class _TolerantLoader(yaml.SafeLoader):
    pass


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class HubConfig:
    root: Path
    site_name: str
    site_url: str = ""
    site_description: str = ""
    repo_url: str = ""
    hub: dict = field(default_factory=dict)

    @property
    def config_path(self) -> Path:
        return self.root / CONFIG_FILE


def load_config(root: Path) -> HubConfig:
    path = root / CONFIG_FILE
    if not (root / "content").is_dir() or not path.is_file():
        raise ConfigError(f"{root} is not a hub project: it needs content/ and {CONFIG_FILE}")
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    except (yaml.YAMLError, UnicodeDecodeError, OSError) as error:
        raise ConfigError(f"{path}: cannot read the configuration: {error}") from None
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
    )
