"""The chart palette and its check: WCAG contrast and colour-vision deficiencies.

Series colours must reach 3:1 against the chart background (WCAG 1.4.11, non-text contrast) and
text 4.5:1 (WCAG 1.4.3); the number is never rounded (2.999 fails). Every pair of series colours
must stay at least `MIN_DELTA_E` apart (CIEDE2000) for normal vision and under simulated
protanopia, deuteranopia and tritanopia (coloraide's Brettel/Viénot filters at full severity).

A hub may set its own palette in mkdocs.yml:

    extra:
      hub:
        palette:
          background: "#ffffff"
          text: "#1f1f1f"
          series: ["#2166ac", "#d55e00", ...]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import combinations

from coloraide import Color

from ...config import CONFIG_FILE
from ...diagnostics import Diagnostic

GRAPHIC_CONTRAST = 3.0
TEXT_CONTRAST = 4.5
MIN_DELTA_E = 12.0
DEFICIENCIES = ("protan", "deutan", "tritan")
DEFICIENCY_NAMES = {"normal": "normal vision", "protan": "protanopia", "deutan": "deuteranopia", "tritan": "tritanopia"}
HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
#: Text-free lines (axes, cell borders): ≥3:1 against the background too.
LINE = "#5e5e5e"


@dataclass(frozen=True)
class Palette:
    background: str = "#ffffff"
    text: str = "#1f1f1f"
    series: tuple[str, ...] = ("#2166ac", "#d55e00", "#5e5e5e", "#4393c3", "#332288", "#b2182b")
    # where each colour was written, for diagnostics: name → (path, line, column)
    origin: dict = field(default_factory=dict, compare=False, hash=False)

    def where(self, name: str) -> tuple[str, int, int]:
        return self.origin.get(name, self.origin.get("palette", ("pcor_site/infographics/palette.py", 1, 1)))

    def text_on(self, fill: str) -> str:
        """The palette's text colour, black or white: the first that reaches 4.5:1 on `fill`, else the best."""
        choices = (self.text, "#ffffff", "#000000")
        for choice in choices:
            if contrast(choice, fill) >= TEXT_CONTRAST:
                return choice
        return max(choices, key=lambda c: contrast(c, fill))

    def ramp(self, steps: int) -> list[str]:
        """A light-to-dark ramp of the first series colour, for grid cells (`steps` ≥ 1)."""
        mix = Color.interpolate([self.background, self.series[0], "#0b1f3a"], space="oklab")
        return [mix(0.12 + 0.88 * i / max(steps - 1, 1)).convert("srgb").to_string(hex=True) for i in range(steps)]


DEFAULT = Palette()


def contrast(a: str, b: str) -> float:
    return Color(a).contrast(b, method="wcag21")


def simulate(colour: str, deficiency: str) -> Color:
    color = Color(colour)
    return color if deficiency == "normal" else color.filter(deficiency).convert("srgb")


def min_distance(a: str, b: str) -> tuple[float, str]:
    """The smallest CIEDE2000 distance between two colours over normal vision and each deficiency."""
    found = [(simulate(a, d).delta_e(simulate(b, d), method="2000"), d) for d in ("normal",) + DEFICIENCIES]
    return min(found)


def check_palette(palette: Palette) -> list[Diagnostic]:
    problems = []
    for name in ("background", "text"):
        value = getattr(palette, name)
        if not isinstance(value, str) or not HEX.match(value):
            path, line, col = palette.where(name)
            return [Diagnostic.of("E856", path, line, col, f"palette {name} {value!r} is not a colour like #1f1f1f")]
    ratio = contrast(palette.text, palette.background)
    if ratio < TEXT_CONTRAST:
        path, line, col = palette.where("text")
        problems.append(Diagnostic.of("E856", path, line, col,
                                      f"palette text {palette.text} has contrast {ratio:.2f}:1 with background {palette.background}; text needs at least 4.5:1"))
    good = []
    for index, colour in enumerate(palette.series):
        path, line, col = palette.where(f"series.{index}")
        if not isinstance(colour, str) or not HEX.match(colour):
            problems.append(Diagnostic.of("E856", path, line, col, f"palette series colour {index + 1} {colour!r} is not a colour like #2166ac"))
            continue
        ratio = contrast(colour, palette.background)
        if ratio < GRAPHIC_CONTRAST:
            problems.append(Diagnostic.of("E856", path, line, col,
                                          f"palette series colour {index + 1} {colour} has contrast {ratio:.2f}:1 with background {palette.background}; chart marks need at least 3:1"))
        good.append((index, colour))
    for (i, a), (j, b) in combinations(good, 2):
        distance, deficiency = min_distance(a, b)
        if distance < MIN_DELTA_E:
            path, line, col = palette.where(f"series.{j}")
            problems.append(Diagnostic.of("E857", path, line, col,
                                          f"palette series colours {i + 1} {a} and {j + 1} {b} differ by only ΔE {distance:.1f} under "
                                          f"{DEFICIENCY_NAMES[deficiency]}; they need at least {MIN_DELTA_E:g}"))
    if len(palette.series) < 2 and not problems:
        path, line, col = palette.where("series")
        problems.append(Diagnostic.of("E856", path, line, col, "the palette needs at least 2 series colours"))
    return problems


def load_palette(config) -> Palette:
    """The hub's palette from `extra.hub.palette`, or the default, with where each colour was written."""
    given = config.hub.get("palette")
    if not isinstance(given, dict):
        return DEFAULT
    origin = {}

    def mark(name: str, *keys) -> None:
        origin[name] = (CONFIG_FILE, *config.position("palette", *keys))

    mark("palette")
    mark("background", "background")
    mark("text", "text")
    mark("series", "series")
    series = given.get("series", DEFAULT.series)
    series = tuple(series) if isinstance(series, list) else (series,)
    for index in range(len(series)):
        mark(f"series.{index}", "series", index)
    return Palette(
        background=given.get("background", DEFAULT.background),
        text=given.get("text", DEFAULT.text),
        series=tuple(s.lower() if isinstance(s, str) else s for s in series),
        origin=origin,
    )
