"""One fixture per rule code, each with its exact expected report (a snapshot).

Every folder in tests/rules/ is named `CODE-what` and holds:

* `content/...`: files laid over a copy of tests/fixtures/hub (a file there replaces the hub's);
* `remove.txt` (optional): paths relative to the hub root to delete from the copy, one a line;
* `setup.py` (optional): `setup(root)` for what cannot be stored as a file (a 300 KB record);
* `expected.txt`: the exact output of `pcor-site check --format text`.

`UPDATE_GOLDEN=1 python -m pytest tests/test_rules.py` (`make golden`) rewrites the snapshots;
read the diff before committing it.
"""

from __future__ import annotations

import json
import os
import re
import runpy
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import copy_hub
from pcor_site import cli
from pcor_site.diagnostics import RULES, Severity

RULES_DIR = Path(__file__).resolve().parent / "rules"
UPDATE = bool(os.environ.get("UPDATE_GOLDEN"))
CASES = sorted(p.name for p in RULES_DIR.iterdir() if p.is_dir())
#: Rules that only the build stage can report: no content makes `check` raise them.
BUILD_ONLY = {"E901", "E902", "E903", "E910", "W910"}  # E910/W910: tests/test_site_address.py


def make_hub(case: str, target: Path) -> Path:
    """The fixture hub with the rule folder's files laid over it."""
    root = copy_hub(target)
    case_dir = RULES_DIR / case
    remove = case_dir / "remove.txt"
    if remove.exists():
        for line in remove.read_text(encoding="utf-8").splitlines():
            if line.strip():
                victim = root / line.strip()
                shutil.rmtree(victim) if victim.is_dir() else victim.unlink()
    overlay = case_dir / "content"
    if overlay.is_dir():
        shutil.copytree(overlay, root / "content", dirs_exist_ok=True)
    if (case_dir / "setup.py").exists():
        runpy.run_path(str(case_dir / "setup.py"))["setup"](root)
    return root


def run_cli(root: Path, *args: str, capsys) -> tuple[int, str]:
    capsys.readouterr()
    code = cli.main(["check", "--root", str(root), *args])
    return code, capsys.readouterr().out


def test_every_rule_has_a_fixture():
    covered = {case.split("-")[0] for case in CASES}
    assert set(RULES) - BUILD_ONLY - covered == set()
    assert covered <= set(RULES)


@pytest.mark.parametrize("case", CASES)
def test_rule_report(case: str, tmp_path: Path, capsys):
    code = case.split("-")[0]
    root = make_hub(case, tmp_path / "hub")
    exit_code, out = run_cli(root, "--format", "text", capsys=capsys)
    expected_file = RULES_DIR / case / "expected.txt"
    if UPDATE:
        expected_file.write_text(out, encoding="utf-8")
    assert out == expected_file.read_text(encoding="utf-8")
    # The fixture shows its own rule, and only errors of that rule (other rules have their own fixture).
    reported = set(re.findall(r"^\S+:\d+:\d+: ([EW]\d{3}) ", out, flags=re.MULTILINE))
    assert reported == {code}, out
    if RULES[code].severity is Severity.ERROR:
        assert exit_code == 1
    else:
        assert exit_code == 0
        assert run_cli(root, "--format", "text", "--strict", capsys=capsys)[0] == 1


def test_fixture_hub_is_clean(capsys):
    root = RULES_DIR.parent / "fixtures" / "hub"
    assert run_cli(root, "--strict", "--format", "text", capsys=capsys) == (0, "")


def test_json_format(tmp_path: Path, capsys):
    root = make_hub("E202-missing-field", tmp_path / "hub")
    exit_code, out = run_cli(root, "--format", "json", capsys=capsys)
    assert exit_code == 1
    items = json.loads(out)
    assert isinstance(items, list) and items
    for item in items:
        assert list(item) == ["path", "line", "column", "severity", "code", "message", "hint"]
    assert items[0] == {
        "path": "content/event/broken-event.yml",
        "line": 7,
        "column": 5,
        "severity": "error",
        "code": "E202",
        "message": "missing required field 'sessions.1.title'",
        "hint": RULES["E202"].hint,
    }


def test_json_format_warning(tmp_path: Path, capsys):
    root = make_hub("W117-bom", tmp_path / "hub")
    exit_code, out = run_cli(root, "--format", "json", capsys=capsys)
    assert exit_code == 0
    assert [(i["code"], i["severity"]) for i in json.loads(out)] == [("W117", "warning")]


def test_github_format(tmp_path: Path, capsys):
    root = make_hub("E202-missing-field", tmp_path / "hub")
    exit_code, out = run_cli(root, "--format", "github", capsys=capsys)
    assert exit_code == 1
    assert out.splitlines() == [
        "::error file=content/event/broken-event.yml,line=7,col=5,title=E202 missing required field::"
        f"missing required field 'sessions.1.title'%0A{RULES['E202'].hint}"
    ]


def test_github_format_warning_and_escaping(tmp_path: Path, capsys):
    root = make_hub("W117-bom", tmp_path / "hub")
    _, out = run_cli(root, "--format", "github", capsys=capsys)
    assert out.startswith("::warning file=content/organization/broken-org.yml,line=1,col=1,title=W117 byte-order mark at start of file::")
    root = make_hub("E105-yaml-syntax", tmp_path / "hub2")
    _, out = run_cli(root, "--format", "github", capsys=capsys)
    # ',' and ':' in the title and file properties are escaped; the message keeps them.
    props = out.split("::")[1]
    assert "title=E105 YAML syntax error" in props
    assert re.fullmatch(r"error file=[^,:]+,line=\d+,col=\d+,title=[^,:]+", props)


def test_installed_command(tmp_path: Path):
    """The real console script: output on stdout, summary on stderr, exit codes 1 / 0 / 1 (strict)."""
    exe = Path(sys.executable).with_name("pcor-site")
    if not exe.exists():
        pytest.skip("pcor-site console script not installed next to the interpreter")
    root = make_hub("E201-unknown-field", tmp_path / "hub")
    done = subprocess.run([exe, "check", "--root", root, "--format", "text"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert done.stdout == (RULES_DIR / "E201-unknown-field" / "expected.txt").read_text(encoding="utf-8")
    assert re.fullmatch(r"check failed: checked 19 records in 27 files: 1 error, 0 warnings in 1 file\n", done.stderr), done.stderr
    root = make_hub("W117-bom", tmp_path / "hub2")
    done = subprocess.run([exe, "check", "--root", root], capture_output=True, text=True, timeout=60, env={**os.environ, "GITHUB_ACTIONS": ""})
    assert done.returncode == 0
    done = subprocess.run([exe, "check", "--root", root, "--strict"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
