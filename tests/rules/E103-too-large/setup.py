"""A record over the 256 KiB cap: generated, so the repository does not carry it."""


def setup(root):
    text = "title: Huge Coalition\nsummary: A coalition record far beyond the size cap.\nsources:\n  - url: https://example.org/about\n"
    text += "also_known_as:\n" + "  - A very long alternative name for the coalition\n" * 6000
    (root / "content" / "organization" / "broken-org.yml").write_text(text, encoding="utf-8")
