"""The prerequisite graph, drawn as an accessible SVG (no script, no third-party library) and
written out as a list beside it, so that a screen reader and a printer get the same path.

Layout: one row per step of the path (a module's step is one more than its deepest
prerequisite), modules of a step side by side in course order, an arrow from each prerequisite to
the module that needs it; an arrow that skips a step runs in its own lane right of the boxes.
"""

from __future__ import annotations

from markupsafe import Markup

from ...text.plain import shorten
from .path import Course

BOX_W, BOX_H, GAP_X, GAP_Y, PAD, LANE = 220, 58, 28, 44, 8, 12


def _box_text(title: str) -> tuple[str, str]:
    """Two lines of at most 30 characters for a box (the full title is in the list and the tooltip)."""
    words, first = title.split(), ""
    while words and len(first) + len(words[0]) < 30:
        first = f"{first} {words.pop(0)}".strip()
    return first, shorten(" ".join(words), 30)


def graph_svg(course: Course) -> Markup:
    """The graph as one image (role="img", described in words); the list beside it holds the links."""
    levels = course.levels()
    rows: dict[int, list] = {}
    for item in course.modules:
        rows.setdefault(levels[item.id], []).append(item)
    widest = max((len(r) for r in rows.values()), default=0)
    skips = [(b, i) for i in course.modules for b in course.prerequisites(i) if levels[i.id] - levels[b.id] > 1]
    boxes_w = widest * BOX_W + (widest - 1) * GAP_X
    width = PAD * 2 + boxes_w + (LANE + LANE * len(skips) if skips else 0)
    height = PAD * 2 + len(rows) * BOX_H + (len(rows) - 1) * GAP_Y
    place: dict[str, tuple[int, int]] = {}
    for level, items in sorted(rows.items()):
        row_w = len(items) * BOX_W + (len(items) - 1) * GAP_X
        left = PAD + (boxes_w - row_w) // 2
        for n, item in enumerate(items):
            place[item.id] = (left + n * (BOX_W + GAP_X), PAD + level * (BOX_H + GAP_Y))
    edges, boxes = [], []
    for item in course.modules:
        x, y = place[item.id]
        for before in course.prerequisites(item):
            bx, by = place[before.id]
            if (before, item) in skips:  # skips a step: down into the gap, along a lane right of the boxes, into the module's side
                k = skips.index((before, item))
                lane = PAD + boxes_w + LANE * (k + 1)
                sx, gap_y = bx + BOX_W * 3 // 4, by + BOX_H + 8 + (6 * k) % (GAP_Y - 16)
                path = f"M{sx},{by + BOX_H} L{sx},{gap_y} L{lane},{gap_y} L{lane},{y + BOX_H // 2} L{x + BOX_W + 4},{y + BOX_H // 2}"
            else:
                x1, y1, x2, y2 = bx + BOX_W // 2, by + BOX_H, x + BOX_W // 2, y - 4
                mid = (y1 + y2) // 2
                path = f"M{x1},{y1} C{x1},{mid} {x2},{mid} {x2},{y2}"
            edges.append(f'<path class="pcor-graph-edge" d="{path}" marker-end="url(#pcor-arrow)"/>')
        first, second = _box_text(item.record.title.split(": ", 1)[-1])
        boxes.append(Markup(
            '<g class="pcor-graph-node"><title>{title}</title>'
            '<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="6"/>'
            '<text x="{tx}" y="{t1}" class="pcor-graph-order">Module {order}</text>'
            '<text x="{tx}" y="{t2}">{first}</text><text x="{tx}" y="{t3}">{second}</text></g>').format(
            title=item.record.title, x=x, y=y, w=BOX_W, h=BOX_H, tx=x + 10,
            t1=y + 17, t2=y + 34, t3=y + 50, order=item.record.order, first=first, second=second))
    description = "; ".join(
        f"Module {i.record.order} " + (f"needs {', '.join(f'module {p.record.order}' for p in course.prerequisites(i))}" if i.record.prerequisites else "has no prerequisite")
        for i in course.modules)
    return Markup(
        '<svg class="pcor-graph" role="img" aria-labelledby="pcor-graph-title pcor-graph-desc" viewBox="0 0 {w} {h}" width="{w}" height="{h}">'
        '<title id="pcor-graph-title">Prerequisite graph of the course</title><desc id="pcor-graph-desc">{desc}.</desc>'
        '<defs><marker id="pcor-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
        '<path d="M0,0 L10,5 L0,10 z" class="pcor-graph-arrowhead"/></marker></defs>{edges}{boxes}</svg>').format(
        w=width, h=height, desc=description, edges=Markup("".join(edges)), boxes=Markup("").join(boxes))


def graph_list(course: Course, link_for) -> Markup:
    """The same graph as a list: each module in order with the modules to take first."""
    items = []
    for item in course.modules:
        before = course.prerequisites(item)
        needs = Markup(", ").join(Markup('<a href="{}">Module {}</a>').format(link_for(p), p.record.order) for p in before)
        items.append(Markup('<li><a href="{}">{}</a> — {}</li>').format(
            link_for(item), item.record.title, Markup("take first: ") + needs if before else "no prerequisite"))
    return Markup('<ul class="pcor-graph-list">{}</ul>').format(Markup("").join(items))

