"""The analysis pass on a Dask cluster: one task per partition of consecutive articles.

Each task runs every extractor over its articles and returns their mergeable partial result (see
``framing.analysis._Partial``): rows and records concatenate, counts add, and the bottom-k
evidence samples merge exactly. The client merges the partials in the corpus's order, so the
:class:`~framing.analysis.Analysis` is the one the local engine gives; the statistics then run on
it as always.

The extractors (a few megabytes of fitted lexicons) and the corpus's listing are sent to every
worker once. Workers read the articles themselves: a folder or Parquet corpus must be at the same
path on every worker (a shared file system), which a ``LocalCluster`` always has. Dask is an
optional extra (``pip install "framing[dask]"``); nothing here is imported without it.
"""

from __future__ import annotations

import logging
import math
import os
import signal
import threading
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager

from .errors import InputError
from .progress import Progress

__all__ = ["SCHEDULER_ENV", "run_partitions", "partition"]

#: the environment variable naming the scheduler when none is given
SCHEDULER_ENV = "FRAMING_DASK_SCHEDULER"

#: how long to try reaching a scheduler before saying it cannot be reached
CONNECT_TIMEOUT = "20s"

#: articles per task at the most: a few seconds of work, a partial of a few megabytes
MAX_PARTITION = 1_000


def partition(items: Sequence, n_workers: int, *, max_size: int = MAX_PARTITION) -> list[list]:
    """Consecutive runs of ``items``: about four per worker for balance, each at most
    ``max_size`` (consecutive Parquet addresses fall in the same part and row groups)."""
    if not items:
        return []
    size = max(1, min(max_size, math.ceil(len(items) / (4 * max(n_workers, 1)))))
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


def _analyse_partition(items, extractors, corpus, evidence_per_cell, seed):
    from .analysis import _Partial, _process

    result = _Partial(extractors, evidence_per_cell, seed)
    for item in items:
        result.add(*_process(item, extractors, corpus))
    return result.compact()


def _require_distributed():
    try:
        import distributed
    except ImportError:
        raise InputError(
            None,
            "the Dask engine needs Dask's distributed scheduler, which is not installed",
            hint='install it with: pip install "framing[dask]"',
        ) from None
    return distributed


@contextmanager
def _client(distributed, client, scheduler: str | None, n_jobs: int):
    """The client to run on: the one given, one connected to ``scheduler``, or one of a local
    cluster of ``n_jobs`` single-threaded worker processes started here and closed on exit."""
    if client is not None:
        yield client, "the given Dask client"
        return
    with ExitStack() as stack:
        if scheduler:
            try:
                client = stack.enter_context(distributed.Client(scheduler, timeout=CONNECT_TIMEOUT))
            except (OSError, TimeoutError, ValueError) as exc:
                raise InputError(
                    None,
                    f"cannot reach the Dask scheduler at {scheduler} ({exc})",
                    hint=f"check the address (--scheduler or ${SCHEDULER_ENV}) and that "
                    "the scheduler is running",
                ) from None
            yield client, f"Dask scheduler {scheduler}"
            return
        # the extractors are pure Python: one thread per process, as many processes as cores;
        # 127.0.0.1 only and no dashboard, so a run opens no port to the network; the workers'
        # logs are silenced because a task's error reaches the user as one line from the client
        asyncio_log = logging.getLogger("asyncio")
        level = asyncio_log.level
        stack.callback(asyncio_log.setLevel, level)
        with _workers_ignore_ctrl_c():
            cluster = stack.enter_context(
                distributed.LocalCluster(
                    n_workers=n_jobs,
                    threads_per_worker=1,
                    processes=True,
                    host="127.0.0.1",
                    dashboard_address=None,
                    silence_logs=logging.CRITICAL,
                )
            )
        client = stack.enter_context(distributed.Client(cluster))

        def quiet_if_interrupted(exc_type, exc, tb):
            # a cluster closed in the middle of its work makes its event loop log each request
            # it drops; the user has the one line saying the run stopped
            if exc_type is not None:
                asyncio_log.setLevel(logging.CRITICAL)
            return False

        stack.push(quiet_if_interrupted)
        yield client, f"local Dask cluster of {n_jobs} worker processes"


@contextmanager
def _workers_ignore_ctrl_c():
    """Start processes that ignore Ctrl-C: it is the client's to handle (cancel, close the
    cluster), and workers taking it would die mid-task with a traceback each. An ignored signal
    is the one disposition a new process inherits, so it is ignored here while the cluster
    starts (a Ctrl-C in those seconds is lost), then handled again."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signals can only be set from the main thread
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


@contextmanager
def run_partitions(
    items: Sequence,
    *,
    extractors,
    corpus,
    evidence_per_cell: int | None,
    seed: int,
    n_jobs: int,
    client=None,
    scheduler: str | None = None,
    progress: Progress,
) -> Iterator[Iterator]:
    """Analyse ``items`` on Dask; the block gets the partials, in the order of ``items``.

    If the block ends with an exception (Ctrl-C included), every task still queued or running
    is cancelled, and a cluster started here is closed, before the exception goes on.
    """
    distributed = _require_distributed()
    scheduler = scheduler or os.environ.get(SCHEDULER_ENV) or None
    with _client(distributed, client, scheduler, max(n_jobs, 1)) as (client, where):
        n_workers = len(client.scheduler_info().get("workers", {})) or max(n_jobs, 1)
        parts = partition(items, n_workers)
        stage = progress.stage(
            "analysing articles",
            total=len(items),
            unit="articles",
            start=f"{len(items):,} articles in {len(parts):,} partitions, {where}",
        )
        with stage:
            futures: list = []
            try:
                # an in-memory corpus's items are the articles themselves: no corpus to send
                shared = [extractors, corpus if corpus.root is not None else None]
                extractors_f, corpus_f = client.scatter(shared, broadcast=True, hash=False)
                futures = [
                    client.submit(
                        _analyse_partition,
                        part,
                        extractors_f,
                        corpus_f,
                        evidence_per_cell,
                        seed,
                        pure=False,
                    )
                    for part in parts
                ]
                yield _in_order(distributed, futures, [len(p) for p in parts], stage)
            except BaseException:
                client.cancel(futures)
                raise


def _in_order(distributed, futures: list, sizes: list[int], stage) -> Iterator:
    """The futures' results in submission order, each as soon as it and all before it are in;
    a result is released on the cluster once it is here."""
    index = {f.key: i for i, f in enumerate(futures)}
    done: dict[int, object] = {}
    following = 0
    for future in distributed.as_completed(futures):
        i = index[future.key]
        done[i] = future.result()  # a task's exception is raised here, as the local engine would
        future.release()
        stage.update(sizes[i])
        while following in done:
            yield done.pop(following)
            following += 1
