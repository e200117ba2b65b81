"""Links out of the hub: a record linked to a file outside the repository, one linked to a device."""

from pathlib import Path


def setup(root: Path) -> None:
    secret = root.parent / "outside-secret.yml"
    secret.write_text("title: Secret from the build machine\nsummary: Must never be published.\n", encoding="utf-8")
    folder = root / "content" / "organization"
    (folder / "leak.yml").symlink_to(secret)
    (folder / "zero.yml").symlink_to("/dev/zero")
