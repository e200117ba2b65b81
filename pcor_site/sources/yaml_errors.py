"""YAML syntax errors in plain words, at the line a contributor has to fix.

libyaml reports where parsing finally failed, in parser terms ("while parsing a block mapping, did
not find expected key"). An unclosed quote, for instance, fails only where the next quote appears,
often many lines further down. This module turns each error into a sentence about the file as the
contributor sees it (quotes, colons, dashes, indentation), placed where the mistake was made.
"""

from __future__ import annotations

import re

import yaml


class YamlProblem(Exception):
    """A problem with a rule code and a 1-based position (relative to the YAML text)."""

    def __init__(self, code: str, line: int, column: int, message: str):
        super().__init__(message)
        self.code, self.line, self.column, self.message = code, line, column, message


#: A line whose value starts with a quote: `field: "...`, `- "...` or `- field: '...`.
_OPENS_QUOTE = re.compile(r"^(\s*(?:-\s+)?(?:[^\s\"'#-][^:#]*:\s+)?)([\"'])(.*)$")


def line_of(text: str, line: int) -> str:
    lines = text.splitlines()
    return lines[line - 1] if 0 < line <= len(lines) else ""


def _closes(quote: str, rest: str) -> bool:
    if quote == '"':
        return '"' in re.sub(r"\\.", "", rest)
    return "'" in rest.replace("''", "")


def unclosed_quote(text: str, last_line: int) -> tuple[int, int, str] | None:
    """The first line up to `last_line` that opens a quote it does not close: (line, column, quote)."""
    for number, line in enumerate(text.splitlines()[:last_line], start=1):
        match = _OPENS_QUOTE.match(line)
        if match and not _closes(match.group(2), match.group(3)):
            return number, len(match.group(1)) + 1, match.group(2)
    return None


def _mark(mark) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _tab_problem(problem: str, text: str, line: int, col: int) -> YamlProblem | None:
    indent = re.match(r"[ ]*\t[ \t]*", line_of(text, line))
    if "found character '\\t'" in problem or (indent and "tab" in problem.lower()):
        return YamlProblem("E113", line, col, "a tab is used for indentation")
    if indent and col <= indent.end() + 1:  # libyaml: "found character that cannot start any token"
        return YamlProblem("E113", line, indent.group().index("\t") + 1, "a tab is used for indentation")
    return None


def _plain_message(context: str, problem: str, text: str, line: int, col: int, context_line: int) -> tuple[int, int, str]:
    source = line_of(text, line)
    if "mapping values are not allowed" in problem:
        before = source[: col - 1].strip().removeprefix("- ")
        if ":" in before:
            return line, col, "this value contains ': ', which YAML reads as a second field: put the whole value in quotes"
        return line, col, ("this line is indented as if it belonged to the line above, which already has a value: "
                           "line it up with the other fields, or put the text in quotes")
    if "could not find expected ':'" in problem:
        return context_line, 1, ("this line is neither `field: value` nor a list item `- value`: add ': ' after the "
                                 "field name, or indent the line to continue the text above")
    if "cannot start any token" in problem:
        char = source[col - 1 : col] or "?"
        return line, col, f"a value cannot start with `{char}`: put the whole value in quotes"
    if "flow sequence" in context or "flow mapping" in context:
        bracket = "]" if "sequence" in context else "}"
        return context_line, 1, (f"the bracket opened on this line is never closed: add `{bracket}`, or write the "
                                 "list as lines that start with '- '")
    if "expected '-' indicator" in problem:
        return line, col, ("this line breaks the list above it: every item starts with '- ' in the same column, "
                           "and the next field starts in the column of the list's own name")
    if "expected key" in problem and source[: col - 1].rstrip().endswith(('"', "'")):
        return line, col, ("there is text after the closing quote: put all of the value inside the quotes (a value "
                           "that contains \" goes in single quotes, e.g. 'He said \"yes\"'; write ' inside '...' as '')")
    if "expected key" in problem or "expected <block end>" in problem:
        return line, col, ("this line does not line up with the fields above it: fields of one record start in "
                           "the same column, and a list's items start with '- '")
    return line, col, ("this line cannot be read as `field: value`: check its quotes, colons and indentation, "
                       "and those of the line above")


def syntax_problem(error: yaml.YAMLError, text: str) -> YamlProblem:
    problem_mark = getattr(error, "problem_mark", None)
    context_mark = getattr(error, "context_mark", None)
    line, col = _mark(problem_mark or context_mark)
    problem = getattr(error, "problem", None) or str(error)
    context = getattr(error, "context", None) or ""
    tab = _tab_problem(problem, text, line, col)
    if tab is not None:
        return tab
    if "found undefined alias" in problem or isinstance(error, yaml.composer.ComposerError) and "alias" in problem:
        return YamlProblem("E107", line, col, "YAML aliases (*name) are not allowed")
    opened = unclosed_quote(text, line)
    if opened is not None:
        quote_line, quote_col, quote = opened
        return YamlProblem("E105", quote_line, quote_col,
                           f"the quote {quote} opened here is never closed: end the value with {quote} on this line")
    context_line = _mark(context_mark)[0] if context_mark is not None else line
    line, col, message = _plain_message(context, problem, text, line, col, context_line)
    return YamlProblem("E105", line, col, message)
