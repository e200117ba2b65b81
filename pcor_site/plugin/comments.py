""""Comment on this": the one place that builds the link to the hub's prefilled GitHub comment form.

The link opens `.github/ISSUE_TEMPLATE/comment.yml` on github.com with the record, section and
version filled in through the form's field ids (GitHub's documented query parameters). It is a
plain link: nothing is requested from GitHub until a reader follows it. The repository comes from
`extra.hub.comments.repository` ("OWNER/NAME", by default the GITHUB_REPOSITORY that GitHub Actions
sets); without one the hub shows no comment links.
"""

from __future__ import annotations

import hashlib
import json
import re
from urllib.parse import urlencode

from markupsafe import Markup

REPOSITORY = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{0,38}/[A-Za-z0-9._-]{1,100}")
FORM = "comment.yml"
LABEL = "comment"


def repository(config) -> str:
    """The "OWNER/NAME" comments go to, or "" when the hub has none (or a malformed one)."""
    section = config.hub.get("comments")
    value = section.get("repository") if isinstance(section, dict) else None
    return value if isinstance(value, str) and REPOSITORY.fullmatch(value) else ""


def record_version(item) -> str:
    """A record's version as commenters see it: its review date and a digest of its content."""
    data = json.dumps(item.record.model_dump(mode="json"), sort_keys=True, ensure_ascii=False) + (item.body or "")
    digest = hashlib.sha256(data.encode("utf-8")).hexdigest()[:10]
    reviewed = item.record.last_reviewed.isoformat() if item.record.last_reviewed else "not reviewed"
    return f"{reviewed} ({digest})"


def comment_url(config, record: str, section: str, version: str, title: str) -> str:
    """The prefilled form's address ("" without a repository). Every value is URL-encoded."""
    repo = repository(config)
    if not repo:
        return ""
    query = urlencode({"template": FORM, "labels": LABEL, "title": f"[comment] {title}"[:200], "record": record,
                       "section": section, "version": version})
    return f"https://github.com/{repo}/issues/new?{query}"


def comment_link(url: str, what: str = "") -> Markup:
    """The link as readers see it ("" without an address). `what` names the section for screen readers."""
    if not url:
        return Markup("")
    hidden = Markup('<span class="pcor-visually-hidden">: {}</span>').format(what) if what else Markup("")
    return Markup('<p class="pcor-comment-link"><a href="{}" rel="nofollow">Comment on this{}</a> '
                  '(opens a form on GitHub; you need a free GitHub account)</p>').format(url, hidden)
