"""An infographic's figures, wherever they are written: inline `rows:` or a CSV file beside the record.

Every figure keeps where it was written (path, line, column), so the content rules can point at
the exact YAML line or CSV row. CSV cells are converted the way the YAML loader would read them:
empty cells are left out, only `true`/`false` are booleans, numbers are numbers.
"""

from __future__ import annotations

import csv
import io
import posixpath
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from ...diagnostics import Diagnostic
from ...schema.kinds.infographic import Figure
from ...sources.files import read_text
from ...validate import Item, model_errors

BOOL_FIELDS = {"suppressed", "published_aggregate", "total"}
NUMBER_FIELDS = {"value", "source"}
MAX_CSV_BYTES = 1_000_000
MAX_ROWS = 2_000


@dataclass(frozen=True)
class Row:
    """One figure and where it was written."""

    figure: Figure
    path: str
    line: int
    column: int
    fields: dict  # field name → (line, column)

    def at(self, name: str | None = None) -> tuple[str, int, int]:
        line, column = self.fields.get(name, (self.line, self.column)) if name else (self.line, self.column)
        return self.path, line, column


class _RowPositions:
    """Every path inside one CSV row is reported at the row's line."""

    def __init__(self, line: int):
        self.line = line

    def of(self, path) -> tuple[int, int]:
        return self.line, 1

    of_mapping = of


def csv_path(item: Item) -> str:
    """The CSV file's path relative to the hub root (beside the record)."""
    return posixpath.join(posixpath.dirname(item.path), item.record.data)


def _cell(name: str, text: str):
    text = text.strip()
    if name in BOOL_FIELDS:
        return {"true": True, "false": False}.get(text, text)
    if name in NUMBER_FIELDS or (name == "denominator" and text.replace(".", "", 1).isdigit()):
        for convert in (int, float):
            try:
                return convert(text)
            except ValueError:
                pass
    return text


def _csv_rows(root: Path, item: Item) -> tuple[list[Row], list[Diagnostic]]:
    rel = csv_path(item)
    path = root / rel
    if not path.is_file():
        line, col = item.position("rows")
        return [], [Diagnostic.of("E850", item.path, line, col, f"data file '{item.record.data}' does not exist beside the record",
                                  f"Put {item.record.data} in {posixpath.dirname(rel)}/ or fix the file name.")]
    text, problems = read_text(root, path, MAX_CSV_BYTES)
    if text is None:
        return [], problems
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        return [], problems + [Diagnostic.of("E850", rel, 1, 1, "the CSV file has no header row", "Start the file with a header such as `label,value,source`.")]
    header = [h.strip() for h in header]
    for index, name in enumerate(header):
        if name not in Figure.model_fields:
            problems.append(Diagnostic.of("E850", rel, 1, 1, f"unknown column '{name}' (column {index + 1})",
                                          f"Columns are the fields of a row: {', '.join(Figure.model_fields)}."))
        elif header.index(name) != index:
            problems.append(Diagnostic.of("E850", rel, 1, 1, f"column '{name}' appears twice", "Keep one column of each name."))
    if problems or "label" not in header:
        if "label" not in header:
            problems.append(Diagnostic.of("E850", rel, 1, 1, "the CSV file has no 'label' column", "Add a 'label' column naming each figure."))
        return [], problems
    rows: list[Row] = []
    previous = reader.line_num
    try:
        for cells in reader:
            line, previous = previous + 1, reader.line_num
            if not any(c.strip() for c in cells):
                continue
            if len(cells) != len(header):
                problems.append(Diagnostic.of("E850", rel, line, 1, f"row has {len(cells)} cells but the header has {len(header)}",
                                              "Give every row one cell per column; quote cells that contain commas."))
                continue
            if len(rows) >= MAX_ROWS:
                problems.append(Diagnostic.of("E850", rel, line, 1, f"more than {MAX_ROWS} rows", "Aggregate the data; a chart cannot show this many figures."))
                break
            data = {name: _cell(name, value) for name, value in zip(header, cells) if value.strip()}
            try:
                figure = Figure.model_validate(data)
            except ValidationError as error:
                problems += model_errors(rel, error, _RowPositions(line), data, Figure)
                continue
            rows.append(Row(figure, rel, line, 1, {}))
    except csv.Error as error:
        problems.append(Diagnostic.of("E850", rel, reader.line_num, 1, f"the CSV file cannot be read: {error}", "Check the quotes in this row."))
    return rows, problems


def load_rows(item: Item, root: Path) -> tuple[list[Row], list[Diagnostic]]:
    """The record's figures in order, with their positions, and any problem reading them."""
    record = item.record
    if record.data:
        return _csv_rows(root, item)
    rows = []
    for index, figure in enumerate(record.inline_rows):
        line, col = item.position("rows", index)
        fields = {name: item.position("rows", index, name) for name in Figure.model_fields}
        rows.append(Row(figure, item.path, line, col, fields))
    return rows, []
