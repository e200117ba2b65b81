"""The command line: parses arguments, calls the library, maps results to exit codes.

Exit codes: 0 clean, 1 content errors (or a failed build), 2 usage errors.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import __version__
from .config import ConfigError
from .diagnostics import RENDERERS, Diagnostic
from .engines import DEFAULT_ENGINE, ENGINES

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2


def _default_format() -> str:
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'s' * (count != 1)}"


def _summary(diagnostics: list[Diagnostic]) -> str:
    errors = sum(d.is_error for d in diagnostics)
    warnings = len(diagnostics) - errors
    files = len({d.path for d in diagnostics})
    return f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')} in {_plural(files, 'file')}"


def _checked(result) -> str:
    """"checked 106 records in 113 files: no problems" (or the problems' count)."""
    found = "no problems" if not result.diagnostics else _summary(result.diagnostics)
    verdict = "" if result.ok else "check failed: "
    return f"{verdict}checked {_plural(result.records, 'record')} in {_plural(result.files, 'file')}: {found}"


def _report(diagnostics: list[Diagnostic], fmt: str) -> None:
    text = RENDERERS[fmt](diagnostics)
    if fmt == "json":
        print(text)
    elif text:
        print(text)


def cmd_check(args) -> int:
    from .build import check

    result = check(args.root, strict=args.strict)
    _report(result.diagnostics, args.format)
    if args.format != "json":
        print(_checked(result), file=sys.stderr)
    return EXIT_OK if result.ok else EXIT_CONTENT


def cmd_build(args) -> int:
    from .build import build

    result = build(args.root, args.out, strict=args.strict, engine=args.engine)
    diagnostics = result.check.diagnostics + result.diagnostics
    _report(diagnostics, args.format)
    if not result.ok:
        print(f"build failed: {_summary(diagnostics)}; {result.out} was left as it was", file=sys.stderr)
        return EXIT_CONTENT
    print(f"built {result.pages} pages into {result.out} in {result.timings.get('total', 0):.1f} s", file=sys.stderr)
    return EXIT_OK


def cmd_serve(args) -> int:
    from .serve import serve

    return serve(args.root, args.address)


def cmd_new(args) -> int:
    from .config import load_config
    from .scaffold import record_suffix, scaffold
    from .schema import KINDS
    from .sources.files import SLUG

    load_config(args.root)  # a ConfigError (exit 2) outside a hub project, instead of creating content/ there
    if args.kind not in KINDS:
        print(f"error: unknown kind '{args.kind}'; choose one of: {', '.join(KINDS)}", file=sys.stderr)
        return EXIT_USAGE
    if not SLUG.match(args.slug):
        print(f"error: '{args.slug}' is not a valid id: use lower-case letters, digits and hyphens", file=sys.stderr)
        return EXIT_USAGE
    kind = KINDS[args.kind]
    folder = args.root / "content" / kind.folder
    existing = [p for p in folder.glob(f"{args.slug}.*")] if folder.is_dir() else []
    if existing:
        print(f"error: {existing[0]} already exists", file=sys.stderr)
        return EXIT_USAGE
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{args.slug}{record_suffix(kind)}"
    path.write_text(scaffold(args.kind, args.slug), encoding="utf-8")
    print(path)
    return EXIT_OK


def cmd_schema(args) -> int:
    from .diagnostics import render_text
    from .schema import all_schemas, vocabulary_terms
    from .validate import load_vocabularies

    vocabularies, problems = load_vocabularies(args.root)
    if any(d.is_error for d in problems):
        print(render_text(problems), file=sys.stderr)
        print("schema: the vocabularies in content/_vocab/ must be fixed first", file=sys.stderr)
        return EXIT_CONTENT
    out = args.out or args.root / "schemas"
    out.mkdir(parents=True, exist_ok=True)
    schemas = all_schemas(vocabulary_terms(vocabularies))
    for name, text in schemas.items():
        (out / name).write_text(text, encoding="utf-8")
    print(f"wrote {len(schemas)} schemas to {out} (vocabulary terms from content/_vocab/)", file=sys.stderr)
    return EXIT_OK


def parser() -> argparse.ArgumentParser:
    root_parent = argparse.ArgumentParser(add_help=False)
    root_parent.add_argument("--root", type=Path, default=Path("."), metavar="DIR",
                             help="hub project folder holding content/ and mkdocs.yml (default: current folder)")
    formats = argparse.ArgumentParser(add_help=False)
    formats.add_argument("--strict", action="store_true", help="treat warnings as errors")
    formats.add_argument("--format", choices=sorted(RENDERERS), default=_default_format(),
                         help="diagnostic format (default: github under GitHub Actions, else text)")

    main = argparse.ArgumentParser(prog="pcor-site", description="Build the workplace and community mental health knowledge hub.")
    main.add_argument("--version", action="version", version=f"pcor-site {__version__}")
    commands = main.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = commands.add_parser("check", parents=[root_parent, formats], help="validate every record and print every problem")
    p.set_defaults(func=cmd_check)
    p = commands.add_parser("build", parents=[root_parent, formats], help="check, then build the site (output only on success)")
    p.add_argument("--out", type=Path, default=None, metavar="DIR", help="output folder (default: ROOT/site)")
    p.add_argument("--engine", choices=ENGINES, default=DEFAULT_ENGINE,
                   help=f"site engine that renders the compiled pages (default: {DEFAULT_ENGINE}, i.e. MkDocs 1.6 + Material)")
    p.set_defaults(func=cmd_build)
    p = commands.add_parser("serve", parents=[root_parent], help="live preview; saving a record refreshes its page")
    p.add_argument("--address", default="127.0.0.1:8000", help="host:port to listen on (default: 127.0.0.1:8000)")
    p.set_defaults(func=cmd_serve)
    p = commands.add_parser("new", parents=[root_parent], help="scaffold a commented record: new KIND SLUG")
    p.add_argument("kind", metavar="KIND")
    p.add_argument("slug", metavar="SLUG")
    p.set_defaults(func=cmd_new)
    p = commands.add_parser("schema", parents=[root_parent], help="write the JSON Schema of every kind")
    p.add_argument("--out", type=Path, default=None, metavar="DIR", help="output folder (default: ROOT/schemas)")
    p.set_defaults(func=cmd_schema)
    _extra_commands(commands, root_parent)
    return main


def _extra_commands(commands, root_parent) -> None:
    """Commands that live in their own modules (info, diff)."""
    try:
        from .commands import register
    except ImportError:
        return
    register(commands, root_parent)


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    args.root = args.root.resolve()
    try:
        return args.func(args)
    except ConfigError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
