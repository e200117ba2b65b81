"""Independent work on every core: MkDocs' pages (`mkdocs_pages.py`), the gate and the CSP over
many pages (`postbuild/gate.py`), the features' post-build steps side by side, the warm-up's
tasks before rendering (`warmup.py`).

Work is split into chunks for worker processes (fork: the workers start in milliseconds and share
the loaded code and data). Results come back in order, so diagnostics and output are the same as
in one process; with one core, or where fork does not exist, everything runs in this process.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context

PARALLEL_FROM = 64  # pieces of work (pages); below this a worker costs more than it saves


def workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def _chunks(items: list, count: int) -> list[list]:
    size = max(1, -(-len(items) // (count * 4)))  # a few chunks per worker evens out their sizes
    return [items[i:i + size] for i in range(0, len(items), size)]


def parallel(items: int) -> bool:
    """True when `items` independent pieces of work are worth worker processes here."""
    return items >= PARALLEL_FROM and can_fork()


def map_chunks(function, items: list) -> list:
    """`function` of each chunk of `items`, in order: in forked workers on every core, or in this
    process as one chunk when `parallel` says no. The gate, the CSP and MkDocs' pages use it."""
    if not parallel(len(items)):
        return [function(items)]
    count = workers()
    with ProcessPoolExecutor(max_workers=count, mp_context=get_context("fork")) as pool:
        return list(pool.map(function, _chunks(items, count)))


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
    the warm-up before rendering, `warmup.py`, runs its many small tasks so). Tasks are handed out
    one at a time; a task's exception is raised here, a worker that dies raises BrokenProcessPool."""
    _TASKS[:] = tasks
    try:
        with ProcessPoolExecutor(max_workers=min(workers(), len(tasks)), mp_context=get_context("fork")) as pool:
            return list(pool.map(_run_task, range(len(tasks))))
    finally:
        _TASKS.clear()
