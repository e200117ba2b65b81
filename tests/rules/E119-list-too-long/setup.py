"""A record whose list is one item over the loader's limit (MAX_LIST_ITEMS = 1,000)."""

from pathlib import Path


def setup(root: Path) -> None:
    items = "".join(f"  - url: https://example.org/page-{n}\n" for n in range(1001))
    (root / "content" / "organization" / "long-list.yml").write_text(
        "title: Long List Coalition\nsummary: A coalition record with far too many sources.\nsources:\n" + items, encoding="utf-8")
