"""The record kinds: one pydantic model per kind, declared once, exported as JSON Schema."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from ..cache import cached_text, key_of
from .base import Record
from .kinds.activity import Activity
from .kinds.comment import Comment
from .kinds.dissemination import Dissemination
from .kinds.episode import Episode
from .kinds.event import Event
from .kinds.gap import Gap
from .kinds.infographic import Infographic
from .kinds.module import Module
from .kinds.organization import Organization
from .kinds.page import Page
from .kinds.practice import Practice
from .kinds.region import Region
from .kinds.report import Report
from .kinds.strategy import Strategy
from .kinds.study import Study
from .kinds.survey import Survey
from .kinds.term import Term
from .kinds.tool import Tool
from .types import VOCABULARY_KEY
from .vocab import VOCABULARIES


@dataclass(frozen=True)
class Kind:
    name: str  # folder under content/ and the KIND of `pcor-site new KIND SLUG`
    model: type[Record]
    label: str
    plural: str
    url_dir: str  # folder of the built pages
    factual: bool = True  # factual kinds must list sources
    intro: str = ""
    newest_first: bool = False  # index page order: by date, newest first (else by order, then title)
    group_by: tuple[str, str] | None = None  # index page sections: (field, vocabulary), in vocabulary order
    nav_group: str = "About"  # the sidebar group of its index page: one of plugin.feature.NAV_GROUPS
    #: A kind whose pages explain, teach, chart or quote the evidence records (glossary, course,
    #: framework, infographics, research agenda) rather than being one: in Explore its titles and
    #: summaries weigh less than those of practices, studies and tools, so a search for a topic finds
    #: the record about it before the pages that mention it.
    explains: bool = False

    @property
    def folder(self) -> str:
        """Folder under content/: the kind's name, except free pages, which live in pages/."""
        return "pages" if self.name == "page" else self.name


KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind("practice", Practice, "Practice", "Promising practices and policies", "practices",
             intro="Practices and policies that employers, purchasers and community partners can adopt, with the evidence behind each.", nav_group="Evidence"),
        Kind("tool", Tool, "Tool", "Tools and resources", "tools",
             intro="Toolkits, guides, reports and training that help put the practices to work.", nav_group="Evidence"),
        Kind("study", Study, "Study", "PCORI-funded studies", "studies",
             intro="Studies funded by the Patient-Centered Outcomes Research Institute (PCORI) that bear on the priority areas.", nav_group="Evidence"),
        Kind("module", Module, "Module", "Curriculum", "curriculum",
             intro="A course in patient-centered outcomes research (PCOR) and comparative effectiveness research (CER) for health-benefits purchasers.", nav_group="For purchasers", explains=True),
        Kind("strategy", Strategy, "Strategy", "Purchasing framework", "framework",
             intro="Strategies for using PCOR/CER evidence in health-benefits purchasing, by purchasing stage.",
             group_by=("purchasing_stage", "purchasing_stages"), nav_group="For purchasers", explains=True),
        Kind("region", Region, "Region", "RESET Regions", "regions",
             intro="The Path Forward's Regional Employer Stakeholder Engagement Teams and their lead coalitions.", nav_group="Regions and partners"),
        Kind("organization", Organization, "Organization", "Organizations", "organizations",
             intro="Coalitions, partners, funders and advocates named by the two projects.", nav_group="Regions and partners"),
        Kind("event", Event, "Event", "Events", "events", intro="Convenings, their agendas and calendar files.", nav_group="The convening"),
        Kind("activity", Activity, "Activity", "Regional activities", "activities",
             intro="What each RESET Region is doing, from the landscape survey: partners, steps, results and challenges.", nav_group="Regions and partners"),
        Kind("report", Report, "Report", "Reports", "reports",
             intro="Summary reports compiled from the hub's records, each as one page and a PDF.", nav_group="The convening", explains=True),
        Kind("dissemination", Dissemination, "Dissemination", "Dissemination log", "dissemination",
             newest_first=True, intro="Where the hub's materials were shared, when, through which channel and with whom.", nav_group="The convening"),
        Kind("survey", Survey, "Survey result", "Survey results", "surveys",
             intro="Aggregate answers to the convening's evaluation surveys; never individual responses.", nav_group="The convening"),
        Kind("gap", Gap, "Evidence gap", "Evidence gaps", "gaps",
             intro="Questions the evidence does not yet answer, each as a source states it: a research agenda.", nav_group="Research agenda", explains=True),
        Kind("episode", Episode, "Episode", "Podcast", "podcast", factual=False, newest_first=True,
             intro="Episodes of the podcast, each with a full transcript.", nav_group="The convening"),
        Kind("infographic", Infographic, "Infographic", "Infographics", "infographics",
             intro="Charts and fact panels built from sourced figures.", nav_group="Evidence", explains=True),
        Kind("term", Term, "Glossary term", "Glossary", "glossary", intro="Terms used across the hub, each with a sourced definition.", nav_group="Evidence", explains=True),
        Kind("comment", Comment, "Comment", "What we heard", "what-we-heard", factual=False, newest_first=True,
             intro="Comments from stakeholders that the maintainers accepted, and what changed in the hub because of each. "
                   "Commenters are never named; only the kind of stakeholder is shown.", nav_group="About"),
        Kind("page", Page, "Page", "Pages", "pages", factual=False),
    )
}


#: content/ folder name → kind (free pages live in pages/).
KIND_BY_FOLDER: dict[str, Kind] = {kind.folder: kind for kind in KINDS.values()}


def with_enums(node, terms: dict[str, list[str]]):
    """A copy of a JSON Schema where every field naming a vocabulary lists its terms as `enum`."""
    if isinstance(node, list):
        return [with_enums(child, terms) for child in node]
    if not isinstance(node, dict):
        return node
    result = {key: with_enums(value, terms) for key, value in node.items()}
    vocab = result.get(VOCABULARY_KEY)
    if vocab in terms:
        result["enum"] = list(terms[vocab])
    return result


def vocabulary_terms(vocabularies: dict) -> dict[str, list[str]]:
    """Vocabulary name → its term ids, in file order (from `load_vocabularies`)."""
    return {name: [term.id for term in vocabulary.terms] for name, vocabulary in vocabularies.items()}


def kind_schema(kind: Kind, terms: dict[str, list[str]] | None = None) -> dict:
    schema = with_enums(kind.model.model_json_schema(), terms or {})
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"{kind.name}.schema.json"
    schema["title"] = kind.label
    schema["description"] = (kind.model.__doc__ or kind.intro).strip()
    return schema


def vocabulary_schema(name: str, model: type[BaseModel]) -> dict:
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"vocab-{name}.schema.json"
    return schema


def all_schemas(terms: dict[str, list[str]] | None = None) -> dict[str, str]:
    """File name → JSON text, for every kind and vocabulary: a pure function of the kinds and of
    `terms` (vocabulary name → term ids), which become `enum`s so editors offer them. Deterministic.
    Cached by a hash of what makes them: `terms`, the source of this package (models,
    vocabularies) and pydantic's version."""
    import pydantic

    sources = sorted(Path(__file__).parent.rglob("*.py"))
    key = key_of(pydantic.VERSION, json.dumps(terms, sort_keys=True, ensure_ascii=False),
                 *(f"{p.relative_to(Path(__file__).parent).as_posix()}\n{p.read_text(encoding='utf-8')}" for p in sources))
    return json.loads(cached_text("schemas", key, lambda: json.dumps(_make_schemas(terms), sort_keys=True)))


def _make_schemas(terms: dict[str, list[str]] | None = None) -> dict[str, str]:
    files = {f"{k.name}.schema.json": kind_schema(k, terms) for k in KINDS.values()}
    files.update({f"vocab-{n}.schema.json": vocabulary_schema(n, m) for n, m in VOCABULARIES.items()})
    return {name: json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n" for name, schema in files.items()}
