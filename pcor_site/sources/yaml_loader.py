"""A strict, position-tracking YAML loader.

`yaml.safe_load` is not a validator: it silently keeps the last of two duplicate keys, turns `no`
into False and `22:22` into 1342, builds dates (and raises a bare ValueError on `2024-02-30`) and
expands aliases. This loader composes the node graph with libyaml (fast), then builds plain data
itself, so that:

* only `true`/`false` are booleans, integers and floats follow YAML 1.2 core, and everything else
  (dates included) stays a string for the schema to parse;
* duplicate keys, aliases, explicit tags and excessive nesting are errors with a position;
* the position of every node is kept, keyed by its path (`("sessions", 0, "title")`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from .characters import first_forbidden
from .yaml_errors import YamlProblem, syntax_problem

try:  # libyaml is ~15x faster; fall back to the pure-Python parser where it is not compiled in.
    _BaseLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _BaseLoader = yaml.SafeLoader

MAX_DEPTH = 20
MAX_LIST_ITEMS = 1000  # a list longer than this is never a record: refuse it before building it

Path = tuple[str | int, ...]

_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
# No leading zeros: `0755` (octal in YAML 1.1) and `02134` (a ZIP code) stay strings.
_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|(0|[1-9][0-9]*)(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_NULLS = {"", "~", "null", "Null", "NULL"}


class _PlainLoader(_BaseLoader):
    """Resolves every untagged scalar to `str`, so explicit tags can be told apart."""

    yaml_implicit_resolvers: dict = {}


@dataclass
class Positions:
    """Where each value starts. For a mapping value, that is where its key starts."""

    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    mappings: dict[Path, tuple[int, int]] = field(default_factory=dict)
    line_offset: int = 0
    #: where each unquoted text value ends (0-based line and column): text after it may be a comment
    plain_ends: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def of(self, path: Path) -> tuple[int, int]:
        """The position of `path`, or of the nearest enclosing node that has one."""
        for end in range(len(path), -1, -1):
            hit = self.values.get(path[:end]) or self.mappings.get(path[:end])
            if hit:
                return hit[0] + self.line_offset, hit[1]
        return 1 + self.line_offset, 1

    def within(self, prefix: Path) -> "Positions":
        """The positions under `prefix`, keyed relative to it (a section of a larger file)."""
        size = len(prefix)
        return Positions(
            {p[size:]: v for p, v in self.values.items() if p[:size] == prefix},
            {p[size:]: v for p, v in self.mappings.items() if p[:size] == prefix},
            self.line_offset,
        )

    def of_mapping(self, path: Path) -> tuple[int, int]:
        """Where the mapping at `path` starts: a missing key is reported there."""
        for end in range(len(path), -1, -1):
            hit = self.mappings.get(path[:end])
            if hit:
                return hit[0] + self.line_offset, hit[1]
        return self.of(path)


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def node_positions(root: yaml.Node) -> Positions:
    """The positions of a composed node tree, whatever its tags (e.g. mkdocs.yml, built by PyYAML)."""
    positions = Positions()
    stack: list[tuple[yaml.Node, Path]] = [(root, ())]
    while stack:
        node, path = stack.pop()
        if isinstance(node, yaml.MappingNode):
            positions.mappings[path] = _mark(node)
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    positions.values[path + (key.value,)] = _mark(key)
                    stack.append((value, path + (key.value,)))
        elif isinstance(node, yaml.SequenceNode):
            for index, value in enumerate(node.value):
                positions.values[path + (index,)] = _mark(value)
                stack.append((value, path + (index,)))
    return positions


def _scalar(node: yaml.ScalarNode):
    value = node.value
    if node.style:  # quoted or block scalar: always a string (plain is None, or '' under libyaml)
        return value
    if value in _NULLS:
        return None
    if value in ("true", "false"):
        return value == "true"
    if _INT.match(value):
        return int(value)
    if _FLOAT.match(value) and any(c.isdigit() for c in value):
        return float(value)
    if value in (".inf", "+.inf", "-.inf", ".nan", ".Inf", ".NaN"):
        return value  # not a number anyone writes on purpose in a record
    return value


def _refuse_decoded(node: yaml.ScalarNode) -> None:
    """Escapes in a quoted string (`"\\x1b"`, `"\\u202e"`) decode to characters the file's text never
    showed, so every decoded value gets the same character check as the file."""
    hit = first_forbidden(node.value)
    if hit is not None:
        line, col = _mark(node)
        raise YamlProblem("E112", line, col, f"{hit[1]} in the decoded value (look for a backslash escape in quotes)")


def _build(node: yaml.Node, path: Path, positions: Positions, depth: int):
    if depth > MAX_DEPTH:
        line, col = _mark(node)
        raise YamlProblem("E111", line, col, f"nesting is deeper than {MAX_DEPTH} levels")
    if node.tag not in (_STR, _MAP, _SEQ):
        line, col = _mark(node)
        raise YamlProblem("E108", line, col, f"YAML tag '{_tag_name(node.tag)}' is not allowed")
    if isinstance(node, yaml.ScalarNode):
        _refuse_decoded(node)
        if not node.style and node.value:
            positions.plain_ends[path] = (node.end_mark.line, node.end_mark.column)
        return _scalar(node)
    if isinstance(node, yaml.SequenceNode):
        if len(node.value) > MAX_LIST_ITEMS:
            line, col = _mark(node.value[MAX_LIST_ITEMS])
            raise YamlProblem("E119", line, col, f"the list has {len(node.value):,} items; the limit is {MAX_LIST_ITEMS:,}")
        items = []
        for index, child in enumerate(node.value):
            positions.values[path + (index,)] = _mark(child)
            items.append(_build(child, path + (index,), positions, depth + 1))
        return items
    positions.mappings[path] = _mark(node)
    result: dict = {}
    first_seen: dict = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            line, col = _mark(key_node)
            raise YamlProblem("E105", line, col, "a key must be a plain word, not a list or mapping")
        _refuse_decoded(key_node)
        key = key_node.value
        key_line, key_col = _mark(key_node)
        if key in first_seen:
            raise YamlProblem(
                "E106", key_line, key_col, f"duplicate key '{key}' (first defined on line {first_seen[key]})"
            )
        first_seen[key] = key_line
        positions.values[path + (key,)] = (key_line, key_col)
        result[key] = _build(value_node, path + (key,), positions, depth + 1)
    return result


def _compose(text: str) -> yaml.Node | None:
    loader = _PlainLoader(text)
    try:
        if not loader.check_node():
            return None
        node = loader.get_node()
        if loader.check_node():
            line, col = _mark(loader.get_node())
            line = _document_marker(text, line) or line
            raise YamlProblem("E109", line, 1, "the file holds more than one YAML document")
        return node
    finally:
        loader.dispose()


def _document_marker(text: str, line: int) -> int | None:
    """The line of the `---` that starts the document whose first node is on `line`."""
    lines = text.split("\n")
    for number in range(min(line, len(lines)), 0, -1):
        if re.match(r"---(\s|$)", lines[number - 1]):
            return number
    return None


def _first_alias(text: str) -> tuple[int, int] | None:
    """Where the first `*alias` is used (composed nodes only know where their anchor was)."""
    try:
        for event in yaml.parse(text, Loader=_BaseLoader):
            if isinstance(event, yaml.AliasEvent):
                return _mark(event)
    except yaml.YAMLError:
        pass
    return None


def _tag_name(tag: str) -> str:
    """The tag as the contributor wrote it: `tag:yaml.org,2002:str` was `!!str`."""
    return "!!" + tag[len("tag:yaml.org,2002:"):] if tag.startswith("tag:yaml.org,2002:") else tag


def _refuse_explicit_tags(text: str) -> None:
    """`!!str 1`, `!!map` and `!` resolve to the default tags, so the composed nodes cannot show them."""
    if "!" not in text:
        return
    for event in yaml.parse(text, Loader=_BaseLoader):
        tag = getattr(event, "tag", None)
        if tag is not None:
            line, col = _mark(event)
            raise YamlProblem("E108", line, col, f"YAML tag '{_tag_name(tag)}' is not allowed")


def _refuse_aliases(node: yaml.Node, seen: set[int], text: str) -> None:
    """An alias shares a node object with its anchor; any node met twice is an alias."""
    stack = [node]
    while stack:
        current = stack.pop()
        if id(current) in seen:
            line, col = _first_alias(text) or _mark(current)
            raise YamlProblem("E107", line, col, "YAML aliases (*name) are not allowed")
        seen.add(id(current))
        if isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
        elif isinstance(current, yaml.MappingNode):
            for key, value in current.value:
                stack.extend((key, value))


def _check_flow_depth(text: str) -> None:
    """libyaml's composer recurses in C: ~100,000 nested `[` crash the interpreter outright.

    So bracket depth is measured before parsing. Brackets inside quotes count too, which can only
    make the check stricter, and records never need more than a few levels.
    """
    depth = 0
    line = 1
    for char in text:
        if char in "[{":
            depth += 1
            if depth > MAX_DEPTH * 5:
                raise YamlProblem("E111", line, 1, f"more than {MAX_DEPTH * 5} nested brackets")
        elif char in "]}":
            depth = max(depth - 1, 0)
        elif char == "\n":
            line += 1


def load_yaml(text: str) -> tuple[object, Positions]:
    """Parse one YAML document into plain data and the position of every node.

    Raises `YamlProblem` for anything that is not a clean, single, tag-free, alias-free document.
    """
    _check_flow_depth(text)
    try:
        node = _compose(text)
    except yaml.YAMLError as error:
        raise syntax_problem(error, text) from None
    positions = Positions()
    if node is None:
        return None, positions
    _refuse_aliases(node, set(), text)
    _refuse_explicit_tags(text)
    return _build(node, (), positions, 0), positions
