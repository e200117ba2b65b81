"""`pcor-site stale [--days N]`: records nobody has checked against their sources for a while.

A report, not a gate: it always exits 0 once it has run, so the weekly job can list the records
in its summary without failing. Files that cannot be read are left to `pcor-site check`.
"""

from __future__ import annotations

import datetime as dt
import sys

from ..sources.files import load_document
from ..validate import discover

EXIT_USAGE = 2


def stale_records(root, today: dt.date, days: int) -> list[tuple[str, str]]:
    """(path, reason) for every record reviewed more than `days` days before `today`, or never."""
    files, _ = discover(root)
    found = []
    for kind, path in files:
        doc, _ = load_document(root, path, kind.name)
        if doc is None:
            continue
        value = doc.data.get("last_reviewed")
        if value is None:
            if kind.factual:
                found.append((doc.path, "never reviewed (no last_reviewed)"))
            continue
        try:
            reviewed = dt.date.fromisoformat(str(value))
        except ValueError:
            continue  # `check` reports the bad date
        if (today - reviewed).days > days:
            found.append((doc.path, f"last reviewed {reviewed.isoformat()}"))
    return found


def cmd_stale(args) -> int:
    try:
        today = dt.date.fromisoformat(args.today) if args.today else dt.date.today()
    except ValueError:
        print(f"error: --today must be a date written YYYY-MM-DD, not '{args.today}'", file=sys.stderr)
        return EXIT_USAGE
    if args.days < 0:
        print("error: --days must be zero or more", file=sys.stderr)
        return EXIT_USAGE
    found = stale_records(args.root, today, args.days)
    if args.format == "markdown":
        print(f"### Records past their review date ({args.days} days)\n")
        print("\n".join(f"- `{path}`: {reason}" for path, reason in found) if found else "None: every record was reviewed recently.")
    else:
        for path, reason in found:
            print(f"{path}: {reason}")
        print(f"{len(found)} record{'s' * (len(found) != 1)} past their review date ({args.days} days)", file=sys.stderr)
    return 0


def register(commands, root_parent) -> None:
    p = commands.add_parser("stale", parents=[root_parent], help="list records whose last_reviewed date is older than --days")
    p.add_argument("--days", type=int, default=365, help="how old a review may be, in days (default: 365)")
    p.add_argument("--today", default=None, metavar="YYYY-MM-DD", help="date to count from (default: today)")
    p.add_argument("--format", choices=("text", "markdown"), default="text", help="plain text (default) or Markdown for a job summary")
    p.set_defaults(func=cmd_stale)
