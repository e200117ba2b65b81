"""Controlled vocabularies: one YAML file per vocabulary in content/_vocab/."""

from __future__ import annotations

from pydantic import Field, StrictBool

from .types import Line, LongText, Model, ShortText, Slug, Source


class Term(Model):
    id: Slug = Field(description="Stable id used in records (lower-case, hyphens).")
    label: Line = Field(description="Name shown to readers.")
    description: ShortText = Field(description="One or two plain sentences on what the term means.")
    sources: list[Source] = Field(default_factory=list, description="Where the wording comes from.")


class PriorityArea(Term):
    wording: ShortText | None = Field(None, description="The area's wording in one source, quoted exactly.")
    wording_credit: Line | None = Field(None, description="Who that wording belongs to, shown as its credit.")
    explainer: LongText | None = Field(None, description="Plain-language explanation for the area's landing page.")


class EvidenceTier(Term):
    rank: int = Field(ge=1, le=9, description="1 is the strongest tier; listings sort by it.")
    criteria: LongText = Field(description="The published criteria a record must meet to claim this tier.")
    requires_evidence: StrictBool = Field(
        description="If true, a record in this tier must cite at least one study or reference."
    )


class Vocabulary(Model):
    """The file format: a title, an optional introduction and the list of terms."""

    title: Line = Field(description="Name of the vocabulary, shown as a page title.")
    introduction: ShortText | None = Field(None, description="What the vocabulary is for.")
    terms: list[Term] = Field(min_length=1, description="The terms, in the order readers see them.")


class PriorityAreaVocabulary(Vocabulary):
    terms: list[PriorityArea] = Field(min_length=1, description="The Path Forward priority areas.")


class EvidenceTierVocabulary(Vocabulary):
    terms: list[EvidenceTier] = Field(min_length=1, description="Evidence tiers, strongest first.")


#: Every vocabulary the hub knows, with the model of its file.
VOCABULARIES: dict[str, type[Vocabulary]] = {
    "priority_areas": PriorityAreaVocabulary,
    "evidence_tiers": EvidenceTierVocabulary,
    "audiences": Vocabulary,
    "action_types": Vocabulary,
    "resource_formats": Vocabulary,
    "purchasing_stages": Vocabulary,
    "statuses": Vocabulary,
}
