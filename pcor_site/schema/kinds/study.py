"""A PCORI-funded study. Award details appear only where a source confirms them."""

from typing import Literal

from pydantic import Field

from ..base import Record
from ..types import BibKey, Line, LongText, ShortText, Status, WebUrl


class Study(Record):
    short_name: Line | None = Field(None, description="Acronym or short name, e.g. SPIRIT.")
    official_title: Line | None = Field(None, description="Official title, only if a source states it.")
    pcori_funding: Literal["confirmed", "secondary"] = Field(
        "confirmed",
        description="confirmed: PCORI funding is stated by PCORI, a registry or a funding statement; secondary: only "
        "by a secondary source (readers see a caution, and counts of PCORI-funded studies say so).",
    )
    pcori_urls: list[WebUrl] = Field(default_factory=list, description="The study's pages on pcori.org.")
    award: Line | None = Field(None, description="PCORI award number, only if a source confirms it.")
    award_amount: Line | None = Field(None, description="Total award amount as the source states it, e.g. $11,776,419.")
    principal_investigator: Line | None = Field(None, description="PI as a source records it.")
    institution: Line | None = Field(None, description="Lead institution as a source records it.")
    period: Line | None = Field(None, description="Project period as a source states it, e.g. 2016-2021.")
    status: Status = Field(description="Where the study stands (ids from _vocab/statuses.yml).")
    registry_ids: list[Line] = Field(default_factory=list, description="Trial registry ids, e.g. NCT02738944.")
    design: ShortText | None = Field(None, description="What the study compared, in plain words.")
    participants: ShortText | None = Field(None, description="Who took part and how many, as the source states it.")
    outcomes: list[LongText] = Field(default_factory=list, description="What the study found, each as stated by a source.")
    publications: list[BibKey] = Field(default_factory=list, description="Publications from the study (keys in references.bib).")
    data_urls: list[WebUrl] = Field(default_factory=list, description="Where the study's data are shared, if anywhere.")
