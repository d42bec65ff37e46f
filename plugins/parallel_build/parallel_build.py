"""Read and render on every core: Pelican does both on one.

Two phases of a full build are split across processes started with ``fork`` (they inherit
the whole build state, so nothing but plain results crosses between them):

- **Reading.** On the articles generator's first read, the files it is about to read are
  prepared in ``processes`` processes with the reader's own ``prepare`` method (parsing,
  validation and Markdown: plain, picklable data; see plugins/validation). Pelican then reads
  the files in its usual order and the reader uses the prepared result, so every object,
  message and order stays what it was.
- **Rendering.** The writer runs every ``write_file``/``write_feed`` call as Pelican does
  (pagination, overwrite checks, pelican-sitemap's ``content_written`` notification) but only
  records what the template would render; once the articles and pages generators are done
  (:class:`RenderStep`, before ``finalized``, where the search index reads the output), the
  recorded pages and feeds are rendered and written by ``processes`` processes. The output is byte-identical to a serial build (tests).

Off in local preview (fast_build's writer then renders only what changed) and with relative
URLs (Pelican's writer changes a shared value while rendering those).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import pickle
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from typing import Any

from pelican import signals
from pelican.utils import sanitised_join
from pelican.writers import Writer

from arsip.progress import progress

log = logging.getLogger(__name__)

DEFAULTS: dict[str, Any] = {
    "enabled": True,
    "processes": 0,  # 0: one per core (os.cpu_count())
    # Below this many files or pages, one process does it (a fork costs more than it saves).
    "min_items": 2,
    # From this many files or pages on, each phase shows its progress on stderr.
    "progress_from": 1000,
}


@dataclass(frozen=True)
class Config:
    """The plugin's settings: ``PARALLEL_BUILD`` in pelicanconf.py over :data:`DEFAULTS`."""

    enabled: bool
    processes: int
    min_items: int
    progress_from: int


def config(settings: dict[str, Any]) -> Config:
    """Read ``PARALLEL_BUILD`` (the one place the plugin reads its settings)."""
    raw = {**DEFAULTS, **(settings.get("PARALLEL_BUILD") or {})}
    unknown = set(raw) - set(DEFAULTS)
    if unknown:
        raise ValueError(f"PARALLEL_BUILD: unknown key(s) {sorted(unknown)}")
    processes = int(raw["processes"]) or os.cpu_count() or 1
    if not hasattr(os, "fork"):  # Windows: one process, as Pelican does it
        processes = 1
    # Preview renders only what changed (plugins/fast_build); relative URLs make Pelican's
    # writer set a value in the shared context while rendering, which a recorded page would miss.
    enabled = bool(raw["enabled"]) and not settings.get("RELATIVE_URLS")
    enabled = enabled and not (settings.get("FAST_BUILD") or {}).get("preview")
    return Config(enabled, max(1, processes), int(raw["min_items"]), int(raw["progress_from"]))


def _bar(total: int, label: str, cfg: Config) -> Callable[[], AbstractContextManager[Any]] | None:
    """A progress bar on stderr (plain lines when not in a terminal), for big builds only."""
    if total < cfg.progress_from:
        return None
    return lambda: progress(total, label, stream=sys.stderr)


class ParallelBuildError(RuntimeError):
    """A worker process failed; its traceback is in the message."""


@dataclass
class Stats:
    """What the last build's workers did, for the benchmark (``LAST_RUN``)."""

    read_files: int = 0
    read_s: float = 0.0
    rendered: int = 0
    render_s: float = 0.0
    workers: int = 0
    #: Largest peak resident memory of a worker (MB; it counts pages shared with the parent).
    worker_peak_mb: float = 0.0
    worker_cpu_s: float = 0.0
    phases: list[str] = field(default_factory=list)


#: Figures of the last build in this process (read by arsip/bench/worker.py).
LAST_RUN = Stats()


def fork_map(
    func: Callable[[Any], Any],
    items: Sequence[Any],
    processes: int,
    chunk: int = 16,
    bar: Callable[[], AbstractContextManager[Any]] | None = None,
) -> list[Any]:
    """``[func(x) for x in items]`` computed by ``processes`` forked processes, in order.

    Each process takes the next ``chunk`` items from a shared counter until none are left, so
    a process that drew cheap pages takes more (a fixed split left one process idle for
    seconds). This process works too; each child sends its ``(index, result)`` pairs back
    through a temporary file. A child's exception is raised here with its traceback.
    ``bar`` makes a progress bar (``update(count)``), started once the children are (a bar's
    drawing thread must not be running at a fork: a child could inherit a held lock).
    """
    n = max(1, min(processes, len(items)))
    if n == 1:
        with bar() if bar else nullcontext(None) as shown:
            results = []
            for x in items:
                results.append(func(x))
                if shown:
                    shown.update(len(results))
        return results
    counter = multiprocessing.get_context("fork").Value("q", 0)

    def work(report: Callable[[int], None] | None = None) -> list[tuple[int, Any]]:
        results = []
        while True:
            with counter.get_lock():
                start = counter.value
                counter.value = start + chunk
            if start >= len(items):
                return results
            if report:
                report(min(start, len(items)))
            results.extend(
                (i, func(items[i])) for i in range(start, min(start + chunk, len(items)))
            )

    children: list[tuple[int, str]] = []
    for _ in range(1, n):
        fd, path = tempfile.mkstemp(prefix="parallel_build-", suffix=".pickle")
        pid = os.fork()
        if pid == 0:  # the child: its share, then leave without running any exit handler
            status = 0
            try:
                payload: Any = ("ok", work())
            except BaseException:
                payload, status = ("error", traceback.format_exc()), 1
            try:
                with os.fdopen(fd, "wb") as out:
                    pickle.dump(payload, out, protocol=pickle.HIGHEST_PROTOCOL)
            finally:
                os._exit(status)
        os.close(fd)
        children.append((pid, path))
    results: list[Any] = [None] * len(items)
    errors: list[str] = []
    try:
        with bar() if bar else nullcontext(None) as shown:
            for i, result in work(shown.update if shown else None):
                results[i] = result
            if shown:
                shown.update(len(items))
    finally:
        for pid, path in children:
            _, status, usage = os.wait4(pid, 0)
            LAST_RUN.workers += 1
            LAST_RUN.worker_peak_mb = max(LAST_RUN.worker_peak_mb, usage.ru_maxrss / 1024)
            LAST_RUN.worker_cpu_s += usage.ru_utime + usage.ru_stime
            try:
                with open(path, "rb") as f:
                    kind, value = pickle.load(f)
            except (OSError, EOFError, pickle.UnpicklingError) as exc:
                kind, value = "error", f"worker {pid} (exit status {status}) left no result: {exc}"
            finally:
                os.unlink(path)
            if kind == "ok":
                for i, result in value:
                    results[i] = result
            else:
                errors.append(value)
    if errors:
        raise ParallelBuildError("a worker process failed:\n" + "\n".join(errors))
    return results


# --------------------------------------------------------------------------- reading


def _prepare_all(generator: Any) -> None:
    """Prepare every file the articles generator will read, before it reads the first."""
    if getattr(generator, "_parallel_prepared", False):
        return
    generator._parallel_prepared = True
    cfg = config(generator.settings)
    if not cfg.enabled or generator.settings.get("LOAD_CONTENT_CACHE"):
        return
    files = sorted(
        generator.get_files(
            generator.settings["ARTICLE_PATHS"], exclude=generator.settings["ARTICLE_EXCLUDES"]
        )
    )
    by_reader: dict[int, tuple[Any, list[str]]] = {}
    for rel in files:
        ext = os.path.splitext(rel)[1][1:]
        reader = generator.readers.readers.get(ext)
        if reader is not None and hasattr(reader, "prepare") and hasattr(reader, "prepared"):
            paths = by_reader.setdefault(id(reader), (reader, []))[1]
            paths.append(os.path.abspath(os.path.join(generator.path, rel)))
    started = time.perf_counter()
    for reader, paths in by_reader.values():
        if len(paths) < cfg.min_items:
            continue
        prepared = fork_map(
            reader.prepare, paths, cfg.processes, bar=_bar(len(paths), "Membaca artikel", cfg)
        )
        reader.prepared.update(zip(paths, prepared, strict=True))
        LAST_RUN.read_files += len(paths)
    LAST_RUN.read_s = time.perf_counter() - started
    LAST_RUN.phases.append("read")


# --------------------------------------------------------------------------- rendering


class _Recorded:
    """Stands in for a Jinja template: remembers what it was asked to render."""

    def __init__(self, template: Any, jobs: list[tuple[Any, ...]], output_path: str):
        self._template, self._jobs, self._output_path = template, jobs, output_path

    def render(self, localcontext: dict[str, Any]) -> str:
        # Pelican's writer passes the page's file name as ``output_file`` and writes the
        # returned text there: an empty file now, the real page when the jobs run.
        path = sanitised_join(self._output_path, localcontext["output_file"])
        self._jobs.append(("page", path, self._template, localcontext))
        return ""


class ParallelWriter(Writer):
    """Pelican's writer that records pages and feeds, to be rendered by :func:`render_jobs`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.jobs: list[tuple[Any, ...]] = []
        self._replaying = False
        # Pelican makes the writer in ``run`` and keeps it to itself: ``finalized`` needs it.
        _writers[self.output_path] = self

    def write_file(self, name: Any, template: Any, context: Any, *args: Any, **kwargs: Any) -> Any:
        recorded = _Recorded(template, self.jobs, self.output_path)
        return super().write_file(name, recorded, context, *args, **kwargs)

    def write_feed(self, elements: Any, context: Any, path: Any = None, *args: Any, **kwargs: Any):
        if not path or self._replaying:
            return super().write_feed(elements, context, path, *args, **kwargs)
        # Claim the file now, so that Pelican's check against writing one file twice still
        # sees it in the order of the build; a worker writes the feed itself.
        override = kwargs.get("override_output", args[2] if len(args) > 2 else False)
        complete = sanitised_join(self.output_path, path)
        os.makedirs(os.path.dirname(complete), exist_ok=True)
        with self._open_w(complete, "utf-8", override) as claimed:
            skipped = claimed.name == os.devnull
        if not skipped:
            self.jobs.append(("feed", elements, context, path, args, kwargs))
        return None

    def _open_w(self, filename: str, encoding: str, override: bool = False) -> Any:
        if self._replaying:  # the file was claimed when the job was recorded
            return open(filename, "w", encoding=encoding)
        claimed = super()._open_w(filename, encoding, override)
        last = self.jobs[-1] if self.jobs else None
        if claimed.name == os.devnull and last and last[0] == "page" and last[1] == filename:
            # Pelican keeps the page written earlier with override_output: drop this one.
            self.jobs.pop()
        return claimed

    def run_job(self, job: tuple[Any, ...]) -> None:
        """Render and write one recorded page or feed."""
        if job[0] == "page":
            _, path, template, localcontext = job
            output = template.render(localcontext)
            with open(path, "w", encoding="utf-8") as f:
                f.write(output)
        else:
            _, elements, context, path, args, kwargs = job
            self._replaying = True
            try:
                Writer.write_feed(self, elements, context, path, *args, **kwargs)
            finally:
                self._replaying = False


# Writers of the builds in progress, by output path (two builds in one process must not mix).
_writers: dict[str, ParallelWriter] = {}


def _get_writer(pelican: Any) -> type[Writer] | None:
    return ParallelWriter if config(pelican.settings).enabled else None


def _reset_stats(pelican: Any) -> None:
    global LAST_RUN
    LAST_RUN = Stats()


def render_jobs(writer: ParallelWriter, processes: int, cfg: Config) -> int:
    """Render every recorded job in ``processes`` processes; return how many there were."""
    jobs, writer.jobs = writer.jobs, []
    started = time.perf_counter()
    fork_map(writer.run_job, jobs, processes, bar=_bar(len(jobs), "Menulis halaman", cfg))
    LAST_RUN.rendered = len(jobs)
    LAST_RUN.render_s = time.perf_counter() - started
    LAST_RUN.phases.append("render")
    return len(jobs)


def _render_recorded(settings: dict[str, Any], writer: ParallelWriter) -> None:
    cfg = config(settings)
    processes = cfg.processes if len(writer.jobs) >= cfg.min_items else 1
    count = render_jobs(writer, processes, cfg)
    log.info(
        "parallel_build: rendered %d pages and feeds in %d processes (%.1f s)",
        count,
        processes,
        LAST_RUN.render_s,
    )


class RenderStep:
    """Renders the recorded pages, as a generator that Pelican runs after the articles and
    pages generators (the only ones that write through the writer) and before ``finalized``.

    Not a ``finalized`` receiver: blinker calls receivers in no fixed order, and the search
    index (a ``finalized`` receiver) must find the pages written.
    """

    def __init__(self, *args: Any, settings: dict[str, Any], output_path: str, **kwargs: Any):
        self.settings, self.output_path = settings, output_path

    def generate_output(self, writer: Writer) -> None:
        """Render and write every page and feed recorded so far."""
        if isinstance(writer, ParallelWriter) and writer.jobs:
            _render_recorded(self.settings, writer)


def _get_generators(pelican: Any) -> type | None:
    return RenderStep if config(pelican.settings).enabled else None


def _finalized(pelican: Any) -> None:
    writer = _writers.pop(pelican.output_path, None)
    if writer is not None and writer.jobs:
        # Only a generator that writes after RenderStep leaves pages here: render them rather
        # than leave empty files (the search index may already have run: say so).
        log.warning(
            "parallel_build: %d pages were written after the render step; rendered now",
            len(writer.jobs),
        )
        _render_recorded(pelican.settings, writer)


def register() -> None:
    signals.initialized.connect(_reset_stats)
    signals.article_generator_preread.connect(_prepare_all)
    signals.get_writer.connect(_get_writer)
    signals.get_generators.connect(_get_generators)
    signals.finalized.connect(_finalized)
