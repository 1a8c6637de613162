"""What a run shows on a terminal and in a log (framing.progress)."""

from __future__ import annotations

import io
import re
import time

import pytest

from framing import progress as progress_module
from framing.progress import Progress, clear, format_seconds, iterate


class Terminal(io.StringIO):
    """A stream that says it is a terminal, like stderr in a real shell."""

    def isatty(self) -> bool:
        return True


def visible_lines(raw: str) -> list[str]:
    """What a terminal shows of ``raw``: per line, what the last carriage return left standing
    (tqdm redraws a line with '\\r' and clears it with '\\r' + spaces + '\\r')."""
    shown = []
    for line in raw.split("\n"):
        text = ""
        for part in line.split("\r"):
            text = part + text[len(part) :]  # a redraw overwrites from the left
        shown.append(text.rstrip())
    return [s for s in shown if s]


def test_in_a_log_a_stage_is_plain_lines_without_carriage_returns():
    log = io.StringIO()
    p = Progress(stream=log)
    with p.stage("analysing articles", total=250, unit="articles") as stage:
        for _ in range(250):
            stage.update()
    out = log.getvalue()
    assert "\r" not in out and "\x1b" not in out
    assert out.splitlines()[-1].startswith("analysing articles: 250 articles (")


def test_in_a_log_a_slow_stage_says_when_it_starts_and_how_far_it_is(monkeypatch):
    monkeypatch.setattr(progress_module, "START_LINE_AFTER_SECONDS", 0.05)
    monkeypatch.setenv("FRAMING_PROGRESS_SECONDS", "0.1")
    log = io.StringIO()
    with Progress(stream=log).stage("computing sections", total=4, unit="sections") as stage:
        with stage.step("terms"):
            deadline = time.monotonic() + 30
            while "so far" not in log.getvalue() and time.monotonic() < deadline:
                time.sleep(0.02)
    lines = log.getvalue().splitlines()
    assert lines[0] == "computing sections: 4 sections ..."
    heartbeat = next(line for line in lines if "so far" in line)
    assert heartbeat.startswith("computing sections: 0 of 4 sections (0%), terms, ")
    assert lines[-1].startswith("computing sections: 1 section (")
    assert "\r" not in log.getvalue()


def test_on_a_terminal_the_final_count_stays_and_the_bar_goes():
    term = Terminal()
    with Progress(stream=term).stage("analysing articles", total=1000, unit="articles") as stage:
        for _ in range(1000):
            stage.update()
    out = term.getvalue()
    assert "\r" in out  # it was a live bar
    shown = visible_lines(out)
    assert len(shown) == 1 and shown[0].startswith("analysing articles: 1,000 articles ("), shown


def test_no_eta_before_enough_items(monkeypatch):
    term = Terminal()
    with Progress(stream=term).stage("analysing articles", total=1000) as stage:
        stage.update(1)  # the first result, after the workers' start-up: its rate means nothing
        stage._bar.refresh()
        early = term.getvalue()
        monkeypatch.setattr(progress_module, "ETA_AFTER_SECONDS", 0.0)
        stage.update(100)
        stage._bar.refresh()
        later = term.getvalue()[len(early) :]
    assert "1/1000" in early
    assert not re.search(r"<\d", early) and "/s" not in early, early
    assert re.search(r"<\d+:\d\d", later) and "articles/s" in later, later


def test_named_steps_show_what_runs_and_the_slow_ones_are_named(monkeypatch):
    monkeypatch.setattr(progress_module, "SLOW_STEP_SECONDS", 0.0)
    term = Terminal()
    with Progress(stream=term).stage("computing sections", total=2, unit="sections") as stage:
        with stage.step("axes"):
            assert "axes" in visible_lines(term.getvalue())[-1]
        with stage.step("distinctive terms"):
            pass
    done = visible_lines(term.getvalue())[-1]
    assert done.startswith("computing sections: 2 sections (")
    assert "axes" in done and "distinctive terms" in done


def test_a_failed_stage_leaves_no_done_line_and_no_bar():
    term = Terminal()
    with pytest.raises(ValueError):
        with Progress(stream=term).stage("writing page", unit="", start="r.html"):
            raise ValueError
    assert visible_lines(term.getvalue()) == []


def test_clear_ends_a_stage_a_consumer_gave_up_on():
    term = Terminal()
    items = iterate(range(10), title="checking", unit="records", progress=Progress(stream=term))
    for _ in items:
        break  # the loop's body failed: the error line comes next
    clear()
    print("framing import: error: x", file=term)
    del items  # the generator is closed only now: it must not claim success afterwards
    assert visible_lines(term.getvalue()) == ["framing import: error: x"]


def test_quiet_shows_nothing_but_still_times():
    log = io.StringIO()
    with Progress(enabled=False, stream=log).stage("analysing articles", total=3) as stage:
        stage.update(3)
    assert log.getvalue() == "" and stage.seconds >= 0 and stage.n == 3


def test_format_seconds():
    assert [format_seconds(s) for s in (0.04, 12.34, 59.96, 125, 7200)] == [
        "0.0 s",
        "12.3 s",
        "1 min 00 s",
        "2 min 05 s",
        "2 h 00 min",
    ]


def test_the_python_api_shows_the_same_stages(bundled_corpus):
    import framing

    log = io.StringIO()
    report = framing.build_report(bundled_corpus, progress=Progress(stream=log))
    report.to_html()
    done = [
        line.split(":")[0]
        for line in log.getvalue().splitlines()
        if not line.endswith(" ...") and "so far" not in line
    ]
    assert done == ["loading lexicons", "analysing articles", "comparing", "drawing sections"]
