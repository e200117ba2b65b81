"""Field types shared by every record kind.

Reference markers (`RecordRef`, `VocabRef`, `BibRef`) are attached to field types with
`Annotated`; the resolver finds them by walking the models, so each kind declares its links once.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]{0,79}$"
BIBKEY_PATTERN = r"^[A-Za-z0-9:_.+-]+$"


@dataclass(frozen=True)
class RecordRef:
    """The value is the id of a record of `kind`."""

    kind: str


@dataclass(frozen=True)
class VocabRef:
    """The value is a term of the controlled vocabulary `vocab` (a file in content/_vocab/)."""

    vocab: str

    def __get_pydantic_json_schema__(self, core_schema, handler):
        """Name the vocabulary in the JSON Schema; `all_schemas(terms)` turns it into an `enum`."""
        schema = handler(core_schema)
        schema[VOCABULARY_KEY] = self.vocab
        return schema


#: The JSON Schema keyword that names a field's vocabulary (editors ignore unknown `x-` keywords).
VOCABULARY_KEY = "x-vocabulary"


@dataclass(frozen=True)
class BibRef:
    """The value is a key in content/references.bib."""


class Model(BaseModel):
    """Base for every schema model: unknown fields are errors, values are immutable, numbers finite."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False, allow_inf_nan=False)


def _plain_line(value: str) -> str:
    if "\n" in value:
        raise PydanticCustomError("one_line", "must be a single line of text")
    if "<" in value or ">" in value:
        raise PydanticCustomError("angle_bracket", "must be plain text without '<' or '>'")
    if value != value.strip():
        raise PydanticCustomError("padded", "must not start or end with spaces")
    return value


def _safe_url(value: str) -> str:
    """https, http and mailto addresses and relative links only; no credentials, no spaces."""
    if any(c.isspace() for c in value) or not value:
        raise PydanticCustomError("unsafe_url", "URL must not be empty or contain spaces")
    try:
        parts = urlsplit(value)
    except ValueError as error:
        raise PydanticCustomError("unsafe_url", "malformed URL: {error}", {"error": str(error)}) from None
    scheme = parts.scheme.lower()
    if scheme in ("http", "https"):
        if not parts.hostname or "." not in parts.hostname:
            raise PydanticCustomError("unsafe_url", "URL needs a host name such as example.org")
        if parts.username or parts.password:
            raise PydanticCustomError("unsafe_url", "URL must not contain a user name or password")
        return value
    if scheme == "mailto":
        if not re.fullmatch(r"mailto:[^@\s]+@[^@\s]+\.[^@\s]+", value):
            raise PydanticCustomError("unsafe_url", "mailto: link needs an address like name@example.org")
        return value
    if scheme:
        raise PydanticCustomError(
            "unsafe_url", "scheme '{scheme}:' is not allowed (use https, http, mailto or a relative link)", {"scheme": scheme}
        )
    if value.startswith("//"):
        raise PydanticCustomError("unsafe_url", "protocol-relative URLs are not allowed; write https://")
    return value


def _absolute_url(value: str) -> str:
    if urlsplit(value).scheme.lower() not in ("http", "https"):
        raise PydanticCustomError("unsafe_url", "must be a full https:// or http:// address")
    return value


def _partial_date(value: str) -> str:
    """YYYY, YYYY-MM or YYYY-MM-DD, and a real calendar date."""
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not match:
        raise PydanticCustomError("date_parsing", "must be YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError as error:
        raise PydanticCustomError("date_parsing", "not a real date: {error}", {"error": str(error)}) from None
    return value


Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
Line = Annotated[str, StringConstraints(min_length=1, max_length=200), AfterValidator(_plain_line)]
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=600)]
Summary = Annotated[str, StringConstraints(min_length=20, max_length=1200)]
LongText = Annotated[str, StringConstraints(min_length=1, max_length=4000)]
Url = Annotated[str, StringConstraints(max_length=2000), AfterValidator(_safe_url)]
WebUrl = Annotated[Url, AfterValidator(_absolute_url)]
PartialDate = Annotated[str, AfterValidator(_partial_date)]
Date = dt.date

BibKey = Annotated[str, StringConstraints(pattern=BIBKEY_PATTERN), BibRef()]
PriorityArea = Annotated[Slug, VocabRef("priority_areas")]
Audience = Annotated[Slug, VocabRef("audiences")]
ActionType = Annotated[Slug, VocabRef("action_types")]
EvidenceTier = Annotated[Slug, VocabRef("evidence_tiers")]
ResourceFormat = Annotated[Slug, VocabRef("resource_formats")]
PurchasingStage = Annotated[Slug, VocabRef("purchasing_stages")]
Status = Annotated[Slug, VocabRef("statuses")]


def ref(kind: str):
    """The id of a record of `kind`, e.g. `list[ref("study")]`."""
    return Annotated[Slug, RecordRef(kind)]


class Source(Model):
    """Where a fact comes from: a web page, a BibTeX entry, or one of the two project summaries."""

    url: WebUrl | None = Field(None, description="Address of the web page that states the fact.")
    ref: BibKey | None = Field(None, description="Key of an entry in content/references.bib.")
    seed: Literal["national-alliance-convening", "chcc-pcor-capacity"] | None = Field(
        None, description="One of the two PCORI project summaries the hub was seeded from."
    )
    title: Line | None = Field(None, description="Readable name of the source, shown to readers.")
    note: ShortText | None = Field(None, description="What this source confirms, or its limits.")
    reliability: Literal["primary", "secondary", "mirror", "disputed"] = Field(
        "primary",
        description="primary: stated by the funder, publisher or organisation itself; secondary: a "
        "news item, indexer or third-party summary; mirror: an unofficial copy of the document on "
        "another site (give the official title and publisher); disputed: sources disagree. Every "
        "source that is not primary gets a caution note on the page automatically.",
    )
    publisher: Line | None = Field(
        None, description="Who published the document itself (for a mirror copy: the official publisher, shown to readers)."
    )
    linked: bool | None = Field(
        None,
        description="false: do not link the address, because its host is unrelated to the document (a content farm "
        "with an unrelated address, a library proxy). The address stays in the record for editors.",
    )
    editor_note: ShortText | None = Field(
        None, exclude=True, description="For editors only (how the source was found or stored); never published."
    )

    @model_validator(mode="after")
    def _exactly_one_locator(self) -> "Source":
        given = [name for name in ("url", "ref", "seed") if getattr(self, name) is not None]
        if len(given) != 1:
            raise PydanticCustomError("one_source", "give exactly one of url, ref or seed (this source gives {n})", {"n": len(given)})
        if self.reliability == "mirror" and self.url and not self.title:
            raise PydanticCustomError("mirror_title", "a mirror copy needs `title:`, the document's official title")
        if self.linked is False and not self.url:
            raise PydanticCustomError("linked_without_url", "`linked: false` applies only to a `url:` source")
        return self


class Caution(Model):
    """A fact readers should weigh carefully: shown on the page as a caution note."""

    text: ShortText = Field(description="What is secondary, disputed or uncertain, in plain words.")
    sources: list[Source] = Field(default_factory=list, description="Where the disagreement or caveat is documented.")
    editor_note: ShortText | None = Field(None, exclude=True, description="For editors only; never published.")


def value_or_suppressed(suppressed: bool, value, what: str, field: str) -> None:
    """A small-cell figure (an infographic's figure, a survey option) gives its number or is suppressed, never both."""
    if suppressed and value is not None:
        raise PydanticCustomError("suppressed_value", f"a suppressed {what} must not give its {field}; delete `{field}`")
    if not suppressed and value is None:
        raise PydanticCustomError("missing_value", f"give the {what}'s `{field}` (or `suppressed: true` to withhold it)")
