"""Documents → validated records. pydantic errors become positioned diagnostics; each record's
summary and body are parsed once here, and their lint problems reported at their lines."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError

from .diagnostics import Diagnostic, did_you_mean
from .schema import KIND_BY_FOLDER, KINDS, Kind
from .schema.base import Record
from .schema.errors import plain_message
from .schema.vocab import VOCABULARIES, Vocabulary
from .sources.files import RECORD_SUFFIXES, SLUG, Document, load_document, parse_mapping, read_text, relative
from .sources.guard import refusal, windows_reserved
from .sources.yaml_loader import Positions
from .text.markdown import Markdown, ParsedText

VOCAB_DIR = "_vocab"
ASSET_SUFFIXES = {".vtt", ".csv", ".json", ".mp3", ".m4a", ".ogg", ".png", ".jpg", ".jpeg", ".svg", ".webp"}


@dataclass(frozen=True)
class Item:
    """A validated record with everything needed to report on it and render it."""

    kind: Kind
    id: str
    path: str
    record: Record
    body: str | None
    body_line: int
    positions: Positions
    #: the one parse of the summary and of the body (None for the body of a YAML record)
    summary_text: ParsedText | None = field(default=None, compare=False, repr=False)
    body_text: ParsedText | None = field(default=None, compare=False, repr=False)

    @property
    def key(self) -> str:
        return f"{self.kind.name}/{self.id}"

    def position(self, *path) -> tuple[int, int]:
        return self.positions.of(tuple(path))


def _code_for(error: dict) -> str:
    kind = error["type"]
    if kind == "extra_forbidden":
        return "E201"
    if kind == "missing":
        return "E202"
    if kind.startswith(("date", "datetime")) or kind == "date_parsing":
        return "E205"
    if kind == "unsafe_url" or kind.startswith("url"):
        return "E206"
    if kind in ("string_too_long", "too_long"):
        return "E207"
    if kind.endswith("_type") or kind in ("bool_parsing", "int_parsing", "float_parsing", "int_from_float"):
        return "E203"
    return "E204"


def _path_of(loc: tuple) -> tuple:
    """pydantic locations may include validator names; keep only keys and indexes."""
    return tuple(part for part in loc if isinstance(part, int) or (isinstance(part, str) and "[" not in part))


def _empty_placeholder(data, path: tuple) -> bool:
    """True when `path` is present in the authored data but has no value (`field:` left empty)."""
    if not path:
        return False
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return False
    return data is None or data == ""


def _empty_message(where: str, info, model) -> tuple[str, str, str]:
    """(code, message, hint) for `field:` left without a value."""
    required = info is not None and info.is_required()
    is_list = where == "sources" or (info is not None and "list" in str(info.annotation))
    shape = SOURCES_SHAPE if where == "sources" else "write each item on its own line below, like `  - first item`"
    if required:
        message = f"missing required field '{where}' (the placeholder is empty)" + (f": {shape}" if is_list else "")
        return "E202", message, f"Write the value after '{where}:' on this line." if not is_list else LIST_HINT.format(where)
    if is_list:
        return "E203", f"'{where}' is empty (the placeholder has no value): {shape}", LIST_HINT.format(where)
    return "E203", f"'{where}' is empty (the placeholder has no value)", f"Write the value after '{where}:' on this line, or delete the line."


LIST_HINT = "Write the list under '{}:', one `- ` line per item."
#: What a source looks like, for messages about an empty or malformed `sources:`.
SOURCES_SHAPE = "add at least one source below it, like `  - url: https://example.org/page` (or `  - seed: chcc-pcor-capacity`, `  - ref: KEY`)"


def model_errors(rel: str, error: ValidationError, positions: Positions, data: dict,
                 model: type[BaseModel] | None = None) -> list[Diagnostic]:
    found = []
    for item in error.errors(include_url=False):
        path = _path_of(item["loc"])
        code = _code_for(item)
        where = ".".join(map(str, path)) or "record"
        if code not in ("E201", "E202") and _empty_placeholder(data, path):
            # `field:` with nothing after it (e.g. an unfilled `pcor-site new` placeholder)
            line, col = positions.of(path)
            info = model.model_fields.get(path[0]) if model is not None and len(path) == 1 else None
            code, message, hint = _empty_message(where, info, model)
            diagnostic = Diagnostic.of(code, rel, line, col, message, hint)
        elif code == "E202":
            line, col = positions.of_mapping(path[:-1])
            diagnostic = Diagnostic.of(code, rel, line, col, f"missing required field '{where}'")
        else:
            line, col = positions.of(path)
            message = f"unknown field '{where}'{_field_guess(model, path)}" if code == "E201" else plain_message(item, where)
            diagnostic = Diagnostic.of(code, rel, line, col, message)
        if diagnostic not in found:  # a union type reports once per member
            found.append(diagnostic)
    return found


def _field_guess(model: type[BaseModel] | None, path: tuple) -> str:
    if model is None or len(path) != 1:
        return ""
    return did_you_mean(str(path[0]), model.model_fields)


def validate_model(rel: str, model: type[BaseModel], data: dict, positions: Positions):
    try:
        return model.model_validate(data), []
    except ValidationError as error:
        return None, model_errors(rel, error, positions, data, model)


def _lint(rel: str, parsed: ParsedText, first_line: int) -> list[Diagnostic]:
    return [Diagnostic.of(p.code, rel, first_line + p.line, 1, p.message) for p in parsed.problems]


#: Text that `pcor-site new` writes for the contributor to replace; publishing it is an error.
SCAFFOLD_PLACEHOLDERS = ("Write the longer explanation here, in Markdown (no HTML).",)


def _placeholders(doc: Document) -> list[Diagnostic]:
    found = []
    for index, line in enumerate((doc.body or "").splitlines()):
        if line.strip() in SCAFFOLD_PLACEHOLDERS:
            found.append(Diagnostic.of("E122", doc.path, doc.body_line + index, 1,
                                       f"the page text is still the template's placeholder: '{line.strip()}'"))
    return found


def _wrong_folder(doc: Document, problems: list[Diagnostic]) -> Diagnostic | None:
    """A record that fails its own folder's schema on its fields but fits another kind exactly."""
    if not any(d.code == "E201" for d in problems):
        return None
    for other in KINDS.values():
        if other.name == doc.kind or other.name == "page":
            continue
        try:
            other.model.model_validate(doc.data)
        except ValidationError:
            continue
        here = KINDS[doc.kind]
        return Diagnostic.of("E121", doc.path, 1, 1, f"this looks like {_article(other.label.lower())}, not "
                             f"{_article(here.label.lower())}: move it to content/{other.folder}/")
    return None


def _article(noun: str) -> str:
    return ("an " if noun[0] in "aeiou" else "a ") + noun


def validate_document(doc: Document, markdown: Markdown) -> tuple[Item | None, list[Diagnostic]]:
    kind = KINDS[doc.kind]
    record, problems = validate_model(doc.path, kind.model, doc.data, doc.positions)
    if record is None:
        moved = _wrong_folder(doc, problems)
        if moved is not None:
            return None, [moved]
    body = summary = None
    if doc.body is not None:
        body = markdown.parse(doc.body)
        problems += _lint(doc.path, body, doc.body_line) + _placeholders(doc)
    if record is not None and isinstance(doc.data.get("summary"), str):
        line, _ = doc.positions.of(("summary",))
        summary = markdown.parse(record.summary)
        problems += _lint(doc.path, summary, line)
    if record is None:
        return None, problems
    return Item(kind, doc.slug, doc.path, record, doc.body, doc.body_line, doc.positions, summary, body), problems


def discover(root: Path) -> tuple[list[tuple[Kind, Path]], list[Diagnostic]]:
    """Every record file under content/, in a stable order, plus problems with the layout."""
    content = root / "content"
    folders = KIND_BY_FOLDER
    found, problems = [], []
    if not content.is_dir():
        return [], [Diagnostic.of("E101", "content", 1, 1, "there is no content/ folder here", "Run the command in a hub project or pass --root DIR.")]
    for entry in sorted(content.iterdir()):
        if entry.name.startswith(".") or entry.name == VOCAB_DIR or entry.name == "references.bib":
            continue
        if entry.name.lower() in ("readme.md",):
            continue
        kind = folders.get(entry.name)
        if entry.is_symlink() or (kind is not None and not entry.is_dir()) or kind is None:
            problems.append(_layout_problem(root, entry, folders))
            continue
        for path in sorted(entry.rglob("*")):
            if path.name.startswith("."):
                continue
            refused = refusal(root, path)
            if refused and (path.is_symlink() or not path.is_dir()):
                problems.append(Diagnostic.of("E118", relative(root, path), 1, 1, refused))
                continue
            if path.is_dir():
                if path.suffix in RECORD_SUFFIXES and path.parent == entry:
                    found.append((kind, path))  # named like a record: reading it reports E101
                continue
            if windows_reserved(path.name):
                problems.append(Diagnostic.of("E115", relative(root, path), 1, 1, f"'{path.name}' is a name Windows reserves "
                                              "(CON, PRN, AUX, NUL, COM1-9, LPT1-9): the repository could not be checked out there"))
                continue
            if path.suffix in RECORD_SUFFIXES and path.parent == entry:
                if not SLUG.match(path.stem):
                    problems.append(Diagnostic.of("E115", relative(root, path), 1, 1, f"'{path.stem}' is not a valid id"))
                    continue
                found.append((kind, path))
            elif path.suffix.lower() not in ASSET_SUFFIXES:
                problems.append(Diagnostic.of("E116", relative(root, path), 1, 1, f"'{path.name}' is neither a record (.yml, .md) nor a known asset type"))
    return found, problems


def _layout_problem(root: Path, entry: Path, folders: dict) -> Diagnostic:
    if entry.is_symlink():
        return Diagnostic.of("E118", relative(root, entry), 1, 1, f"'content/{entry.name}' is a symbolic link; links are never followed")
    return Diagnostic.of("E116", relative(root, entry), 1, 1, f"'{entry.name}' is not a record folder; known folders: {', '.join(sorted(folders))}")


def load_records(root: Path, markdown: Markdown, read=None) -> tuple[list[Item], list[Diagnostic], int]:
    """Valid records, every problem, files read. `read(kind, path)`: one file's (item, problems)."""
    files, problems = discover(root)
    items: list[Item] = []
    for kind, path in files:
        item, file_problems = read(kind, path) if read else load_file(root, kind, path, markdown)
        problems += file_problems
        if item is not None:
            items.append(item)
    return items, problems, len(files)


def load_file(root: Path, kind: Kind, path: Path, markdown: Markdown) -> tuple[Item | None, list[Diagnostic]]:
    try:
        doc, problems = load_document(root, path, kind.name)
        if doc is None:
            return None, problems
        item, more = validate_document(doc, markdown)
        return item, problems + more
    except RecursionError:
        return None, [Diagnostic.of("E111", relative(root, path), 1, 1, "the file is nested too deeply to read")]


def load_vocabularies(root: Path) -> tuple[dict[str, Vocabulary], list[Diagnostic]]:
    vocabularies: dict[str, Vocabulary] = {}
    problems: list[Diagnostic] = []
    folder = root / "content" / VOCAB_DIR
    for name, model in VOCABULARIES.items():
        path = folder / f"{name}.yml"
        rel = relative(root, path)
        if not path.is_file():
            problems.append(Diagnostic.of("E306", rel, 1, 1, f"vocabulary file for '{name}' is missing"))
            continue
        text, read_problems = read_text(root, path)
        problems += read_problems
        if text is None:
            continue
        data, positions, errors = parse_mapping(rel, text, 0)
        problems += errors
        if data is None:
            continue
        vocabulary, errors = validate_model(rel, model, data, positions)
        problems += errors
        if vocabulary is None:
            continue
        seen: dict[str, int] = {}
        for index, term in enumerate(vocabulary.terms):
            if term.id in seen:
                line, col = positions.of(("terms", index, "id"))
                problems.append(Diagnostic.of("E306", rel, line, col, f"term id '{term.id}' is listed twice (first as item {seen[term.id] + 1})"))
            seen.setdefault(term.id, index)
        vocabularies[name] = vocabulary
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if path.suffix in (".yml", ".yaml") and path.stem not in VOCABULARIES:
                problems.append(Diagnostic.of("E306", relative(root, path), 1, 1, f"unknown vocabulary '{path.stem}'; known: {', '.join(VOCABULARIES)}"))
    return vocabularies, problems
