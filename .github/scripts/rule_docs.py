"""Write the list of rules into CONTRIBUTING.md (the section each diagnostic's hint links to).

    .venv/bin/python .github/scripts/rule_docs.py

The section sits between two HTML comments; everything else in the file is left as it is.
tests/test_plain_messages.py fails when the committed section and `RULES` disagree.
"""

from __future__ import annotations

import sys
from pathlib import Path

from pcor_site.diagnostics import DOCS_END, DOCS_START, rules_markdown

CONTRIBUTING = Path(__file__).resolve().parents[2] / "CONTRIBUTING.md"


def updated(text: str) -> str:
    start, end = text.index(DOCS_START), text.index(DOCS_END) + len(DOCS_END)
    return text[:start] + rules_markdown() + text[end:]


def main() -> int:
    CONTRIBUTING.write_text(updated(CONTRIBUTING.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"wrote the rules into {CONTRIBUTING}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
