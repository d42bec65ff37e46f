"""Read and render on every core: Pelican does both on one.

Two phases of a full build run in processes started with ``fork`` (they inherit the whole
build state, so only plain results come back):

- **Reading.** While Pelican reads the articles in this process, workers run the reader's
  ``prepare`` (parsing, validation, Markdown) on the files ahead of it; the reader's
  ``prepared`` mapping waits for a file Pelican reaches first (:class:`_ReadStream`).
- **Rendering.** The writer does what Pelican's does (pagination, overwrite checks,
  ``content_written``) but records each page instead of rendering it; after the articles
  and pages generators (:class:`RenderStep`) workers render and write them, and
  :data:`pages_written` is sent.

What would differ from one process is kept in this one: the workers' log records are handled
here in build order (:mod:`logs`), feeds are written here when a plugin listens to the feed
signals, and a site whose texts use ``{attach}`` (rendering moves the attached file) renders
here. Off in preview and with relative URLs (Pelican's writer then changes a shared value
while rendering).
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import multiprocessing
import os
import pickle
import re
import selectors
import signal
import struct
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from typing import Any, NoReturn

import blinker
from pelican import signals
from pelican.paginator import Paginator
from pelican.utils import get_relative_path, path_to_url, sanitised_join
from pelican.writers import FileOverwriteFailedError, Writer

from . import logs
from .config import Config, config

log = logging.getLogger(__name__)
# Pelican's writer logs its "Writing ..." lines here; the recording writer logs the same.
_writer_log = logging.getLogger("pelican.writers")

#: Sent once per build by :class:`RenderStep` (sender: the output path, a string) right after
#: every recorded page and feed is on disk, before the generators that come after it
#: (static files) and before ``finalized``. The search index (plugins/search_index) starts
#: Pagefind on it. Not sent when this plugin is off (preview, relative URLs).
pages_written = blinker.signal("arsip_pages_written")

#: Files a reading worker takes from the shared counter at a time (one result message each).
READ_CHUNK = 16
#: How much nicer than the build's process the reading workers are (``os.nice``). This
#: process reads what they prepare, one file after another: when it has to share a core with
#: a worker, the workers run ahead and this process finishes reading alone on one core.
READ_NICE = 5


def _bar(total: int, label: str, cfg: Config) -> Callable[[], AbstractContextManager[Any]] | None:
    """A progress bar on stderr (plain lines when not in a terminal), for big builds only."""
    if total < cfg.progress_from:
        return None
    try:
        from arsip.progress import progress
    except ImportError:  # a site without the project's package: no bar
        return None
    return lambda: progress(total, label, stream=sys.stderr)


class ParallelBuildError(BaseException):
    """A worker process failed; its traceback is in the message.

    A ``BaseException`` (as ``KeyboardInterrupt``): Pelican's reading loop logs and skips any
    ``Exception`` raised while reading a file (without its message unless DEBUG), and a
    worker's failure must stop the build with the worker's traceback instead.
    """


@dataclass
class Stats:
    """What the last build's workers did, for the benchmark (``LAST_RUN``)."""

    read_files: int = 0
    #: From the reading workers' start until Pelican took the last file they prepared.
    read_s: float = 0.0
    rendered: int = 0
    render_s: float = 0.0
    workers: int = 0
    #: Largest peak resident memory of a worker (MB; it counts pages shared with the parent).
    worker_peak_mb: float = 0.0
    worker_cpu_s: float = 0.0
    phases: list[str] = field(default_factory=list)


#: Figures of the last build in this process (read by tools/bench/worker.py).
LAST_RUN = Stats()


def _reaped(pid: int) -> int:
    """Wait for a worker to end and count its figures in :data:`LAST_RUN`; its exit status."""
    _, status, usage = os.wait4(pid, 0)
    LAST_RUN.workers += 1
    LAST_RUN.worker_peak_mb = max(LAST_RUN.worker_peak_mb, usage.ru_maxrss / 1024)
    LAST_RUN.worker_cpu_s += usage.ru_utime + usage.ru_stime
    return status


def _die_with(parent: int) -> None:
    """In a worker: end when the build's process ends. A killed build cannot stop its
    workers, which would go on writing into a folder the next build empties (Linux's
    ``PR_SET_PDEATHSIG``; elsewhere the reading workers' check between chunks remains)."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # 1: PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the build's process ended before the call
        os._exit(1)


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
        # Each item's log records go with its result (see logs.py).
        results = []
        with logs.capture() as kept:
            while True:
                with counter.get_lock():
                    start = counter.value
                    counter.value = start + chunk
                if start >= len(items):
                    return results
                if report:
                    report(min(start, len(items)))
                results.extend(
                    (i, logs.run_logged(func, items[i], kept))
                    for i in range(start, min(start + chunk, len(items)))
                )

    children: list[tuple[int, str]] = []
    for _ in range(1, n):
        fd, path = tempfile.mkstemp(prefix="pelican_speed-", suffix=".pickle")
        parent = os.getpid()
        pid = os.fork()
        if pid == 0:  # the child: its share, then leave without running any exit handler
            _die_with(parent)
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
    results: list[Any] = [(None, [])] * len(items)
    errors: list[str] = []
    try:
        with bar() if bar else nullcontext(None) as shown:
            for i, result in work(shown.update if shown else None):
                results[i] = result
            if shown:
                shown.update(len(items))
    finally:
        for pid, path in children:
            status = _reaped(pid)
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
    for _, records in results:
        logs.replay(records)
    if errors:
        raise ParallelBuildError("a worker process failed:\n" + "\n".join(errors))
    return [result for result, _ in results]


# --------------------------------------------------------------------------- reading

# A reading worker's message about one chunk of files: the index of its first file (-1: the
# payload is the worker's traceback), then the offset and length of the pickled results in
# the worker's data file. 24 bytes, one atomic pipe write. The results go through a file, not
# the pipe, so that a worker never waits for this process to read them (a pipe holds 64 KB).
_MESSAGE = struct.Struct("<qqq")


def _send(pipe: int, data: int, offset: int, start: int, payload: bytes) -> int:
    """Write ``payload`` to the data file at ``offset``, then say so; the next offset."""
    view = memoryview(payload)
    done = 0
    while done < len(payload):
        done += os.pwrite(data, view[done:], offset + done)
    os.write(pipe, _MESSAGE.pack(start, offset, len(payload)))
    return offset + len(payload)


def _prepare_chunks(
    items: Sequence[tuple[Any, str]], counter: Any, pipe: int, data: int, parent: int
) -> NoReturn:
    """A reading worker's life: prepare chunks of files until none are left, then exit."""
    status, offset = 0, 0
    try:
        if READ_NICE:
            os.nice(READ_NICE)
        while True:
            if os.getppid() != parent:  # the build's process is gone: nobody needs the rest
                status = 1
                break
            with counter.get_lock():
                start = counter.value
                counter.value = start + READ_CHUNK
            if start >= len(items):
                break
            with logs.capture() as kept:
                results = [
                    logs.run_logged(reader.prepare, path, kept)
                    for reader, path in items[start : start + READ_CHUNK]
                ]
            payload = pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL)
            offset = _send(pipe, data, offset, start, payload)
    except BaseException:
        status = 1
        with contextlib.suppress(BaseException):  # e.g. the pipe is broken: nobody to tell
            _send(pipe, data, offset, -1, traceback.format_exc().encode("utf-8"))
    finally:
        os._exit(status)  # no exit handler of the build's process may run here


@dataclass
class _ReadWorker:
    pid: int
    pipe: int | None  # the read end of its message pipe; None once the worker closed it
    data: int  # the (unlinked) temporary file it writes its results to
    buffer: bytearray = field(default_factory=bytearray)  # a message not read whole yet


class _Prepared(dict):  # type: ignore[type-arg]
    """A reader's ``prepared`` mapping while a :class:`_ReadStream` runs: ``pop`` of a file
    the workers prepare waits for its result (plugins/validation's ``read`` pops each file
    it reads). Anything else put in the mapping works as in a plain dict."""

    def __init__(self, stream: _ReadStream, original: dict[str, Any]):
        super().__init__(original)
        self.stream = stream

    def pop(self, key: str, *default: Any) -> Any:
        if not dict.__contains__(self, key) and key in self.stream.waiting:
            return self.stream.take(key)
        return super().pop(key, *default)


class _ReadStream:
    """Files prepared by worker processes, in the order Pelican reads them, handed to the
    readers on demand (see the module's docstring).

    Workers take :data:`READ_CHUNK` files at a time from a shared counter, write each chunk's
    results to a file of their own and tell this process through a pipe. :meth:`take` reads
    those messages only when Pelican asks for a file not received yet, so this process reads
    while the workers prepare. The stream ends (:meth:`close`: workers reaped, readers given a
    plain dict back) when every file was taken, when the articles generator has read
    everything (``article_generator_pretaxonomy``), on a worker's failure, or at the latest
    when the next build starts or this process exits (a build that raised while reading).
    """

    def __init__(
        self,
        items: list[tuple[Any, str]],
        processes: int,
        bar: Callable[[], AbstractContextManager[Any]] | None,
    ):
        self.items = items
        self.waiting = {path for _, path in items}  # not taken by a reader yet
        self.ready: dict[str, Any] = {}  # received, not taken yet
        self.workers: list[_ReadWorker] = []
        self.closed = False
        self.started = time.perf_counter()
        self.readers = list({id(reader): reader for reader, _ in items}.values())
        self.selector = selectors.DefaultSelector()
        self._exit = contextlib.ExitStack()
        _streams.append(self)
        counter = multiprocessing.get_context("fork").Value("q", 0)
        parent = os.getpid()
        try:
            for _ in range(processes):
                data, name = tempfile.mkstemp(prefix="pelican_speed-", suffix=".pickle")
                os.unlink(name)  # only the open descriptors keep it
                read_end, write_end = os.pipe()
                pid = os.fork()
                if pid == 0:
                    _die_with(parent)
                    # Only this process may hold the read ends: a worker must see a broken
                    # pipe when the build's process is gone.
                    for fd in [read_end] + [w.pipe for w in self.workers if w.pipe is not None]:
                        os.close(fd)
                    _prepare_chunks(items, counter, write_end, data, parent)
                os.close(write_end)
                self.workers.append(_ReadWorker(pid, read_end, data))
                self.selector.register(read_end, selectors.EVENT_READ, self.workers[-1])
            for reader in self.readers:
                reader.prepared = _Prepared(self, reader.prepared)
            if bar:  # after the forks: a bar's drawing thread must not run at a fork
                self.bar = self._exit.enter_context(bar())
            else:
                self.bar = None
        except BaseException:
            self.close(kill=True)
            raise

    def take(self, path: str) -> Any:
        """The prepared result of ``path`` (a file of this stream), waiting for it if needed."""
        while path not in self.ready:
            if not self.selector.get_map():
                self._fail(f"the workers ended without sending {path}")
            self._receive()
        self.waiting.discard(path)
        result, records = self.ready.pop(path)
        logs.replay(records)
        if self.bar is not None:
            self.bar.update(len(self.items) - len(self.waiting))
        if not self.waiting:
            self.close()
        return result

    def _receive(self) -> None:
        """Wait for messages from the workers and load the results they announce."""
        for key, _ in self.selector.select():
            worker: _ReadWorker = key.data
            assert worker.pipe is not None
            chunk = os.read(worker.pipe, 65536)
            if not chunk:  # the worker is done: every message it sent was read
                self.selector.unregister(worker.pipe)
                os.close(worker.pipe)
                worker.pipe = None
                continue
            worker.buffer += chunk
            while len(worker.buffer) >= _MESSAGE.size:
                start, offset, length = _MESSAGE.unpack_from(worker.buffer)
                del worker.buffer[: _MESSAGE.size]
                payload = os.pread(worker.data, length, offset)
                if start < 0:
                    self._fail(f"worker {worker.pid}:\n{payload.decode('utf-8', 'replace')}")
                for i, result in enumerate(pickle.loads(payload), start):
                    self.ready[self.items[i][1]] = result

    def _fail(self, message: str) -> NoReturn:
        self.close(kill=True)
        raise ParallelBuildError("a worker process failed: " + message)

    def close(self, kill: bool = False) -> None:
        """End the stream: stop (``kill``) and reap the workers, give the readers a plain
        ``prepared`` dict back, print the progress bar's last line. Safe to call again."""
        if self.closed:
            return
        self.closed = True
        _streams.remove(self)
        if kill:
            for worker in self.workers:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(worker.pid, signal.SIGKILL)
        try:
            for worker in self.workers:
                _reaped(worker.pid)
        finally:
            for worker in self.workers:
                if worker.pipe is not None:
                    os.close(worker.pipe)
                    worker.pipe = None
                os.close(worker.data)
            self.selector.close()
            for reader in self.readers:
                if isinstance(reader.prepared, _Prepared) and reader.prepared.stream is self:
                    reader.prepared = dict(reader.prepared)
            LAST_RUN.read_s = time.perf_counter() - self.started
            self._exit.close()


# Read streams not closed yet (normally one, during the articles generator's reading).
_streams: list[_ReadStream] = []


def _close_streams(*_: Any) -> None:
    """Stop the workers of any stream still running (a build that raised while reading)."""
    for stream in list(_streams):
        stream.close(kill=True)


atexit.register(_close_streams)


def _start_reading(generator: Any) -> None:
    """On the articles generator's first read: start the workers that prepare its files."""
    if getattr(generator, "_parallel_prepared", False):
        return
    generator._parallel_prepared = True
    cfg = config(generator.settings)
    if not cfg.parallel:
        return
    # Pelican's loop iterates over the set get_files returns; the same call builds the same
    # set in the same way, so its order is the order Pelican reads the files in.
    files = generator.get_files(
        generator.settings["ARTICLE_PATHS"], exclude=generator.settings["ARTICLE_EXCLUDES"]
    )
    found: list[tuple[Any, str]] = []
    count: dict[int, int] = {}
    for rel in files:
        reader = generator.readers.readers.get(os.path.splitext(rel)[1][1:])
        if reader is not None and hasattr(reader, "prepare") and hasattr(reader, "prepared"):
            path = os.path.abspath(os.path.join(generator.path, rel))
            if _in_content_cache(generator, path):
                continue  # Pelican takes it from its content cache: no reader will ask
            found.append((reader, path))
            count[id(reader)] = count.get(id(reader), 0) + 1
    items = [(reader, path) for reader, path in found if count[id(reader)] >= cfg.min_items]
    if not items:
        return
    processes = min(cfg.processes, -(-len(items) // READ_CHUNK))
    LAST_RUN.read_files = len(items)
    LAST_RUN.phases.append("read")
    generator._parallel_stream = _ReadStream(
        items, processes, _bar(len(items), "Membaca artikel", cfg)
    )


def _in_content_cache(generator: Any, path: str) -> bool:
    """True when Pelican's reader will take ``path`` from its content cache
    (``LOAD_CONTENT_CACHE``): the check of ``Readers.read_file``, made ahead (the stamp, e.g.
    the file's digest, is computed once more)."""
    readers = generator.readers
    if not generator.settings.get("LOAD_CONTENT_CACHE") or not getattr(readers, "_cache", None):
        return False
    return readers.get_cached_data(path, None) is not None


def _end_reading(generator: Any) -> None:
    """The articles generator has read every file: a file it did not ask for (its reading
    failed before the reader was called) will not be asked for any more."""
    stream = getattr(generator, "_parallel_stream", None)
    if stream is not None:
        stream.close(kill=True)


# --------------------------------------------------------------------------- rendering


class ParallelWriter(Writer):
    """Pelican's writer that records pages and feeds, to be rendered by :func:`render_jobs`.

    Recording touches no file: the workers create the directories and write the files.
    ``write_file`` and ``_claim`` repeat Pelican 4.12's ``Writer.write_file`` and the checks
    of its ``_open_w`` (pyproject.toml pins that version) because both end in creating a
    directory and a file; tests pin the result (the same bytes as Pelican's writer, the same
    ``content_written`` calls, the same overwrite rules and errors).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        #: Recorded jobs; ``None`` where a later write with ``override_output`` replaced one.
        self.jobs: list[tuple[Any, ...] | None] = []
        self._job_at: dict[str, int] = {}
        self._replaying = False
        # Pelican makes the writer in ``run`` and keeps it to itself: ``finalized`` needs it.
        _writers[self.output_path] = self

    def write_file(
        self,
        name: Any,
        template: Any,
        context: Any,
        relative_urls: bool = False,
        paginated: Any = None,
        template_name: Any = None,
        override_output: bool = False,
        url: Any = None,
        **kwargs: Any,
    ) -> None:
        """Pelican's ``write_file`` (pagination included), recording each page it would write."""
        if not name:
            return

        def get_localcontext(name: str, kwargs: dict[str, Any]) -> dict[str, Any]:
            localcontext = context.copy()
            localcontext["localsiteurl"] = localcontext.get("localsiteurl", None)
            if relative_urls:
                relative_url = path_to_url(get_relative_path(name))
                localcontext["SITEURL"] = relative_url
                localcontext["localsiteurl"] = relative_url
            localcontext["output_file"] = name
            localcontext.update(kwargs)
            return localcontext

        if paginated is None:
            paginated = {key: val for key, val in kwargs.items() if key in {"articles", "dates"}}
        if not (paginated and template_name in self.settings["PAGINATED_TEMPLATES"]):
            self._record(template, get_localcontext(name, kwargs), context, name, override_output)
            return
        per_page = (
            self.settings["PAGINATED_TEMPLATES"][template_name]
            or self.settings["DEFAULT_PAGINATION"]
        )
        paginators = {
            key: Paginator(name, url, val, self.settings, per_page)
            for key, val in paginated.items()
        }
        for page_num in range(next(iter(paginators.values())).num_pages):
            paginated_kwargs = kwargs.copy()
            for key, paginator in paginators.items():
                previous_page = paginator.page(page_num) if page_num > 0 else None
                page = paginator.page(page_num + 1)
                next_page = (
                    paginator.page(page_num + 2) if page_num + 1 < paginator.num_pages else None
                )
                paginated_kwargs.update(
                    {
                        f"{key}_paginator": paginator,
                        f"{key}_page": page,
                        f"{key}_previous_page": previous_page,
                        f"{key}_next_page": next_page,
                    }
                )
            localcontext = get_localcontext(page.save_as, paginated_kwargs)
            self._record(template, localcontext, context, page.save_as, override_output)

    def _record(
        self, template: Any, localcontext: dict[str, Any], context: Any, name: str, override: bool
    ) -> None:
        """What Pelican's inner ``_write_file`` does, with the rendering left to a job."""
        if localcontext["localsiteurl"]:
            context["localsiteurl"] = localcontext["localsiteurl"]
        path = sanitised_join(self.output_path, name)
        if self._claim(path, override) != os.devnull:
            self._add_job(path, ("page", path, template, localcontext))
        _writer_log.info('Writing "%s"', path)
        signals.content_written.send(path, context=localcontext)

    def _claim(self, filename: str, override: bool) -> str:
        """The checks of Pelican's ``_open_w``, without opening the file: the file name to
        write to, ``os.devnull`` when Pelican would skip the write. Raises
        ``FileOverwriteFailedError`` where Pelican does."""
        if filename in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{filename}" a second time (was previously overwritten)'
                )
            _writer_log.info('Skipping "%s", not overwriting', filename)
            filename = os.devnull
        elif filename in self._written_files:
            if override:
                _writer_log.info('Overwriting "%s"', filename)
            else:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{filename}" as Pelican has already '
                    "written to it previously (set `override=True` if intended)"
                )
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        return filename

    def _add_job(self, path: str, job: tuple[Any, ...]) -> None:
        earlier = self._job_at.get(path)
        if earlier is not None:
            # Pelican overwrites the file: only the last write may run (two workers could
            # otherwise write it in either order).
            self.jobs[earlier] = None
        self._job_at[path] = len(self.jobs)
        self.jobs.append(job)

    def write_feed(self, elements: Any, context: Any, path: Any = None, *args: Any, **kwargs: Any):
        # A plugin listening to the feed signals must hear them in this process: then the
        # feeds are written here, as Pelican writes them.
        listened = bool(signals.feed_generated.receivers or signals.feed_written.receivers)
        if not path or self._replaying or listened:
            return super().write_feed(elements, context, path, *args, **kwargs)
        # Claim the file now, so that Pelican's check against writing one file twice still
        # sees it in the order of the build; a worker writes the feed itself.
        override = kwargs.get("override_output", args[2] if len(args) > 2 else False)
        complete = sanitised_join(self.output_path, path)
        if self._claim(complete, override) != os.devnull:
            self._add_job(complete, ("feed", elements, context, path, args, kwargs))
        return None

    def _open_w(self, filename: str, encoding: str, override: bool = False) -> Any:
        if self._replaying:  # the file was claimed when the job was recorded
            return open(filename, "w", encoding=encoding)
        return super()._open_w(filename, encoding, override)

    def run_job(self, job: tuple[Any, ...]) -> None:
        """Render and write one recorded page or feed."""
        if job[0] == "page":
            _, path, template, localcontext = job
            output = template.render(localcontext)
            os.makedirs(os.path.dirname(path), exist_ok=True)
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
    return ParallelWriter if config(pelican.settings).parallel else None


def _reset_stats(pelican: Any) -> None:
    global LAST_RUN
    _close_streams()  # an earlier build in this process that raised while reading
    LAST_RUN = Stats()


def render_jobs(writer: ParallelWriter, processes: int, cfg: Config) -> int:
    """Render every recorded job in ``processes`` processes; return how many there were."""
    jobs = [job for job in writer.jobs if job is not None]
    writer.jobs, writer._job_at = [], {}
    started = time.perf_counter()
    fork_map(writer.run_job, jobs, processes, bar=_bar(len(jobs), "Menulis halaman", cfg))
    LAST_RUN.rendered = len(jobs)
    LAST_RUN.render_s = time.perf_counter() - started
    LAST_RUN.phases.append("render")
    return len(jobs)


#: Pelican's ``{attach}`` link (and its older ``|attach|`` form).
_ATTACH = re.compile(r"[{|]attach[|}]")


def moves_files(context: dict[str, Any]) -> bool:
    """True when some content links a file with ``{attach}``: rendering its text moves that
    file (Pelican's ``Static.attach_to``), and the static generator, in this process, must
    see the move. Such sites render in this process."""
    for value in context.values():
        if not isinstance(value, list):
            continue
        for item in value:
            for content in [item, *getattr(item, "translations", [])]:
                text = getattr(content, "_content", None)
                if isinstance(text, str) and _ATTACH.search(text):
                    return True
    return False


def _render_recorded(settings: dict[str, Any], writer: ParallelWriter, context: Any) -> None:
    cfg = config(settings)
    processes = cfg.processes if len(writer.jobs) >= cfg.min_items else 1
    if processes > 1 and moves_files(context):
        processes = 1
    count = render_jobs(writer, processes, cfg)
    log.info(
        "pelican_speed: rendered %d pages and feeds in %d processes (%.1f s)",
        count,
        processes,
        LAST_RUN.render_s,
    )


class RenderStep:
    """Renders the recorded pages, as a generator that Pelican runs after the articles and
    pages generators (the only ones that write through the writer) and before ``finalized``,
    then sends :data:`pages_written`.

    Not a ``finalized`` receiver: blinker calls receivers in no fixed order, and the search
    index (a ``finalized`` receiver) must find the pages written.
    """

    def __init__(
        self, *args: Any, context: Any, settings: dict[str, Any], output_path: str, **kwargs: Any
    ):
        self.context, self.settings, self.output_path = context, settings, output_path

    def generate_output(self, writer: Writer) -> None:
        """Render and write every page and feed recorded so far; say they are on disk."""
        if isinstance(writer, ParallelWriter) and writer.jobs:
            _render_recorded(self.settings, writer, self.context)
        pages_written.send(self.output_path)


def _get_generators(pelican: Any) -> type | None:
    return RenderStep if config(pelican.settings).parallel else None


def _finalized(pelican: Any) -> None:
    writer = _writers.pop(pelican.output_path, None)
    if writer is not None and writer.jobs:
        # Only a generator that writes after RenderStep leaves pages here: render them rather
        # than leave them unwritten (the search index may already have run: say so).
        log.warning(
            "pelican_speed: %d pages were written after the render step; rendered now",
            len(writer.jobs),
        )
        _render_recorded(pelican.settings, writer, {})


def connect() -> None:
    """Connect the reading and rendering receivers (each checks the build's settings)."""
    signals.initialized.connect(_reset_stats)
    signals.article_generator_preread.connect(_start_reading)
    signals.article_generator_pretaxonomy.connect(_end_reading)
    signals.get_writer.connect(_get_writer)
    signals.get_generators.connect(_get_generators)
    signals.finalized.connect(_finalized)
