"""An infographic: a chart or key-statistic panel built from sourced figures.

The figures are given inline under `rows:` or in a CSV file beside the record (`rows: FILE.csv`,
one row per figure, with the same column names as the fields of a row). Every figure cites one of
the record's `sources`; counts from 1 to 10 may only be shown when they are published aggregates
from a cited public source (see `pcor_site/infographics/rules.py`).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Discriminator, Field, StringConstraints, Tag, model_validator

from ..base import Record
from ..types import Line, LongText, Model, ShortText, value_or_suppressed

CHART_KINDS = ("key-statistic", "bar", "grouped-bar", "stacked-bar", "grid")
ValueType = Literal["count", "percent", "currency", "ratio", "other"]
AltText = Annotated[str, StringConstraints(min_length=10, max_length=250)]
CsvName = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,79}\.csv$")]


class Figure(Model):
    """One figure: a bar, a segment, a grid cell or a key statistic."""

    label: Line = Field(description="The category the figure belongs to (a bar's label, a grid row), or for a key statistic what it measures.")
    series: Line | None = Field(
        None, description="The group within the category (colour of a grouped or stacked bar, column of a grid). Required for those charts."
    )
    value: float | None = Field(None, description="The number. Leave out only when `suppressed: true`.")
    suppressed: bool = Field(False, description="The figure is withheld because it is a small count (shown as '<11', never drawn).")
    display: Line | None = Field(None, description="How readers see the value, e.g. '$68' or 'about 5 times'. Defaults to the number with its unit.")
    value_type: ValueType | None = Field(
        None, description="What the number is: count (of people or events), percent, currency (US dollars), ratio or other. Defaults to the record's value_type."
    )
    denominator: int | Line | None = Field(
        None, description="For a percentage: what it is a share of, as a count (e.g. 21000000) or in words. Defaults to the record's denominator."
    )
    source: int | None = Field(
        None, ge=1, description="Which of the record's sources states this figure (1 = the first). May be left out when the record has exactly one source."
    )
    published_aggregate: bool = Field(
        False, description="The figure is an aggregate already published by its cited public source, so the small-cell rule does not apply."
    )
    total: bool = Field(False, description="The figure is the total of the other figures of its series (shown in the table, not drawn).")
    note: ShortText | None = Field(None, description="A note on this figure, shown in the data table.")

    @model_validator(mode="after")
    def _value_or_suppressed(self) -> "Figure":
        value_or_suppressed(self.suppressed, self.value, "figure", "value")
        return self


def _rows_form(value) -> str:
    return "str[CsvName]" if isinstance(value, str) else "list[Figure]"


#: A list of figures or a CSV file name. The tags contain "[" so error locations skip them
#: (validate._path_of) and only the branch that matches the value's form reports.
Rows = Annotated[
    Annotated[Annotated[list[Figure], Field(min_length=1)], Tag("list[Figure]")] | Annotated[CsvName, Tag("str[CsvName]")],
    Discriminator(_rows_form),
]


class Infographic(Record):
    chart: Literal["key-statistic", "bar", "grouped-bar", "stacked-bar", "grid"] = Field(
        description="Layout: key-statistic panel, bar, grouped or stacked bar, or a category-by-category grid (e.g. priority area × region)."
    )
    alt_text: AltText = Field(description="Short text alternative that names the chart and its main message (10-250 characters).")
    description: LongText = Field(description="Longer description of every figure shown, for readers who cannot see the chart.")
    units: Line | None = Field(None, description="What the values measure, shown as the value axis title, e.g. 'percent of all healthcare spending'.")
    value_type: ValueType = Field("count", description="What the numbers are unless a row says otherwise: count, percent, currency, ratio or other.")
    denominator: int | Line | None = Field(
        None, description="What the percentages are a share of (a count or in words), unless a row says otherwise."
    )
    category_label: Line | None = Field(None, description="Heading of the category column of the data table and axis (default 'Category').")
    series_label: Line | None = Field(None, description="Heading of the series column and legend, for grouped, stacked and grid charts.")
    published_aggregate: bool = Field(
        False, description="Every figure is an aggregate already published by its cited public source (the small-cell rule does not apply)."
    )
    rows: Rows = Field(
        description="The figures: a list written here (label, value, ...), or the name of a CSV file beside this record "
        "whose columns are the fields of a row (e.g. `rows: my-chart.csv`)."
    )

    @property
    def data(self) -> str | None:
        """The CSV file's name when the figures are in one."""
        return self.rows if isinstance(self.rows, str) else None

    @property
    def inline_rows(self) -> list[Figure]:
        return [] if isinstance(self.rows, str) else self.rows
