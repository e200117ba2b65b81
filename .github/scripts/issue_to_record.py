"""Turn a filled "propose a record" issue into a record file, then check it.

    python .github/scripts/issue_to_record.py --title "[tool] Name" --body-file body.md \
        --number 12 --root . --report report.md

The issue's text is data, never code: it is split at the form's own headings (in the form's
order), each answer is checked for hostile text (control or invisible characters, HTML tags,
over-long answers, lines where one line is expected) and refused with a plain message, YAML
answers go through the project's strict loader (no tags, no aliases), and the record is written
with a YAML serialiser under a file name made only of lower-case letters, digits and hyphens.
Then `pcor-site check` runs, and `--report` gets a Markdown comment for the issue.

Exit codes: 0 the record was written and passes check; 1 written but check found problems (the
file is removed again); 2 refused (nothing written).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import issue_forms  # noqa: E402

from pcor_site.build import check  # noqa: E402
from pcor_site.diagnostics import render_text  # noqa: E402
from pcor_site.scaffold import record_suffix  # noqa: E402
from pcor_site.schema import KINDS  # noqa: E402
from pcor_site.sources.characters import first_forbidden  # noqa: E402
from pcor_site.sources.yaml_loader import YamlProblem, load_yaml  # noqa: E402
from pcor_site.text.inspect import LOOKS_LIKE_TAG  # noqa: E402

NO_RESPONSE = "_No response_"
MAX_ANSWER = 20_000
MAX_ISSUE = 100_000
SLUG = re.compile(r"[a-z0-9][a-z0-9-]{0,79}")
TITLE = re.compile(r"\[([a-z]+)\]\s*(.*)", re.DOTALL)


class Refused(Exception):
    """Form text that is never written into a record."""


def kind_of(title: str) -> str:
    match = TITLE.match(title.strip())
    if not match or match.group(1) not in KINDS:
        raise Refused(f"the issue title must start with the kind in brackets, e.g. [tool]; known kinds: {', '.join(KINDS)}")
    return match.group(1)


def answers(body: str, questions: list[dict]) -> dict[str, str]:
    """Question id → the answer's text, reading the `### Label` sections in the form's order (so a
    heading typed inside an answer cannot pose as a later question)."""
    located = []
    position = 0
    for ident, label in [(q["id"], q["attributes"]["label"]) for q in questions] + [("honesty", "Honesty")]:
        match = re.compile(rf"^### {re.escape(label)}[ \t]*$", re.MULTILINE).search(body, position)
        if match:
            located.append((ident, match.start(), match.end()))
            position = match.end()
    found = {}
    for index, (ident, _, end) in enumerate(located):
        stop = located[index + 1][1] if index + 1 < len(located) else len(body)
        text = body[end:stop].strip()
        found[ident] = "" if text == NO_RESPONSE else text
    return found


def refuse_hostile(ident: str, text: str, one_line: bool) -> None:
    where = f"the answer to '{ident}'"
    if len(text) > MAX_ANSWER:
        raise Refused(f"{where} is {len(text):,} characters long; the limit is {MAX_ANSWER:,}")
    hit = first_forbidden(text)
    if hit is not None:
        raise Refused(f"{where} contains a {hit[1]}: retype the text without it")
    tag = LOOKS_LIKE_TAG.search(text)
    if tag:
        raise Refused(f"{where} contains HTML ({tag.group(0)[:40]!r}): write plain text or Markdown instead")
    if one_line and "\n" in text:
        raise Refused(f"{where} must be one line")


def _fenced(text: str) -> str:
    match = re.fullmatch(r"```[a-z]*\n(.*?)\n?```", text.strip(), flags=re.DOTALL)
    return match.group(1) if match else text


def _value(question: dict, text: str, schema_type: str | None):
    attributes = question["attributes"]
    if question["type"] == "dropdown":
        chosen = [part.strip() for part in text.split(",") if part.strip()] if attributes.get("multiple") else [text]
        unknown = [c for c in chosen if c not in attributes["options"]]
        if unknown:
            raise Refused(f"'{unknown[0][:40]}' is not one of the choices for '{question['id']}'")
        if attributes.get("multiple"):
            return chosen
        return {"true": True, "false": False}.get(text, text) if attributes["options"] == ["true", "false"] else text
    if attributes.get("render") == "yaml":
        try:
            data, _ = load_yaml(_fenced(text))
        except YamlProblem as problem:
            raise Refused(f"the answer to '{question['id']}' is not valid YAML (line {problem.line}): {problem.message}") from None
        return data
    if question["type"] == "textarea" and "One per line" in attributes["description"]:
        return [line.strip().removeprefix("- ").strip() for line in text.splitlines() if line.strip()]
    if schema_type in ("integer", "number") and re.fullmatch(r"-?\d+(\.\d+)?", text):
        return int(text) if schema_type == "integer" and "." not in text else float(text)
    return text


def record_from_issue(title: str, body: str, terms: dict[str, list[str]]) -> tuple[str, str, dict, str | None]:
    """(kind, id, fields, page text) from an issue; raises Refused for hostile or unusable text."""
    if len(body) > MAX_ISSUE:
        raise Refused(f"the issue is {len(body):,} characters long; the limit is {MAX_ISSUE:,}")
    kind = kind_of(title)
    questions = issue_forms.elements(kind, terms)
    schema = issue_forms.kind_schema(KINDS[kind], {})
    given = answers(body.replace("\r\n", "\n"), questions)
    data: dict = {}
    sources: list[dict] = []
    for question in questions:
        ident, text = question["id"], given.get(question["id"], "")
        if not text:
            continue
        refuse_hostile(ident, text, question["type"] == "input")
        if ident in ("record_id", "body") or ident.startswith("sources_"):
            continue
        prop = issue_forms._resolve(schema, schema["properties"][ident])
        data[ident] = _value(question, text, prop.get("type"))
    for slot in range(1, issue_forms.SOURCE_SLOTS + 1):
        url = given.get(f"sources_{slot}_url", "")
        if url:
            source = {"url": url}
            if given.get(f"sources_{slot}_title"):
                source["title"] = given[f"sources_{slot}_title"]
            if given.get(f"sources_{slot}_reliability") not in ("", None, "primary"):
                source["reliability"] = given[f"sources_{slot}_reliability"]
            sources.append(source)
    for seed in _value(questions_by_id(questions)["sources_seeds"], given["sources_seeds"], None) if given.get("sources_seeds") else []:
        sources.append({"seed": seed})
    sources += [{"ref": key.strip()} for key in given.get("sources_refs", "").splitlines() if key.strip()]
    if sources:
        data["sources"] = sources
    record_id = given.get("record_id") or re.sub(r"[^a-z0-9]+", "-", str(data.get("title", "")).lower()).strip("-")[:80]
    if not SLUG.fullmatch(record_id):
        raise Refused(f"'{record_id[:40]}' cannot be a record id: use lower-case letters, digits and hyphens")
    return kind, record_id, data, given.get("body") or None


def questions_by_id(questions: list[dict]) -> dict[str, dict]:
    return {q["id"]: q for q in questions}


def record_text(kind: str, data: dict, page: str | None) -> str:
    header = f"# yaml-language-server: $schema=../../schemas/{kind}.schema.json\n"
    fields = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    if record_suffix(KINDS[kind]) == ".md":
        return f"---\n{header}{fields}---\n\n{(page or '').strip()}\n"
    return header + fields


def fence(text: str) -> str:
    """A Markdown code block that the text cannot break out of."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    ticks = "`" * max(3, longest + 1)
    return f"{ticks}text\n{text}\n{ticks}"


def convert(root: Path, title: str, body: str) -> tuple[int, str, Path | None]:
    """(exit code, Markdown report for the issue, the written file or None)."""
    try:
        kind, record_id, data, page = record_from_issue(title, body, issue_forms.hub_terms(root))
    except Refused as refusal:
        return 2, f"The record could not be made from this issue: {refusal}.\n\nEdit the issue, then a maintainer adds the label again.", None
    folder = root / "content" / KINDS[kind].folder
    path = folder / f"{record_id}{record_suffix(KINDS[kind])}"
    if any(folder.glob(f"{record_id}.*")):
        return 2, f"A record with the id `{record_id}` already exists: give another id under *Record id*.", None
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(record_text(kind, data, page), encoding="utf-8")
    rel = path.relative_to(root).as_posix()
    result = check(root, strict=True)
    mine = [d for d in result.diagnostics if d.path == rel]
    if result.ok:
        return 0, f"`pcor-site check --strict` passed: `{rel}` is ready for review in the pull request.", path
    path.unlink()
    others = len(result.diagnostics) - len(mine)
    note = f"\n\n({others} other problem(s) are already on the main branch.)" if others else ""
    return 1, (f"`pcor-site check` found problems in the record made from this issue (`{rel}`):\n\n"
               f"{fence(render_text(mine) or render_text(result.diagnostics))}{note}\n\n"
               "Edit the issue to fix them, then a maintainer adds the label again."), None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--title", default=os.environ.get("ISSUE_TITLE", ""))
    parser.add_argument("--body-file", type=Path, help="the issue body (default: $ISSUE_BODY)")
    parser.add_argument("--root", type=Path, default=Path("."))
    parser.add_argument("--report", type=Path, required=True, help="write the issue comment (Markdown) here")
    args = parser.parse_args(argv)
    body = args.body_file.read_text(encoding="utf-8") if args.body_file else os.environ.get("ISSUE_BODY", "")
    code, report, path = convert(args.root.resolve(), args.title, body)
    args.report.write_text(report + "\n", encoding="utf-8")
    if path is not None:
        print(path.relative_to(args.root.resolve()).as_posix())
    return code


if __name__ == "__main__":
    sys.exit(main())
