"""A module of the PCOR/CER curriculum for health-benefits purchasers."""

from pydantic import Field

from ..base import Record
from ..types import BibKey, ShortText, ref


class Module(Record):
    order: int = Field(ge=1, le=999, description="Position of the module in the course (1 = first).")
    objectives: list[ShortText] = Field(min_length=1, description="What a learner can do after the module.")
    key_points: list[ShortText] = Field(default_factory=list, description="The points to remember; factual ones must be sourced.")
    discussion_questions: list[ShortText] = Field(default_factory=list, description="Questions for a group session.")
    readings: list[BibKey] = Field(default_factory=list, description="Readings (keys in references.bib).")
    studies: list[ref("study")] = Field(default_factory=list, description="PCORI-funded studies the module discusses.")
    practices: list[ref("practice")] = Field(default_factory=list, description="Practices the module teaches.")
    prerequisites: list[ref("module")] = Field(default_factory=list, description="Modules to take first (no cycles).")
