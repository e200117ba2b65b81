"""`pcor-site new KIND SLUG`: a commented record that passes `check` once its placeholders are filled."""

from __future__ import annotations

from pydantic.fields import FieldInfo

from .schema import KINDS, Kind
from .validate import SCAFFOLD_PLACEHOLDERS

#: The shape of `sources:`, shown under the field (commented out) so nobody has to guess it.
SOURCES_EXAMPLE = [
    "# One entry per source, each starting with '- ' and indented by two spaces, for example:",
    "#   - url: https://example.org/page-that-states-the-fact",
    "#     title: Name of the page, as readers should see it",
    "#   - seed: chcc-pcor-capacity",
    "#   - ref: smith2020",
    "# seed: one of the two project summaries (chcc-pcor-capacity, national-alliance-convening);",
    "# ref: the key of an entry in content/references.bib.",
]

#: Kinds whose records carry long prose, written as Markdown with YAML front matter.
MARKDOWN_KINDS = {"practice", "study", "module", "episode", "page", "gap"}


def record_suffix(kind: Kind) -> str:
    return ".md" if kind.name in MARKDOWN_KINDS else ".yml"


def _comment(text: str) -> list[str]:
    words, lines, line = text.split(), [], "#"
    for word in words:
        if len(line) + len(word) > 98:
            lines.append(line)
            line = "#"
        line += " " + word
    return lines + [line]


def _field_lines(name: str, info: FieldInfo, required: bool) -> list[str]:
    label = "REQUIRED" if required else "Optional"
    lines = _comment(f"{label}. {info.description or ''}")
    if name == "sources":
        lines += SOURCES_EXAMPLE
    if required:
        lines.append(f"{name}:")
    else:
        lines.append(f"# {name}:")
    return lines


def scaffold(kind_name: str, slug: str) -> str:
    kind = KINDS[kind_name]
    schema_line = f"# yaml-language-server: $schema=../../schemas/{kind.name}.schema.json"
    lines = [schema_line] + _comment(f"{kind.label}: {(kind.model.__doc__ or kind.intro).strip()}".rstrip(": "))
    lines += _comment(f"Fill in every REQUIRED field (the empty ones), delete the Optional lines you do not need "
                      f"or remove their '# ', then run `pcor-site check`. Record id: {slug}.")
    fields = kind.model.model_fields.items()
    required = [(n, i) for n, i in fields if i.is_required() or (kind.factual and n == "sources")]
    optional = [(n, i) for n, i in fields if (n, i) not in required]
    for group, is_required in ((required, True), (optional, False)):  # required fields first
        for name, info in group:
            lines.append("")
            lines += _field_lines(name, info, is_required)
    yaml_text = "\n".join(lines) + "\n"
    if record_suffix(kind) == ".md":
        return f"---\n{yaml_text}---\n\n{SCAFFOLD_PLACEHOLDERS[0]}\n"
    return yaml_text
