"""A Markdown body over the 100,000-character limit: generated, not stored."""


def setup(root):
    text = "---\ntitle: Long Coalition\nsummary: A coalition record with a very long Markdown body.\nsources:\n  - url: https://example.org/about\n---\n"
    text += "A paragraph of text about the coalition, repeated.\n\n" * 2200
    (root / "content" / "organization" / "broken-org.md").write_text(text, encoding="utf-8")
