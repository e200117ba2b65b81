"""The XSS canary hub: standard filter-evasion payloads in every text field of every kind.

Each payload, in each field, is either rejected by `check` (with a diagnostic, never a crash) or
accepted and then neutralised by the build. The built canary hub is loaded page by page in real
headless Chromium: no payload may open a dialog, log a marker or make a request.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from browsing import serve
from conftest import CHROMIUM, CHROMIUM_ARGS, copy_hub, require_browser
from pcor_site.build import build, check, markdown_for
from pcor_site.postbuild import scan_page
from pcor_site.schema import KINDS
from pcor_site.sources.files import load_document
from pcor_site.validate import validate_document

markdown = markdown_for()

PAYLOADS = [line for line in (Path(__file__).parent / "security" / "payloads.txt").read_text(encoding="utf-8").splitlines() if line]
BODY = ("__body__",)
#: Fields whose values must name existing records: resolve rejects anything else (E302).
RESOLVED_FIELDS = {"related"}


def _string_paths(value, path=()):
    if isinstance(value, str):
        yield path
    elif isinstance(value, dict):
        for key, inner in value.items():
            yield from _string_paths(inner, path + (key,))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _string_paths(inner, path + (index,))


def _set(data: dict, path: tuple, value: str) -> dict:
    data = copy.deepcopy(data)
    target = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return data


def _record_text(suffix: str, data: dict, body: str | None) -> str:
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in data.items()]
    yaml_text = "\n".join(lines) + "\n"
    return f"---\n{yaml_text}---\n{body or ''}\n" if suffix == ".md" else yaml_text


def _validate(tmp: Path, kind: str, suffix: str, data: dict, body: str | None):
    path = tmp / "content" / KINDS[kind].folder / f"probe{suffix}"
    path.write_text(_record_text(suffix, data, body), encoding="utf-8")
    doc, problems = load_document(tmp, path, kind)
    if doc is not None:
        _, more = validate_document(doc, markdown)
        problems += more
    path.unlink()
    return [p for p in problems if p.is_error]


class Canary:
    def __init__(self) -> None:
        self.tried = 0
        self.accepted: list[tuple[str, tuple, int]] = []
        self.rejected: list[tuple[str, tuple, int, set[str]]] = []
        self.root: Path | None = None


@pytest.fixture(scope="module")
def canary(tmp_path_factory) -> Canary:
    """Sort every (field, payload) pair into rejected or accepted, then build a hub of the accepted."""
    result = Canary()
    probe_root = copy_hub(tmp_path_factory.mktemp("probe") / "hub")
    root = copy_hub(tmp_path_factory.mktemp("canary") / "hub")
    for kind in KINDS.values():
        folder = root / "content" / kind.folder
        for record_path in sorted(folder.glob("*.*")):
            if record_path.suffix not in (".yml", ".md"):
                continue
            doc, _ = load_document(root, record_path, kind.name)
            paths = [p for p in _string_paths(doc.data) if p[0] not in RESOLVED_FIELDS]
            if doc.body is not None:
                paths.append(BODY)
            accepted_by_payload: dict[int, list[tuple]] = {}
            for field_path in paths:
                for index, payload in enumerate(PAYLOADS):
                    result.tried += 1
                    data = doc.data if field_path == BODY else _set(doc.data, field_path, payload)
                    body = payload if field_path == BODY else doc.body
                    errors = _validate(probe_root, kind.name, record_path.suffix, data, body)
                    if errors:
                        result.rejected.append((kind.name, field_path, index, {e.code for e in errors}))
                    else:
                        result.accepted.append((kind.name, field_path, index))
                        accepted_by_payload.setdefault(index, []).append(field_path)
            for index, field_paths in accepted_by_payload.items():
                data, body = doc.data, doc.body
                for field_path in field_paths:
                    if field_path == BODY:
                        body = PAYLOADS[index]
                    else:
                        data = _set(data, field_path, PAYLOADS[index])
                target = folder / f"canary-{record_path.stem}-{index}{record_path.suffix}"
                if kind.name == "episode":  # two episodes with one audio file is an error (E809)
                    data = {**data, "audio_url": f"https://example.org/{target.stem}.mp3"}
                if kind.name == "infographic" and isinstance(data.get("rows"), list):  # two figures with one label are an error (E855)
                    data = {**data, "rows": [{**row, "label": f"{row['label']} {n}"} for n, row in enumerate(data["rows"])]}
                target.write_text(_record_text(record_path.suffix, data, body), encoding="utf-8")
    bib = root / "content" / "references.bib"
    entries = [f"@misc{{canary{i},\n  title = {{{p}}},\n  note = {{{p}}},\n  year = {{2020}}\n}}\n" for i, p in enumerate(PAYLOADS)]
    bib.write_text(bib.read_text(encoding="utf-8") + "\n" + "\n".join(entries), encoding="utf-8")
    checked = check(root)
    broken_entries = {d.line for d in checked.diagnostics if d.path == "content/references.bib"}
    if broken_entries:  # rejected BibTeX payloads: keep only the entries check accepts
        keep = [e for i, e in enumerate(entries) if f"canary{i}" in checked.catalog.bibliography.entries
                and not any(d.message.find(f"canary{i}") >= 0 for d in checked.diagnostics)]
        original = (probe_root / "content" / "references.bib").read_text(encoding="utf-8")
        bib.write_text(original + "\n" + "\n".join(keep), encoding="utf-8")
    result.root = root
    return result


def test_every_payload_is_either_rejected_with_a_diagnostic_or_accepted(canary: Canary):
    # every payload met every kind that has a fixture record, and both outcomes happened
    tried = {(kind, index) for kind, _, index in canary.accepted} | {(kind, index) for kind, _, index, _ in canary.rejected}
    kinds = {kind for kind, *_ in canary.accepted + canary.rejected}
    assert kinds == {k.name for k in KINDS.values() if any((canary.root / "content" / k.folder).glob("*.*"))}
    assert tried == {(kind, index) for kind in kinds for index in range(len(PAYLOADS))}
    assert canary.accepted and canary.rejected
    allowed = {"E201", "E202", "E203", "E204", "E205", "E206", "E207", "E401", "E402", "E403", "E112"}
    unexpected = [r for r in canary.rejected if not r[3] <= allowed]
    assert unexpected == []
    # What a Markdown field accepts renders to HTML that the post-build gate finds clean:
    for kind, field_path, index in canary.accepted:
        if field_path in (BODY, ("summary",)):
            assert scan_page(markdown.render(PAYLOADS[index])).problems == [], PAYLOADS[index]


def test_canary_hub_builds_and_the_gate_finds_nothing(canary: Canary):
    result = build(canary.root)
    assert result.check.ok, [str(d) for d in result.check.diagnostics if d.is_error][:5]
    assert result.diagnostics == []


@pytest.mark.browser
def test_no_payload_runs_in_chromium(canary: Canary):
    require_browser()
    if not (canary.root / "site" / "index.html").exists():
        build(canary.root)
    from playwright.sync_api import sync_playwright

    fired: list[str] = []
    pages = sorted((canary.root / "site").rglob("*.html"))
    with serve(canary.root / "site") as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        tab = browser.new_page()
        tab.on("dialog", lambda d: (fired.append(f"dialog {d.message!r} on {tab.url}"), d.dismiss()))
        tab.on("console", lambda m: fired.append(f"console {m.text!r} on {tab.url}") if "xss" in m.text.lower() else None)
        tab.on("request", lambda r: fired.append(f"request {r.url}") if "xss" in r.url.lower() or not r.url.startswith(base) else None)
        for page in pages:
            tab.goto(base + page.relative_to(canary.root / "site").as_posix(), wait_until="load")
            for element in tab.locator(".pcor-record a, .pcor-links a").all()[:3]:
                element.hover(timeout=2000)
                element.focus()
        browser.close()
    print(f"canary: {len(PAYLOADS)} payloads, {len(canary.accepted) + len(canary.rejected)} field placements tried, "
          f"{len(canary.rejected)} rejected by check, {len(canary.accepted)} built, {len(pages)} pages loaded, {len(fired)} executed")
    assert fired == []
