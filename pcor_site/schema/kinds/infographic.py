"""An infographic: a chart or fact panel built from sourced figures."""

from typing import Literal

from pydantic import Field

from ..base import Record
from ..types import LongText, ShortText


class Infographic(Record):
    chart: Literal["key-statistic", "bar", "grouped-bar", "stacked-bar", "grid"] = Field(
        description="Layout: key-statistic panel, bar, grouped or stacked bar, or a category-by-category grid."
    )
    alt_text: ShortText = Field(description="Short text alternative that conveys the main message.")
    description: LongText = Field(description="Longer description of every figure shown, for readers who cannot see the chart.")
    units: ShortText | None = Field(None, description="Units of the figures, e.g. 'percent of spending'.")
