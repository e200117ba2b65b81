"""Write the "propose a record" issue forms in .github/ISSUE_TEMPLATE/ from the schemas.

Run it after changing a record kind's fields or a vocabulary in content/_vocab/:

    .venv/bin/python .github/scripts/issue_forms.py

One form per record kind (`propose-KIND.yml`), built only from the kind's JSON Schema and the
vocabulary terms, so a new kind gets its form with no change here. Each question has a plain
label; vocabulary and fixed-choice fields are dropdowns; sources are asked for as separate fields
(address, title, reliability), never as free text. `issue_to_record.py` reads the same `elements`
back from a filled issue. Other forms (bug reports, corrections, surveys) are hand-written and
left alone. tests/test_issue_forms.py fails when the committed forms and this script disagree.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from pcor_site.scaffold import MARKDOWN_KINDS  # noqa: E402
from pcor_site.schema import KINDS, kind_schema, vocabulary_terms  # noqa: E402
from pcor_site.validate import load_vocabularies  # noqa: E402

FORM_DIR = REPO / ".github" / "ISSUE_TEMPLATE"
#: The label every proposal gets; a maintainer adds ACCEPT_LABEL to turn it into a pull request.
PROPOSAL_LABEL = "record proposal"
ACCEPT_LABEL = "make pull request"
#: Fields a proposer does not fill in: a maintainer sets them when checking the record.
MAINTAINER_FIELDS = {"last_reviewed"}
SOURCE_SLOTS = 3
RELIABILITY = ["primary", "secondary", "mirror", "disputed"]
SEEDS = ["national-alliance-convening", "chcc-pcor-capacity"]
BODY_HELP = "The longer explanation shown on the record's page, in Markdown (no HTML). Every fact in it needs a source."
ID_HELP = ("The record's id and file name: lower-case letters, digits and hyphens, e.g. `collaborative-care-model`. "
           "Leave empty to make it from the title.")


#: Words in field names that read better spelled out.
WORDS = {"url": "web address", "urls": "web addresses", "alt": "alternative", "pcori": "PCORI", "guid": "GUID",
         "nav": "navigation"}


def label_of(name: str) -> str:
    """`priority_areas` → `Priority areas`, `audio_url` → `Audio web address`: no field names."""
    words = [WORDS.get(word, word) for word in name.split("_")]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def _resolve(schema: dict, prop: dict) -> dict:
    """The field's own schema: `$ref`s followed, the `null` branch of an optional field dropped."""
    for branch in prop.get("anyOf", []):
        if branch.get("type") != "null":
            return {**_resolve(schema, branch), "description": prop.get("description", "")}
    if "$ref" in prop:
        target = schema["$defs"][prop["$ref"].rsplit("/", 1)[-1]]
        return {**target, "description": prop.get("description", target.get("description", ""))}
    return prop


def _choices(prop: dict) -> list[str] | None:
    if "enum" in prop:
        return [str(v) for v in prop["enum"]]
    if "const" in prop:
        return [str(prop["const"])]
    if prop.get("type") == "boolean":
        return ["true", "false"]
    return None


def _element(kind: str, ident: str, label: str, description: str, required: bool, **attributes) -> dict:
    element = {"type": kind, "id": ident, "attributes": {"label": label, "description": description, **attributes}}
    element["validations"] = {"required": required}
    return element


def field_element(schema: dict, name: str, required: bool) -> dict:
    """One question for one schema field."""
    prop = _resolve(schema, schema["properties"][name])
    description = f"{prop.get('description', '')} (field `{name}`)".strip()
    label = label_of(name)
    options = _choices(prop)
    if options:
        return _element("dropdown", name, label, description, required, options=options)
    if prop.get("type") == "array":
        items = _resolve(schema, prop.get("items", {}))
        item_options = _choices(items)
        if item_options:
            return _element("dropdown", name, label, f"{description} Choose one or more.", required,
                            options=item_options, multiple=True)
        if items.get("type") == "object":
            keys = ", ".join(items.get("properties", {}))
            return _element("textarea", name, label, f"{description} Write it as a YAML list, one `- ` entry "
                            f"per item, with the fields {keys}.", required, render="yaml")
        return _element("textarea", name, label, f"{description} One per line.", required)
    if prop.get("type") == "object":
        return _element("textarea", name, label, f"{description} Write it as YAML `name: value` lines.", required,
                        render="yaml")
    if prop.get("type") == "string" and prop.get("maxLength", 0) > 200 and "url" not in name:
        return _element("textarea", name, label, description, required)
    return _element("input", name, label, description, required)


def source_elements(required: bool) -> list[dict]:
    """Sources as fields: up to three web pages, the project summaries, and reference keys."""
    elements = []
    for slot in range(1, SOURCE_SLOTS + 1):
        elements += [
            _element("input", f"sources_{slot}_url", f"Source {slot}: web address",
                     "The https:// address of a page that states the facts above." + (
                         " Give at least one source here or below." if slot == 1 and required else ""), False),
            _element("input", f"sources_{slot}_title", f"Source {slot}: title", "The page's or document's name, as readers should see it.", False),
            _element("dropdown", f"sources_{slot}_reliability", f"Source {slot}: reliability",
                     "primary: stated by the funder, publisher or organisation itself; secondary: news or a third "
                     "party; mirror: an unofficial copy; disputed: sources disagree.", False, options=RELIABILITY),
        ]
    elements.append(_element("dropdown", "sources_seeds", "Sources: project summaries",
                             "One of the two PCORI project summaries the hub was seeded from, if it states the facts.",
                             False, options=SEEDS, multiple=True))
    elements.append(_element("textarea", "sources_refs", "Sources: reference keys",
                             "Keys of entries in content/references.bib, one per line.", False))
    return elements


def required_fields(kind_name: str) -> list[str]:
    kind = KINDS[kind_name]
    return [name for name, info in kind.model.model_fields.items()
            if info.is_required() or (kind.factual and name == "sources")]


def elements(kind_name: str, terms: dict[str, list[str]]) -> list[dict]:
    """Every question of a kind's form, in field order (required fields first)."""
    kind = KINDS[kind_name]
    schema = kind_schema(kind, terms)
    required = required_fields(kind_name)
    names = required + [n for n in kind.model.model_fields if n not in required]
    found = [_element("input", "record_id", "Record id", ID_HELP, False)]
    for name in names:
        if name in MAINTAINER_FIELDS:
            continue
        if name == "sources":
            found += source_elements(name in required)
        else:
            found.append(field_element(schema, name, name in required and name != "sources"))
    if kind_name in MARKDOWN_KINDS:
        found.append(_element("textarea", "body", "Page text", BODY_HELP, False))
    return found


def form(kind_name: str, terms: dict[str, list[str]]) -> dict:
    kind = KINDS[kind_name]
    intro = (
        f"Propose a new **{kind.label.lower()}** ({kind.plural}). {kind.intro}\n\n"
        "Fill in what you know. When a maintainer adds the label "
        f"`{ACCEPT_LABEL}`, a workflow writes the record file from your answers, checks it and opens a pull "
        "request, then comments here with the result. Every fact needs a source.\n\n"
        "You can also add the record yourself: see CONTRIBUTING.md."
    )
    body: list[dict] = [{"type": "markdown", "attributes": {"value": intro}}]
    body += elements(kind_name, terms)
    body.append({"type": "checkboxes", "id": "honesty", "attributes": {"label": "Honesty", "options": [
        {"label": "Every fact above comes from a source I listed; nothing is from memory.", "required": True},
        {"label": "I flagged secondary or disputed facts under cautions.", "required": False},
    ]}})
    return {
        "name": f"Propose {_a(kind.label.lower())}",
        "description": f"Suggest a new record for {kind.plural}.",
        "title": f"[{kind.name}] ",
        "labels": [PROPOSAL_LABEL],
        "body": body,
    }


class _Dumper(yaml.SafeDumper):
    """Multi-line strings as `|` blocks, and no `&id001` aliases, so the forms stay readable."""

    def ignore_aliases(self, data) -> bool:
        return True


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def render(data: dict) -> str:
    header = "# Generated by .github/scripts/issue_forms.py from the record schema: edit the script, not this file.\n"
    return header + yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=120)


def _a(noun: str) -> str:
    return ("an " if noun[0] in "aeiou" else "a ") + noun


def hub_terms(root: Path = REPO) -> dict[str, list[str]]:
    return vocabulary_terms(load_vocabularies(root)[0])


def forms(terms: dict[str, list[str]] | None = None) -> dict[str, str]:
    """File name → YAML text for every kind's proposal form. Deterministic."""
    terms = hub_terms() if terms is None else terms
    return {f"propose-{name}.yml": render(form(name, terms)) for name in KINDS}


def main() -> int:
    FORM_DIR.mkdir(parents=True, exist_ok=True)
    written = forms()
    for name, text in written.items():
        (FORM_DIR / name).write_text(text, encoding="utf-8")
    print(f"wrote {len(written)} forms to {FORM_DIR}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
