"""Putting a finished site in place of the previous one, or leaving the previous one untouched.

The site is built in a staging folder beside the output (`.site-new-*`, same file system), then
swapped in with two renames: the previous output moves into `.site-old-*`, the staging folder
takes its name, the old copy is deleted. Whatever goes wrong (a read-only output folder or
parent, a full disk, an interrupt between the two renames) the previous output is put back and
no `.site-old-*` / `.site-new-*` folder stays behind. File-system failures become `OutputError`,
which the build reports as diagnostic E903 instead of a traceback.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from pathlib import Path


class OutputError(Exception):
    """The output (or its parent folder) cannot be written: `path` says where."""

    def __init__(self, path: Path, error: OSError | str):
        reason = error if isinstance(error, str) else (error.strerror or str(error))
        super().__init__(f"cannot write {path}: {reason}")
        self.path = path


def remove(path: Path) -> None:
    """Delete a folder we made, read-only sub-folders included; never raises."""

    def retry(function, name, _info):
        try:
            os.chmod(os.path.dirname(name) or ".", stat.S_IRWXU)
            if os.path.isdir(name) and not os.path.islink(name):
                os.chmod(name, stat.S_IRWXU)
            function(name)
        except OSError:
            pass

    if path.is_symlink() or path.is_file():
        path.unlink(missing_ok=True)
    elif path.exists():
        shutil.rmtree(path, onerror=retry)


def staging_for(out: Path) -> Path:
    """A new empty folder beside `out` to build into."""
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=f".{out.name}-new-", dir=out.parent))
    except OSError as error:
        raise OutputError(out.parent, error) from None


def swap(staging: Path, out: Path) -> None:
    """Replace `out` by `staging`; on any failure or interrupt, `out` is as it was."""
    holder = None
    try:
        if out.exists() or out.is_symlink():
            holder = Path(tempfile.mkdtemp(prefix=f".{out.name}-old-", dir=out.parent))
            out.rename(holder / out.name)
        try:
            staging.rename(out)
        except BaseException:
            if holder is not None and (holder / out.name).exists():
                (holder / out.name).rename(out)  # put the previous output back
            raise
    except OSError as error:
        raise OutputError(out, error) from None
    finally:
        if holder is not None:
            remove(holder)
