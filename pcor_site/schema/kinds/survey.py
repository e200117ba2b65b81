"""Survey results as aggregates: one question, its options and their counts. Never individual answers.

Counts from 1 to 10 are not published (the small-cell rule the infographics enforce): give
`suppressed: true` instead of the count, or merge options.
"""

from pydantic import Field, model_validator

from ..base import Record
from ..types import Line, Model, PartialDate, ref, value_or_suppressed


class Option(Model):
    label: Line = Field(description="The answer option as the survey worded it.")
    count: int | None = Field(None, ge=0, description="How many respondents chose it. Leave out only when `suppressed: true`.")
    suppressed: bool = Field(False, description="The count is withheld because it is small (shown as '<11').")

    @model_validator(mode="after")
    def _count_or_suppressed(self) -> "Option":
        value_or_suppressed(self.suppressed, self.count, "option", "count")
        return self


class Survey(Record):
    survey: Line = Field(description="Which survey, e.g. 'Post-event survey'.")
    event: ref("event") | None = Field(None, description="The convening the survey evaluates (event id).")
    date: PartialDate = Field(description="When the survey closed: YYYY-MM or YYYY-MM-DD.")
    question: Line = Field(description="The question, as asked.")
    respondents: int = Field(ge=0, description="How many people answered the question.")
    multiple: bool = Field(False, description="Respondents could choose more than one option (counts may add up to more than respondents).")
    options: list[Option] = Field(min_length=1, description="Every option, with its count.")
