def setup(root):
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("\n  hub:\n", '\n  hub:\n    palette:\n      series: ["#2166ac", "#f0e442"]\n', 1), encoding="utf-8")
