"""A glossary term with a sourced definition."""

from pydantic import Field

from ..base import Record
from ..types import Line, LongText


class Term(Record):
    abbreviation: Line | None = Field(None, description="Short form, e.g. CER.")
    also_known_as: list[Line] = Field(default_factory=list, description="Other names readers may meet.")
    definition: LongText = Field(description="The definition, quoted or closely paraphrased from its source.")
