"""The site's public address: a local build says so in one line (W910); `build --strict`, what
publishing runs, refuses a local address (E910) and leaves the previous site as it was; the
Pages workflow builds strictly with the address GitHub Pages gives."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from pcor_site.diagnostics import RULES
from pcor_site.siteaddress import is_local

REPO = Path(__file__).resolve().parent.parent
LOCAL = "http://127.0.0.1:8000/"


def build(root: Path, *args: str, site_url: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "CI", "SITE_URL")}
    env.update({"NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"})
    if site_url is not None:
        env["SITE_URL"] = site_url
    done = subprocess.run([sys.executable, "-m", "pcor_site", "build", "--root", str(root), "--format", "text", *args],
                          capture_output=True, text=True, env=env, cwd=REPO, timeout=300)
    assert "Traceback" not in done.stderr + done.stdout
    return done


@pytest.mark.parametrize(("address", "local"), [
    ("", True), ("http://127.0.0.1:8000/", True), ("http://localhost:8000/", True), ("http://[::1]/", True),
    ("http://0.0.0.0/", True), ("http://127.9.9.9/hub/", True), ("http://app.localhost/", True), ("file:///tmp/site/", True),
    ("https://org.github.io/repo/", False), ("https://hub.example.org", False), ("http://10.0.0.5/", False),
])
def test_local_addresses(address: str, local: bool):
    assert is_local(address) is local


def test_a_local_build_says_so_in_one_line(hub_copy: Path):
    done = build(hub_copy)
    assert done.returncode == 0, done.stderr
    assert done.stdout == (f"mkdocs.yml:9:1: W910 warning: site_url is {LOCAL}: a local build (canonical links, sitemap, "
                           "citations and feeds point at this machine; publishing sets SITE_URL)\n")


def test_a_strict_build_refuses_a_local_address_and_keeps_the_previous_site(hub_copy: Path):
    published = build(hub_copy, "--strict", site_url="https://org.github.io/repo/")
    assert (published.returncode, published.stdout) == (0, "")
    before = (hub_copy / "site" / "index.html").read_bytes()
    assert b"https://org.github.io/repo/" in before
    done = build(hub_copy, "--strict")
    assert done.returncode == 1
    assert done.stdout == (f"mkdocs.yml:9:1: E910 site_url is {LOCAL}, not a public address: a published site would point readers there\n"
                           f"    hint: {RULES['E910'].hint} (see CONTRIBUTING.md#e910-the-site-has-no-public-address)\n")
    assert "site was left as it was" in done.stderr
    assert (hub_copy / "site" / "index.html").read_bytes() == before


def test_a_localhost_site_url_written_in_mkdocs_yml_is_refused_too(hub_copy: Path):
    config = hub_copy / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(f'site_url: !ENV [SITE_URL, "{LOCAL}"]', "site_url: http://localhost/"),
                      encoding="utf-8")
    done = build(hub_copy, "--strict", site_url="https://ignored.example.org/")
    assert done.returncode == 1
    assert done.stdout.startswith("mkdocs.yml:9:1: E910 site_url is http://localhost/, not a public address")


def test_the_pages_workflow_builds_strictly_with_the_pages_address():
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    configure = next(s for s in steps if s.get("uses", "").startswith("actions/configure-pages@"))
    (step,) = [s for s in steps if "pcor-site build" in s.get("run", "")]
    assert step["env"]["SITE_URL"] == f"${{{{ steps.{configure['id']}.outputs.base_url }}}}"
    assert "--strict" in step["run"].split()
    assert steps.index(configure) < steps.index(step)
    # pull requests build as strictly, so they pass a public address too: the project-pages one
    pr = yaml.safe_load((REPO / ".github" / "workflows" / "pr.yml").read_text(encoding="utf-8"))
    (preview,) = [s for job in pr["jobs"].values() for s in job.get("steps", []) if "pcor-site build" in s.get("run", "")]
    assert "--strict" in preview["run"].split()
    owner, name = "example-org", "hub"
    address = preview["env"]["SITE_URL"].replace("${{ github.repository_owner }}", owner).replace("${{ github.event.repository.name }}", name)
    assert address == f"https://{owner}.github.io/{name}/" and not is_local(address)
    # and mkdocs.yml takes the address from SITE_URL
    assert f'site_url: !ENV [SITE_URL, "{LOCAL}"]' in (REPO / "mkdocs.yml").read_text(encoding="utf-8")
