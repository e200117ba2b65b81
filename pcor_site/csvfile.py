"""The one CSV writer of the hub: every CSV download goes through `csv_text`.

Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` as a formula (and some do the same
after a leading tab, carriage return or space, or with the full-width forms of those signs), so a
record title like `=HYPERLINK("https://evil.example", "Click")` would become a live link in the
reader's spreadsheet: OWASP's "CSV injection". As OWASP recommends, such a cell is prefixed with a
single quote (spreadsheets then show it as text) and every cell is wrapped in double quotes, which
also keeps a bare carriage return or line feed inside its cell instead of splitting the row.
Plain numbers (`-3`, `-0.5`, `1e-3`) are left alone: they are data, not formulas.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable

#: First characters that make a spreadsheet evaluate a cell (ASCII and full-width forms), plus
#: `|` and `%` which older Excel versions treat as DDE and macro prefixes.
FORMULA_STARTS = frozenset("=+-@|%\t\r\n\uff1d\uff0b\uff0d\uff20")
_PLAIN_NUMBER = re.compile(r"-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\Z")
_LEADING_BLANKS = " \t\r\n\u00a0\u3000"


def neutralise(value: object) -> str:
    """The cell's text, made inert for spreadsheets; None becomes an empty cell."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if not text or _PLAIN_NUMBER.match(text):
        return text
    first = text.lstrip(_LEADING_BLANKS)[:1] or text[0]
    if text[0] in FORMULA_STARTS or first in FORMULA_STARTS:
        return "'" + text
    return text


def csv_text(header: list[str], rows: Iterable[Iterable[object]]) -> str:
    """A whole CSV file: a header row, then the rows; every cell neutralised and quoted."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow([neutralise(name) for name in header])
    for row in rows:
        writer.writerow([neutralise(cell) for cell in row])
    return out.getvalue()
