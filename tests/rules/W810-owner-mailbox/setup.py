"""A person's address as the show owner's e-mail: the feed publishes it."""


def setup(root):
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("podcast@example.org", "jane.doe@example.org"), encoding="utf-8")
