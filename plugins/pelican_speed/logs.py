"""Log records of forked workers, handled by the build's process in the build's order.

A worker inherits the build's loggers and handlers, but what it logs would reach them only in
the worker: a handler that collects records in memory (a test's, a plugin's) never sees them,
Pelican's "at most N of this kind" filter counts in each process apart, and lines come in
any order. So a worker keeps every record its loggers would handle, before any filter, and
the build's process hands them to the same loggers, item by item in the order a serial build
would have logged them.
"""

from __future__ import annotations

import contextlib
import logging
import pickle
from collections.abc import Iterator
from typing import Any

Record = tuple[str, logging.LogRecord]


class Capture:
    """Records logged since the last :meth:`take`, while :func:`capture` is active."""

    def __init__(self) -> None:
        self.records: list[Record] = []

    def take(self) -> list[Record]:
        taken, self.records = self.records, []
        return taken


def _portable(record: logging.LogRecord) -> logging.LogRecord:
    """The record with its message formatted and its traceback as text, so that it pickles."""
    record.msg = record.getMessage()
    record.args = ()
    if record.exc_info:
        record.exc_text = logging.Formatter().formatException(record.exc_info)
        record.exc_info = None
    try:
        pickle.dumps(record)
    except Exception:  # an extra attribute that does not pickle: keep its text
        for key, value in list(vars(record).items()):
            try:
                pickle.dumps(value)
            except Exception:
                setattr(record, key, repr(value))
    return record


@contextlib.contextmanager
def capture() -> Iterator[Capture]:
    """Keep, instead of handling, every record a logger of this process would handle."""
    kept = Capture()
    original = logging.Logger.handle

    def handle(logger: logging.Logger, record: logging.LogRecord) -> None:
        if not logger.disabled:
            kept.records.append((logger.name, _portable(record)))

    logging.Logger.handle = handle  # type: ignore[method-assign]
    try:
        yield kept
    finally:
        logging.Logger.handle = original  # type: ignore[method-assign]


def replay(records: list[Record]) -> None:
    """Handle ``records`` with this process's loggers, filters and handlers."""
    for name, record in records:
        logger = logging.getLogger(name) if name != "root" else logging.getLogger()
        with contextlib.suppress(Exception):  # Pelican's logger raises when it filters one out
            logger.handle(record)


def run_logged(func: Any, item: Any, kept: Capture) -> tuple[Any, list[Record]]:
    """``func(item)`` and the records it logged."""
    kept.take()
    result = func(item)
    return result, kept.take()
