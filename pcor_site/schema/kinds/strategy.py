"""A strategy of the purchasing framework, grouped by purchasing stage."""

from pydantic import Field

from ..base import Record
from ..types import ActionType, BibKey, PurchasingStage, ShortText, ref


class Strategy(Record):
    purchasing_stage: PurchasingStage = Field(description="Stage of the purchasing process (_vocab/purchasing_stages.yml).")
    action_types: list[ActionType] = Field(default_factory=list, description="Purchaser action types it involves.")
    practices: list[ref("practice")] = Field(default_factory=list, description="Practices it puts to work.")
    studies: list[ref("study")] = Field(default_factory=list, description="PCORI-funded studies behind it.")
    references: list[BibKey] = Field(default_factory=list, description="Publications behind it (keys in references.bib).")
    steps: list[ShortText] = Field(default_factory=list, description="Concrete steps for a purchaser, within what sources say.")
