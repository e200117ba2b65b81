"""One gate everywhere (what passes a pull request publishes), the diff comment posted safely by
a `workflow_run`, and the label that turns a proposal issue into a pull request."""

from __future__ import annotations

import importlib.util
import re
import shlex
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = ROOT / ".github" / "workflows"
SCRIPTS = ROOT / ".github" / "scripts"


def workflow(name: str) -> dict:
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def triggers(data: dict) -> dict:
    return data.get("on", data.get(True))


def runs(data: dict) -> list[str]:
    return [step.get("run", "") for job in data["jobs"].values() for step in job.get("steps", [])]


def pcor_commands(data: dict, verb: str) -> list[list[str]]:
    """Each `pcor-site VERB ...` command line in a workflow's scripts, as arguments."""
    found = []
    for script in runs(data):
        for line in script.replace("\\\n", " ").splitlines():
            if re.search(rf"\bpcor-site {verb}\b", line):
                words = shlex.split(line.strip())
                found.append(words[words.index("pcor-site"):])
    return found


def script(name: str):
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


# -- the same gate in pr.yml and pages.yml -------------------------------------------------------


def test_pull_requests_build_exactly_as_strictly_as_publishing():
    pr, pages = workflow("pr.yml"), workflow("pages.yml")
    (published,) = pcor_commands(pages, "build")
    (previewed,) = pcor_commands(pr, "build")
    assert "--strict" in published
    assert sorted(previewed) == sorted(published)  # same verb and flags: what passes here publishes
    assert all("--strict" in command for command in pcor_commands(pr, "check"))


def test_no_other_pcor_site_gate_is_laxer():
    for name in ("pr.yml", "pages.yml"):
        for verb in ("check", "build"):
            for command in pcor_commands(workflow(name), verb):
                assert "--strict" in command, (name, command)


# -- the diff comment ----------------------------------------------------------------------------


def test_comment_workflow_runs_no_pull_request_code():
    data = workflow("pr-comment.yml")
    assert triggers(data) == {"workflow_run": {"workflows": [workflow("pr.yml")["name"]], "types": ["completed"]}}
    assert data["permissions"] == {}
    (job,) = data["jobs"].values()
    assert job["permissions"] == {"actions": "read", "pull-requests": "write"}
    assert job["if"] == "github.event.workflow_run.event == 'pull_request'"
    for step in job["steps"]:
        if "uses" in step:
            assert step["uses"].startswith("actions/checkout@")
            assert "ref" not in step["with"] and "repository" not in step["with"]  # the default branch only
        text = step.get("run", "")
        for forbidden in ("pip install", "pytest", "pcor-site", "make ", "${{"):
            assert forbidden not in text, (forbidden, text)
    scripts = " ".join(runs(data))
    assert "python3 .github/scripts/pr_comment.py" in scripts and "gh run download" in scripts


comment = script("pr_comment")


def test_comment_text_cannot_ping_embed_html_or_images():
    hostile = ("| added | practice/x | @maintainers please merge <img src=x onerror=alert(1)> "
               "![t](https://tracker.example/p.gif) <!-- pcor-site: record diff --> |\n")
    assert comment.safe_markdown(hostile) == (
        "| added | practice/x | @\u2060maintainers please merge  [t](https://tracker.example/p.gif)  |")
    body = comment.comment_body(hostile * 5000, "https://github.com/o/r/actions/runs/1")
    assert body.startswith(comment.MARKER + "\n") and body.count(comment.MARKER) == 1
    assert len(body) < comment.MAX_CHARS + 1000 and "… (cut: the full list is in the run's job summary)" in body


@pytest.mark.parametrize("text", ["12; rm -rf /", "-1", "0", "1e3", "", "12\n13"])
def test_comment_refuses_a_forged_pull_request_number(text: str):
    with pytest.raises(ValueError):
        comment.pull_number(text)


class FakeApi:
    def __init__(self, head: str, comments: list[dict]):
        self.head, self.comments, self.calls = head, comments, []

    def __call__(self, method: str, url: str, token: str, data=None):
        self.calls.append((method, url.removeprefix(comment.API), data))
        if url.endswith("/pulls/7"):
            return {"head": {"sha": self.head}}
        if "/comments?" in url:
            return self.comments
        return {}


def test_comment_is_edited_on_the_next_push(monkeypatch):
    api = FakeApi("abc", [{"id": 5, "body": "thanks!", "user": {"type": "User"}},
                          {"id": 9, "body": comment.MARKER + "\nold", "user": {"type": "Bot"}}])
    monkeypatch.setattr(comment, "_request", api)
    assert comment.post("o/r", 7, "abc", "new body", "token") == "updated"
    assert api.calls[-1] == ("PATCH", "/repos/o/r/issues/comments/9", {"body": "new body"})
    api = FakeApi("abc", [{"id": 5, "body": comment.MARKER + " forged by a person", "user": {"type": "User"}}])
    monkeypatch.setattr(comment, "_request", api)
    assert comment.post("o/r", 7, "abc", "first", "token") == "created"
    assert api.calls[-1] == ("POST", "/repos/o/r/issues/7/comments", {"body": "first"})


def test_comment_refuses_an_artifact_from_another_commit(monkeypatch):
    monkeypatch.setattr(comment, "_request", FakeApi("other", []))
    with pytest.raises(ValueError, match="not the one this run checked"):
        comment.post("o/r", 7, "abc", "body", "token")


# -- issue form → pull request -------------------------------------------------------------------


def test_proposal_workflow_is_started_by_the_maintainers_label():
    forms = script("issue_forms")
    data = workflow("propose.yml")
    assert triggers(data) == {"issues": {"types": ["labeled"]}}
    assert data["permissions"] == {}
    (job,) = data["jobs"].values()
    assert job["if"] == (f"github.event.label.name == '{forms.ACCEPT_LABEL}' && "
                         f"contains(github.event.issue.labels.*.name, '{forms.PROPOSAL_LABEL}')")
    assert job["permissions"] == {"contents": "write", "pull-requests": "write", "issues": "write"}
    write = next(step for step in job["steps"] if "issue_to_record.py" in step.get("run", ""))
    assert write["env"] == {"ISSUE_TITLE": "${{ github.event.issue.title }}", "ISSUE_BODY": "${{ github.event.issue.body }}"}
    opened = next(step for step in job["steps"] if "gh pr create" in step.get("run", ""))
    assert opened["if"] == "steps.record.outputs.code == '0'"  # only a record that passed check
    assert "Closes #%s" in opened["run"]
    assert any("gh issue comment" in run for run in runs(data))
    for text in runs(data):
        assert "${{" not in text
