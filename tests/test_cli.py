"""The command line as a contributor and CI meet it: exit codes, exact output, help, docs.

Every command runs in a subprocess, as in a terminal or a workflow step, and no input may end in
a Python traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO
from pcor_site import __version__
from pcor_site.cli import parser
from pcor_site.schema import KINDS, all_schemas


def run(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """`python -m pcor_site ARGS` outside GitHub Actions (unless `env` says so); never a traceback."""
    environment = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "CI")}
    environment["NO_MKDOCS_2_WARNING"] = "1"
    environment.setdefault("SOURCE_DATE_EPOCH", "1700000000")
    environment.update(env or {})
    done = subprocess.run([sys.executable, "-m", "pcor_site", *args], capture_output=True, text=True,
                          env=environment, cwd=cwd or REPO, timeout=300)
    assert "Traceback" not in done.stderr, done.stderr
    assert "Traceback" not in done.stdout, done.stdout
    return done


def commands() -> list[str]:
    for action in parser()._actions:
        if isinstance(action, argparse._SubParsersAction):
            return list(action.choices)
    raise AssertionError("the parser has no commands")


# -- a small broken hub: one error and one warning ----------------------------------------------

BROKEN_TEXT = """\
content/organization/fixture-org.yml:1:1: W117 warning: the file starts with a UTF-8 byte-order mark
    hint: Save the file as UTF-8 without BOM. (see CONTRIBUTING.md#w117-byte-order-mark-at-start-of-file)
content/term/fixture-term.yml:7:1: E201 unknown field 'colour'
    hint: Remove the field or fix its spelling; see the kind's schema. (see CONTRIBUTING.md#e201-unknown-field)
"""
BROKEN_GITHUB = """\
::warning file=content/organization/fixture-org.yml,line=1,col=1,title=W117 byte-order mark at start of file::\
the file starts with a UTF-8 byte-order mark%0ASave the file as UTF-8 without BOM.
::error file=content/term/fixture-term.yml,line=7,col=1,title=E201 unknown field::\
unknown field 'colour'%0ARemove the field or fix its spelling; see the kind's schema.
"""
BROKEN_JSON = [
    {
        "path": "content/organization/fixture-org.yml", "line": 1, "column": 1, "severity": "warning", "code": "W117",
        "message": "the file starts with a UTF-8 byte-order mark", "hint": "Save the file as UTF-8 without BOM.",
    },
    {
        "path": "content/term/fixture-term.yml", "line": 7, "column": 1, "severity": "error", "code": "E201",
        "message": "unknown field 'colour'", "hint": "Remove the field or fix its spelling; see the kind's schema.",
    },
]
BROKEN_SUMMARY = "check failed: checked 18 records in 26 files: 1 error, 1 warning in 2 files\n"


@pytest.fixture
def broken_hub(hub_copy: Path) -> Path:
    term = hub_copy / "content" / "term" / "fixture-term.yml"
    lines = term.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 6  # the unknown field lands on line 7
    term.write_text("\n".join(lines) + "\ncolour: red\n", encoding="utf-8")
    org = hub_copy / "content" / "organization" / "fixture-org.yml"
    org.write_bytes(b"\xef\xbb\xbf" + org.read_bytes())
    return hub_copy


def test_check_text_output_is_exact(broken_hub: Path):
    done = run("check", "--root", str(broken_hub), "--format", "text")
    assert done.returncode == 1
    assert done.stdout == BROKEN_TEXT
    assert done.stderr == BROKEN_SUMMARY


def test_check_github_output_is_exact(broken_hub: Path):
    done = run("check", "--root", str(broken_hub), "--format", "github")
    assert done.returncode == 1
    assert done.stdout == BROKEN_GITHUB
    assert done.stderr == BROKEN_SUMMARY


def test_check_json_output_is_exact_and_alone(broken_hub: Path):
    done = run("check", "--root", str(broken_hub), "--format", "json")
    assert done.returncode == 1
    assert json.loads(done.stdout) == BROKEN_JSON
    assert done.stdout == json.dumps(BROKEN_JSON, indent=2, ensure_ascii=False) + "\n"
    assert done.stderr == ""  # stdout stays machine-readable; no summary line


def test_default_format_is_github_under_github_actions(broken_hub: Path):
    done = run("check", "--root", str(broken_hub), env={"GITHUB_ACTIONS": "true"})
    assert done.returncode == 1
    assert done.stdout == BROKEN_GITHUB


def test_default_format_is_text_elsewhere(broken_hub: Path):
    done = run("check", "--root", str(broken_hub))
    assert done.stdout == BROKEN_TEXT
    done = run("check", "--root", str(broken_hub), env={"GITHUB_ACTIONS": "false"})
    assert done.stdout == BROKEN_TEXT


def test_explicit_format_wins_over_github_actions(broken_hub: Path):
    done = run("check", "--root", str(broken_hub), "--format", "text", env={"GITHUB_ACTIONS": "true"})
    assert done.stdout == BROKEN_TEXT


def test_warnings_fail_only_under_strict(hub_copy: Path):
    org = hub_copy / "content" / "organization" / "fixture-org.yml"
    org.write_bytes(b"\xef\xbb\xbf" + org.read_bytes())
    done = run("check", "--root", str(hub_copy), "--format", "text")
    assert done.returncode == 0
    assert done.stderr == "checked 18 records in 26 files: 0 errors, 1 warning in 1 file\n"
    done = run("check", "--root", str(hub_copy), "--format", "text", "--strict")
    assert done.returncode == 1
    assert done.stderr == "check failed: checked 18 records in 26 files: 0 errors, 1 warning in 1 file\n"


def test_build_of_broken_hub_exits_1_and_says_output_was_kept(broken_hub: Path):
    done = run("build", "--root", str(broken_hub), "--format", "text")
    assert done.returncode == 1
    assert done.stdout == BROKEN_TEXT
    site = (broken_hub / "site").resolve()
    assert done.stderr == f"build failed: 1 error, 1 warning in 2 files; {site} was left as it was\n"
    assert not site.exists()


# -- exit codes ---------------------------------------------------------------------------------


def test_clean_check_exits_0_quietly(hub_copy: Path):
    done = run("check", "--root", str(hub_copy), "--format", "text")
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "checked 18 records in 26 files: no problems\n")
    done = run("check", "--root", str(hub_copy), "--format", "json")
    assert (done.returncode, done.stdout, done.stderr) == (0, "[]\n", "")


def test_clean_build_exits_0(hub_copy: Path, tmp_path: Path):
    out = tmp_path / "public"
    done = run("build", "--root", str(hub_copy), "--out", str(out), "--format", "text", env={"SITE_URL": "https://example.org/hub/"})
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""  # with a public address a clean build prints no diagnostic (test_clients: without one, W910)
    assert re.fullmatch(rf"built \d+ pages into {re.escape(str(out))} in \d+\.\d s\n", done.stderr)
    assert (out / "index.html").is_file()


def test_check_runs_from_the_hub_folder_by_default(hub_copy: Path):
    assert run("check", cwd=hub_copy).returncode == 0


def test_unknown_command_is_a_usage_error():
    done = run("frobnicate")
    assert done.returncode == 2
    assert "invalid choice: 'frobnicate'" in done.stderr
    assert run().returncode == 2  # no command at all


def test_unknown_format_is_a_usage_error(hub_copy: Path):
    done = run("check", "--root", str(hub_copy), "--format", "xml")
    assert done.returncode == 2
    assert "invalid choice: 'xml'" in done.stderr


@pytest.mark.parametrize("command", ["check", "build"])
@pytest.mark.parametrize("layout", ["empty", "content-only", "config-only", "missing"])
def test_root_that_is_not_a_hub_is_a_usage_error(tmp_path: Path, command: str, layout: str):
    root = tmp_path / "not-a-hub"
    if layout != "missing":
        root.mkdir()
    if layout == "content-only":
        (root / "content").mkdir()
    if layout == "config-only":
        (root / "mkdocs.yml").write_text("site_name: X\n", encoding="utf-8")
    done = run(command, "--root", str(root))
    assert done.returncode == 2
    assert done.stderr == f"error: {root} is not a hub project: it needs content/ and mkdocs.yml\n"
    assert done.stdout == ""
    assert not (root / "site").exists() and not (root / "build").exists()


def test_unreadable_config_is_a_usage_error(hub_copy: Path):
    (hub_copy / "mkdocs.yml").write_text("site_name: [unclosed\n", encoding="utf-8")
    done = run("check", "--root", str(hub_copy))
    assert done.returncode == 2
    assert done.stderr.startswith("error: ") and "cannot read the configuration" in done.stderr


def test_new_writes_a_record_and_prints_its_path(hub_copy: Path):
    done = run("new", "tool", "brand-new-tool", "--root", str(hub_copy))
    assert done.returncode == 0, done.stderr
    path = hub_copy / "content" / "tool" / "brand-new-tool.yml"
    assert done.stdout == f"{path}\n"
    assert path.is_file()
    done = run("new", "page", "about-us", "--root", str(hub_copy))
    assert done.stdout == f"{hub_copy / 'content' / 'pages' / 'about-us.md'}\n"


def test_new_with_unknown_kind_is_a_usage_error(hub_copy: Path):
    done = run("new", "podcast", "x", "--root", str(hub_copy))
    assert done.returncode == 2
    assert done.stderr == f"error: unknown kind 'podcast'; choose one of: {', '.join(KINDS)}\n"
    assert not (hub_copy / "content" / "podcast").exists()


@pytest.mark.parametrize("slug", ["Bad_Slug", "-leading", "has space", "ümlaut", "a" * 81, "../escape"])
def test_new_with_bad_slug_is_a_usage_error(hub_copy: Path, slug: str):
    before = sorted(p.name for p in (hub_copy / "content" / "tool").iterdir())
    done = run("new", "--root", str(hub_copy), "--", "tool", slug)  # `--`: '-leading' is an argument, not an option
    assert done.returncode == 2
    assert done.stderr == f"error: '{slug}' is not a valid id: use lower-case letters, digits and hyphens\n"
    assert sorted(p.name for p in (hub_copy / "content" / "tool").iterdir()) == before
    assert not (hub_copy / "escape.yml").exists()


@pytest.mark.parametrize("kind, existing", [("tool", "tool/fixture-tool.yml"), ("practice", "practice/fixture-practice.md"),
                                            ("page", "pages/chcc-pcor-capacity.md")])
def test_new_refuses_to_overwrite_an_existing_record(hub_copy: Path, kind: str, existing: str):
    path = hub_copy / "content" / existing
    before = path.read_bytes()
    done = run("new", kind, path.stem, "--root", str(hub_copy))
    assert done.returncode == 2
    assert done.stderr == f"error: {path} already exists\n"
    assert path.read_bytes() == before


def test_new_refuses_an_id_taken_with_another_extension(hub_copy: Path):
    # a .yml record and a .md record with one id would be a duplicate id
    (hub_copy / "content" / "tool" / "fixture-tool.yml").rename(hub_copy / "content" / "tool" / "fixture-tool.md")
    done = run("new", "tool", "fixture-tool", "--root", str(hub_copy))
    assert done.returncode == 2
    assert not (hub_copy / "content" / "tool" / "fixture-tool.yml").exists()


def test_new_outside_a_hub_is_a_usage_error_and_creates_nothing(tmp_path: Path):
    done = run("new", "tool", "x", "--root", str(tmp_path))
    assert done.returncode == 2
    assert done.stderr == f"error: {tmp_path} is not a hub project: it needs content/ and mkdocs.yml\n"
    assert list(tmp_path.iterdir()) == []


def test_schema_writes_every_schema(hub_copy: Path, tmp_path: Path):
    out = tmp_path / "schemas"
    done = run("schema", "--root", str(hub_copy), "--out", str(out))
    assert done.returncode == 0
    from pcor_site.schema import vocabulary_terms
    from pcor_site.validate import load_vocabularies

    terms = vocabulary_terms(load_vocabularies(hub_copy)[0])
    assert done.stderr == f"wrote {len(all_schemas())} schemas to {out} (vocabulary terms from content/_vocab/)\n"
    assert {p.name: p.read_text(encoding="utf-8") for p in out.iterdir()} == all_schemas(terms)
    tool = json.loads((out / "tool.schema.json").read_text(encoding="utf-8"))
    assert tool["properties"]["format"]["enum"] == ["toolkit"]  # the fixture hub's one resource format


# -- version, help, docs ------------------------------------------------------------------------


def test_version():
    done = run("--version")
    assert done.returncode == 0
    assert done.stdout == f"pcor-site {__version__}\n"


def test_console_script_is_installed():
    script = Path(sys.executable).parent / "pcor-site"
    if not script.exists():
        pytest.skip("pcor-site is not installed beside this Python")
    done = subprocess.run([str(script), "--version"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout == f"pcor-site {__version__}\n"


def test_main_help_lists_every_command():
    done = run("--help")
    assert done.returncode == 0
    assert done.stdout.startswith("usage: pcor-site")
    for command in commands():
        assert re.search(rf"^\s+{command}\s", done.stdout, re.M), command


@pytest.mark.parametrize("command", commands())
def test_every_command_has_help(command: str):
    done = run(command, "--help")
    assert done.returncode == 0
    assert done.stdout.startswith(f"usage: pcor-site {command}")
    assert done.stderr == ""


def readme_commands() -> set[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    match = re.search(r"^## Commands\n(.*?)(?=^## )", readme, re.M | re.S)
    assert match, "README.md has no '## Commands' section"
    return set(re.findall(r"`pcor-site ([a-z][a-z-]*)", match.group(1)))


def test_every_command_is_documented_in_readme():
    documented = readme_commands()
    missing = [c for c in commands() if c not in documented]
    assert missing == [], f"commands missing from README.md's command list: {missing}"


def test_readme_documents_no_command_that_does_not_exist():
    assert sorted(readme_commands() - set(commands())) == []
