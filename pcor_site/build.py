"""Orchestration: check() and build() return results; they never print. The one module that
lists the features.

check: load → validate → resolve → each feature's check, collecting every diagnostic and every
feature's state.
build: check; on success warm the cache on every core (`warmup.py`), compile the docs tree (the
core's pages, then the features'), run the engine into a temporary folder next to the output,
run the post-build steps, then swap it into place. A failure at any step leaves the previous
output untouched.
"""

from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .bibliography import load_bibliography
from .cache import use as use_cache
from .catalog import Catalog
from .config import HubConfig, load_config
from .diagnostics import Diagnostic, has_failures
from .engines import DEFAULT_ENGINE
from .engines import run_engine as run_named_engine
from .features.agenda import AgendaFeature
from .features.citations import CitationsFeature
from .features.comments import CommentsFeature
from .features.convening import ConveningFeature
from .features.course import CourseFeature
from .features.dissemination import DisseminationFeature
from .features.framework import FrameworkFeature
from .features.glossary import GlossaryFeature
from .features.handout import HandoutFeature
from .features.honesty import HonestyFeature
from .features.infographics import InfographicsFeature
from .features.podcast import PodcastFeature
from .features.privacy import PrivacyFeature
from .features.questionbank import QuestionBankFeature
from .features.report import ReportFeature
from .features.search import SearchFeature
from .plugin.context import ReferenceLabels, SiteContext
from .plugin.feature import CheckContext, Feature
from .postbuild import post_build
from .reliability import check_bibliography
from .resolve import page_collisions, resolve
from .schema import KIND_BY_FOLDER
from .site.pages import core_addresses, navigation, render_site
from .siteaddress import site_address_problem
from .swap import OutputError, remove, staging_for, swap
from .text.markdown import Markdown
from .validate import load_records, load_vocabularies
from .warmup import warm_up
from .write import WriteError, WriteReport, write_tree

#: The features in use, in page order (their sections appear on record pages in this order).
FEATURES: tuple[Feature, ...] = (
    HonestyFeature(), PrivacyFeature(), CitationsFeature(), PodcastFeature(), InfographicsFeature(),
    GlossaryFeature(), CourseFeature(), FrameworkFeature(), AgendaFeature(), CommentsFeature(), ConveningFeature(),
    ReportFeature(), DisseminationFeature(), HandoutFeature(), SearchFeature(), QuestionBankFeature(),
)

DOCS_DIR = Path("build/docs")
GENERATED_CONFIG = "mkdocs.generated.yml"
CACHE_DIR = Path("build/cache")  # drawn charts and JSON Schemas by content hash (pcor_site/cache.py)
DEFAULT_EPOCH = 315532800  # 1980-01-01, used only when neither the caller nor git gives a date


@dataclass
class CheckResult:
    config: HubConfig
    diagnostics: list[Diagnostic]
    catalog: Catalog | None
    strict: bool = False
    features: tuple[Feature, ...] = ()
    states: dict[str, object] = field(default_factory=dict)  # feature name → what its check learned
    markdown: Markdown | None = None
    records: int = 0  # record files read
    files: int = 0  # record files, vocabularies and references.bib

    @property
    def ok(self) -> bool:
        return not has_failures(self.diagnostics, self.strict)

    def site(self) -> SiteContext:
        """What the render phase needs: the catalog, settings, parser, features and their states."""
        labels = next((lab for f in self.features if (lab := f.reference_labels(self.config, self.catalog))), ReferenceLabels())
        return SiteContext(self.catalog, self.config, self.markdown, self.features, self.states, labels)


@dataclass
class BuildResult:
    check: CheckResult
    out: Path
    diagnostics: list[Diagnostic] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    write: WriteReport | None = None
    pages: int = 0

    @property
    def ok(self) -> bool:
        return self.check.ok and not self.diagnostics


def markdown_for(features: tuple[Feature, ...] = FEATURES) -> Markdown:
    """The one Markdown parser of a build: the core's syntax plus the features' plugins."""
    return Markdown(plugin for feature in features for plugin in feature.markdown_plugins)


def check(root: Path, strict: bool = False, features: tuple[Feature, ...] = FEATURES, read=None,
          markdown: Markdown | None = None) -> CheckResult:
    """`read`, `markdown`: the preview's memory of unchanged record files and its one parser."""
    config = load_config(root)
    markdown = markdown or markdown_for(features)
    items, problems, records = load_records(root, markdown, read)
    vocabularies, more = load_vocabularies(root)
    files = records + len(vocabularies) + (root / "content" / "references.bib").is_file()
    problems += more
    bibliography, more = load_bibliography(root)
    problems += more
    catalog, more = resolve(items, vocabularies, bibliography, broken_records(problems))
    problems += more + check_bibliography(bibliography) + page_collisions(catalog, reserved_addresses(catalog, features))
    context = CheckContext(root, config, catalog)
    states: dict[str, object] = {}
    for feature in features:
        states[feature.name], more = feature.check(context)
        problems += more
    unique = list(dict.fromkeys(problems))  # a file read twice reports once
    return CheckResult(config, unique, catalog, strict, tuple(features), states, markdown, records, files)


def reserved_addresses(catalog: Catalog, features: tuple[Feature, ...]) -> dict[str, str]:
    """Every generated page's address → what it is: records may not take one."""
    reserved = core_addresses(catalog)
    for feature in features:
        reserved.update(feature.addresses(catalog))
    return reserved


def broken_records(problems: list[Diagnostic]) -> frozenset[str]:
    """Record keys ("kind/id") whose files have errors, so links to them are not reported twice."""
    keys = set()
    for problem in problems:
        parts = problem.path.split("/")
        if problem.is_error and len(parts) == 3 and parts[0] == "content" and parts[1] in KIND_BY_FOLDER:
            keys.add(f"{KIND_BY_FOLDER[parts[1]].name}/{parts[2].rsplit('.', 1)[0]}")
    return frozenset(keys)


def source_date_epoch(root: Path) -> str:
    """SOURCE_DATE_EPOCH if set, else the last commit's time, so the sitemap never shows build time."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return os.environ["SOURCE_DATE_EPOCH"]
    try:
        done = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True, timeout=10)
        if done.returncode == 0 and done.stdout.strip().isdigit():
            return done.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    return str(DEFAULT_EPOCH)


def generated_config(site: SiteContext) -> str:
    """A config that INHERITs the project's mkdocs.yml and adds the generated parts.

    It lives beside mkdocs.yml so relative paths in the project's file keep their meaning; with it,
    `mkdocs build -f mkdocs.generated.yml` (or ProperDocs) builds the compiled tree on its own.
    """
    data = {
        "INHERIT": "mkdocs.yml",
        "docs_dir": DOCS_DIR.as_posix(),
        "nav": navigation(site),
        "not_in_nav": "\n".join(["/*/*.md", "/*.md", "!/index.md"]),
    }
    if site.catalog.get("page", "about"):  # the footer's "About this hub" (overrides/partials/copyright.html)
        data["extra"] = {"pcor_about": "about/"}
    return "# Generated by pcor-site; do not edit.\n" + yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def compile_docs(root: Path, site: SiteContext) -> tuple[WriteReport, int]:
    outputs = render_site(site)
    return write_docs(root, site, outputs), sum(1 for path in outputs if path.endswith(".md"))


def write_docs(root: Path, site: SiteContext, outputs: dict[str, str | bytes], unchanged: frozenset[str] = frozenset()) -> WriteReport:
    """The docs tree and mkdocs.generated.yml, each file written only if its bytes changed."""
    report = write_tree(root / DOCS_DIR, outputs, unchanged)
    config_text = generated_config(site)
    target = root / GENERATED_CONFIG
    if not target.exists() or target.read_text(encoding="utf-8") != config_text:
        target.write_text(config_text, encoding="utf-8")
    return report


def run_engine(root: Path, site_dir: Path, engine: str = DEFAULT_ENGINE) -> list[Diagnostic]:
    """The engine on the compiled tree (`mkdocs.generated.yml`), into `site_dir`."""
    return run_named_engine(engine, root, GENERATED_CONFIG, site_dir)


def _output_problem(root: Path, error: OutputError) -> Diagnostic:
    try:
        where = error.path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        where = error.path.as_posix()
    return Diagnostic.of("E903", where, 1, 1, f"{error}; the previous site was left as it was")


def build(root: Path, out: Path | None = None, strict: bool = False, features: tuple[Feature, ...] = FEATURES,
          engine: str = DEFAULT_ENGINE) -> BuildResult:
    """check, compile, engine, post-build, swap. The process environment is left as it was found.
    `engine`: one of `engines.ENGINES` (MkDocs 1.6 by default)."""
    previous_epoch = os.environ.get("SOURCE_DATE_EPOCH")
    try:
        return _build(root, out, strict, features, engine)
    finally:
        if previous_epoch is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous_epoch


def _build(root: Path, out: Path | None, strict: bool, features: tuple[Feature, ...], engine: str) -> BuildResult:
    started = time.perf_counter()
    use_cache(root / CACHE_DIR)
    result = check(root, strict, features)
    if result.ok and (address := site_address_problem(result.config, strict)):
        result.diagnostics.append(address)
    out = (out or root / "site").resolve()
    build_result = BuildResult(result, out)
    build_result.timings["check"] = time.perf_counter() - started
    if not result.ok:
        return build_result
    os.environ["SOURCE_DATE_EPOCH"] = source_date_epoch(root)
    t = time.perf_counter()
    try:
        site = result.site()
        warm_up(site)  # the slow, cacheable work on every core first; the render phase then reads it
        build_result.timings["warm_up"] = time.perf_counter() - t
        build_result.write, build_result.pages = compile_docs(root, site)
    except WriteError as error:
        build_result.diagnostics.append(Diagnostic.of("E307", "content", 1, 1, str(error)))
        return build_result
    except OSError as error:  # build/docs or mkdocs.generated.yml cannot be written
        build_result.diagnostics.append(_output_problem(root, OutputError(Path(error.filename or root / DOCS_DIR), error)))
        return build_result
    build_result.timings["compile"] = time.perf_counter() - t
    try:
        staging = staging_for(out)
    except OutputError as error:
        build_result.diagnostics.append(_output_problem(root, error))
        return build_result
    try:
        t = time.perf_counter()
        build_result.diagnostics += run_engine(root, staging / "site", engine)
        build_result.timings["engine"] = time.perf_counter() - t
        if not build_result.diagnostics:
            t = time.perf_counter()
            build_result.diagnostics += post_build(staging / "site", site)
            build_result.timings["post_build"] = time.perf_counter() - t
        if not build_result.diagnostics:
            swap(staging / "site", out)
    except (OutputError, OSError) as error:
        error = error if isinstance(error, OutputError) else OutputError(Path(error.filename or out), error)
        build_result.diagnostics.append(_output_problem(root, error))
    finally:
        remove(staging)
    build_result.timings["total"] = time.perf_counter() - started
    return build_result
