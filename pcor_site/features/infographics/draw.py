"""Charts → finished SVG and PNG files.

Bar, grouped, stacked and grid charts are drawn by Vega-Lite through vl-convert (no browser, no
network: `allowed_base_urls=[]`); the key-statistic panel, which is a layout rather than a chart,
comes from a small SVG template. Every SVG is then finished the same way: `role="img"`, a
`<title>` and `<desc>` that `aria-labelledby` points at, ids prefixed so several charts can share
a page, a credit line naming the sources, and a refusal of anything that would load from
elsewhere (images, external links, fonts). The PNG is drawn from the finished SVG, so both carry
the same credit.
"""

from __future__ import annotations

import base64
import json
import os
import re
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET

from ...cache import cached, cached_text, key_of, lookup
from ...plugin.templates import environment
from .model import Chart
from .palette import LINE, TEXT_CONTRAST, Palette, contrast
from .specs import FONT, spec_for

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
VEGA_LITE_VERSION = "5.21"
PNG_SCALE = 2.0
CREDIT_SIZE = 11
CREDIT_LINE = 15
KEY_CARD_WIDTH, KEY_GAP, KEY_PAD, KEY_COLUMNS, KEY_WRAP = 280, 16, 24, 3, 32
_EXTERNAL_STYLE = re.compile(r"(url\(\s*['\"]?(?!#)|@import)", re.IGNORECASE)



def _register_namespaces() -> None:
    """SVG as the default namespace when serialising. Registered again before every serialisation:
    the registry is global, and another library (WeasyPrint registers the prefix "" for "") can
    take the default prefix away, which would write `ns0:svg`."""
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)


_register_namespaces()


class UnsafeSvg(ValueError):
    """The drawn SVG refers to something outside itself."""


def key_statistics_svg(chart: Chart, palette: Palette) -> str:
    figures = chart.drawn
    columns = 2 if len(figures) == 4 else (min(len(figures), KEY_COLUMNS) or 1)
    lines = [textwrap.wrap(f.label, KEY_WRAP) or [""] for f in figures]
    card_height = 80 + 20 * max((len(x) for x in lines), default=1) + 4
    cards = []
    for index, (figure, text) in enumerate(zip(figures, lines)):
        row, column = divmod(index, columns)
        cards.append({
            "x": KEY_PAD + column * (KEY_CARD_WIDTH + KEY_GAP), "y": KEY_PAD + 36 + row * (card_height + KEY_GAP),
            "width": KEY_CARD_WIDTH, "height": card_height, "display": figure.display, "lines": text,
        })
    rows = (len(figures) + columns - 1) // columns
    width = 2 * KEY_PAD + columns * KEY_CARD_WIDTH + (columns - 1) * KEY_GAP
    height = KEY_PAD + 36 + rows * card_height + (rows - 1) * KEY_GAP + KEY_PAD
    # the big numbers are large text (≥24 px): 3:1 would do, but keep them at 4.5:1
    number = palette.series[0] if contrast(palette.series[0], palette.background) >= TEXT_CONTRAST else palette.text
    template = environment().get_template("infographic_key_statistics.svg.j2")
    return template.render(width=width, height=height, font=FONT, background=palette.background, text=palette.text, line=LINE,
                           number=number, pad=KEY_PAD, title=chart.title, cards=cards)


_started_in: int | None = None  # the process where vl-convert has drawn (see `converter_started`)


def _converter():
    """vl-convert, about to draw. Its engine runs threads that a forked process does not inherit:
    once it has drawn in a process, a worker forked from it that draws waits for them forever. Such
    a worker (the record pages' workers in a long-lived process: the preview, the test suite) draws
    in a fresh interpreter instead (`_InFreshProcess`): slower, never stuck."""
    global _started_in
    import vl_convert

    if _started_in is not None and _started_in != os.getpid():
        return _InFreshProcess()
    _started_in = os.getpid()
    return vl_convert


def converter_started() -> bool:
    """Whether vl-convert has drawn in this process or the one it was forked from, so a forked
    worker would have to draw in a fresh interpreter (the warm-up then leaves charts alone)."""
    return _started_in is not None


_DRAW_APART = """import base64, json, sys, vl_convert
name, args, kwargs = json.loads(sys.stdin.read())
out = getattr(vl_convert, name)(*args, **kwargs)
sys.stdout.write(base64.b64encode(out if isinstance(out, bytes) else out.encode("utf-8")).decode("ascii"))"""


class _InFreshProcess:
    """vl-convert's calls the hub makes, each run by a new interpreter (spec in, drawing out)."""

    def _call(self, name: str, *args, **kwargs) -> bytes:
        done = subprocess.run([sys.executable, "-c", _DRAW_APART], input=json.dumps([name, args, kwargs]),
                              capture_output=True, text=True, timeout=300)
        if done.returncode != 0:
            raise RuntimeError(f"vl-convert failed: {done.stderr.strip().splitlines()[-1:] or done.returncode}")
        return base64.b64decode(done.stdout)

    def vegalite_to_svg(self, spec, **kwargs) -> str:
        return self._call("vegalite_to_svg", spec, **kwargs).decode("utf-8")

    def svg_to_png(self, svg, **kwargs) -> bytes:
        return self._call("svg_to_png", svg, **kwargs)


def _vega_key(chart: Chart, palette: Palette) -> tuple[dict, str]:
    import vl_convert

    spec = spec_for(chart, palette)
    return spec, key_of("vega-svg", json.dumps(spec, sort_keys=True, ensure_ascii=False), VEGA_LITE_VERSION, vl_convert.__version__)


def vega_svg(chart: Chart, palette: Palette) -> str:
    """Vega-Lite's drawing of the chart; cached by a hash of the spec and the drawing library."""
    spec, key = _vega_key(chart, palette)
    return cached_text("charts", key, lambda: _converter().vegalite_to_svg(spec, vl_version=VEGA_LITE_VERSION, allowed_base_urls=[]))


def _tag(name: str) -> str:
    return f"{{{SVG_NS}}}{name}"


def _check_self_contained(root: ET.Element) -> None:
    for element in root.iter():
        local = element.tag.rsplit("}", 1)[-1]
        if local in ("image", "script", "foreignObject", "a", "use", "style"):
            raise UnsafeSvg(f"the drawn SVG contains <{local}>")
        for name, value in element.attrib.items():
            local = name.rsplit("}", 1)[-1]
            if local.startswith("on") or _EXTERNAL_STYLE.search(value) or (local in ("href", "src") and not value.startswith("#")):
                raise UnsafeSvg(f"the drawn SVG refers outside itself: {local}={value[:60]!r}")


def _prefix_ids(root: ET.Element, prefix: str) -> None:
    renamed = {}
    for element in root.iter():
        if "id" in element.attrib:
            renamed[element.attrib["id"]] = f"{prefix}-{element.attrib['id']}"
            element.attrib["id"] = renamed[element.attrib["id"]]
    if not renamed:
        return
    pattern = re.compile(r"url\(#([^)]+)\)")
    for element in root.iter():
        for name, value in element.attrib.items():
            if "url(#" in value:
                element.attrib[name] = pattern.sub(lambda m: f"url(#{renamed.get(m.group(1), m.group(1))})", value)


def finish_svg(svg: str, chart: Chart, palette: Palette) -> str:
    """Add the accessible name and description and the credit line; refuse external references."""
    root = ET.fromstring(svg)
    _prefix_ids(root, chart.slug)
    width = float(root.get("width", "600"))
    height = float(root.get("height", "400"))
    credit = textwrap.wrap(chart.credit, max(40, int(width / (CREDIT_SIZE * 0.52)))) if chart.credit else []
    if credit:
        footer = ET.SubElement(root, _tag("g"), {"class": "pcor-credit"})
        for index, line in enumerate(credit):
            text = ET.SubElement(footer, _tag("text"), {
                "x": "8", "y": f"{height + 4 + CREDIT_LINE * (index + 1):g}", "font-size": str(CREDIT_SIZE),
                "font-family": FONT, "fill": palette.text,
            })
            text.text = line
        extra = CREDIT_LINE * len(credit) + 10
        # stretch the background so the credit sits on it
        for element in root:
            if element.tag == _tag("rect") and element.get("height") == root.get("height"):
                element.set("height", f"{height + extra:g}")
        height += extra
    root.set("width", f"{width:g}")
    root.set("height", f"{height:g}")
    root.set("viewBox", f"0 0 {width:g} {height:g}")
    title_id, desc_id = f"{chart.slug}-title", f"{chart.slug}-desc"
    root.set("role", "img")
    root.set("aria-labelledby", f"{title_id} {desc_id}")
    root.set("class", "pcor-chart")
    title = ET.Element(_tag("title"), {"id": title_id})
    title.text = chart.title
    desc = ET.Element(_tag("desc"), {"id": desc_id})
    desc.text = f"{chart.alt} {chart.description}".strip()
    root.insert(0, desc)
    root.insert(0, title)
    _check_self_contained(root)
    _register_namespaces()
    return ET.tostring(root, encoding="unicode")


def draw_svg(chart: Chart, palette: Palette) -> str:
    svg = key_statistics_svg(chart, palette) if chart.kind == "key-statistic" else vega_svg(chart, palette)
    return finish_svg(svg, chart, palette)


def _png_key(svg: str) -> str:
    import vl_convert

    return key_of("png", svg, str(PNG_SCALE), vl_convert.__version__)


def draw_png(svg: str) -> bytes:
    return cached("charts", _png_key(svg), lambda: _converter().svg_to_png(svg, scale=PNG_SCALE))


def svg_drawn(chart: Chart, palette: Palette) -> bool:
    """Whether `draw_svg` would find Vega-Lite's drawing in the cache (a key statistic needs none)."""
    return chart.kind == "key-statistic" or lookup("charts", _vega_key(chart, palette)[1]) is not None


def png_drawn(svg: str) -> bool:
    return lookup("charts", _png_key(svg)) is not None
