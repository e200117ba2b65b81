"""A module of the PCOR/CER curriculum for health-benefits purchasers."""

from pydantic import Field

from ..base import Record
from ..types import BibKey, Model, ShortText, ref


class CheckQuestion(Model):
    """A check-your-understanding question; its answer is shown only in the facilitator guide."""

    question: ShortText = Field(description="The question a learner answers after the module.")
    answer: ShortText = Field(description="The answer, shown in the facilitator guide (not in the learner handout).")


class Module(Record):
    order: int = Field(ge=1, le=999, description="Position of the module in the course (1 = first; no gaps, no two alike).")
    questions: list[ShortText] = Field(default_factory=list, description="The questions the module answers, shown first.")
    objectives: list[ShortText] = Field(default_factory=list, description="What a learner can do after the module (`check` warns when empty).")
    teaching_minutes: int | None = Field(None, ge=0, le=600, description="Minutes of teaching; leave out unless the course plan gives it.")
    activity_minutes: int | None = Field(None, ge=0, le=600, description="Minutes of activities and discussion; leave out unless the course plan gives it.")
    minutes: int | None = Field(None, ge=0, le=1200, description="Total minutes; when given with the other two it must be their sum.")
    key_points: list[ShortText] = Field(default_factory=list, description="The points to remember, shown last; factual ones must be sourced.")
    discussion_questions: list[ShortText] = Field(default_factory=list, description="Discussion prompts for a group session (facilitator guide).")
    facilitator_notes: list[ShortText] = Field(default_factory=list, description="Notes for the person leading the session (facilitator guide only).")
    check_understanding: list[CheckQuestion] = Field(
        default_factory=list, description="Check-your-understanding questions; answers appear only in the facilitator guide."
    )
    readings: list[BibKey] = Field(default_factory=list, description="Readings (keys in references.bib).")
    studies: list[ref("study")] = Field(default_factory=list, description="PCORI-funded studies the module discusses.")
    practices: list[ref("practice")] = Field(default_factory=list, description="Practices the module teaches.")
    prerequisites: list[ref("module")] = Field(default_factory=list, description="Modules to take first: each must come earlier in the order.")
