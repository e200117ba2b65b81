"""Diagnostics: the product pcor-site gives contributors.

Every problem found anywhere in the pipeline becomes a `Diagnostic` with a path relative to the
hub root, a 1-based line and column, a rule code from `RULES`, a message and a fix hint. The same
list renders as text (`path:line:col: E201 message`), as GitHub workflow annotations and as JSON.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import asdict, dataclass, field
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Rule:
    code: str
    title: str
    hint: str
    severity: Severity = Severity.ERROR


def _rules(*rules: Rule) -> dict[str, Rule]:
    return {rule.code: rule for rule in rules}


W = Severity.WARNING

#: Every rule the pipeline can report. Codes are stable: tests and contributors rely on them.
RULES: dict[str, Rule] = _rules(
    # E1xx: reading files
    Rule("E101", "file cannot be read", "Check the file's permissions and that it is a regular file."),
    Rule("E102", "file is not valid UTF-8", "Save the file as UTF-8 (most editors offer 'Save with encoding')."),
    Rule("E103", "file is too large", "Split the record or move long material to a linked source."),
    Rule("E104", "file is empty", "Copy a template with `pcor-site new KIND SLUG`, or delete the file."),
    Rule("E105", "YAML syntax error", "Fix the YAML at this position; quote values that contain ': ' or '#'."),
    Rule("E106", "duplicate key", "Keep one of the two keys; YAML would silently drop the first."),
    Rule("E107", "YAML aliases are not allowed", "Write the value out in full instead of using & and *."),
    Rule("E108", "YAML tags are not allowed", "Remove the `!tag`; write a plain value."),
    Rule("E109", "more than one YAML document", "Keep one record per file; remove the extra `---`."),
    Rule("E110", "record must be a mapping", "Write the record as `field: value` lines at the top level."),
    Rule("E111", "nesting is too deep", "Flatten the structure; records never need this much nesting."),
    Rule("E112", "forbidden character", "Delete the invisible or control character (retype the text if unsure)."),
    Rule("E113", "tab used for indentation", "Indent YAML with spaces, not tabs."),
    Rule("E114", "front matter is missing or not closed", "Start the file with `---`, the YAML fields, then a line `---`."),
    Rule("E115", "file name is not a valid id", "Rename the file to lower-case letters, digits and hyphens, e.g. `my-record.yml`."),
    Rule("E116", "unsupported file in content", "Records are `.yml` or `.md` files; move other files out of `content/`."),
    Rule("W117", "byte-order mark at start of file", "Save the file as UTF-8 without BOM.", W),
    Rule("E119", "list is too long", "Shorten the list; a record never needs more than 1,000 items in one list."),
    Rule("W120", "value cut short by a comment mark", "YAML reads ' #' as the start of a comment: put the whole value in quotes, e.g. title: \"Step #2\".", W),
    Rule("E121", "record in the wrong folder", "Move the file to the folder named in the message; each kind of record has its own folder in content/."),
    Rule("E122", "placeholder text left from `pcor-site new`", "Replace the placeholder with the record's own text, or delete it."),
    Rule("W123", "list indented with a tab shows as code", "Start list lines at the left margin with '- ' (a tab or four spaces in front turns them into a code block).", W),
    Rule("E118", "link or special file in content", "Replace the symbolic link (or device, pipe, socket) with a copy of the file itself; content/ holds only regular files."),
    # E14x: the References pages (pcor_site/features/citations)
    Rule("E141", "References page size is not a number", "Set extra.hub.references_per_page in mkdocs.yml to a whole number from 10 to 10000, or remove it (50 references a page)."),
    Rule("E142", "two references would share one page", "Rename one of the BibTeX keys: each reference gets a page named after its key, with letters, digits, '-' and '_' kept and every other character made '-'."),
    # E2xx: schema
    Rule("E201", "unknown field", "Remove the field or fix its spelling; see the kind's schema."),
    Rule("E202", "missing required field", "Add the field; `pcor-site new KIND SLUG` shows every field."),
    Rule("E203", "value has the wrong shape", "Write the value in the shape the message shows (text, a list of `- ` lines, or indented fields)."),
    Rule("E204", "invalid value", "Change the value as the message says."),
    Rule("E205", "invalid date", "Write a real calendar date as YYYY-MM-DD, in quotes if you like."),
    Rule("E206", "unsafe or malformed URL", "Use an https://, http:// or mailto: address, or a relative link."),
    Rule("E207", "text too long", "Shorten the text; long material belongs in the Markdown body."),
    # E3xx: references between records
    Rule("E301", "duplicate id", "Two files define the same record; rename or delete one."),
    Rule("E302", "unknown record", "Point at an existing record id (the file name without extension)."),
    Rule("E303", "unknown vocabulary term", "Use a term listed in `content/_vocab/`, or add it there."),
    Rule("E304", "unknown reference key", "Use a key from `content/references.bib`, or add the entry there."),
    Rule("E305", "cycle in prerequisites", "Remove one prerequisite so that modules can be taken in order."),
    Rule("E306", "vocabulary problem", "Fix the vocabulary file in `content/_vocab/`."),
    Rule("E307", "two records produce the same page", "Rename one of the records so their pages differ."),
    # E4xx: Markdown
    Rule("E401", "raw HTML in Markdown", "Use Markdown instead of HTML (e.g. **bold**, [text](https://...))."),
    Rule("E402", "unsafe link in Markdown", "Link with https://, http://, mailto: or a relative path."),
    Rule("E403", "Markdown too complex", "Simplify the text (fewer nested lists or brackets)."),
    # E5xx: BibTeX
    Rule("E501", "BibTeX entry could not be parsed", "Fix the entry's braces, commas and quotes at this line."),
    Rule("E502", "duplicate BibTeX key", "BibTeX keys are case-insensitive; rename or remove one entry."),
    Rule("E503", "BibTeX field swallowed by a missing comma", "Add the missing comma between the two fields."),
    Rule("E504", "stray text after a BibTeX entry", "Remove the extra `}` that ended the entry early."),
    Rule("E505", "undefined @string macro", "Define the macro with @string or put the value in braces."),
    Rule("E506", "BibTeX entry lacks a required field", "Add the field the entry type needs."),
    Rule("E507", "malformed DOI", "Write the DOI as 10.NNNN/suffix, without https://doi.org/."),
    Rule("E508", "crossref cycle", "Break the cycle of `crossref` fields."),
    Rule("E509", "BibTeX provenance field malformed",
         "Write x-reliability = {secondary}, {mirror} or {disputed}; list only fields the entry has in x-reliability-fields; put a mirror's address in x-copy-url."),
    Rule("E510", "unsafe link in a BibTeX entry", "Give `url`, `howpublished = {\\url{...}}` and `doi` as https:// addresses or a plain DOI (10.NNNN/suffix)."),
    # E6xx: honesty rules for factual content
    Rule("E601", "factual record lists no sources", "Add `sources:` with a URL, a seed or a BibTeX key."),
    Rule("E602", "evidence tier not backed by evidence", "Cite a study or reference, or choose a lower tier."),
    # E61x/W61x: the course, the framework, comments and the research agenda (pcor_site/features/course, framework, comments, agenda)
    Rule("W610", "module has no learning objectives", "Add `objectives:`: what a learner can do after the module, one line each.", W),
    Rule("E611", "module times do not add up", "Make `minutes` the sum of `teaching_minutes` and `activity_minutes`, or leave `minutes` out."),
    Rule("E612", "two modules share a place in the course order", "Give each module its own `order` number."),
    Rule("E613", "the course order has a gap", "Renumber the modules' `order` so that they run 1, 2, 3 … without a missing number."),
    Rule("E614", "prerequisite comes later in the course", "Move the prerequisite earlier in the order, or remove it from `prerequisites`."),
    Rule("W615", "research question is missing parts",
         "Add the parts a source states (population, intervention, comparison, outcome, setting, stated_by_source); leave out what no source says.", W),
    Rule("E616", "framework or comment settings are invalid", "Fix extra.hub.framework or extra.hub.comments in mkdocs.yml as the message says."),
    # E63x-E65x: the convening's cycle (features convening, report, dissemination)
    Rule("E630", "session ends before it starts", "Give the session an `end:` later than its `start:` (both YYYY-MM-DDTHH:MM, local time)."),
    Rule("E631", "speaker named without recorded consent",
         "List the speaker's name exactly under the record's `consent:` once they agreed to be named, or remove the speaker."),
    Rule("E632", "agenda times without a valid time zone",
         "Give the event a `timezone:` from the IANA list (e.g. America/New_York) so calendars show the right hour."),
    Rule("E633", "session time given by halves", "Give both `start:` and `end:`, or neither."),
    Rule("E634", "unknown record in a list of records", "Write KIND/ID of an existing record (the folder and the file name without extension)."),
    Rule("E640", "report selects an unknown kind of record", "Use a kind name such as practice, tool, study or activity in `select.kind`."),
    Rule("W641", "report section includes nothing", "Give the section `text:`, `records:` or a `select:` that matches at least one record.", W),
    Rule("E650", "survey count under the small-cell threshold",
         "Counts from 1 to 10 are not published: write `suppressed: true` instead of the count, or merge options."),
    Rule("E651", "survey counts exceed the respondents", "Check the counts, or set `multiple: true` if respondents could choose several options."),
    Rule("E652", "a suppressed survey count can be worked out",
         "Suppress a second option too (or merge options), so respondents minus the other counts does not reveal it."),
    # W7xx: privacy (heuristics: warnings, which --strict turns into failures)
    Rule("W701", "possible e-mail address", "Remove personal addresses; an organization's contact belongs in its contact_email field.", W),
    Rule("W702", "possible phone number", "Remove personal numbers; an organization's number belongs in its contact_phone field.", W),
    Rule("W703", "possible Social Security number", "Remove the number: the hub must never publish identifiers.", W),
    Rule("W704", "possible date of birth", "Remove dates of birth: they identify people.", W),
    Rule("W705", "quote attributed to a named person", "List the person in `consent:` if they agreed to be quoted by name, or remove the name.", W),
    # E85x: infographics (pcor_site/infographics/)
    Rule("E850", "infographic data cannot be used", "Fix the data file or the rows as the message says."),
    Rule("E851", "small cell: a count from 1 to 10", "Suppress the figure (`suppressed: true`), merge categories, or mark it `published_aggregate: true` if its cited public source published it."),
    Rule("E852", "a small count can be derived from other figures", "Suppress a second figure of the group, or merge categories, so no count from 1 to 10 can be worked out."),
    Rule("E853", "figure does not cite its source", "Add `source: N` (N-th entry of the record's sources) to the figure, or list the source under `sources:`."),
    Rule("E854", "percentage without its denominator", "Say what the percentage is a share of: add `denominator:` to the figure or the record."),
    Rule("E855", "data does not fit the chart", "Give the figures the chart needs (see the message), or choose another chart kind."),
    Rule("E856", "palette colour lacks contrast", "Choose a darker colour: chart marks need 3:1 and text 4.5:1 against the background."),
    Rule("E857", "palette colours are hard to tell apart", "Replace one of the two colours; check it under protanopia, deuteranopia and tritanopia."),
    # E8xx: podcast (pcor_site/podcast)
    Rule("E801", "podcast show settings are invalid", "Fix extra.hub.podcast in mkdocs.yml as the message says."),
    Rule("E802", "episode file not found", "Put the file beside the episode record and name it exactly (ASCII letters, digits, '.', '_', '-')."),
    Rule("E803", "transcript is not valid WebVTT", "Fix the transcript at this line: it starts with WEBVTT, then cues like '00:00:01.000 --> 00:00:04.000' and their text."),
    Rule("E804", "declared audio size or duration differs from the file", "Correct audio_length or duration, or leave them out: they are read from a local file."),
    Rule("E805", "audio cannot go in the feed", "Use an .mp3 or .m4a file; for external audio give its https:// address and audio_length in bytes."),
    Rule("E806", "artwork breaks Apple's rules", "Use a JPEG or PNG, RGB (no transparency), square, 1400-3000 px."),
    Rule("E807", "chapters out of order or past the end", "List chapters by increasing start time, each before the end of the audio."),
    Rule("E808", "the podcast feed cannot be published", "Complete extra.hub.podcast in mkdocs.yml as the message says."),
    Rule("E809", "two episodes share a guid or audio file", "Give each episode its own audio and guid; never reuse a published guid."),
    Rule("W810", "podcast owner e-mail is not a role mailbox", "The feed publishes this address: use a role mailbox such as podcast@ or info@.", W),
    # E9xx: engine and output
    Rule("E910", "the site has no public address", "Publishing needs the real address: set SITE_URL (the Pages workflow passes it) or site_url in mkdocs.yml to https://..."),
    Rule("W910", "local build: the site has no public address",
         "Fine for a preview. To publish, build with SITE_URL=https://ORG.github.io/REPO/ (the Pages workflow does).", W),
    Rule("E901", "the site engine failed", "Run `pcor-site build` again with the message above; report a bug if it persists."),
    Rule("E902", "the built site failed a safety check", "The output contains something unsafe; see the message."),
    Rule("E903", "the output folder cannot be written", "Make the folder (and its parent) writable, free some disk space, or pass another --out DIR."),
)


@dataclass(frozen=True, order=True)
class Diagnostic:
    path: str
    line: int
    column: int
    code: str
    message: str
    hint: str = ""
    severity: Severity = field(default=Severity.ERROR)

    @classmethod
    def of(cls, code: str, path: str, line: int, column: int, message: str, hint: str | None = None) -> "Diagnostic":
        rule = RULES[code]
        return cls(path, max(line, 1), max(column, 1), code, message, rule.hint if hint is None else hint, rule.severity)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


def did_you_mean(value: str, choices) -> str:
    """"; did you mean 'x'?" for the closest choice, or "" when none is close."""
    close = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def closest_choices(value: str, choices, listed: int = 8) -> str:
    """The allowed values when there are few of them, else the closest few: "; choose one of: a, b"."""
    choices = list(choices)
    if not choices:
        return ""
    if len(choices) <= listed:
        close = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
        allowed = ", ".join(choices)
        return f"; did you mean '{close[0]}'? Allowed: {allowed}" if close else f"; allowed: {allowed}"
    close = difflib.get_close_matches(value, choices, n=3, cutoff=0.5)
    if not close:
        return ""
    return "; did you mean " + " or ".join(f"'{c}'" for c in close) + "?"


def anchor(code: str) -> str:
    """The rule's heading anchor in CONTRIBUTING.md, as GitHub makes it from `### E203 title`."""
    heading = f"{code} {RULES[code].title}".lower()
    return re.sub(r"[^\w\- ]", "", heading).replace(" ", "-")


DOCS = "CONTRIBUTING.md"
DOCS_START, DOCS_END = "<!-- rules: generated by .github/scripts/rule_docs.py -->", "<!-- end of rules -->"


def rules_markdown() -> str:
    """The CONTRIBUTING.md section with one heading per rule (the anchors the hints point at)."""
    lines = [DOCS_START, ""]
    for code in sorted(RULES, key=lambda c: (c[1:], c)):
        rule = RULES[code]
        kind = "warning (fails only under `--strict`)" if rule.severity is Severity.WARNING else "error"
        lines += [f"#### {code} {rule.title}", "", f"{rule.hint} *({kind})*", ""]
    return "\n".join(lines + [DOCS_END])


def sort_key(d: Diagnostic) -> tuple:
    return (d.path, d.line, d.column, d.code, d.message)


def has_failures(diagnostics: list[Diagnostic], strict: bool) -> bool:
    """Errors always fail; under --strict warnings fail too (as in `mkdocs build --strict`)."""
    return any(d.is_error or strict for d in diagnostics)


def render_text(diagnostics: list[Diagnostic]) -> str:
    """`path:line:col: CODE message`; a hint is printed once per rule (with its docs anchor), not
    under every line. A diagnostic whose hint differs from its rule's gets it printed too."""
    lines = []
    shown: set[tuple[str, str]] = set()
    for d in sorted(diagnostics, key=sort_key):
        label = "" if d.is_error else "warning: "
        lines.append(f"{d.path}:{d.line}:{d.column}: {d.code} {label}{d.message}")
        if d.hint and (d.code, d.hint) not in shown:
            shown.add((d.code, d.hint))
            lines.append(f"    hint: {d.hint} (see {DOCS}#{anchor(d.code)})")
    return "\n".join(lines)


def _escape_github(value: str, *, property_value: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


#: GitHub shows at most 10 error and 10 warning annotations per step; the rest only in the log.
ANNOTATION_LIMIT = 10


def render_github(diagnostics: list[Diagnostic]) -> str:
    """GitHub Actions workflow commands: they become inline annotations on the pull request.

    Past GitHub's limit the remaining problems are printed as plain lines in the log, and a notice
    says how many there are, so nobody mistakes the annotations for the whole list."""
    lines, rest = [], []
    counts = {True: 0, False: 0}
    for d in sorted(diagnostics, key=sort_key):
        counts[d.is_error] += 1
        if counts[d.is_error] > ANNOTATION_LIMIT:
            rest.append(d)
            continue
        level = "error" if d.is_error else "warning"
        props = f"file={_escape_github(d.path, property_value=True)},line={d.line},col={d.column}"
        title = _escape_github(f"{d.code} {RULES[d.code].title}", property_value=True)
        body = _escape_github(f"{d.message}" + (f"\n{d.hint}" if d.hint else ""))
        lines.append(f"::{level} {props},title={title}::{body}")
    if rest:
        lines.append(render_text(rest))
        many = f"{len(rest)} more problem{'s' * (len(rest) != 1)}"
        lines.append(f"::notice title=More problems in the log::{many} than GitHub shows as annotations "
                     f"(at most {ANNOTATION_LIMIT} errors and {ANNOTATION_LIMIT} warnings): read them all in this step's log")
    return "\n".join(lines)


def render_json(diagnostics: list[Diagnostic]) -> str:
    items = []
    for d in sorted(diagnostics, key=sort_key):
        item = asdict(d)
        item["severity"] = d.severity.value
        items.append({k: item[k] for k in ("path", "line", "column", "severity", "code", "message", "hint")})
    return json.dumps(items, indent=2, ensure_ascii=False)


RENDERERS = {"text": render_text, "github": render_github, "json": render_json}
