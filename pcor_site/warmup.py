"""The warm-up: a cold build's slow, cacheable work on every core, before the render phase.

Rendering runs in one process. Most of a cold build's compile time there goes to work that is
slow, pure and cached by content hash (`cache.py`): formatting a thousand citations, drawing the
charts. Before rendering, each feature names that work as small tasks (`Feature.warm_up`); they
run in forked workers on every core (`cores.py`, as the engine's pages and the post-build steps
do) and leave their results in the disk cache, where the render phase then finds them. The
output is the same bytes either way: the tasks call the very functions the render phase calls,
and only their cached results are shared.

Nothing is run when it cannot help: one core or no fork, no disk cache (a worker's results would
be lost with it), or fewer than MIN_TASKS tasks. A task that fails, or a worker that dies, costs
only time: the render phase makes what is missing itself and reports any problem as it always has.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from . import cache
from .cores import can_fork, run_forked

MIN_TASKS = 4  # below this, starting the workers costs about what they save


@dataclass(frozen=True)
class WarmUp:
    tasks: int = 0  # tasks the features named (0 when the warm-up was skipped before asking)
    ran: int = 0  # tasks run in workers
    failed: int = 0  # of those, tasks that raised
    broken: bool = False  # a worker died (or none could start): the tasks it had are not done


def warm_up(site, min_tasks: int | None = None) -> WarmUp:
    """Run every feature's warm-up tasks on every core; `site`: the build's SiteContext."""
    if not can_fork() or not _writable(cache.disk_folder()):
        return WarmUp()
    tasks = []
    for feature in site.features:
        try:
            tasks += feature.warm_up(site, site.state(feature))
        except Exception:  # noqa: BLE001 - a feature that cannot name its tasks renders as before
            continue
    if len(tasks) < (MIN_TASKS if min_tasks is None else min_tasks):
        return WarmUp(len(tasks))
    try:
        done = run_forked([_guarded(task) for task in tasks])
    except Exception:  # noqa: BLE001 - BrokenProcessPool (a worker died), no process could start...: the
        return WarmUp(len(tasks), len(tasks), broken=True)  # render phase makes what is missing
    return WarmUp(len(tasks), len(tasks), done.count(False))


def _guarded(task):
    def run() -> bool:
        try:
            task()
            return True
        except (Exception, SystemExit):  # noqa: BLE001 - the render phase does the work again and reports it
            return False
    return run


def _writable(folder) -> bool:
    if folder is None:
        return False
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK)
