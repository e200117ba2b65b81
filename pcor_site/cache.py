"""A content-hash cache for outputs that are slow to make and depend only on their inputs (the
drawn charts, the JSON Schemas): the key is a hash of everything the output is made from, so a
changed input is a new key and nothing is ever stale.

Kept in memory for the process (the preview rebuilds in one process) and, once a build has said
where (`use(root / "build/cache")`), on disk, so the next `pcor-site build` reuses it too. A cache
that cannot be read or written is silently skipped: it only ever saves time.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

_folder: Path | None = None
_memory: dict[str, bytes] = {}
MEMORY_LIMIT = 512  # entries; charts and schemas of a hub are far fewer


def use(folder: Path | None) -> None:
    """Where the disk cache lives (None: memory only)."""
    global _folder
    _folder = folder


def disk_folder() -> Path | None:
    """The disk cache in use, or None (memory only)."""
    return _folder


def key_of(*parts: str | bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


def cached(namespace: str, key: str, make: Callable[[], bytes]) -> bytes:
    """`make()`'s bytes for `key`, made once."""
    data = lookup(namespace, key)
    if data is None:
        data = make()
        store(namespace, key, data)
    return data


def lookup(namespace: str, key: str) -> bytes | None:
    """The bytes kept for `key`, or None (for outputs whose full key is known only once made)."""
    name = f"{namespace}/{key}"
    if name in _memory:
        return _memory[name]
    if _folder is None:
        return None
    try:
        data = (_folder / namespace / key).read_bytes()
    except OSError:
        return None
    _remember(name, data)
    return data


def store(namespace: str, key: str, data: bytes) -> None:
    if _folder is not None:
        _store(_folder / namespace / key, data)
    _remember(f"{namespace}/{key}", data)


def _remember(name: str, data: bytes) -> None:
    if len(_memory) >= MEMORY_LIMIT:
        _memory.clear()
    _memory[name] = data


def cached_text(namespace: str, key: str, make: Callable[[], str]) -> str:
    return cached(namespace, key, lambda: make().encode("utf-8")).decode("utf-8")


def _store(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)  # atomic: a reader never sees half a file
    except OSError:
        pass
