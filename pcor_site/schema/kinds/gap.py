"""An evidence gap or research question, stated by a source."""

from pydantic import Field

from ..base import Record
from ..types import ShortText, ref


class Gap(Record):
    stated_by: ShortText = Field(description="Which source states the gap, in a few words.")
    studies: list[ref("study")] = Field(default_factory=list, description="Studies that come closest to filling it.")
