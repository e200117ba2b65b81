"""The contribution path: issue forms in sync with the schema, safe workflows, a useful guide."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from pcor_site.diagnostics import RULES

ROOT = Path(__file__).resolve().parents[1]
GITHUB = ROOT / ".github"
FORMS = GITHUB / "ISSUE_TEMPLATE"
WORKFLOWS = GITHUB / "workflows"
SHA_PIN = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}$")


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path} is not a YAML mapping"
    return data


def workflows() -> dict[str, dict]:
    return {p.name: load(p) for p in sorted(WORKFLOWS.glob("*.yml"))}


def triggers(workflow: dict) -> dict:
    on = workflow.get("on", workflow.get(True))  # PyYAML 1.1 reads a bare `on` key as True
    return on if isinstance(on, dict) else {name: None for name in ([on] if isinstance(on, str) else on)}


def steps(workflow: dict):
    for job_name, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            yield job_name, step


def form_fields(form: dict) -> dict[str, dict]:
    return {element["id"]: element for element in form["body"] if "id" in element}


# ------------------------------------------------------------------ issue forms


def test_every_form_and_workflow_parses():
    files = sorted(FORMS.glob("*.yml")) + sorted(WORKFLOWS.glob("*.yml"))
    assert len(files) >= 16
    for path in files:
        load(path)


# The proposal forms themselves (generated, one per kind) are tested in tests/test_issue_forms.py.


def test_correction_and_bug_forms_and_no_blank_issues():
    assert load(FORMS / "config.yml")["blank_issues_enabled"] is False
    correction = form_fields(load(FORMS / "correct-content.yml"))
    assert {"record", "problem", "correction", "sources"} <= set(correction)
    assert correction["sources"]["validations"]["required"] is True
    bug = form_fields(load(FORMS / "report-bug.yml"))
    assert "pcor-site info" in bug["environment"]["attributes"]["label"]
    assert bug["environment"]["validations"]["required"] is True
    for path in FORMS.glob("*.yml"):
        if path.name != "config.yml":
            form = load(path)
            assert {"name", "description", "body"} <= set(form), path.name
            ids = [e["id"] for e in form["body"] if "id" in e]
            assert len(ids) == len(set(ids)), f"{path.name} repeats an id"


def test_pull_request_template_checklist():
    text = (GITHUB / "pull_request_template.md").read_text(encoding="utf-8")
    assert "- [ ] `pcor-site check --strict` passes" in text
    assert "source" in text and "`make golden`" in text


# ------------------------------------------------------------------ workflows


def test_every_action_is_pinned_to_a_commit_with_its_release():
    uses = 0
    for path in sorted(WORKFLOWS.glob("*.yml")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            match = re.match(r"\s*(?:-\s+)?uses:\s*(\S+)(.*)$", line)
            if not match:
                continue
            uses += 1
            target, rest = match.groups()
            where = f"{path.name}:{number}"
            assert SHA_PIN.match(target), f"{where}: {target} is not pinned to a full commit SHA"
            assert re.fullmatch(r"\s+# v\d+\.\d+\.\d+", rest), f"{where}: add the release as '# vX.Y.Z'"
    assert uses >= 9
    for name, workflow in workflows().items():
        for _, step in steps(workflow):
            if "uses" in step:
                assert SHA_PIN.match(step["uses"]), f"{name}: {step['uses']}"


def test_no_workflow_uses_pull_request_target_or_expressions_in_scripts():
    for name, workflow in workflows().items():
        assert "pull_request_target" not in triggers(workflow), name
        if "workflow_run" in triggers(workflow):  # only the comment job, which runs no pull request code
            assert name == "pr-comment.yml", name
        assert "permissions" in workflow, f"{name} must set top-level permissions"
        for job_name, step in steps(workflow):
            assert "${{" not in step.get("run", ""), f"{name}/{job_name}: pass values to run: through env:"
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False, f"{name}/{job_name}"


def test_pull_request_workflow():
    workflow = workflows()["pr.yml"]
    assert set(triggers(workflow)) == {"pull_request"}
    assert workflow["permissions"] == {"contents": "read"}
    (job,) = workflow["jobs"].values()
    assert "permissions" not in job
    runs = [step.get("run", "") for step in job["steps"]]
    uses = [step.get("uses", "").split("@")[0] for step in job["steps"]]
    checkout = job["steps"][uses.index("actions/checkout")]
    assert checkout["with"]["fetch-depth"] == 0
    assert job["steps"][uses.index("actions/setup-python")]["with"]["python-version"] == "3.11"
    for command in ('pip install -e ".[test]"', "pcor-site check --strict --format github", "python -m pytest", "pcor-site build"):
        assert any(command in run for run in runs), command
    diff_step = next(step for step in job["steps"] if "pcor-site diff" in step.get("run", ""))
    assert 'pcor-site diff "origin/${BASE_REF}" HEAD --format markdown > pr-comment/diff.md' in diff_step["run"]
    assert 'cat pr-comment/diff.md >> "$GITHUB_STEP_SUMMARY"' in diff_step["run"]
    assert diff_step["env"] == {"BASE_REF": "${{ github.base_ref }}", "PR_NUMBER": "${{ github.event.pull_request.number }}"}
    uploads = [step for step in job["steps"] if step.get("uses", "").startswith("actions/upload-artifact@")]
    assert [u["with"]["name"] for u in uploads] == ["pr-comment", "site-preview"]
    assert uploads[1]["with"]["path"].rstrip("/") == "site"
    assert job["steps"].index(uploads[1]) > max(i for i, run in enumerate(runs) if "pcor-site build" in run)


def test_pages_workflow_permissions():
    workflow = workflows()["pages.yml"]
    on = triggers(workflow)
    assert on["push"] == {"branches": ["main"]} and "workflow_dispatch" in on
    assert workflow["permissions"] in ({}, {"contents": "read"})
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read", "pages": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build"
    assert deploy["environment"] == {"name": "github-pages", "url": "${{ steps.deployment.outputs.page_url }}"}
    (step,) = deploy["steps"]
    assert step["id"] == "deployment" and step["uses"].startswith("actions/deploy-pages@")
    configure = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/configure-pages@"))
    build_step = next(s for s in build["steps"] if "pcor-site build" in s.get("run", ""))
    assert build_step["env"]["SITE_URL"] == f"${{{{ steps.{configure['id']}.outputs.base_url }}}}"
    upload = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"] == {"path": "site"}
    assert "site_url: !ENV [SITE_URL" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


def test_weekly_workflow_reports_without_failing():
    workflow = workflows()["weekly.yml"]
    on = triggers(workflow)
    assert on["schedule"] and "workflow_dispatch" in on
    assert workflow["permissions"] == {"contents": "read"}
    runs = [step for _, step in steps(workflow) if "run" in step]
    links = next(step for step in runs if "lychee --" in step["run"])
    assert links["continue-on-error"] is True and "GITHUB_STEP_SUMMARY" in links["run"]
    stale = next(step for step in runs if "pcor-site stale" in step["run"])
    assert "GITHUB_STEP_SUMMARY" in stale["run"]


def _zizmor() -> list[str] | None:
    if shutil.which("zizmor"):
        return [shutil.which("zizmor")]
    sibling = Path(sys.executable).with_name("zizmor")
    if sibling.exists():
        return [str(sibling)]
    if importlib.util.find_spec("zizmor") is not None:
        return [sys.executable, "-m", "zizmor"]
    return None


def test_zizmor_clean():
    command = _zizmor()
    if command is None:
        pytest.skip("zizmor is not installed: `pip install zizmor` (it is in the test extra) to audit the workflows")
    done = subprocess.run([*command, "--offline", "--no-progress", str(WORKFLOWS)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No findings to report" in done.stdout


# ------------------------------------------------------------------ the guide


def test_contributing_guide_covers_the_contributor_path():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for needle in ("make check", "make test", "make golden", "make schemas", "pcor-site new KIND SLUG",
                   "# yaml-language-server: $schema=../../schemas/", "pcor-site check --strict", "pcor-site info",
                   "cautions", "seed", "references.bib"):
        assert needle in text, needle
    families = sorted({code[0] + code[1] for code in RULES})
    for family in families:
        assert f"{family}xx" in text, f"rule family {family}xx is not explained"
