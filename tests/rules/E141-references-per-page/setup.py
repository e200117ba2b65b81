"""The References index page size is text, not a whole number."""


def setup(root):
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "    references_per_page: fifty\n", encoding="utf-8")
