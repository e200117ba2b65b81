"""Real clients over a built site: each function reads what a program outside the hub reads and
returns (items checked, problems found). The tests assert no problems on the fixture hub;
`python tests/clients/readers.py SITE` prints the figures for any built site (before/after).

The Nu Html Checker is the npm package `vnu-jar`, pinned in tests/clients/package.json and
installed by `make clients` (npm ci) into tests/clients/node_modules/ (git-ignored).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
VNU_JAR = HERE / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

#: Nu Html Checker messages that come from MkDocs Material's own markup, not from pcor-site, each
#: with the reason it is accepted. Matched as substrings of the message.
THEME_FALSE_POSITIVES = {
    "Attribute “autocomplete” is only allowed when the input type is":
        "Material's drawer and search toggles are `<input type=checkbox autocomplete=off>` (Firefox keeps their state otherwise).",
    "The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control":
        "Material's menu buttons are labels for its hidden toggle checkboxes (its CSS-only drawer).",
    "Resource violates Content Security Policy (meta tag)":
        "The checker reads files from disk: file: URLs never match the policy's 'self', which served pages do (the browser tests load them).",
    "Inline script violates Content Security Policy (meta tag)":
        "Raised for data blocks (Material's `<script type=application/json>` settings, our JSON-LD): browsers never run them, so CSP does not apply.",
}


def vnu_available() -> str:
    """'' when the checker can run, else what is missing."""
    missing = []
    if not shutil.which("java"):
        missing.append("java (apt-get install default-jre-headless)")
    if not VNU_JAR.is_file():
        missing.append(f"{VNU_JAR.relative_to(HERE.parent.parent)} (make clients)")
    return " and ".join(missing)


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.relative_to(site).parts and p.name != "404.html")


def vnu(site: Path, pages: list[Path] | None = None) -> tuple[int, list[str]]:
    """Errors (and warnings) of the Nu Html Checker over `pages` (default: every page)."""
    site = site.resolve()
    pages = pages if pages is not None else html_pages(site)
    run = subprocess.run(["java", "-Xss4m", "-jar", str(VNU_JAR), "--format", "json", "--stdout", *map(str, pages)],
                         capture_output=True, text=True, check=False)
    messages = json.loads(run.stdout or "{}").get("messages", [])
    problems = []
    for message in messages:
        if message.get("type") == "info" and message.get("subType") != "warning":
            continue
        text = message.get("message", "")
        if any(known in text for known in THEME_FALSE_POSITIVES):
            continue
        where = Path(message.get("url", "").removeprefix("file:")).relative_to(site.resolve()) if message.get("url") else "?"
        problems.append(f"{where}:{message.get('lastLine', '?')}: {message.get('type')}: {text}")
    return len(pages), problems


def bibtex_files(site: Path) -> tuple[int, list[str]]:
    """Every .bib the site serves, read by bibtexparser: entries, and blocks it could not parse."""
    import bibtexparser

    count, problems = 0, []
    for path in sorted(site.rglob("*.bib")):
        library = bibtexparser.parse_string(path.read_text(encoding="utf-8"))
        count += len(library.entries)
        problems += [f"{path.relative_to(site)}: unparsed block {b.raw[:60]!r}" for b in library.failed_blocks]
        for entry in library.entries:
            if "author" in entry.fields_dict and "," in entry["author"] and not entry["author"].startswith("{"):
                names = [n.strip() for n in entry["author"].replace("\n", " ").split(" and ")]
                problems += [f"{path.relative_to(site)}: {entry.key}: name {n!r} has more than two commas" for n in names if n.count(",") > 2]
    return count, problems


def ris_files(site: Path) -> tuple[int, list[str]]:
    """Every .ris the site serves, read by rispy; a personal name must read as `Last, First[, Suffix]`."""
    import rispy

    count, problems = 0, []
    for path in sorted(site.rglob("*.ris")):
        try:
            records = rispy.loads(path.read_text(encoding="utf-8"))
        except Exception as error:  # rispy raises plain exceptions on malformed files
            problems.append(f"{path.relative_to(site)}: {error}")
            continue
        count += len(records)
        for record in records:
            for name in record.get("authors", []) + record.get("secondary_authors", []):
                if name.count(",") > 2 or name.startswith(",") or name.endswith(", "):
                    problems.append(f"{path.relative_to(site)}: {record.get('id')}: name {name!r}")
    return count, problems


#: schema.org types that are not CreativeWorks: `dateModified` is not one of their properties.
NOT_CREATIVE_WORKS = {"Event", "Organization", "ResearchProject", "DefinedTerm", "Person", "Place"}


def _has(item: dict, path: str) -> bool:
    for part in path.split("."):
        if not isinstance(item, dict) or part not in item:
            return False
        item = item[part]
    return True


def json_ld(site: Path, required: dict[str, set[str]]) -> tuple[int, list[str]]:
    """JSON-LD read with extruct (as crawlers do): each item must carry its type's properties
    (`a.b`: property b of the object in a), no `dateModified` where schema.org has none, and the
    home page a WebSite."""
    import extruct

    count, problems = 0, []
    for page in html_pages(site):
        data = extruct.extract(page.read_text(encoding="utf-8"), syntaxes=["json-ld"], uniform=True)["json-ld"]
        where = page.relative_to(site)
        if where == Path("index.html") and not any(i.get("@type") == "WebSite" for i in data):
            problems.append("index.html: no WebSite")
        for item in data:
            count += 1
            missing = sorted(p for p in required.get(item.get("@type"), set()) if not _has(item, p))
            if missing:
                problems.append(f"{where}: {item.get('@type')} lacks {', '.join(missing)}")
            if item.get("@type") in NOT_CREATIVE_WORKS and "dateModified" in item:
                problems.append(f"{where}: {item.get('@type')} has dateModified (not a schema.org property of it)")
    return count, problems


def downloads(site: Path) -> tuple[int, list[str]]:
    """Every download in data/ validated with jsonschema against its published schema."""
    import csv
    import io

    import jsonschema

    data = site / "data"
    count, problems = 0, []
    for path in sorted(data.glob("*.json")) + sorted(data.glob("*.csv")):
        schema_path = data / "schemas" / f"{path.name}.schema.json"
        if not schema_path.is_file():
            problems.append(f"data/{path.name}: no published schema")
            continue
        schema = json.loads(schema_path.read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
        if path.suffix == ".json":
            instances = [json.loads(path.read_text(encoding="utf-8"))]
            count += len(instances[0])
        else:
            instances = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
            count += len(instances)
        for instance in instances:
            problems += [f"data/{path.name}: {'/'.join(map(str, e.absolute_path))}: {e.message[:120]}" for e in validator.iter_errors(instance)]
    return count, problems


def calendars(site: Path) -> tuple[int, list[str]]:
    """Every .ics the site serves, read by icalendar: events, and files it cannot read."""
    import icalendar

    count, problems = 0, []
    for path in sorted(site.rglob("*.ics")):
        try:
            calendar = icalendar.Calendar.from_ical(path.read_bytes())
        except ValueError as error:
            problems.append(f"{path.relative_to(site)}: {error}")
            continue
        events = calendar.walk("VEVENT")
        count += len(events)
        problems += [f"{path.relative_to(site)}: event without {p}" for e in events for p in ("UID", "DTSTART", "SUMMARY") if p not in e]
    return count, problems


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parent))
    from test_clients import REQUIRED_JSON_LD

    site = Path(sys.argv[1])
    for name, run in (("bibtexparser", bibtex_files), ("rispy", ris_files), ("jsonschema", downloads), ("icalendar", calendars),
                      ("extruct", lambda s: json_ld(s, REQUIRED_JSON_LD)), ("vnu", vnu)):
        if name == "vnu" and (vnu_available() or os.environ.get("NO_VNU")):
            continue
        checked, found = run(site)
        print(f"{name}: {checked} checked, {len(found)} problems")
        for line in found[: int(os.environ.get("SHOW", "5"))]:
            print("   ", line)
