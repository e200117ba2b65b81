def setup(root):
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("\n  hub:\n", '\n  hub:\n    palette:\n      series:\n        - "#2166ac"\n        - "#8a4d9e"\n', 1), encoding="utf-8")
