"""MkDocs 1.6's build (`mkdocs.commands.build.build`), step by step in MkDocs' order, with the
pages' Markdown conversion and template rendering split across worker processes on every core.

Everything that reads the whole site runs once, in this process: the configuration's events, the
file list, the navigation, the static files, the theme's templates (404, sitemap), the anchor
check and `on_post_build`. Each page is then converted and rendered in a forked worker. That gives
the same bytes as one process because a page's HTML depends only on its own source, the file
list, the configuration and the navigation, whose titles are the generated configuration's; the
navigation pages' front matter (`icon`, `status` in Material's sidebar) is read here first.
Workers send back what this process needs afterwards: the log records, and each page's anchors
and links to anchors for MkDocs' anchor check.

One process does it all, exactly as `mkdocs build`, when there is one core or no fork, or when a
plugin both handles page events and runs after the build (it collects pages, as MkDocs' search
plugin does, and would see none here).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from .cores import map_chunks, parallel

PAGE_EVENTS = ("pre_page", "page_read_source", "page_markdown", "page_content", "page_context", "post_page")


@dataclass
class Built:
    """What a full build leaves loaded, for the preview's later page-by-page rounds."""

    config: object
    files: object
    nav: object
    env: object


def collects_pages(config) -> bool:
    """True when a plugin handles page events and `on_post_build`: it must see every page itself."""
    for plugin in config.plugins.values():
        handles = {name for name in PAGE_EVENTS if callable(getattr(plugin, f"on_{name}", None))}
        if handles and callable(getattr(plugin, "on_post_build", None)):
            return True
    return False


def build_site(config, serial: bool = False) -> Built:
    """A whole clean build of a loaded MkDocs configuration (after `on_startup`). Raises what
    `mkdocs build` raises (Abort in strict mode with warnings)."""
    from mkdocs import utils
    from mkdocs.commands import build as steps
    from mkdocs.exceptions import Abort, BuildError
    from mkdocs.structure.files import get_files, set_exclusions
    from mkdocs.structure.nav import get_navigation
    from mkdocs.structure.pages import Page

    counter = utils.CountHandler()
    counter.setLevel(logging.WARNING)
    logger = logging.getLogger("mkdocs")
    if config.strict:
        logger.addHandler(counter)
    try:
        config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        utils.clean_directory(config.site_dir)
        files = get_files(config)
        env = config.theme.get_env()
        files.add_files_from_theme(env, config)
        files = config.plugins.on_files(files, config=config)
        set_exclusions(files, config)
        nav = config.plugins.on_nav(get_navigation(files, config), config=config, files=files)
        doc_files = files.documentation_pages()
        for file in doc_files:
            if file.page is None and file.inclusion.is_not_in_nav():
                Page(None, file, config)
        split = not serial and parallel(len(doc_files)) and not collects_pages(config)
        if split:
            for page in nav.pages:
                page.read_source(config)  # front matter the sidebar reads (icon, status)
        else:
            for file in doc_files:
                steps._populate_page(file.page, config, files)
        env = config.plugins.on_env(env, config=config, files=files)
        files.copy_static_files()
        for template in config.theme.static_templates:
            steps._build_theme_template(template, env, files, config, nav)
        for template in config.extra_templates:
            steps._build_extra_template(template, files, config, nav)
        if split:
            _render_apart(config, files, nav, env, doc_files)
        else:
            for file in doc_files:
                steps._build_page(file.page, config, doc_files, nav, env, excluded=file.inclusion.is_excluded())
        for file in doc_files:
            file.page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)
        config.plugins.on_post_build(config=config)
        if counts := counter.get_counts():
            raise Abort(f"Aborted with {', '.join(f'{v} {k.lower()}s' for k, v in counts)} in strict mode!")
    except Exception as error:
        config.plugins.on_build_error(error=error)
        if isinstance(error, BuildError):
            logger.error(str(error))
            raise Abort("Aborted with a BuildError!") from error
        raise
    finally:
        logger.removeHandler(counter)
    return Built(config, files, nav, env)


_JOB: list = []  # what the forked workers render from (set before they start; a fork inherits it)


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.kept: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.kept.append((record.name, record.levelno, record.getMessage()))


def _render_chunk(indexes: list[int]) -> tuple[list, list, str | None]:
    """In a worker: convert and render these pages; their log records, anchors and any failure."""
    from mkdocs.commands import build as steps

    config, files, nav, env, doc_files = _JOB
    logger = logging.getLogger("mkdocs")
    records = _Records()
    logger.handlers, logger.propagate = [records], False  # the parent logs them, once
    anchors = []
    try:
        for index in indexes:
            file = doc_files[index]
            steps._populate_page(file.page, config, files)
            steps._build_page(file.page, config, doc_files, nav, env, excluded=file.inclusion.is_excluded())
            links = {target.src_uri: dict(found) for target, found in (file.page.links_to_anchors or {}).items()}
            anchors.append((index, file.page.present_anchor_ids, links))
    except Exception as error:  # noqa: BLE001 - reported by the parent as MkDocs would
        return records.kept, anchors, f"{type(error).__name__}: {error}"
    return records.kept, anchors, None


def _render_apart(config, files, nav, env, doc_files) -> None:
    from mkdocs.exceptions import BuildError

    try:
        env.get_template("main.html")  # compiled once, here, and inherited by every worker
    except OSError:
        pass  # a theme without it: each page names its own template, and a missing one fails there
    _JOB[:] = [config, files, nav, env, doc_files]
    try:
        results = map_chunks(_render_chunk, list(range(len(doc_files))))
    finally:
        _JOB.clear()
    failure = None
    for records, anchors, error in results:
        for name, level, message in records:
            logging.getLogger(name).log(level, "%s", message)
        for index, present, links in anchors:
            page = doc_files[index].page
            page.present_anchor_ids = present
            page.links_to_anchors = {files.get_file_from_path(src): found for src, found in links.items()}
        failure = failure or error
    if failure:
        raise BuildError(failure)
