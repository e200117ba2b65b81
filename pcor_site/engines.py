"""The site engines that turn the compiled docs tree into HTML: MkDocs 1.6 (the default),
ProperDocs (its maintained drop-in fork) and Zensical (Material's makers' successor, which reads
`mkdocs.yml`). Each is an optional install; `run_engine` returns diagnostics, never raises.

MkDocs runs in process (it is the fastest to start, and its pages render on every core:
`mkdocs_pages.py`; the preview keeps it loaded, `preview/engine.py`). ProperDocs and Zensical run as child processes
of the same Python, so a crash or a stray global of theirs cannot touch pcor-site's state.
Warnings are failures: the tree is ours, so a warning means a bug. The one exception is Zensical's
"anchor does not exist", which it raises for media-fragment links (`#t=90`) that the project's
`validation.anchors: info` tells MkDocs to report as information only.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from .diagnostics import Diagnostic
from .mkdocs_pages import build_site

DEFAULT_ENGINE = "mkdocs"
#: engine name → the module it needs (the optional extra that installs it has the same name)
ENGINES = {"mkdocs": "mkdocs", "properdocs": "properdocs", "zensical": "zensical"}
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_ZENSICAL_IGNORED = ("anchor does not exist",)


def installed(name: str) -> bool:
    return name in ENGINES and importlib.util.find_spec(ENGINES[name]) is not None


def installed_engines() -> list[str]:
    return [name for name in ENGINES if installed(name)]


def _problem(config_file: str, message: str) -> Diagnostic:
    return Diagnostic.of("E901", config_file, 1, 1, message)


def run_engine(name: str, root: Path, config_file: str, site_dir: Path) -> list[Diagnostic]:
    """Build `root/config_file` with engine `name` into `site_dir`."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    if name not in ENGINES:
        return [_problem(config_file, f"unknown site engine {name!r}; choose one of: {', '.join(ENGINES)}")]
    if not installed(name):
        return [_problem(config_file, f"the site engine {name!r} is not installed: pip install -e '.[{name}]'")]
    if name == "mkdocs":
        return _mkdocs(root, config_file, site_dir)
    if name == "properdocs":
        command = [sys.executable, "-m", "properdocs", "build", "--strict", "-q", "-f", config_file, "-d", str(site_dir)]
        return _child(command, root, config_file, site_dir)
    return _zensical(root, config_file, site_dir)


def _mkdocs(root: Path, config_file: str, site_dir: Path) -> list[Diagnostic]:
    """In process, its pages on every core (`mkdocs_pages.build_site`)."""
    from mkdocs.config import load_config as mkdocs_config
    from mkdocs.exceptions import MkDocsException

    records: list[logging.LogRecord] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.levelno >= logging.WARNING:
                records.append(record)

    handler = Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    previous_level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        cfg = mkdocs_config(config_file=str(root / config_file), site_dir=str(site_dir), strict=True)
        _compiled_templates(cfg.theme, root / "build" / "cache" / "jinja")
        cfg.plugins.on_startup(command="build", dirty=False)
        try:
            build_site(cfg)
        finally:
            cfg.plugins.on_shutdown()
    except (MkDocsException, SystemExit, OSError) as error:
        detail = "; ".join(r.getMessage().splitlines()[0] for r in records) or str(error)
        return [_problem(config_file, f"the site engine failed: {detail}")]
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous_level)
    return [_problem(config_file, f"the site engine warned: {r.getMessage().splitlines()[0]}") for r in records]


def _compiled_templates(theme, folder: Path) -> None:
    """Keep the theme's compiled Jinja templates between runs (Jinja checks each template's source
    checksum, so an edited template is compiled again): the preview's later rounds then render at once."""
    from jinja2 import FileSystemBytecodeCache

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return
    make_env = theme.get_env

    def get_env():
        env = make_env()
        env.bytecode_cache = FileSystemBytecodeCache(str(folder))
        return env

    theme.get_env = get_env


def _child(command: list[str], root: Path, config_file: str, site_dir: Path) -> list[Diagnostic]:
    env = dict(os.environ, NO_COLOR="1", PYTHONUNBUFFERED="1")
    try:
        done = subprocess.run(command, cwd=root, capture_output=True, text=True, env=env, timeout=3600)
    except (OSError, subprocess.SubprocessError) as error:
        return [_problem(config_file, f"the site engine could not run: {error}")]
    lines = [_ANSI.sub("", line).strip() for line in (done.stdout + "\n" + done.stderr).splitlines()]
    warnings = [line for line in lines if re.match(r"(WARNING|Warning:|ERROR|Error:)", line)]
    if done.returncode != 0:
        detail = "; ".join(warnings) or next((line for line in reversed(lines) if line), "no output")
        return [_problem(config_file, f"the site engine failed: {detail[:500]}")]
    if not (site_dir / "index.html").is_file():
        return [_problem(config_file, "the site engine wrote no home page")]
    return [_problem(config_file, f"the site engine warned: {line}") for line in warnings]


def _zensical(root: Path, config_file: str, site_dir: Path) -> list[Diagnostic]:
    """Zensical resolves relative links in raw HTML against the Markdown file's folder, while
    MkDocs leaves them alone (pcor-site writes them relative to the page's address). So Zensical
    reads a mirror of the docs tree where every page is `<address>/index.md` (hard links where the
    file system allows): there the two folders coincide and both engines write the same links.
    It takes no output folder on its command line and insists on one inside the project, so it
    builds into build/ and the result is moved to `site_dir`; its own strict mode would stop on
    the media-fragment anchors (`#t=90`) that MkDocs is told to allow, so its warnings are read."""
    generated = yaml.safe_load((root / config_file).read_text(encoding="utf-8"))
    docs, mirror, out = root / generated["docs_dir"], root / "build" / "zensical-docs", root / "build" / "zensical-site"
    _mirror(docs, mirror)
    derived = root / ".pcor-zensical.yml"
    data = {"INHERIT": generated["INHERIT"], "docs_dir": mirror.relative_to(root).as_posix(), "site_dir": out.relative_to(root).as_posix(),
            "strict": False, "nav": _nav(generated.get("nav", []))}
    derived.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    shutil.rmtree(out, ignore_errors=True)
    try:
        command = [sys.executable, "-c", "import sys; from zensical.main import cli; sys.exit(cli())", "build", "-f", derived.name]
        problems = _child(command, root, config_file, out)
    finally:
        derived.unlink(missing_ok=True)
    problems = [p for p in problems if "failed" in p.message or not any(ignored in p.message for ignored in _ZENSICAL_IGNORED)]
    if problems:
        return problems
    shutil.rmtree(site_dir, ignore_errors=True)
    shutil.move(str(out), str(site_dir))
    return []


def page_source(rel: str) -> str:
    """`tools/x.md` → `tools/x/index.md`: the source path whose folder is the page's address."""
    if not rel.endswith(".md") or rel == "index.md" or rel.endswith("/index.md"):
        return rel
    return rel[:-3] + "/index.md"


def _mirror(docs: Path, mirror: Path) -> None:
    shutil.rmtree(mirror, ignore_errors=True)
    for path in sorted(docs.rglob("*")):
        if not path.is_file():
            continue
        target = mirror / page_source(path.relative_to(docs).as_posix())
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(path, target)
        except OSError:
            shutil.copyfile(path, target)


def _nav(nav):
    if isinstance(nav, list):
        return [_nav(entry) for entry in nav]
    if isinstance(nav, dict):
        return {title: _nav(entry) for title, entry in nav.items()}
    return page_source(nav) if isinstance(nav, str) else nav
