"""`pcor-site info`, `pcor-site diff` and `pcor-site stale`: exact output on small git repositories built here."""

from __future__ import annotations

import platform
import shutil
import subprocess
from importlib import metadata

import pytest

from pcor_site.cli import main
from pcor_site.commands.diff import md_escape

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

PRACTICE_BASE = """\
---
# yaml-language-server: $schema=../../schemas/practice.schema.json
title: Collaborative care
summary: Primary care teams treat depression with a care manager and a psychiatric consultant.
evidence_tier: promising
sources:
  - url: https://example.org/collaborative-care
---

The first version of the body.
"""

PRACTICE_HEAD = """\
---
# yaml-language-server: $schema=../../schemas/practice.schema.json
title: Collaborative care
summary: Primary care teams treat depression and anxiety with a care manager and a psychiatric consultant.
evidence_tier: strong
sources:
  - url: https://example.org/collaborative-care
---

The second version of the body, with more detail.
"""

OLD_ORG = """\
title: Old organization
summary: An organization the hub no longer lists, for this test only.
sources:
  - seed: chcc-pcor-capacity
"""

UNCHANGED_REGION = """\
title: Test region
summary: A region that stays the same between the two revisions.
area: Nowhere
lead_organizations: [old-org]
"""

NEW_TERM = """\
title: New term
summary: A glossary term added by the change under test, long enough.
definition: A definition.
sources:
  - url: https://example.org/term
"""


def git(repo, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false",
         "-c", "init.defaultBranch=main", *args],
        cwd=repo, capture_output=True, text=True, check=True,
    )
    return done.stdout


def write(root, files: dict[str, str | None]) -> None:
    for rel, text in files.items():
        path = root / rel
        if text is None:
            path.unlink()
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")


def commit(repo, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


@pytest.fixture
def hub(tmp_path):
    """A hub repository: tag `base`, then HEAD adds a term, changes a practice and removes an organization."""
    git(tmp_path, "init", "-q")
    write(tmp_path, {
        "content/practice/collaborative-care.md": PRACTICE_BASE,
        "content/organization/old-org.yml": OLD_ORG,
        "content/region/test-region.yml": UNCHANGED_REGION,
        "content/_vocab/statuses.yml": "completed:\n  label: Completed\n",
        "README.md": "A test hub.\n",
    })
    commit(tmp_path, "base")
    git(tmp_path, "tag", "base")
    write(tmp_path, {
        "content/practice/collaborative-care.md": PRACTICE_HEAD,
        "content/organization/old-org.yml": None,
        "content/term/new-term.yml": NEW_TERM,
        "content/_vocab/statuses.yml": "completed:\n  label: Done\n",
        "README.md": "A test hub, changed.\n",
    })
    commit(tmp_path, "head")
    return tmp_path


EXPECTED_TEXT = """\
Records changed between base and HEAD: 1 added, 1 changed, 1 removed.

Added:
  term/new-term "New term" (content/term/new-term.yml)

Changed:
  practice/collaborative-care "Collaborative care" (content/practice/collaborative-care.md): changed summary, evidence_tier and body

Removed:
  organization/old-org "Old organization" (content/organization/old-org.yml)
"""

EXPECTED_MARKDOWN = """\
### Record changes between `base` and `HEAD`

1 added, 1 changed, 1 removed.

**Added**

- `term/new-term` New term

**Changed**

- `practice/collaborative-care` Collaborative care: changed `summary`, `evidence_tier` and body

**Removed**

- `organization/old-org` Old organization
"""


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_diff_text_is_exact(hub, capsys):
    assert run(capsys, "diff", "base", "--root", str(hub)) == (0, EXPECTED_TEXT, "")


def test_diff_markdown_is_exact(hub, capsys):
    assert run(capsys, "diff", "base", "HEAD", "--format", "markdown", "--root", str(hub)) == (0, EXPECTED_MARKDOWN, "")


def test_diff_of_a_revision_with_itself_says_nothing_changed(hub, capsys):
    assert run(capsys, "diff", "HEAD", "HEAD", "--root", str(hub)) == (0, "No records changed between HEAD and HEAD.\n", "")
    code, out, _ = run(capsys, "diff", "HEAD", "--format", "markdown", "--root", str(hub))
    assert out == "### Record changes between `HEAD` and `HEAD`\n\nNo records changed.\n"


def test_diff_reports_an_unreadable_record_instead_of_crashing(hub, capsys):
    write(hub, {
        "content/term/new-term.yml": NEW_TERM + "title: Twice\n",
        "content/practice/collaborative-care.md": PRACTICE_HEAD.replace("---\n\nThe second", "\nThe second"),
        "content/tool/comment-only.yml": "title: A tool\n",
    })
    commit(hub, "break two records")
    write(hub, {"content/tool/comment-only.yml": "# a comment\ntitle: A tool\n"})
    commit(hub, "comment only")
    code, out, err = run(capsys, "diff", "HEAD~2", "--root", str(hub))
    assert (code, err) == (0, "")
    assert out == (
        "Records changed between HEAD~2 and HEAD: 1 added, 2 changed, 0 removed.\n"
        "\n"
        "Added:\n"
        "  tool/comment-only \"A tool\" (content/tool/comment-only.yml)\n"
        "\n"
        "Changed:\n"
        "  practice/collaborative-care \"Collaborative care\" (content/practice/collaborative-care.md): "
        "could not be read (the front matter between `---` lines is missing or not closed)\n"
        "  term/new-term \"New term\" (content/term/new-term.yml): could not be read (line 6: duplicate key 'title' (first defined on line 1))\n"
    )
    code, out, _ = run(capsys, "diff", "HEAD~1", "--root", str(hub))
    assert out.endswith("  tool/comment-only \"A tool\" (content/tool/comment-only.yml): only comments or layout changed\n")


def test_diff_works_for_a_hub_in_a_subfolder_of_the_repository(tmp_path, capsys):
    git(tmp_path, "init", "-q")
    write(tmp_path, {"hub/content/organization/old-org.yml": OLD_ORG, "content/term/elsewhere.yml": NEW_TERM})
    commit(tmp_path, "base")
    write(tmp_path, {"hub/content/term/new-term.yml": NEW_TERM})
    commit(tmp_path, "head")
    code, out, _ = run(capsys, "diff", "HEAD~1", "--root", str(tmp_path / "hub"))
    assert out == (
        "Records changed between HEAD~1 and HEAD: 1 added, 0 changed, 0 removed.\n\n"
        "Added:\n  term/new-term \"New term\" (content/term/new-term.yml)\n"
    )


@pytest.mark.parametrize("revisions, message", [
    (["no-such-revision"], "unknown revision 'no-such-revision'"),
    (["base", "no-such-revision"], "unknown revision 'no-such-revision'"),
    (["--", "--upload-pack=x"], "'--upload-pack=x' is not a revision"),
])
def test_diff_on_a_bad_revision_exits_2(hub, capsys, revisions, message):
    assert run(capsys, "diff", "--root", str(hub), *revisions) == (2, "", f"error: {message}\n")


def test_diff_outside_a_git_repository_exits_2(tmp_path, capsys):
    code, out, err = run(capsys, "diff", "HEAD", "--root", str(tmp_path))
    assert (code, out) == (2, "")
    assert err == f"error: {tmp_path} is not inside a git repository\n"


def test_markdown_escaping_keeps_contributor_text_literal():
    assert md_escape("A *bold* [link](https://x.org) | <b>&</b>") == r"A \*bold\* \[link\](https://x.org) \| &lt;b&gt;&amp;&lt;/b&gt;"


def test_info_prints_the_versions(capsys):
    code, out, err = run(capsys, "info")
    assert (code, err) == (0, "")
    lines = dict(line.split(":", 1) for line in out.splitlines())
    assert lines["Python"].strip().startswith(platform.python_version())
    assert lines["pcor-site"].strip() == metadata.version("pcor-site")
    assert lines["MkDocs (engine)"].strip() == metadata.version("mkdocs")
    assert lines["mkdocs-material (theme)"].strip() == metadata.version("mkdocs-material")
    assert lines["pydantic"].strip() == metadata.version("pydantic")
    assert lines["Platform"].strip() == platform.platform()


def test_stale_lists_records_past_their_review_date(tmp_path, capsys):
    write(tmp_path, {
        "content/organization/old.yml": OLD_ORG + "last_reviewed: 2024-01-01\n",
        "content/organization/fresh.yml": OLD_ORG + "last_reviewed: 2025-06-01\n",
        "content/organization/never.yml": OLD_ORG,
        "content/organization/broken.yml": "title: [unclosed\n",
    })
    code, out, err = run(capsys, "stale", "--today", "2025-12-31", "--root", str(tmp_path))
    assert code == 0
    assert out == ("content/organization/never.yml: never reviewed (no last_reviewed)\n"
                   "content/organization/old.yml: last reviewed 2024-01-01\n")
    assert err == "2 records past their review date (365 days)\n"
    code, out, _ = run(capsys, "stale", "--today", "2025-12-31", "--days", "1000", "--format", "markdown", "--root", str(tmp_path))
    assert out == ("### Records past their review date (1000 days)\n\n"
                   "- `content/organization/never.yml`: never reviewed (no last_reviewed)\n")
    assert run(capsys, "stale", "--today", "31/12/2025", "--root", str(tmp_path))[0] == 2
