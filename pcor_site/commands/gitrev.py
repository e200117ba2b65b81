"""Reading record files from git revisions (plain `git` subprocesses, no extra dependency)."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..schema import KINDS
from ..sources.files import MAX_FILE_BYTES, RECORD_SUFFIXES, SLUG


class GitError(Exception):
    """A usage problem: not a git repository, or a revision that does not exist."""


@dataclass(frozen=True)
class RecordFile:
    key: str  # KIND/ID
    path: str  # relative to the hub root, forward slashes
    blob: str  # git object id: equal ids mean equal content


def git(root: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False)
    except FileNotFoundError:
        raise GitError("git is not installed or not on PATH") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(message[-1] if message else f"git {' '.join(args)} failed")
    return done.stdout


def check_repository(root: Path) -> str:
    """The hub's folder inside the repository ('' at the top, else 'sub/dir/')."""
    try:
        return git(root, "rev-parse", "--show-prefix").decode("utf-8").strip()
    except GitError:
        raise GitError(f"{root} is not inside a git repository") from None


def resolve(root: Path, revision: str) -> str:
    if revision.startswith("-"):
        raise GitError(f"'{revision}' is not a revision")
    try:
        return git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}").decode().strip()
    except GitError:
        raise GitError(f"unknown revision '{revision}'") from None


def _folders() -> dict[str, str]:
    return {kind.folder: kind.name for kind in KINDS.values()}


def record_files(root: Path, prefix: str, commit: str) -> dict[str, RecordFile]:
    """KIND/ID → file, for every record file of `commit` (same layout rules as discovery)."""
    out = git(root, "ls-tree", "-r", "--full-tree", "-z", commit, "--", f"{prefix}content/")
    folders, found = _folders(), {}
    for entry in out.decode("utf-8", "replace").split("\0"):
        if not entry:
            continue
        meta, _, full = entry.partition("\t")
        mode, kind_of_object, blob = meta.split()
        path = PurePosixPath(full[len(prefix):])
        if kind_of_object != "blob" or len(path.parts) != 3 or path.suffix not in RECORD_SUFFIXES:
            continue
        kind = folders.get(path.parts[1])
        if kind is None or not SLUG.match(path.stem):
            continue
        key = f"{kind}/{path.stem}"
        if key not in found or path.suffix == ".md":  # two files for one id: `check` reports it
            found[key] = RecordFile(key, path.as_posix(), blob)
    return found


def read_blob(root: Path, blob: str) -> bytes:
    size = int(git(root, "cat-file", "-s", blob).decode().strip())
    if size > MAX_FILE_BYTES:
        raise ValueError(f"the file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}")
    return git(root, "cat-file", "blob", blob)
