"""The framework document as data: its settings, and stages in order → strategies → asks and
steps → evidence, assembled once from the strategy records for the page, the PDF and Word."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...diagnostics import Diagnostic

URL = "framework/document/"
PDF_PATH = "framework/framework.pdf"
DOCX_PATH = "framework/framework.docx"
TITLE = "The purchasing framework"


@dataclass(frozen=True)
class Settings:
    status: str = "draft for comment"
    version: str = ""
    date: str = ""  # YYYY-MM-DD; "" → the latest review date of the strategies


def settings(config) -> tuple[Settings, list[Diagnostic]]:
    raw, positions = config.section("framework")
    if raw is None:
        return Settings(), []
    if not isinstance(raw, dict):
        line, col = config.position("framework")
        return Settings(), [Diagnostic.of("E616", "mkdocs.yml", line, col, "extra.hub.framework must be a mapping (status, version, date)")]
    problems, values = [], {}
    for name in ("status", "version", "date"):
        value = raw.get(name)
        if value is None:
            continue
        if not isinstance(value, (str, int, float)) or isinstance(value, bool) or "\n" in str(value) or len(str(value)) > 80:
            line, col = config.position("framework", name)
            problems.append(Diagnostic.of("E616", "mkdocs.yml", line, col, f"extra.hub.framework.{name} must be one line of text"))
            continue
        values[name] = str(value)
    for name in sorted(set(raw) - {"status", "version", "date"}):
        line, col = config.position("framework", name)
        problems.append(Diagnostic.of("E616", "mkdocs.yml", line, col, f"extra.hub.framework has no setting '{name}' (status, version, date)"))
    return Settings(**values), problems


@dataclass
class Evidence:
    practices: list[tuple[object, str]] = field(default_factory=list)  # (practice item, evidence tier label)
    studies: list = field(default_factory=list)
    references: list[str] = field(default_factory=list)


@dataclass
class StrategyEntry:
    item: object
    steps: list[str]
    asks: list[str]
    evidence: Evidence
    alignment: list = field(default_factory=list)  # (organization item or None, Alignment)


@dataclass
class Stage:
    id: str
    label: str
    description: str
    strategies: list[StrategyEntry]


def stages(catalog) -> list[Stage]:
    found = []
    strategies = sorted(catalog.of_kind("strategy"), key=lambda i: i.record.title.casefold())
    for term in catalog.terms("purchasing_stages"):
        entries = []
        for item in (s for s in strategies if s.record.purchasing_stage == term.id):
            record = item.record
            practices = [p for p in (catalog.get("practice", id) for id in record.practices) if p]
            evidence = Evidence(
                practices=[(p, getattr(catalog.term("evidence_tiers", p.record.evidence_tier), "label", "")) for p in practices],
                studies=[s for s in (catalog.get("study", id) for id in dict.fromkeys(record.studies + [x for p in practices for x in p.record.studies])) if s],
                references=list(dict.fromkeys(record.references + [r for p in practices for r in p.record.references])),
            )
            asks = list(dict.fromkeys(a for p in practices for a in p.record.asks))
            alignment = [(catalog.get("organization", a.organization), a) for a in record.alignment]
            entries.append(StrategyEntry(item, list(record.steps), asks, evidence, alignment))
        if entries:
            found.append(Stage(term.id, term.label, term.description or "", entries))
    return found


def framework_date(catalog, chosen: Settings) -> str:
    if chosen.date:
        return chosen.date
    dates = [i.record.last_reviewed for i in catalog.of_kind("strategy") if i.record.last_reviewed]
    return max(dates).isoformat() if dates else ""
