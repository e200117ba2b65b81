"""MkDocs kept loaded between the preview's rounds: the configuration, the theme's Jinja
environment, the plugins (the hub's hooks), the file list, the navigation and every page.

The first round (and any round where the page set, the generated configuration, the date or the
theme changed) builds everything with MkDocs' own steps, in MkDocs' order, so its output is the
one `mkdocs build` writes. A later round re-reads and re-renders only the docs files whose bytes
changed and copies only the changed static files. That is exact because nothing in a page's
HTML depends on another page's content: the sidebar and previous/next links take their titles
from the generated navigation, which is part of the configuration (a change there is a full round).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from ..diagnostics import Diagnostic


class _Warnings(logging.Handler):
    """MkDocs' warnings and errors while a round runs: the tree is ours, so a warning is a bug."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage().splitlines()[0])


class MkDocsSession:
    def __init__(self, root: Path, config_file: str, site_dir: Path) -> None:
        self.root, self.config_file, self.site_dir = root, config_file, site_dir.resolve()
        self.config = self.files = self.nav = self.env = None

    def _logged(self, work) -> list[Diagnostic]:
        from mkdocs.exceptions import MkDocsException

        os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
        handler, logger = _Warnings(), logging.getLogger("mkdocs")
        logger.addHandler(handler)
        previous = logger.level
        logger.setLevel(logging.WARNING)
        try:
            work()
        except (MkDocsException, SystemExit, OSError, KeyError, ValueError) as error:
            self.config = None  # start again from nothing next time
            detail = "; ".join(handler.messages) or f"{type(error).__name__}: {error}"
            return [self._problem(f"the site engine failed: {detail}")]
        finally:
            logger.removeHandler(handler)
            logger.setLevel(previous)
        if handler.messages:
            self.config = None
        return [self._problem(f"the site engine warned: {message}") for message in handler.messages]

    def _problem(self, message: str) -> Diagnostic:
        return Diagnostic.of("E901", self.config_file, 1, 1, message)

    def build_all(self) -> list[Diagnostic]:
        """Everything, as `mkdocs build` does it, its pages on every core (`mkdocs_pages.py`)."""
        self.close()
        return self._logged(self._build_all)

    def _build_all(self) -> None:
        from mkdocs.config import load_config

        from ..mkdocs_pages import build_site

        config = load_config(config_file=str(self.root / self.config_file), site_dir=str(self.site_dir), strict=True)
        config.plugins.on_startup(command="serve", dirty=False)
        self.config = config
        built = build_site(config)
        self.config, self.files, self.nav, self.env = built.config, built.files, built.nav, built.env

    def can_render(self, changed: list[str], docs: Path) -> bool:
        """True when the loaded site has every changed docs file and none was added or removed."""
        return self.config is not None and all(self.files.get_file_from_path(rel) is not None and (docs / rel).is_file() for rel in changed)

    def render(self, changed: list[str]) -> tuple[list[Path], list[Diagnostic]]:
        """Re-render the pages and copy the files among `changed` (docs-relative paths).
        Returns the HTML files written. Call `can_render` first."""
        written: list[Path] = []

        def work() -> None:
            from mkdocs.commands import build as steps

            config, files = self.config, self.files
            pages = []
            for rel in sorted(changed):
                file = files.get_file_from_path(rel)
                if file.is_documentation_page():
                    steps._populate_page(file.page, config, files)
                    pages.append(file)
                else:
                    file.copy_file()
            doc_files = files.documentation_pages()
            for file in pages:
                steps._build_page(file.page, config, doc_files, self.nav, self.env, excluded=file.inclusion.is_excluded())
                written.append(Path(file.abs_dest_path))

        problems = self._logged(work)
        return written, problems

    def close(self) -> None:
        if self.config is not None:
            self.config.plugins.on_shutdown()
        self.config = self.files = self.nav = self.env = None
