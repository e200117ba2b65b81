"""Episodes exist but the show has no settings."""


def setup(root):
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text[: text.index("    podcast:")], encoding="utf-8")
