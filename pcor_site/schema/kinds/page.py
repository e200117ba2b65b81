"""A free page (about, project pages): Markdown with a title and summary."""

from pydantic import Field

from ..base import Record
from ..types import Line


class Page(Record):
    nav_title: Line | None = Field(None, description="Shorter title for menus.")
