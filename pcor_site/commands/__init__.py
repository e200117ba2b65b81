"""Commands that live in their own modules: `info`, `diff` and `stale`.

`pcor_site.cli` calls `register` with its sub-command parser and the parent parser that adds
`--root`; each module adds one sub-command whose function returns an exit code.
"""

from __future__ import annotations

from . import diff, info, stale


def register(commands, root_parent) -> None:
    for module in (info, diff, stale):
        module.register(commands, root_parent)
