"""Reproducible Pagefind filter chunks.

Pagefind 1.5 writes the values inside each filter chunk in hash-map order, so two runs on the same
site give different filter files (and names, and so a different metadata file). Pagefind's issue
#638 says fragments are stable since 1.3 but "filter/metadata indexes" may still change. To keep
builds byte-identical we sort each chunk's values, name the chunk after its new content, and
rename the metadata file that lists the chunks. Chunk format: b"pagefind_dcd" + CBOR
[filter name, [[value, [page numbers]], ...]]; entries are moved whole, their bytes unchanged.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

_SIGNATURE = b"pagefind_dcd"


def _cbor_head(data: bytes, i: int) -> tuple[int, int, int]:
    """(major type, argument, index after the head) of the CBOR item at i (definite lengths only)."""
    major, info = data[i] >> 5, data[i] & 31
    i += 1
    if info < 24:
        return major, info, i
    size = {24: 1, 25: 2, 26: 4, 27: 8}.get(info)
    if size is None:
        raise ValueError("indefinite-length CBOR is not expected in a Pagefind chunk")
    return major, int.from_bytes(data[i:i + size], "big"), i + size


def _cbor_end(data: bytes, i: int) -> int:
    major, arg, i = _cbor_head(data, i)
    if major in (0, 1, 7):
        return i
    if major in (2, 3):
        return i + arg
    if major == 6:
        return _cbor_end(data, i)
    for _ in range(arg * (2 if major == 5 else 1)):
        i = _cbor_end(data, i)
    return i


def _sorted_entries(data: bytes, at: int) -> tuple[bytes, int]:
    """The CBOR array at `at` with its entries ordered by their bytes, and the index after it."""
    major, entries, first = _cbor_head(data, at)
    if major != 4:
        raise ValueError("expected an array")
    spans, j = [], first
    for _ in range(entries):
        end = _cbor_end(data, j)
        spans.append(data[j:end])
        j = end
    return data[at:first] + b"".join(sorted(spans)), j


def _sorted_chunk(data: bytes) -> bytes:
    """Filter chunk [name, [[value, pages], ...]]: entries sorted (by value: they start with it)."""
    if not data.startswith(_SIGNATURE):
        raise ValueError("not a Pagefind chunk")
    major, count, body = _cbor_head(data, len(_SIGNATURE))
    if major != 4 or count != 2:
        raise ValueError("unexpected filter chunk layout")
    name_end = _cbor_end(data, body)
    entries, end = _sorted_entries(data, name_end)
    if end != len(data):
        raise ValueError("trailing bytes in filter chunk")
    return data[:name_end] + entries


def _sorted_meta(data: bytes) -> bytes:
    """Metadata [version, pages, index chunks, filters [[name, chunk]], sorts [[name, order]], meta keys]:
    the filter and sort lists sorted by name. Page and chunk order is meaningful and kept."""
    if not data.startswith(_SIGNATURE):
        raise ValueError("not a Pagefind chunk")
    major, count, i = _cbor_head(data, len(_SIGNATURE))
    if major != 4 or count != 6:
        raise ValueError("unexpected metadata layout")
    out = [data[:i]]
    for position in range(count):
        if position in (3, 4):
            part, end = _sorted_entries(data, i)
        else:
            end = _cbor_end(data, i)
            part = data[i:end]
        out.append(part)
        i = end
    if i != len(data):
        raise ValueError("trailing bytes in metadata")
    return b"".join(out)


def stabilise_filters(bundle: Path) -> None:
    renames: dict[str, str] = {}
    for chunk in sorted((bundle / "filter").glob("*.pf_filter")):
        try:
            data = _sorted_chunk(gzip.decompress(chunk.read_bytes()))
        except (ValueError, OSError, IndexError):
            return  # an unknown layout (another Pagefind version): leave the bundle as Pagefind wrote it
        language, _, old_hash = chunk.stem.partition("_")
        new = f"{language}_{hashlib.sha256(data).hexdigest()[:len(old_hash)]}"
        chunk.unlink()
        (bundle / "filter" / f"{new}.pf_filter").write_bytes(gzip.compress(data, 9, mtime=0))
        renames[chunk.stem] = new
    entry_file = bundle / "pagefind-entry.json"
    entry = entry_file.read_text(encoding="utf-8")
    for meta in sorted(bundle.glob("pagefind.*.pf_meta")):
        data = gzip.decompress(meta.read_bytes())
        for old, new in renames.items():
            data = data.replace(old.encode(), new.encode())  # same length: the CBOR stays valid
        try:
            data = _sorted_meta(data)
        except (ValueError, IndexError):
            pass  # an unknown layout: still valid, only not reproducible
        old_hash = meta.name.removeprefix("pagefind.").removesuffix(".pf_meta")
        language, _, digest = old_hash.partition("_")
        new_hash = f"{language}_{hashlib.sha256(data).hexdigest()[:len(digest)]}"
        meta.unlink()
        (bundle / f"pagefind.{new_hash}.pf_meta").write_bytes(gzip.compress(data, 9, mtime=0))
        entry = entry.replace(json.dumps(old_hash), json.dumps(new_hash))
    entry_file.write_text(entry, encoding="utf-8")
