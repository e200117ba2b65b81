"""An evidence gap or research question, stated by a source."""

from typing import Literal

from pydantic import Field

from ..base import Record
from ..types import Model, ShortText, Source, ref


class Priority(Model):
    """How high a source ranks the gap."""

    level: Literal["high", "medium", "low"] = Field(description="The priority the source gives: high, medium or low.")
    source: Source = Field(description="The source that gives this priority.")


class Gap(Record):
    stated_by: ShortText = Field(description="Which source states the gap, in a few words.")
    stated_by_source: Source | None = Field(None, description="The source that states the gap (a url, ref or seed).")
    population: ShortText | None = Field(None, description="Who the research question is about (e.g. employees and their families).")
    intervention: ShortText | None = Field(None, description="The intervention or exposure to study.")
    comparison: ShortText | None = Field(None, description="What it should be compared with.")
    outcome: ShortText | None = Field(None, description="The outcomes that matter, as the source names them.")
    setting: ShortText | None = Field(None, description="Where (e.g. the workplace, primary care, the community).")
    not_stated: list[Literal["population", "intervention", "comparison", "outcome", "setting", "stated_by_source"]] = Field(
        default_factory=list, description="Parts of the research question that no source states: the agenda shows them as not stated, and `check` stops warning."
    )
    priority: Priority | None = Field(None, description="The priority a source gives the gap; leave out when no source ranks it.")
    studies: list[ref("study")] = Field(default_factory=list, description="Studies that come closest to filling it.")
