"""The gate and the CSP over many pages, on every core.

Each page is independent, so above a few dozen pages they are split into chunks for worker
processes (fork: the workers start in milliseconds and share the loaded code). Results come back
in page order, so diagnostics and output are the same as in one process.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

from .gate import add_csp, scan_page

PARALLEL_FROM = 64  # pages; below this a worker costs more than it saves


def _scan_chunk(pages: list[Path]) -> list[tuple[Path, int, str]]:
    found = []
    for page in pages:
        for line, message in scan_page(page.read_text(encoding="utf-8")).problems:
            found.append((page, line, message))
    return found


def _csp_chunk(pages: list[Path]) -> int:
    for page in pages:
        page.write_text(add_csp(page.read_text(encoding="utf-8")), encoding="utf-8")
    return len(pages)


def workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def _chunks(pages: list[Path], count: int) -> list[list[Path]]:
    size = max(1, -(-len(pages) // (count * 4)))  # a few chunks per worker evens out page sizes
    return [pages[i:i + size] for i in range(0, len(pages), size)]


def _map(function, pages: list[Path]) -> list:
    count = workers()
    if len(pages) < PARALLEL_FROM or count < 2 or "fork" not in _methods():
        return [function(pages)]
    with ProcessPoolExecutor(max_workers=count, mp_context=get_context("fork")) as pool:
        return list(pool.map(function, _chunks(pages, count)))


def _methods() -> list[str]:
    from multiprocessing import get_all_start_methods

    return get_all_start_methods()


_TASKS: list = []  # what `run_apart` gives its forked workers (a closure cannot be pickled, an index can)


def _run_task(index: int):
    return _TASKS[index]()


def can_fork() -> bool:
    """Whether work can be spread: more than one core, and fork to start the workers."""
    return workers() >= 2 and "fork" in _methods()


def run_apart(tasks: list) -> list:
    """Each zero-argument callable's result, in order; independent tasks (the features' post-build
    steps: two PDFs and the search index) run in forked processes on every core."""
    if len(tasks) < 2 or not can_fork():
        return [task() for task in tasks]
    return run_forked(tasks)


def run_forked(tasks: list) -> list:
    """Each task's result, in order, always from forked workers (the caller has checked `can_fork`;
    the warm-up before rendering, `pcor_site/warmup.py`, uses it too). Tasks are handed out one at
    a time; a task's exception is raised here, a worker that dies raises BrokenProcessPool."""
    _TASKS[:] = tasks
    try:
        with ProcessPoolExecutor(max_workers=min(workers(), len(tasks)), mp_context=get_context("fork")) as pool:
            return list(pool.map(_run_task, range(len(tasks))))
    finally:
        _TASKS.clear()


def scan_pages(pages: list[Path]) -> list[tuple[Path, int, str]]:
    """(page, line, message) for every gate problem, in page order."""
    return [found for chunk in _map(_scan_chunk, pages) for found in chunk]


def add_csp_to(pages: list[Path]) -> None:
    _map(_csp_chunk, pages)
