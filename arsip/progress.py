"""Progress of a long run: a bar in a terminal, plain periodic lines in CI or a log.

Used by the benchmark (``invoke bench``) and meant for any loop over many articles (ingest of
a folder, a big build)::

    with progress(len(paths), "Menulis artikel") as bar:
        for path in paths:
            ...
            bar.advance()

In a terminal (the stream is a TTY) Rich draws a bar with the count, rate and time left. Else
one line is printed at most every ``every`` seconds and at the end, e.g.
``Menulis artikel: 2500/10000 (25%) 3.1 s``, so CI logs stay short and readable.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO


class Progress:
    """Counts steps of one task and shows them (see the module's docstring)."""

    def __init__(self, total: int, label: str, stream: IO[str], every: float, tty: bool):
        self.total = max(int(total), 0)
        self.label = label
        self.stream = stream
        self.every = every
        self.done = 0
        self.started = time.monotonic()
        self._last_line = self.started
        self._rich = None
        if tty:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )
            from rich.progress import Progress as RichProgress

            self._rich = RichProgress(
                "[progress.description]{task.description}",
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                TimeRemainingColumn(),
                console=Console(file=stream),
                transient=False,
            )
            self._task = self._rich.add_task(label, total=self.total or None)
            self._rich.start()

    def advance(self, steps: int = 1) -> None:
        """Count ``steps`` more steps done."""
        self.update(self.done + steps)

    def update(self, done: int) -> None:
        """Set the number of steps done."""
        self.done = done
        if self._rich is not None:
            self._rich.update(self._task, completed=done)
            return
        now = time.monotonic()
        if now - self._last_line >= self.every:
            self._last_line = now
            self._line()

    def _line(self) -> None:
        share = f" ({100 * self.done // self.total}%)" if self.total else ""
        elapsed = time.monotonic() - self.started
        print(
            f"{self.label}: {self.done}/{self.total}{share} {elapsed:.1f} s",
            file=self.stream,
            flush=True,
        )

    def close(self) -> None:
        """Stop the bar, or print the final line."""
        if self._rich is not None:
            self._rich.stop()
        else:
            self._line()


@contextmanager
def progress(
    total: int,
    label: str,
    stream: IO[str] | None = None,
    every: float = 5.0,
    tty: bool | None = None,
) -> Iterator[Progress]:
    """A :class:`Progress` for ``total`` steps; a bar only when ``stream`` is a terminal."""
    stream = stream or sys.stdout
    if tty is None:
        tty = bool(getattr(stream, "isatty", lambda: False)())
    bar = Progress(total, label, stream, every, tty)
    try:
        yield bar
    finally:
        bar.close()
