"""Hub settings, read from the one file that configures the site: the project's mkdocs.yml.

pcor-site reads `site_name`, `site_url`, `site_description`, `repo_url` and its own options under
`extra.hub`. `!ENV` is resolved as MkDocs resolves it (so `site_url` can come from SITE_URL);
other engine-specific tags such as `!!python/name:` are tolerated and ignored here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

CONFIG_FILE = "mkdocs.yml"


class ConfigError(Exception):
    """The hub's configuration cannot be used (a usage error: exit code 2)."""


class _TolerantLoader(yaml.SafeLoader):
    pass


def _env(loader: yaml.SafeLoader, node: yaml.Node):
    """MkDocs' `!ENV NAME` / `!ENV [NAME, OTHER, default]`: the first variable that is set, else the default."""
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        values = loader.construct_sequence(node)
        names, default = values[:-1], values[-1] if len(values) > 1 else None
        if len(values) == 1:
            names = values
    for name in names:
        if isinstance(name, str) and os.environ.get(name):
            return os.environ[name]
    return default


_TolerantLoader.add_constructor("!ENV", _env)
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
