"""Worker processes for the parts of a run that parallelise: one way to start them, everywhere.

Workers are forked (on POSIX) so they inherit the fitted lexicons and compiled patterns instead of
rebuilding them. A fork shares the parent's memory copy-on-write, but Python's garbage collector
touches every object it tracks, which would copy each page the parent holds into each child: a
report forking workers after the analysis would then count its tables two or three times over.
``gc.freeze()`` moves the parent's objects out of the collector's reach before the fork.
"""

from __future__ import annotations

import gc
import os
import signal
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from multiprocessing import get_context

from .progress import fork_guard

__all__ = ["n_workers", "worker_pool", "fork_map", "imap_chunks"]


def n_workers(n_jobs: int, n_items: int, *, min_per_worker: int = 1) -> int:
    """Processes to use for ``n_items`` items: ``n_jobs`` (-1: one per core), never more than there
    are batches of ``min_per_worker`` items (starting a process costs more than a few items)."""
    if n_jobs == -1:
        n_jobs = os.cpu_count() or 1
    return max(1, min(n_jobs, n_items // max(min_per_worker, 1)))


def _start_worker(initializer: Callable | None, initargs: tuple) -> None:
    # Ctrl-C is the parent's to handle: a worker that took it would die mid-task, the pool would
    # start a new one, and the parent would wait for ever for the task the dead one held
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if initializer is not None:
        initializer(*initargs)


@contextmanager
def worker_pool(n: int, *, initializer: Callable | None = None, initargs: tuple = ()):
    """A pool of ``n`` processes, forked with the parent's objects frozen (see the module doc).

    The workers ignore Ctrl-C; when the block ends with an exception (a ``KeyboardInterrupt``
    included) they are terminated at once rather than waited for."""
    method = "fork" if os.name == "posix" else "spawn"
    gc.freeze()
    try:
        # the progress display's thread must not be writing to the terminal at the fork
        with fork_guard():
            pool = get_context(method).Pool(
                n, initializer=_start_worker, initargs=(initializer, initargs)
            )
    finally:
        gc.unfreeze()
    try:
        yield pool
    except BaseException:
        pool.terminate()
        pool.join()
        raise
    pool.close()
    pool.join()


_TASK: list[Callable] = []  # fork_map's function, inherited by its forked workers


def _call(item):
    return _TASK[0](item)


def fork_map(
    func: Callable,
    items: Sequence,
    *,
    n_jobs: int = -1,
    chunksize: int = 64,
    min_per_worker: int = 200,
) -> list:
    """``[func(x) for x in items]``, in forked worker processes when there are enough items.

    ``func`` reaches the workers by the fork, not by pickling, so a bound method or closure
    works; only the items and results are pickled. The results are in the order of ``items`` and
    do not depend on ``n_jobs``. Without ``fork`` (Windows) it runs in this process.

    >>> fork_map(abs, [-2, 3, -4], n_jobs=2)
    [2, 3, 4]
    """
    n = n_workers(n_jobs, len(items), min_per_worker=min_per_worker)
    if n == 1 or os.name != "posix" or _TASK:
        return [func(x) for x in items]
    _TASK.append(func)
    try:
        with worker_pool(n) as pool:
            return pool.map(_call, items, chunksize=chunksize)
    finally:
        _TASK.clear()


def imap_chunks(func: Callable, items: Sequence, pool, *, chunksize: int) -> Iterator:
    """``func`` over ``items`` in ``pool``, sent in chunks, yielded one result at a time in order."""
    chunks: Iterable = (items[i : i + chunksize] for i in range(0, len(items), chunksize))
    for part in pool.imap(func, chunks):
        yield from part
