"""A progress bar for long runs (reading many feeds, checking 100,000 posts), on stderr.

It shows only when stderr is a terminal and the work has already taken a couple of seconds: a
quick run prints nothing, a piped or cron run prints nothing, and JSON mode asks for none. It is
transient: once the work is done the bar is erased, so the output reads as if it was never there.
"""
from __future__ import annotations

import sys
import threading
import time

DELAY = 2.0  # seconds before a bar appears


class ProgressBar:
    """`with ProgressBar("Checking posts", total, wanted) as bar: ... bar.advance(n)`"""

    def __init__(self, label: str, total: int | None, wanted: bool = True, delay: float = DELAY, stream=None):
        self.label, self.total, self.delay = label, total, delay
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = wanted and _is_terminal(self.stream)
        self.done = 0
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None
        self._bar = None
        self._task = None
        self.started = time.monotonic()

    def __enter__(self) -> "ProgressBar":
        if self.enabled:
            self._timer = threading.Timer(self.delay, self._show)
            self._timer.daemon = True
            self._timer.start()
        return self

    def advance(self, count: int = 1) -> None:
        with self._lock:
            self.done += count
            if self._bar is not None:
                self._bar.update(self._task, completed=self.done)

    @property
    def shown(self) -> bool:
        return self._bar is not None

    def _show(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        with self._lock:
            if self._timer is None:  # finished meanwhile
                return
            bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                           TimeElapsedColumn(), console=Console(file=self.stream), transient=True)
            self._task = bar.add_task(self.label, total=self.total, completed=self.done)
            bar.start()
            self._bar = bar

    def __exit__(self, *exc) -> None:
        with self._lock:
            timer, self._timer = self._timer, None
            bar, self._bar = self._bar, None
        if timer is not None:
            timer.cancel()
        if bar is not None:
            bar.stop()


def _is_terminal(stream) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # a closed stream
        return False
