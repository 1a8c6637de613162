"""Ctrl-C during a real `framing report` with worker processes: it stops within seconds and
writes no page."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading

import pytest

from .corpus_factory import make_corpus


@pytest.mark.skipif(os.name != "posix", reason="process groups and SIGINT are POSIX")
def test_ctrl_c_during_a_parallel_report_stops_and_writes_nothing(tmp_path):
    corpus = make_corpus(tmp_path / "corpus", stories=400)  # 4,000 articles
    out = tmp_path / "report.html"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "framing",
            "report",
            "--corpus",
            str(corpus),
            "-o",
            str(out),
            "--jobs",
            "2",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        env={**os.environ, "FRAMING_PROGRESS_SECONDS": "0.5"},
    )  # a progress line twice a second
    seen = bytearray()
    analysing = threading.Event()

    def read():
        while chunk := proc.stderr.read1(4096):
            seen.extend(chunk)
            # "analysing articles: 128 of 4,000 articles": the workers are counting
            if re.search(rb"analysing articles: [1-9][\d,]* of ", seen):
                analysing.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    assert analysing.wait(120), seen.decode(errors="replace")[-500:]
    os.killpg(proc.pid, signal.SIGINT)  # what a terminal's Ctrl-C does: the whole group
    try:  # (a guard against hanging, not a measure of speed)
        proc.wait(timeout=120)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        pytest.fail("framing report did not stop after Ctrl-C")
    reader.join(5)
    assert proc.returncode == 130
    assert not out.exists()
    assert not list(tmp_path.glob("*.tmp*"))
    assert "interrupted" in seen.decode(errors="replace")
    assert "Traceback" not in seen.decode(errors="replace")
