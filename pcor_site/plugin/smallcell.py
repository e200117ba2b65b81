"""The small-cell rule, in one place: counts of people from 1 to 10 are never published.

CMS cell-size suppression policy (standards §5 PRIV-01..03): a count of 1 to 10 people, or any
figure from which one can be worked out, stays out of published aggregates; 0 is allowed. The
infographics and the survey results both apply it through `is_small`.
"""

from __future__ import annotations

SMALL_MIN, SMALL_MAX = 1, 10
#: How a withheld count is shown to readers.
SUPPRESSED_DISPLAY = f"<{SMALL_MAX + 1}"


def is_small(value: float) -> bool:
    """A count from 1 to 10 (non-integers are rounded, as a reader would)."""
    return 0 < value < SMALL_MAX + 1 and round(value) >= SMALL_MIN


def number(value: float) -> str:
    """A count as readers see it in a message: 1,234 or 12.5."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"
