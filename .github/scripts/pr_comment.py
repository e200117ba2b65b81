"""Post the pull request's record diff as one comment, updated on every push.

Run by .github/workflows/pr-comment.yml (a `workflow_run` after "Pull request" finishes), from
the main branch's copy of this file: no code from the pull request runs here. What the pull
request's run uploaded (diff.md, number.txt) is untrusted text. So the pull request number must
be digits and the pull request's head commit must be the one that run checked; the diff loses
HTML, @mentions and its length beyond a cap; and the comment is found again by a hidden marker
that this script alone writes, so each push edits the same comment.

    python .github/scripts/pr_comment.py --artifact DIR --head-sha SHA --repo OWNER/NAME

It talks to the GitHub REST API with the token in $GH_TOKEN (standard library only).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import urllib.request
from pathlib import Path

MARKER = "<!-- pcor-site: record diff -->"
MAX_CHARS = 30_000
API = "https://api.github.com"
PREVIEW = ("To look at the built site: download the `site-preview` artifact from this run, unzip it, then "
           "run `python3 -m http.server 8000 --directory site-preview` and open http://127.0.0.1:8000/ "
           "(see CONTRIBUTING.md, *Look at a pull request's preview*).")


def pull_number(text: str) -> int:
    value = text.strip()
    if not re.fullmatch(r"[1-9][0-9]{0,9}", value):
        raise ValueError("the pull request number in the artifact is not a number")
    return int(value)


def safe_markdown(text: str) -> str:
    """The diff as Markdown that cannot ping people, embed HTML or images, or run on forever."""
    text = text.replace("\r", "")
    text = re.sub(r"<[^>]*>?", "", text)  # no HTML, no hidden comments (the marker stays ours)
    text = text.replace("@", "@\u2060")  # a word joiner after @: no mention, no team ping
    text = re.sub(r"!\[", "[", text)  # no remote images (they would fetch from any host)
    if len(text) > MAX_CHARS:
        text = text[:MAX_CHARS].rsplit("\n", 1)[0] + "\n\n… (cut: the full list is in the run's job summary)"
    return text.strip()


def comment_body(diff: str, run_url: str) -> str:
    return f"{MARKER}\n### Records this pull request changes\n\n{safe_markdown(diff)}\n\n{PREVIEW}\n\n[The checks' run]({run_url})\n"


def _request(method: str, url: str, token: str, data: dict | None = None):
    body = json.dumps(data).encode() if data is not None else None
    request = urllib.request.Request(url, data=body, method=method, headers={
        "Authorization": f"Bearer {token}", "Accept": "application/vnd.github+json", "X-GitHub-Api-Version": "2022-11-28"})
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - a fixed https:// API address
        return json.loads(response.read() or b"null")


def post(repo: str, number: int, head_sha: str, body: str, token: str) -> str:
    pull = _request("GET", f"{API}/repos/{repo}/pulls/{number}", token)
    if pull["head"]["sha"] != head_sha:
        raise ValueError("the artifact's pull request is not the one this run checked")
    comments = _request("GET", f"{API}/repos/{repo}/issues/{number}/comments?per_page=100", token)
    mine = [c for c in comments if c["body"].startswith(MARKER) and c["user"]["type"] == "Bot"]
    if mine:
        _request("PATCH", f"{API}/repos/{repo}/issues/comments/{mine[0]['id']}", token, {"body": body})
        return "updated"
    _request("POST", f"{API}/repos/{repo}/issues/{number}/comments", token, {"body": body})
    return "created"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--artifact", type=Path, required=True)
    parser.add_argument("--head-sha", required=True)
    parser.add_argument("--repo", required=True)
    parser.add_argument("--run-url", default="")
    args = parser.parse_args(argv)
    try:
        number = pull_number((args.artifact / "number.txt").read_text(encoding="utf-8"))
        diff = (args.artifact / "diff.md").read_text(encoding="utf-8", errors="replace")
        done = post(args.repo, number, args.head_sha, comment_body(diff, args.run_url), os.environ["GH_TOKEN"])
    except (OSError, ValueError, KeyError) as error:
        print(f"no comment posted: {error}", file=sys.stderr)
        return 1
    print(f"{done} the record diff comment on #{number}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
