"""`pcor-site info`: the versions a bug report needs (Python, pcor-site, engine, theme, platform)."""

from __future__ import annotations

import platform
from importlib import metadata

#: (label, distribution name) in the order they are printed.
PACKAGES = (
    ("pcor-site", "pcor-site"),
    ("MkDocs (engine)", "mkdocs"),
    ("mkdocs-material (theme)", "mkdocs-material"),
    ("pydantic", "pydantic"),
    ("PyYAML", "pyyaml"),
)


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "not installed"


def lines() -> list[str]:
    rows = [("Python", f"{platform.python_version()} ({platform.python_implementation()})")]
    rows += [(label, _version(name)) for label, name in PACKAGES]
    rows.append(("Platform", platform.platform()))
    width = max(len(label) for label, _ in rows)
    return [f"{label + ':':<{width + 1}} {value}" for label, value in rows]


def cmd_info(args) -> int:
    print("\n".join(lines()))
    return 0


def register(commands, root_parent) -> None:
    p = commands.add_parser("info", parents=[root_parent], help="print the versions of Python, pcor-site, the engine and the theme (for bug reports)")
    p.set_defaults(func=cmd_info)
