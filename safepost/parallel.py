"""Spread a large queue over the machine's cores.

Worker processes are forked after the rulebook is compiled and warmed, so they inherit it (and
the posts) instead of receiving them pickled; only the findings travel back. Below a few
thousand posts, or where fork is not available, one process is faster than starting more.
"""
from __future__ import annotations

import gc
import os
from typing import Callable, TypeVar

T = TypeVar("T")
MIN_ITEMS = 4000  # below this, starting processes costs more than it saves
CHUNK = 1000

_job: Callable[[int], object] | None = None  # the work the forked children inherit


def available_workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def map_indexes(job: Callable[[int], T], count: int, workers: int,
                progress: Callable[[int], None] | None = None) -> list[T]:
    """[job(0), ..., job(count - 1)], in order, on up to `workers` processes; `progress(n)` is
    told, in this process, as each batch of n items is done."""
    import multiprocessing  # a one-post gate never starts a process: 3 ms it need not load

    if workers < 2 or count < MIN_ITEMS or "fork" not in multiprocessing.get_all_start_methods():
        if progress is None:
            return [job(i) for i in range(count)]
        results = []
        for start in range(0, count, CHUNK):
            results += [job(i) for i in range(start, min(start + CHUNK, count))]
            progress(min(CHUNK, count - start))
        return results
    global _job
    _job = job
    gc.freeze()  # the children inherit the parent's objects: keep the collector from copying them
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            chunks = []
            for chunk in pool.imap(_run_range, [(start, min(start + CHUNK, count)) for start in range(0, count, CHUNK)]):
                chunks.append(chunk)
                if progress is not None:
                    progress(len(chunk))
    finally:
        _job = None
        gc.unfreeze()
    return [result for chunk in chunks for result in chunk]


def _run_range(bounds: tuple[int, int]) -> list:
    start, end = bounds
    return [_job(i) for i in range(start, end)]
