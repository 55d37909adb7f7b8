"""Run a function over slices of a job in forked worker processes.

Forked workers inherit the job (entries, templates, the review index already built)
instead of receiving it pickled; only slice bounds go out and small results come back.
``workers`` of 1 runs everything in this process. Used by the site build and ``xxgk check``.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from typing import Any, TypeVar

R = TypeVar("R")
_STATE: list[tuple[Callable[..., Any], Any]] = []


def _run(bounds: tuple[int, int]) -> Any:
    func, job = _STATE[0]
    return func(job, *bounds)


def cpus() -> int:
    """The CPUs this process may run on (a container may allow fewer than the machine has)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def slices(n: int, workers: int) -> list[tuple[int, int]]:
    """About four slices per worker, so that a slow slice does not keep the others idle."""
    step = max(1, -(-n // (workers * 4)))
    return [(i, min(i + step, n)) for i in range(0, n, step)]


def fork_map(
    func: Callable[[Any, int, int], R],
    job: Any,
    n: int,
    workers: int,
    meanwhile: Callable[[], None] | None = None,
) -> list[R]:
    """``[func(job, start, stop) …]`` over ``range(n)`` in order; ``meanwhile`` runs here
    while the workers work."""
    if workers <= 1 or n < 2:
        results = [func(job, 0, n)]
        if meanwhile:
            meanwhile()
        return results
    _STATE[:] = [(func, job)]
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            pending = pool.map_async(_run, slices(n, workers))
            if meanwhile:
                meanwhile()
            return pending.get()
    finally:
        _STATE.clear()
