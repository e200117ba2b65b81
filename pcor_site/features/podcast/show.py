"""The show: one block, `extra.hub.podcast` in mkdocs.yml, validated like a record.

Problems are reported as E801 diagnostics at their line in mkdocs.yml. What the feed needs beyond
a valid block (artwork, an owner e-mail, a stored guid) is checked only when there is an episode
to publish (E808): a configured show without episodes publishes no feed (directories refuse
empty feeds, POD-21).
"""

from __future__ import annotations

import re
import uuid
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, StrictBool, StringConstraints, ValidationError, field_validator, model_validator
from pydantic_core import PydanticCustomError

from ... import urls
from ...config import CONFIG_FILE, HubConfig
from ...diagnostics import Diagnostic
from ...schema.errors import plain_message
from ...schema.types import Line, Model
from .categories import APPLE_CATEGORIES
from .media import artwork_problems

#: Podcasting 2.0: podcast:guid is UUIDv5 of the feed URL (no scheme, no trailing slash) in this namespace.
PODCAST_NAMESPACE = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")
FEED_DOC = "podcast/feed.xml"
#: Role mailboxes (PRIV-08): the owner address is published in the feed.
ROLE_MAILBOXES = {"podcast", "podcasts", "info", "contact", "hello", "media", "press", "communications", "comms",
                  "office", "team", "admin", "feeds", "rss", "studio", "editor", "editors", "webmaster", "hub"}

Email = Annotated[str, StringConstraints(max_length=200, pattern=r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")]
ShowText = Annotated[str, StringConstraints(min_length=1, max_length=4000)]
FileOrUrl = Annotated[str, StringConstraints(max_length=500, pattern=r"^(https://[\x21-\x7e]+|[A-Za-z0-9._/-]+)$")]


class Owner(Model):
    name: Line = Field(description="Who owns the show (an organization).")
    email: Email | None = Field(None, description="A role mailbox such as podcast@example.org: it is public in the feed.")


class Show(Model):
    """The podcast channel: every value Apple, Spotify and Podcasting 2.0 apps read from the feed."""

    title: Line = Field(description="Show title.")
    description: ShowText = Field(description="What the show is about (at most 4,000 bytes).")
    author: Line = Field(description="itunes:author: the organization that makes the show.")
    owner: Owner = Field(description="itunes:owner: name and role-mailbox e-mail.")
    language: str = Field("en-us", description="ISO 639 language code, optionally with region, lower case (e.g. en-us).")
    category: str = Field(description="Apple Podcasts category, exactly as Apple spells it (e.g. 'Health & Fitness').")
    subcategory: str | None = Field(None, description="Apple Podcasts subcategory of `category` (e.g. 'Mental Health').")
    explicit: StrictBool = Field(False, description="Whether the show contains explicit content.")
    artwork: FileOrUrl | None = Field(
        None, description="Show artwork: a path from the hub root or an https:// address; JPEG or PNG, RGB, square, 1400-3000 px."
    )
    locked: StrictBool = Field(True, description="podcast:locked: true tells other platforms not to import the show.")
    guid: str | None = Field(None, description="podcast:guid, stored once when the feed is first published and never changed.")
    type: Literal["episodic", "serial"] = Field("episodic", description="itunes:type.")
    copyright: Line | None = Field(None, description="Copyright notice (optional).")

    @field_validator("description")
    @classmethod
    def _bytes(cls, value: str) -> str:
        if value != value.strip():
            raise PydanticCustomError("padded", "must not start or end with spaces")
        if len(value.encode("utf-8")) > 4000:
            raise PydanticCustomError("too_long", "must be at most 4,000 bytes (Apple's limit)")
        return value

    @field_validator("language")
    @classmethod
    def _language(cls, value: str) -> str:
        if not re.fullmatch(r"[a-z]{2}(-[a-z]{2})?", value):
            raise PydanticCustomError("language", "'{value}' is not a language code like en or en-us (lower case)", {"value": value})
        return value

    @field_validator("category")
    @classmethod
    def _category(cls, value: str) -> str:
        if value not in APPLE_CATEGORIES:
            raise PydanticCustomError("category", "'{value}' is not an Apple Podcasts category (e.g. 'Health & Fitness')", {"value": value})
        return value

    @field_validator("guid")
    @classmethod
    def _uuid(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                if str(uuid.UUID(value)) != value:
                    raise ValueError
            except ValueError:
                raise PydanticCustomError("guid", "must be a lower-case UUID like 917393e3-1b1e-5cef-ace4-edaa54e1f810") from None
        return value

    @model_validator(mode="after")
    def _subcategory(self) -> "Show":
        allowed = APPLE_CATEGORIES.get(self.category, ())
        if self.subcategory is not None and self.subcategory not in allowed:
            raise PydanticCustomError(
                "subcategory", "'{sub}' is not a subcategory of '{cat}' (choose from: {allowed})",
                {"sub": self.subcategory, "cat": self.category, "allowed": ", ".join(allowed) or "none"},
            )
        return self


def guid_for_feed(feed_url: str) -> str:
    """podcast:guid as the Podcasting 2.0 spec derives it: UUIDv5 of the URL without scheme and trailing slashes."""
    return str(uuid.uuid5(PODCAST_NAMESPACE, re.sub(r"^[A-Za-z][A-Za-z0-9+.-]*://", "", feed_url).rstrip("/")))


class ShowConfig:
    """The loaded show block with positions for diagnostics."""

    def __init__(self, config: HubConfig):
        self.config = config
        self.raw = config.hub.get("podcast")
        self.show: Show | None = None
        self.problems: list[Diagnostic] = []
        if self.raw is None:
            return
        if not isinstance(self.raw, dict):
            self.problems.append(self.diagnostic("E801", (), "extra.hub.podcast must be a mapping of show settings"))
            return
        try:
            self.show = Show.model_validate(self.raw)
        except ValidationError as error:
            for item in error.errors(include_url=False):
                path = tuple(p for p in item["loc"] if isinstance(p, (str, int)) and "[" not in str(p))
                if item["type"] == "subcategory":
                    path = ("subcategory",)
                where = ".".join(map(str, path)) or "podcast"
                message = {"extra_forbidden": f"unknown show setting '{where}'", "missing": f"missing show setting '{where}'"}.get(
                    item["type"]) or plain_message(item, where)
                self.problems.append(self.diagnostic("E801", path if item["type"] != "missing" else path[:-1], message))
        if self.show and self.show.owner.email and self.show.owner.email.split("@")[0].lower() not in ROLE_MAILBOXES:
            self.problems.append(self.diagnostic(
                "W810", ("owner", "email"), f"owner e-mail '{self.show.owner.email}' does not look like a role mailbox"))

    def position(self, path: tuple) -> tuple[int, int]:
        return self.config.position("podcast", *path)

    def diagnostic(self, code: str, path: tuple, message: str, hint: str | None = None) -> Diagnostic:
        line, column = self.position(path)
        return Diagnostic.of(code, CONFIG_FILE, line, column, message, hint)

    @property
    def feed_url(self) -> str:
        return urls.absolute(self.config.site_url, FEED_DOC)

    def publish_problems(self) -> list[Diagnostic]:
        """What stops the feed from being published, given that there are episodes."""
        if self.raw is None:
            return [Diagnostic.of("E808", CONFIG_FILE, 1, 1, "there are podcast episodes but no show settings under extra.hub.podcast",
                                  "Add extra.hub.podcast to mkdocs.yml: title, description, author, owner (name, email), category, subcategory, artwork, guid.")]
        if self.show is None:
            return []  # E801 already says why
        problems = []
        if not self.feed_url:
            problems.append(Diagnostic.of("E808", CONFIG_FILE, 1, 1, "the feed needs absolute addresses but site_url is not set",
                                          "Set site_url in mkdocs.yml (CI passes the public address in SITE_URL)."))
        if self.show.artwork is None:
            problems.append(self.diagnostic("E808", (), "the feed needs show artwork (extra.hub.podcast.artwork)",
                                            "Add real artwork: JPEG or PNG, RGB, square, 1400-3000 px."))
        if self.show.owner.email is None:
            problems.append(self.diagnostic("E808", ("owner",), "the feed needs an owner e-mail (Spotify verifies ownership with it)",
                                            "Add owner.email: a role mailbox such as podcast@..., never a person's address."))
        if self.show.guid is None and self.feed_url:
            derived = guid_for_feed(self.feed_url)
            problems.append(self.diagnostic(
                "E808", (), f"the feed needs a permanent podcast:guid; for the feed at {self.feed_url} it is {derived}",
                f"Add `guid: {derived}` under extra.hub.podcast, derived from the public feed address (run with SITE_URL set to it); "
                "never change it afterwards."))
        return problems


def artwork_file_problems(show: ShowConfig, root: Path) -> list[Diagnostic]:
    """Local show artwork: inside the hub, present, and within Apple's rules (E802, E806 on mkdocs.yml)."""
    artwork = show.show.artwork if show.show else None
    if not artwork or artwork.startswith("https://"):
        return []
    path = root / artwork
    if ".." in artwork.split("/") or artwork.startswith("/") or not path.is_file():
        return [show.diagnostic("E802", ("artwork",), f"artwork: '{artwork}' is not a file inside the hub",
                                "Give the path from the folder of mkdocs.yml, e.g. content/episode/artwork.png.")]
    return [show.diagnostic("E806", ("artwork",), f"artwork: {message}") for message in artwork_problems(path)]


def episode_guid(show: Show | None, item) -> str:
    """The episode's permanent guid: its own `guid`, else UUIDv5 of its record id in the show's namespace."""
    if item.record.guid:
        return item.record.guid
    namespace = uuid.UUID(show.guid) if show and show.guid else PODCAST_NAMESPACE
    return str(uuid.uuid5(namespace, f"episode/{item.id}"))
