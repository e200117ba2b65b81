"""A tool or resource: a toolkit, guide, report, web page or training."""

from pydantic import Field

from ..base import Record
from ..types import ResourceFormat, WebUrl, ref


class Tool(Record):
    url: WebUrl = Field(description="Where readers can get the tool or resource.")
    format: ResourceFormat = Field(description="What kind of resource it is (ids from _vocab/resource_formats.yml).")
    publisher: ref("organization") | None = Field(None, description="Organization that publishes it (organization id).")
