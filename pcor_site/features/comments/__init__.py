"""Comments (issue 15): "Comment on this" on every record page, and "What we heard".

* Every record page ends with a link to the prefilled comment form (plugin/comments.py) naming the
  record, the section ("whole record") and its version. No script, no request on page load.
* Comment records (content/comment/) are the comments maintainers accepted: date, stakeholder
  type (never a name), the record concerned and what changed. They are listed on the What we
  heard page (the comment kind's index) and on the record they changed.
* check: a comment's `record` must exist (E302); extra.hub.comments.repository is "OWNER/NAME" (E616).
"""

from __future__ import annotations

from markupsafe import Markup

from ... import urls
from ...diagnostics import Diagnostic, did_you_mean
from ...plugin.comments import REPOSITORY, comment_link, comment_url, record_version
from ...plugin.feature import CheckContext, Feature, HtmlSection, RecordPart


def _check(ctx: CheckContext) -> tuple[dict[str, list], list[Diagnostic]]:
    problems, heard = [], {}
    raw, _ = ctx.config.section("comments")
    repo = raw.get("repository") if isinstance(raw, dict) else None
    if raw is not None and (not isinstance(raw, dict) or (repo not in (None, "") and not (isinstance(repo, str) and REPOSITORY.fullmatch(repo)))):
        line, col = ctx.config.position("comments", "repository")
        problems.append(Diagnostic.of("E616", "mkdocs.yml", line, col,
                                      "extra.hub.comments.repository must be a GitHub repository as OWNER/NAME (e.g. my-org/my-hub)"))
    for item in sorted(ctx.catalog.of_kind("comment"), key=lambda i: (i.record.date, i.id), reverse=True):
        target = item.record.record
        if target in ctx.catalog.items:
            heard.setdefault(target, []).append(item)
        elif target not in ctx.catalog.broken:
            line, col = item.position("record")
            problems.append(Diagnostic.of("E302", item.path, line, col,
                                          f"record: no record '{target}' (write KIND/ID){did_you_mean(target, ctx.catalog.items)}"))
    return heard, problems


class _CommentPart(RecordPart):
    def __init__(self, item, site, heard: list):
        self.item, self.site, self.heard = item, site, heard

    def sections(self):
        if not self.heard:
            return []
        url = urls.record(self.item.kind, self.item.id)
        rows = Markup("").join(Markup('<li><time datetime="{0}">{0}</time>, a {1}: {2} (<a href="{3}">details<span class="pcor-visually-hidden"> of the comment of {0}</span></a>)</li>').format(
            c.record.date.isoformat(), c.record.stakeholder_type, c.record.changed, urls.relative(url, urls.record(c.kind, c.id)))
            for c in self.heard)
        return [HtmlSection("What we heard", Markup('<p>Comments accepted into this record, and what changed.</p><ul class="pcor-text-list">{}</ul>').format(rows))]

    def end_sections(self):
        item = self.item
        link = comment_url(self.site.config, item.key, "whole record", record_version(item), item.record.title)
        return [HtmlSection("", comment_link(link, item.record.title), "pcor-comment-section")] if link else []


class CommentsFeature(Feature):
    name = "comments"
    pages_read = {"*": frozenset({"comment"})}  # a comment names its record as text ("KIND/ID")
    def check(self, ctx: CheckContext):
        return _check(ctx)

    def record_part(self, item, site, state: dict):
        return None if item.kind.name == "comment" else _CommentPart(item, site, state.get(item.key, []))

    def index_html(self, kind, site, url, state):
        if kind.name != "comment":
            return Markup("")
        return Markup("<p>Every record page has a <strong>Comment on this</strong> link. Maintainers read each comment "
                      "(see CONTRIBUTING.md, “Comments”); the ones they accept are listed here with what changed.</p>")
