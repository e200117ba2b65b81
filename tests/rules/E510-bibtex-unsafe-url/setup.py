"""BibTeX links with a script scheme: in `url` and in `howpublished = {\\url{...}}`."""

from pathlib import Path


def setup(root: Path) -> None:
    bib = root / "content" / "references.bib"
    bib.write_text(bib.read_text(encoding="utf-8") + (
        "\n@misc{evil2024,\n  title = {A web page},\n  url = {javascript:alert(document.cookie)}\n}\n"
        "\n@misc{evil2025,\n  title = {Another page},\n  howpublished = {\\url{JavaScript:alert(1)}}\n}\n"), encoding="utf-8")
