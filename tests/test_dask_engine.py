"""The Dask engine: the same analysis as the local engine, on a LocalCluster of two processes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

distributed = pytest.importorskip(
    "distributed", reason="the Dask engine's tests need the dask extra"
)

from framing import (
    analyse,
    dask_engine,
)
from framing.analysis import _Partial
from framing.cli import main
from framing.corpus import Corpus
from framing.errors import CorpusError, InputError
from framing.ingest.convert import convert_corpus
from framing.progress import Progress

from .corpus_factory import make_corpus


@pytest.fixture(scope="module")
def cluster():
    # two worker processes, as the acceptance asks; 127.0.0.1 only, no dashboard
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        yield cluster


@pytest.fixture(scope="module")
def client(cluster):
    with distributed.Client(cluster) as client:
        yield client


@pytest.fixture(scope="module")
def corpus_root(tmp_path_factory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("dask") / "corpus", stories=8, wide=True)


@pytest.fixture(scope="module")
def extractors():
    """The default extractors, fitted once for the tests that call analyse (fitting is all in
    fit(); extracting changes nothing in them)."""
    from framing.analysis import default_extractors

    return default_extractors()


def _tables(args: list[str], out: Path) -> dict[str, bytes]:
    assert (
        main(
            ["report", *args, "--tables", str(out), "-o", str(out.with_suffix(".html")), "--quiet"]
        )
        == 0
    )
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


@pytest.fixture(scope="module")
def engines(cluster, corpus_root, tmp_path_factory):
    """``framing report --tables`` of ``corpus_root`` on each engine, run once for the two tests
    below, with the scheduler's address in the environment: the local run overrides it with
    ``--engine local``, the Dask run takes it from there. ``schedulers`` has, per run, the
    scheduler each Dask client was asked for (none: no Dask client)."""
    out = tmp_path_factory.mktemp("engines")
    real = dask_engine._client
    asked = []

    def spy(distributed_module, client, scheduler, n_jobs):
        asked.append(scheduler)
        return real(distributed_module, client, scheduler, n_jobs)

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(dask_engine.SCHEDULER_ENV, cluster.scheduler_address)
        mp.setattr(dask_engine, "_client", spy)
        local = _tables(
            ["--corpus", str(corpus_root), "--engine", "local", "--jobs", "1"], out / "local"
        )
        schedulers = {"local": asked[:]}
        dask = _tables(["--corpus", str(corpus_root)], out / "dask")
        schedulers["dask"] = asked[len(schedulers["local"]) :]
    return {
        "local": local,
        "dask": dask,
        "schedulers": schedulers,
        "pages": [(out / f"{engine}.html").read_bytes() for engine in ("local", "dask")],
    }


def test_every_table_equals_the_local_engines(engines):
    local, dask = engines["local"], engines["dask"]
    assert len(local) > 30 and local.keys() == dask.keys()
    assert [name for name in local if local[name] != dask[name]] == []
    # and the page itself: the same bytes but for nothing (no engine or time is printed on it)
    local_page, dask_page = engines["pages"]
    assert local_page == dask_page


def test_the_scheduler_from_the_environment(cluster, engines):
    # the Dask run was given no --scheduler: the address came from the environment
    assert engines["schedulers"]["dask"] == [cluster.scheduler_address]
    # --engine local overrides the environment: no Dask client at all
    assert engines["schedulers"]["local"] == []


def test_a_parquet_corpus_on_the_dask_engine(cluster, corpus_root, tmp_path):
    parquet = tmp_path / "parquet"
    convert_corpus(corpus_root, parquet, store="parquet", rows_per_part=25)
    local = _tables(["--corpus", str(parquet), "--jobs", "1"], tmp_path / "local")
    dask = _tables(
        ["--corpus", str(parquet), "--engine", "dask", "--scheduler", cluster.scheduler_address],
        tmp_path / "dask",
    )
    assert [name for name in local if local[name] != dask[name]] == []


def test_in_memory_articles_and_all_evidence(client, corpus_root, extractors):
    articles = list(Corpus.load(corpus_root))
    local = {}
    for per_cell in (2, None):
        a = local[per_cell] = analyse(articles, extractors=extractors, evidence_per_cell=per_cell)
        b = analyse(
            articles,
            extractors=extractors,
            evidence_per_cell=per_cell,
            engine="dask",
            client=client,
        )
        for name in ("articles", "values", "hits", "hits_total"):
            pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name))
        assert a.records.keys() == b.records.keys() and a.records
        for name in a.records:
            pd.testing.assert_frame_equal(a.records[name], b.records[name])
    # the sample is a real sample: fewer sentences than hits, and the totals count them all
    assert len(local[None].hits) > len(local[2].hits)


def test_partials_merge_to_one_pass(corpus_root, extractors):
    """Merging the partials of consecutive runs in order gives the one pass's partial."""
    from framing.analysis import _process

    corpus = Corpus.load(corpus_root)
    items = corpus.article_paths()
    whole = _Partial(extractors, 3, 0)
    for item in items:
        whole.add(*_process(item, extractors, corpus))
    merged = _Partial(extractors, 3, 0)
    for i, run in enumerate(dask_engine.partition(items, 3)):
        part = _Partial(extractors, 3, 0)
        for item in run:
            part.add(*_process(item, extractors, corpus))
        merged.merge(part.compact() if i % 2 else part)  # as a worker sends it, or not
    a, b = whole.analysis(corpus, extractors), merged.analysis(corpus, extractors)
    for name in ("articles", "values", "hits", "hits_total"):
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name))
    assert a.hits_total["n_hits"].sum() > len(a.hits)  # the sample kept fewer than it counted


def test_partitions_are_consecutive_and_cover_every_item():
    items = list(range(10_001))
    parts = dask_engine.partition(items, 2)
    assert [x for p in parts for x in p] == items
    assert max(len(p) for p in parts) == dask_engine.MAX_PARTITION
    small = dask_engine.partition(list(range(10)), 2)
    assert [len(p) for p in small] == [2, 2, 2, 2, 2]
    assert dask_engine.partition([], 2) == []


def test_a_bad_article_is_the_same_error_as_locally(client, corpus_root, extractors, tmp_path):
    import shutil

    root = tmp_path / "bad"
    shutil.copytree(corpus_root, root)
    victim = sorted((root / "articles").rglob("*.md"))[-1]
    victim.write_text("no metadata here\n", encoding="utf-8")
    with pytest.raises(CorpusError) as local:
        analyse(Corpus.load(root), extractors=extractors)
    with pytest.raises(CorpusError) as dask:
        analyse(Corpus.load(root), extractors=extractors, engine="dask", client=client)
    assert str(dask.value) == str(local.value) and str(victim) in str(dask.value)


def test_interrupting_cancels_every_task(client, corpus_root, extractors):
    corpus = Corpus.load(corpus_root)
    items = corpus.article_paths()
    with pytest.raises(KeyboardInterrupt):
        with dask_engine.run_partitions(
            items,
            extractors=extractors,
            corpus=corpus,
            evidence_per_cell=3,
            seed=0,
            n_jobs=2,
            client=client,
            progress=Progress(enabled=False),
        ) as partials:
            next(partials)
            raise KeyboardInterrupt
    # nothing of the run stays on the cluster: no task queued, running or held in memory
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if not any(client.processing().values()) and not client.who_has():
            break
        time.sleep(0.2)
    assert not any(client.processing().values())
    assert not client.who_has()


def test_ctrl_c_stops_a_report_and_writes_nothing(corpus_root, tmp_path):
    """The command as a user runs it: Ctrl-C while the local cluster works."""
    root = tmp_path / "big"
    make_corpus(root, stories=40)
    page, tables = tmp_path / "page.html", tmp_path / "tables"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop(dask_engine.SCHEDULER_ENV, None)
    # a new session: the signal goes to the command's process group, as a terminal's Ctrl-C does
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "framing",
            "report",
            "--corpus",
            str(root),
            "--engine",
            "dask",
            "--jobs",
            "2",
            "-o",
            str(page),
            "--tables",
            str(tables),
        ],
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,
    )
    lines = []
    for line in proc.stderr:
        lines.append(line)
        if "partitions" in line:
            break
    time.sleep(1.0)
    os.killpg(proc.pid, signal.SIGINT)
    rest = proc.stderr.read()
    assert proc.wait(timeout=60) == 130, "".join(lines) + rest
    assert (
        rest.strip().splitlines()[-1]
        == "framing report: interrupted; nothing was left half-written"
    )
    assert "Traceback" not in rest
    assert not page.exists() and not tables.exists()
    # the cluster it started goes with it: a worker busy with a task exits within seconds of
    # the command (zombies, exited but not yet reaped by init, count as gone)
    deadline = time.monotonic() + 30
    while True:
        ps = subprocess.run(
            ["ps", "-o", "stat=,cmd=", "-s", str(proc.pid)], capture_output=True, text=True
        ).stdout.splitlines()
        left = [line for line in ps if not line.lstrip().startswith("Z")]
        if not left or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    assert left == []


def test_an_unreachable_scheduler_is_one_clear_error(corpus_root, monkeypatch, capsys):
    monkeypatch.setattr(dask_engine, "CONNECT_TIMEOUT", "1s")
    assert (
        main(
            [
                "report",
                "--corpus",
                str(corpus_root),
                "--scheduler",
                "tcp://127.0.0.1:9",
                "--quiet",
                "-o",
                str(corpus_root.parent / "never.html"),
            ]
        )
        == 2
    )
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith(
        "framing report: error: cannot reach the Dask scheduler at tcp://127.0.0.1:9"
    )


def test_without_the_extra_the_engine_says_how_to_install_it(corpus_root, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed raises ImportError
    with pytest.raises(InputError, match=r'pip install "framing\[dask\]"'):
        analyse(Corpus.load(corpus_root), engine="dask")
