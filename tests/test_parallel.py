import gc
import os
from pathlib import Path

import pytest

from framing.parallel import fork_map, n_workers, worker_pool


def test_n_workers_never_exceeds_the_batches():
    assert n_workers(4, 10, min_per_worker=5) == 2
    assert n_workers(4, 3, min_per_worker=5) == 1
    assert n_workers(-1, 10_000) == (os.cpu_count() or 1)


@pytest.mark.skipif(os.name != "posix", reason="fork is POSIX only")
def test_fork_map_runs_a_closure_in_workers_and_keeps_the_order():
    offset = 7  # a closure cannot be pickled: it must reach the workers by the fork
    results = fork_map(
        lambda x: (x + offset, os.getpid()),
        list(range(500)),
        n_jobs=2,
        chunksize=10,
        min_per_worker=100,
    )
    assert [r for r, _ in results] == [x + 7 for x in range(500)]
    assert os.getpid() not in {pid for _, pid in results}


def test_fork_map_runs_in_process_for_few_items():
    results = fork_map(lambda x: os.getpid(), [1, 2, 3], n_jobs=2)
    assert results == [os.getpid()] * 3


@pytest.mark.skipif(os.name != "posix", reason="fork is POSIX only")
def test_the_parent_objects_are_unfrozen_after_the_workers_start():
    with worker_pool(2) as pool:
        assert gc.get_freeze_count() == 0
        assert sorted(pool.map(abs, [-1, -2])) == [1, 2]
    assert gc.get_freeze_count() == 0


def _sleep_then_mark(folder, x):
    """A 30-second task that leaves a file when it finishes."""
    import time

    time.sleep(30)
    (Path(folder) / f"done-{x}").touch()
    return x


@pytest.mark.skipif(os.name != "posix", reason="signals and fork are POSIX")
def test_ctrl_c_in_the_parent_ends_the_pool_at_once(tmp_path):
    # regression: a worker that took the Ctrl-C died, the pool replaced it, and the parent waited
    # for ever in join() for the task the dead worker had held
    import signal
    import threading
    import time
    from functools import partial

    pids = []
    # (only this process: the test run's own process group is not ours to signal)
    timer = threading.Timer(1.0, lambda: os.kill(os.getpid(), signal.SIGINT))
    with pytest.raises(KeyboardInterrupt):
        with worker_pool(2) as pool:
            pids.extend(p.pid for p in pool._pool)
            timer.start()
            pool.map(partial(_sleep_then_mark, str(tmp_path)), range(4))
    # the pool was ended, not waited for: no task ran to its end
    assert list(tmp_path.iterdir()) == []
    time.sleep(0.5)  # (the killed workers' exit to be reaped)
    for pid in pids:  # the workers are gone, not left running their 30-second tasks
        with pytest.raises(OSError):
            os.kill(pid, 0)
