"""The comment repository is not OWNER/NAME, and the framework has an unknown setting."""


def setup(root):
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text + "    comments:\n      repository: not a repository\n    framework:\n      version: \"1.0\"\n      colour: red\n",
                      encoding="utf-8")
