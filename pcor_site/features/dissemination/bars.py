"""Accessible bar tables: a real `<table>` (caption, header cells) whose last column draws the bar in
plain HTML/CSS, and the same rows as CSV. No script, no image: screen readers read the table."""

from __future__ import annotations

from markupsafe import Markup

from ...csvfile import csv_text


def bar_table(caption: str, label: str, measure: str, rows: list[tuple[str, object, float | None]], csv_href: str = "") -> Markup:
    """rows: (label, shown value, value to draw or None). Bars are scaled to the largest drawn value."""
    top = max((v for _, _, v in rows if v), default=0) or 1
    body = []
    for name, shown, value in rows:
        width = 0 if not value else max(1, round(100 * value / top))
        bar = Markup('<span class="pcor-bar" style="width: {}%"></span>').format(width) if value else Markup("")
        body.append(Markup('<tr><th scope="row">{}</th><td class="pcor-num">{}</td><td class="pcor-bar-cell" aria-hidden="true">{}</td></tr>').format(
            name, shown, bar))
    download = Markup('<p class="pcor-download"><a href="{}" download>Download as CSV</a></p>').format(csv_href) if csv_href else Markup("")
    return Markup(
        '<div class="pcor-table-scroll" tabindex="0" role="region" aria-label="{c}"><table class="pcor-bar-table"><caption>{c}</caption>'
        '<thead><tr><th scope="col">{l}</th><th scope="col">{m}</th><th scope="col"><span class="pcor-visually-hidden">Bar</span></th></tr></thead>'
        "<tbody>{b}</tbody></table></div>{d}"
    ).format(c=caption, l=label, m=measure, b=Markup("").join(body), d=download)


def bar_csv(label: str, measure: str, rows: list[tuple[str, object, float | None]]) -> str:
    return csv_text([label, measure], [(name, shown) for name, shown, _ in rows])
