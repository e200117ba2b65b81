"""A promising practice or policy an employer, purchaser or community partner can adopt."""

from pydantic import Field

from ..base import Record
from ..types import ActionType, BibKey, EvidenceTier, ShortText, ref


class Practice(Record):
    action_types: list[ActionType] = Field(
        default_factory=list, description="What a purchaser does to adopt it (ids from _vocab/action_types.yml)."
    )
    evidence_tier: EvidenceTier = Field(description="Strength of the evidence, by the published criteria (_vocab/evidence_tiers.yml).")
    studies: list[ref("study")] = Field(default_factory=list, description="PCORI-funded studies behind the practice (study ids).")
    references: list[BibKey] = Field(default_factory=list, description="Publications behind the practice (keys in references.bib).")
    tools: list[ref("tool")] = Field(default_factory=list, description="Tools and resources that help put it into practice (tool ids).")
    asks: list[ShortText] = Field(
        default_factory=list, description="Copy-ready requests for vendors, plans or RFPs; each must stay within what the sources say."
    )
