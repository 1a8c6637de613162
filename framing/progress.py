"""What a long command shows while it works: each stage when it starts, its progress, its time.

A command runs in stages (loading the corpus, analysing the articles, computing the sections,
writing the page). :meth:`Progress.stage` opens one; when it ends, one *done-line* stays on screen
with its final count and time, e.g. ``analysing articles: 5,999 articles in 81.2 s (74/s)``.

* On a terminal (stderr is a TTY) a running stage is a live tqdm bar, redrawn twice a second even
  when no item finishes (a section that computes for half a minute still shows its clock moving).
  The bar shows its ETA only once a few percent of the items are done: before that, the rate is
  the start's (workers still reading their first batch) and the ETA absurd ("12:51:42").
* Anywhere else (a pipe, a log file, CI, a notebook) there are no bars and no carriage returns:
  a start line once a stage has run for a second (quicker ones have their done-line only), one
  every :data:`HEARTBEAT_SECONDS` while it runs (environment variable
  ``FRAMING_PROGRESS_SECONDS`` to change it), and the done-line.

A stage that ends with an error clears its bar and prints no done-line, so the one-line error
that follows starts on a line of its own (:func:`clear` does this for bars still open when the
command line reports an error).
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import IO, Any

__all__ = [
    "Progress",
    "Stage",
    "as_progress",
    "iterate",
    "clear",
    "fork_guard",
    "format_seconds",
    "HEARTBEAT_SECONDS",
]

#: seconds between the lines a running stage writes to a log (a terminal's bar is redrawn instead)
HEARTBEAT_SECONDS: float = 30.0
#: a live bar shows its rate and ETA only after this share of its items and this many seconds
ETA_AFTER_SHARE: float = 0.03
ETA_AFTER_SECONDS: float = 3.0
#: how often a live bar is redrawn when nothing else redraws it
TICK_SECONDS: float = 0.5
#: in a log, a stage's start line waits this long: a stage done sooner has its done-line only,
#: and a command failing at once (a bad file) prints its error line alone
START_LINE_AFTER_SECONDS: float = 1.0
#: a step (e.g. one report section) slower than this is named in its stage's done-line
SLOW_STEP_SECONDS: float = 1.0

# Every write to the stream by the ticking thread happens under this lock, and a worker pool forks
# while holding it (:func:`fork_guard`): a child process never starts with a copy of the stream's
# buffer lock taken by a thread that does not exist in the child.
_OUTPUT_LOCK = threading.RLock()
# stages shown and not yet ended (normally at most one), for :func:`clear`
_OPEN: list[Stage] = []


def _heartbeat_seconds() -> float:
    try:
        return max(0.1, float(os.environ.get("FRAMING_PROGRESS_SECONDS", HEARTBEAT_SECONDS)))
    except ValueError:
        return HEARTBEAT_SECONDS


def _count(n: int, unit: str) -> str:
    """``1 article``, ``5,999 articles`` (units are given in the plural)."""
    return f"{n:,} {unit[:-1] if n == 1 and unit.endswith('s') else unit}"


def format_seconds(seconds: float) -> str:
    """``0.4 s``, ``12.3 s``, ``2 min 05 s``, ``1 h 02 min``.

    >>> format_seconds(0.04), format_seconds(81.2), format_seconds(3725)
    ('0.0 s', '1 min 21 s', '1 h 02 min')
    """
    if seconds < 59.95:  # (what rounds to 60.0 s reads as a minute)
        return f"{seconds:.1f} s"
    if seconds < 3600:
        minutes, rest = divmod(int(round(seconds)), 60)
        return f"{minutes} min {rest:02d} s"
    hours, rest = divmod(int(round(seconds)) // 60, 60)
    return f"{hours} h {rest:02d} min"


class Progress:
    """Where and how a run reports its stages.

    enabled : False shows nothing (``--quiet``); stages still measure their time.
    stream : where to write (default: ``sys.stderr`` as it is when a stage starts).
    live : bars (True) or plain lines (False); default: bars when the stream is a terminal.
    """

    def __init__(
        self, *, enabled: bool = True, stream: IO[str] | None = None, live: bool | None = None
    ):
        self.enabled = enabled
        self._stream = stream
        self._live = live
        self.started = time.monotonic()

    @property
    def stream(self) -> IO[str]:
        return self._stream if self._stream is not None else sys.stderr

    @property
    def live(self) -> bool:
        if self._live is not None:
            return self._live
        try:
            return bool(self.stream.isatty())
        except (AttributeError, ValueError):  # no isatty, or a closed stream
            return False

    @property
    def seconds(self) -> float:
        """Seconds since this object was made (the run's time, for a closing summary)."""
        return time.monotonic() - self.started

    def stage(
        self,
        title: str,
        *,
        total: int | None = None,
        unit: str = "articles",
        start: str | None = None,
    ) -> Stage:
        """A stage to use as a context manager. ``start`` is what the start line says after the
        title (default: the total, e.g. ``5,999 articles``)."""
        return Stage(self, title, total=total, unit=unit, start=start)

    def line(self, text: str = "") -> None:
        """Write one line (nothing when disabled)."""
        if self.enabled:
            with _OUTPUT_LOCK:
                print(text, file=self.stream, flush=True)


def as_progress(progress: bool | Progress | None) -> Progress:
    """A :class:`Progress` from the ``progress=`` argument of the public API (bool or object)."""
    if isinstance(progress, Progress):
        return progress
    return Progress(enabled=bool(progress))


class Stage:
    """One stage of a run; see the module doc. Use ``with``; call :meth:`update` per item,
    :meth:`step` for named sub-steps and :meth:`done` to say what the done-line reports."""

    def __init__(
        self, progress: Progress, title: str, *, total: int | None, unit: str, start: str | None
    ):
        self.progress = progress
        self.title = title
        self.total = total
        self.unit = unit
        self.start_text = start
        self.n = 0
        self.steps: list[tuple[str, float]] = []
        self.seconds = 0.0
        self._step: str | None = None
        self._detail: str | None = None
        self._started = 0.0
        self._bar: Any = None  # a tqdm bar while one is shown
        self._eta_shown = False
        self._stop = threading.Event()
        self._ticker: threading.Thread | None = None
        self._aborted = False  # closed by clear(): an error line has been printed since

    # lifecycle ---------------------------------------------------------------------------------
    def __enter__(self) -> Stage:
        self._started = time.monotonic()
        p = self.progress
        if p.enabled:
            _OPEN.append(self)
            if p.live:
                self._open_bar()
            self._ticker = threading.Thread(target=self._tick, name="framing-progress", daemon=True)
            self._ticker.start()
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        self.seconds = time.monotonic() - self._started
        self._stop.set()
        if self._ticker is not None:
            self._ticker.join()
        self._close_bar()
        if self in _OPEN:
            _OPEN.remove(self)
        # after an error or Ctrl-C the error line follows: no done-line claiming success (a
        # generator closed early by its consumer ends with GeneratorExit: that is success)
        if not self._aborted and (exc_type is None or exc_type is GeneratorExit):
            self.progress.line(self.done_line())

    def update(self, n: int = 1) -> None:
        self.n += n
        if self._bar is not None:
            with _OUTPUT_LOCK:
                self._show_eta_when_due()
                self._bar.update(n)

    @contextmanager
    def step(self, name: str):
        """A named sub-step counting as one item: shown while it runs, timed, and named in the
        done-line when it was slow."""
        self._step = name
        if self._bar is not None:
            with _OUTPUT_LOCK:
                self._bar.set_postfix_str(name, refresh=True)
        began = time.monotonic()
        yield
        self.steps.append((name, time.monotonic() - began))
        self._step = None
        self.update()

    def done(self, detail: str) -> None:
        """What the done-line says after the title (default: the count, e.g. ``5,999 articles``)."""
        self._detail = detail

    # text --------------------------------------------------------------------------------------
    def _count_text(self) -> str:
        if self.total is not None:
            return _count(self.total, self.unit)
        return ""

    def done_line(self) -> str:
        detail = (
            self._detail
            if self._detail is not None
            else _count(self.n, self.unit)
            if self.unit
            else ""
        )
        timing = format_seconds(self.seconds)
        if self.n and self.unit and not self.steps and self.seconds >= 1:
            timing += f", {self.n / self.seconds:,.0f} {self.unit}/s"
        slow = sorted((s for s in self.steps if s[1] >= SLOW_STEP_SECONDS), key=lambda s: -s[1])
        if slow and len(self.steps) > 1:
            timing += "; " + ", ".join(f"{name} {format_seconds(sec)}" for name, sec in slow[:3])
        return f"{self.title}: {detail} ({timing})" if detail else f"{self.title} ({timing})"

    def _heartbeat_line(self) -> str:
        parts = [
            f"{self.n:,} of {_count(self.total, self.unit)}"
            if self.total is not None
            else _count(self.n, self.unit)
        ]
        if self.total:
            parts[0] += f" ({self.n / self.total:.0%})"
        if self._step:
            parts.append(self._step)
        parts.append(f"{format_seconds(time.monotonic() - self._started)} so far")
        return f"{self.title}: " + ", ".join(parts)

    # the live bar ------------------------------------------------------------------------------
    def _formats(self) -> tuple[str, str]:
        """The bar's format before and after its rate and ETA are worth showing."""
        if self.total is None and not self.unit:  # nothing counted: what it works on, its clock
            return ("{desc} [{elapsed}]",) * 2
        if self.total is None:
            head = "{desc}: {n_fmt}" + (f" {self.unit}" if self.unit else "")
            return head + " [{elapsed}{postfix}]", head + " [{elapsed}, {rate_fmt}{postfix}]"
        head = "{desc}: {percentage:3.0f}%|{bar}| {n_fmt}/{total_fmt}"
        return (
            head + " [{elapsed}{postfix}]",
            head + " [{elapsed}<{remaining}, {rate_fmt}{postfix}]",
        )

    def _open_bar(self) -> None:
        from tqdm import tqdm

        class _Bar(tqdm):
            # tqdm's own monitor thread would write to the terminal too, outside _OUTPUT_LOCK
            monitor_interval = 0

        early, _ = self._formats()
        desc = self.title
        if self.total is None and not self.unit and self.start_text:
            desc += f": {self.start_text}"
        with _OUTPUT_LOCK:
            # smoothing=0: the rate is the average since the start, not the last burst (results
            # from worker processes arrive in batches)
            self._bar = _Bar(
                total=self.total,
                desc=desc,
                unit=f" {self.unit}",
                file=self.progress.stream,
                leave=False,
                dynamic_ncols=True,
                smoothing=0,
                mininterval=0.2,
                bar_format=early,
            )

    def _show_eta_when_due(self) -> None:
        # named steps (report sections) differ too much in length for a rate to predict anything
        if self._eta_shown or self._bar is None or self.steps or self._step:
            return
        elapsed = time.monotonic() - self._started
        enough = self.n >= (self.total or 0) * ETA_AFTER_SHARE and self.n > 0
        if enough and elapsed >= ETA_AFTER_SECONDS:
            self._bar.bar_format = self._formats()[1]
            self._eta_shown = True

    def _close_bar(self) -> None:
        if self._bar is None:
            return
        with _OUTPUT_LOCK:
            self._bar.close()  # leave=False: the line is cleared, the done-line replaces it
        self._bar = None

    def _tick(self) -> None:
        if self._bar is None:  # a log: the start line once the stage proves slow, then heartbeats
            if self._stop.wait(START_LINE_AFTER_SECONDS):
                return
            with _OUTPUT_LOCK:
                if self._stop.is_set():
                    return
                start = self.start_text if self.start_text is not None else self._count_text()
                self.progress.line(f"{self.title}: {start} ..." if start else f"{self.title} ...")
        interval = TICK_SECONDS if self._bar is not None else _heartbeat_seconds()
        while not self._stop.wait(interval):
            with _OUTPUT_LOCK:
                if self._stop.is_set():
                    return
                if self._bar is not None:
                    self._show_eta_when_due()
                    self._bar.refresh()
                else:
                    self.progress.line(self._heartbeat_line())


def iterate(
    iterable: Iterable,
    *,
    title: str,
    total: int | None = None,
    unit: str = "articles",
    enabled: bool = True,
    progress: Progress | None = None,
) -> Iterable:
    """``iterable`` shown as a stage (one item per element); itself when not ``enabled``."""
    if not enabled:
        return iterable
    return _iterate(iterable, (progress or Progress()).stage(title, total=total, unit=unit))


def _iterate(iterable: Iterable, stage: Stage) -> Iterator:
    with stage:
        for item in iterable:
            yield item
            stage.update()


def clear() -> None:
    """End every stage still shown, without a done-line, clearing its bar (before an error line
    is printed)."""
    for stage in list(_OPEN):
        stage._aborted = True
        stage._stop.set()
        if stage._ticker is not None:
            stage._ticker.join()
        stage._close_bar()


@contextmanager
def fork_guard():
    """Hold the output lock while processes are forked (see ``_OUTPUT_LOCK``)."""
    with _OUTPUT_LOCK:
        yield
