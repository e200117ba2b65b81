"""What `content/` may hold: regular files under names every checkout can write.

Every read of contributor content goes through `read_regular`. It never follows a symbolic link
(a link in a pull request could publish any file of the build machine: `/etc/passwd`, a secret, or
`/dev/zero`, which reports size 0 and reads forever) and reads only regular files: no devices,
FIFOs or sockets. Each path component below the hub root is checked with `lstat`, then the file
is opened with `O_NOFOLLOW | O_NONBLOCK` and checked again on the open descriptor, so a file that
is swapped for a link between the check and the read is still refused.

`windows_reserved` names the file names Windows cannot create (`con`, `nul`, `aux`, `prn`,
`com1`-`com9`, `lpt1`-`lpt9`, with any extension): a repository holding one cannot be checked out
there, so they are refused as ids and as asset names.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

WINDOWS_RESERVED = frozenset({"con", "prn", "aux", "nul"} | {f"{p}{d}" for p in ("com", "lpt") for d in "123456789¹²³"})
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


class ContentReadError(Exception):
    """A content file that must not or cannot be read: `code` is the rule, `message` says why."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code, self.message = code, message


def windows_reserved(name: str) -> bool:
    """True for `con`, `nul.csv`, `LPT1.yml`, `aux.tar.gz`: Windows ignores the extension."""
    return name.split(".", 1)[0].rstrip(" ").casefold() in WINDOWS_RESERVED


def _what(mode: int) -> str:
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def refusal(root: Path, path: Path) -> str | None:
    """Why `path` must not be read (a link on the way from `root`, or not a regular file), or
    None when it is a regular file or does not exist (the caller reports a missing file itself)."""
    try:
        parts = path.relative_to(root).parts
    except ValueError:
        return f"'{path.as_posix()}' is outside the hub"
    current = root
    for index, part in enumerate(parts):
        current = current / part
        try:
            mode = os.lstat(current).st_mode
        except FileNotFoundError:
            return None
        except OSError:
            return None  # unreadable: opening it reports the real error
        last = index == len(parts) - 1
        if stat.S_ISLNK(mode) and last:
            return f"'{'/'.join(parts)}' is a symbolic link; links are never followed"
        if stat.S_ISLNK(mode):
            return f"'{'/'.join(parts)}' is inside '{'/'.join(parts[: index + 1])}', a symbolic link; links are never followed"
        if last and not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):  # a folder: the read says "Is a directory"
            return f"'{'/'.join(parts)}' is {_what(mode)}, not a regular file"
    return None


def read_regular(root: Path, path: Path, max_bytes: int) -> bytes:
    """The bytes of the regular file `path` below `root`, at most `max_bytes` of them.

    Raises ContentReadError: E118 for a link or special file, E103 for a file over the limit,
    E101 when the system refuses the read.
    """
    reason = refusal(root, path)
    if reason is not None:
        raise ContentReadError("E118", reason)
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK)
    except OSError as error:
        if _NOFOLLOW and os.path.islink(path):
            raise ContentReadError("E118", f"'{path.name}' is a symbolic link; links are never followed") from None
        raise ContentReadError("E101", f"cannot read the file: {error.strerror or error}") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise ContentReadError("E101", "cannot read the file: Is a directory")
        if not stat.S_ISREG(info.st_mode):
            raise ContentReadError("E118", f"'{path.name}' is {_what(info.st_mode)}, not a regular file")
        if info.st_size > max_bytes:
            raise ContentReadError("E103", f"file is {info.st_size:,} bytes; the limit is {max_bytes:,}")
        chunks, total = [], 0
        while total <= max_bytes:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > max_bytes:  # the file grew while it was read
            raise ContentReadError("E103", f"file is over {max_bytes:,} bytes, the limit")
        return b"".join(chunks)
    except OSError as error:
        raise ContentReadError("E101", f"cannot read the file: {error.strerror or error}") from None
    finally:
        os.close(fd)
