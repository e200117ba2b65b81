"""A strategy of the purchasing framework, grouped by purchasing stage."""

from pydantic import Field

from ..base import Record
from ..types import ActionType, BibKey, Model, PurchasingStage, ShortText, Source, ref


class Alignment(Model):
    """A purchaser or coalition that has aligned on the strategy, with the source that says so."""

    organization: ref("organization") = Field(description="The purchaser or coalition (an organization id).")
    source: Source = Field(description="Where it is stated that this organization aligned on the strategy.")
    note: ShortText | None = Field(None, description="How far the alignment goes, in the source's words.")


class Strategy(Record):
    purchasing_stage: PurchasingStage = Field(description="Stage of the purchasing process (_vocab/purchasing_stages.yml).")
    action_types: list[ActionType] = Field(default_factory=list, description="Purchaser action types it involves.")
    practices: list[ref("practice")] = Field(default_factory=list, description="Practices it puts to work.")
    studies: list[ref("study")] = Field(default_factory=list, description="PCORI-funded studies behind it.")
    references: list[BibKey] = Field(default_factory=list, description="Publications behind it (keys in references.bib).")
    steps: list[ShortText] = Field(default_factory=list, description="Concrete steps for a purchaser, within what sources say.")
    alignment: list[Alignment] = Field(
        default_factory=list, description="Purchasers or coalitions that aligned on this strategy, each with its own source."
    )
