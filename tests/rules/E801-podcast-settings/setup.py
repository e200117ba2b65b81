"""The show's language is not a language code."""


def setup(root):
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("language: en-us", "language: English"), encoding="utf-8")
