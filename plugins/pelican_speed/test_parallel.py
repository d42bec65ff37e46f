"""pelican_speed.parallel in real (tiny) builds: the same bytes as one process, errors still loud."""

from __future__ import annotations

import filecmp
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import pelican_speed.parallel as pb
from arsip.testing import using_data
from tools.bench.generate import generate
from tools.build import ROOT, STAGING, BuildFailed, build

SEARCH_OFF = {"enabled": False}


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("parallel") / "content"
    generate(folder, 60, seed=3)
    shutil.copytree(ROOT / "content" / "pages", folder / "pages")
    with using_data(folder.parent / "data"):  # the generated archive's own registries
        yield folder


def _build(content: Path, out: Path, **parallel: object) -> Path:
    return build(content=content, output=out, PELICAN_SPEED=parallel, SEARCH_INDEX=SEARCH_OFF)


def _watch_streams(monkeypatch: pytest.MonkeyPatch) -> list[pb._ReadStream]:
    """The read streams the next builds start, to look at their workers afterwards."""
    streams: list[pb._ReadStream] = []
    start = pb._ReadStream.__init__

    def init(self: pb._ReadStream, *args: object, **kwargs: object) -> None:
        streams.append(self)
        start(self, *args, **kwargs)

    monkeypatch.setattr(pb._ReadStream, "__init__", init)
    return streams


def _alive(stream: pb._ReadStream) -> list[int]:
    """The stream's workers that still exist (running, or a zombie nobody reaped)."""
    return [w.pid for w in stream.workers if os.path.exists(f"/proc/{w.pid}")]


def _written(content: Path, out: Path, **parallel: object) -> list[tuple[str, list[str], str]]:
    """Build; every ``content_written`` call (path relative to ``out``, context keys, file)."""
    from pelican import signals

    calls: list[tuple[str, list[str], str]] = []

    def note(path: str, context: dict[str, object]) -> None:
        rel = os.path.relpath(path, out)
        calls.append((rel, sorted(context), str(context["output_file"])))

    signals.content_written.connect(note)
    try:
        _build(content, out, **parallel)
    finally:
        signals.content_written.disconnect(note)
    return calls


def test_two_processes_write_the_same_bytes_as_one(content: Path, tmp_path: Path) -> None:
    serial_written = _written(content, tmp_path / "serial", enabled=False)
    serial = tmp_path / "serial"
    assert pb.LAST_RUN.phases == []
    parallel_written = _written(content, tmp_path / "parallel", processes=2, min_items=1)
    parallel = tmp_path / "parallel"
    # pelican-sitemap and the preview hear of every page, in the same order, with the same
    # context, although the pages are written later by the workers.
    assert parallel_written == serial_written
    assert len(serial_written) > 60
    # Both phases ran: two reading workers (this process reads meanwhile), then one render
    # worker (this process renders too).
    assert pb.LAST_RUN.phases == ["read", "render"]
    assert pb.LAST_RUN.read_files == 60
    assert pb.LAST_RUN.workers == 3
    assert pb.LAST_RUN.rendered > 60  # article pages, lists and feeds
    one, two = _tree(serial), _tree(parallel)
    assert one.keys() == two.keys()
    different = [name for name in one if one[name] != two[name]]
    assert different == []
    # No page was left as the empty stand-in written while recording.
    assert all(two[name] for name in two if name.endswith(".html"))
    assert filecmp.cmp(serial / "sitemap.xml", parallel / "sitemap.xml", shallow=False)


def test_invalid_article_still_stops_the_build(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "content"
    shutil.copytree(content, broken)
    victim = sorted(broken.glob("articles/*/*.md"))[5]
    victim.write_text(
        victim.read_text(encoding="utf-8").replace("region: ", "region: Kota Atlantis #", 1),
        encoding="utf-8",
    )
    streams = _watch_streams(monkeypatch)
    with pytest.raises(BuildFailed):
        _build(broken, tmp_path / "out", processes=2, min_items=1)
    assert pb.LAST_RUN.phases == ["read"]  # stopped before anything was rendered
    # Both reading workers were reaped: no zombie, no orphan.
    assert [len(s.workers) for s in streams] == [2]
    assert [pid for s in streams for pid in _alive(s)] == []


def test_fork_map_keeps_order_and_spreads_work() -> None:
    items = list(range(200))
    assert pb.fork_map(lambda x: (x * x, os.getpid()), items, 2, chunk=3)[5][0] == 25

    def slow(x: int) -> int:
        time.sleep(0.005)  # long enough that neither process can take every item alone
        return os.getpid()

    pids = set(pb.fork_map(slow, items[:100], 2, chunk=1))
    assert len(pids) == 2 and os.getpid() in pids  # a child and this process both work
    assert [r for r, _ in pb.fork_map(lambda x: (x, 0), items, 2)] == items


def test_fork_map_raises_a_worker_error_with_its_traceback() -> None:
    parent = os.getpid()

    def fails_in_child(x: int) -> int:
        if os.getpid() != parent:
            raise ValueError(f"item {x} broke")
        time.sleep(0.01)  # leave the child time to start and take an item
        return x

    with pytest.raises(pb.ParallelBuildError, match=r"ValueError: item \d+ broke"):
        pb.fork_map(fails_in_child, list(range(200)), 2, chunk=1)


def test_off_in_preview_and_with_relative_urls() -> None:
    assert pb.config({"PELICAN_SPEED": {"processes": 2}}).parallel
    assert not pb.config({"PELICAN_SPEED": {"processes": 2, "preview": True}}).parallel
    assert not pb.config({"PELICAN_SPEED": {"processes": 2}, "RELATIVE_URLS": True}).parallel
    assert not pb.config({"PELICAN_SPEED": {"processes": 2, "enabled": False}}).parallel
    assert pb.config({"PELICAN_SPEED": {"processes": 0}}).processes == (os.cpu_count() or 1)
    with pytest.raises(ValueError, match="unknown key"):
        pb.config({"PELICAN_SPEED": {"procs": 2}})


def test_big_builds_show_progress_in_plain_lines(
    content: Path, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    _build(content, tmp_path / "out", processes=2, min_items=1, progress_from=10)
    err = capfd.readouterr().err
    # Not a terminal (as in CI): one plain line per phase at the end, none drawn by Rich.
    assert "Membaca artikel: 60/60 (100%)" in err
    rendered = pb.LAST_RUN.rendered
    assert f"Menulis halaman: {rendered}/{rendered} (100%)" in err
    _build(content, tmp_path / "quiet", processes=2, min_items=1)  # below progress_from
    assert "Membaca artikel" not in capfd.readouterr().err


def test_pages_are_written_before_finalized(content: Path, tmp_path: Path) -> None:
    """The search index reads the pages on ``finalized``: none may be empty by then."""
    from pelican import signals

    empty: list[str] = []

    def look(pelican: object) -> None:
        out = Path(pelican.output_path)  # type: ignore[attr-defined]
        empty.extend(str(p) for p in out.rglob("*.html") if p.stat().st_size == 0)
        empty.append("looked")

    signals.finalized.connect(look)
    try:
        _build(content, tmp_path / "out", processes=2, min_items=1)
    finally:
        signals.finalized.disconnect(look)
    assert empty == ["looked"]


def test_a_page_written_with_override_output_is_kept_as_pelican_keeps_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pelican skips later writes to a file written with ``override_output``: so do the jobs."""
    from jinja2 import Template
    from pelican import signals
    from pelican.settings import DEFAULT_CONFIG
    from pelican.writers import Writer

    # Feeds become jobs only when no plugin listens to the feed signals; a build earlier in
    # this process may have connected one (plugins/feed_summaries): none here.
    for signal in (signals.feed_generated, signals.feed_written):
        monkeypatch.setattr(signal, "receivers", {})

    def write(writer: Writer) -> None:
        writer.write_file("a.html", Template("first"), {}, override_output=True)
        writer.write_file("a.html", Template("second"), {})
        writer.write_feed(
            [], {"SITENAME": "x", "SITEURL": "", "FEED_DOMAIN": ""}, "f.xml", override_output=True
        )
        writer.write_feed([], {"SITENAME": "y", "SITEURL": "", "FEED_DOMAIN": ""}, "f.xml")

    settings = {**DEFAULT_CONFIG, "FEED_DOMAIN": ""}
    serial = Writer(str(tmp_path / "serial"), settings)
    write(serial)
    parallel = pb.ParallelWriter(str(tmp_path / "parallel"), settings)
    write(parallel)
    assert (
        pb.render_jobs(parallel, 2, pb.config({"PELICAN_SPEED": {"processes": 2}})) == 2
    )  # the two skipped writes dropped
    for name in ("a.html", "f.xml"):
        # (An empty feed is dated by the clock: compare its title, not its bytes.)
        kept = (tmp_path / "serial" / name).read_text(encoding="utf-8")
        got = (tmp_path / "parallel" / name).read_text(encoding="utf-8")
        assert got.split("<updated>")[0] == kept.split("<updated>")[0]
    assert "<title>x</title>" in (tmp_path / "parallel" / "f.xml").read_text(encoding="utf-8")
    assert (tmp_path / "parallel" / "a.html").read_text(encoding="utf-8") == "first"


def _slow_prepare(monkeypatch: pytest.MonkeyPatch, log: Path, delay: float) -> None:
    """Make preparing a file take ``delay`` s more and note when each one is done, by path."""
    from validation.validation import ArchiveReader

    prepare = ArchiveReader.prepare

    def slow(self: ArchiveReader, path: str) -> object:
        time.sleep(delay)
        result = prepare(self, path)
        with open(log, "a", encoding="utf-8") as f:  # appends from every worker
            f.write(f"{time.monotonic()} {os.getpid()} {os.nice(0)} {path}\n")
        return result

    monkeypatch.setattr(ArchiveReader, "prepare", slow)


def test_pelican_reads_while_the_workers_prepare_in_its_order(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from validation.validation import ArchiveReader

    prepared = tmp_path / "prepared.log"
    _slow_prepare(monkeypatch, prepared, 0.01)
    reads: list[tuple[float, str]] = []
    read = ArchiveReader.read

    def noted(self: ArchiveReader, path: str) -> object:
        result = read(self, path)
        reads.append((time.monotonic(), os.path.abspath(path)))
        return result

    monkeypatch.setattr(ArchiveReader, "read", noted)
    streams = _watch_streams(monkeypatch)
    _build(content, tmp_path / "out", processes=2, min_items=1)
    lines = [line.split(" ", 3) for line in prepared.read_text().splitlines()]
    done = {p: float(t) for t, pid, nice, p in lines if "/articles/" in p}
    # Every article was prepared by a worker (the page is prepared here, when read), one
    # nicer than this process: this process, which reads, must not wait for a core.
    workers = {(int(pid), int(nice)) for t, pid, nice, p in lines if p in done}
    assert {pid for pid, _ in workers} == {w.pid for w in streams[0].workers}
    assert {nice for _, nice in workers} == {min(19, os.nice(0) + pb.READ_NICE)}
    articles = [(t, p) for t, p in reads if p in done]
    assert len(articles) == len(done) == 60
    # Pelican read the first article long before the workers were done with the last one...
    assert articles[0][0] < max(done.values()) - 0.05
    # ...and never used a file before it was prepared.
    assert all(t >= done[p] for t, p in articles)
    # The workers took the files in the order Pelican reads them.
    assert [p for _, p in articles] == [p for _, p in streams[0].items]
    assert _alive(streams[0]) == []


def test_a_worker_failure_stops_the_build_with_its_traceback(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from validation.validation import ArchiveReader

    parent = os.getpid()
    prepare = ArchiveReader.prepare
    victim = sorted(content.glob("articles/*/*.md"))[-7]

    def breaks(self: ArchiveReader, path: str) -> object:
        if os.getpid() != parent and path == str(victim.resolve()):
            raise ValueError(f"cannot prepare {os.path.basename(path)}")
        return prepare(self, path)

    monkeypatch.setattr(ArchiveReader, "prepare", breaks)
    streams = _watch_streams(monkeypatch)
    with pytest.raises(pb.ParallelBuildError, match=rf"ValueError: cannot prepare {victim.name}"):
        _build(content, tmp_path / "out", processes=2, min_items=1)
    assert _alive(streams[0]) == []
    assert not any((tmp_path / "out").rglob("*.html"))  # nothing rendered


def test_workers_of_a_build_that_raised_while_reading_are_stopped(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build that raises past Pelican's reading loop leaves its workers to the next build."""
    from pelican import signals

    class Interrupted(BaseException):
        pass

    def interrupt(generator: object, metadata: dict[str, object]) -> None:
        raise Interrupted

    _slow_prepare(monkeypatch, tmp_path / "prepared.log", 0.02)
    streams = _watch_streams(monkeypatch)
    signals.article_generator_context.connect(interrupt)
    try:
        with pytest.raises(Interrupted):
            _build(content, tmp_path / "out", processes=2, min_items=1)
    finally:
        signals.article_generator_context.disconnect(interrupt)
    assert not streams[0].closed and _alive(streams[0])  # still preparing
    monkeypatch.undo()
    _build(content, tmp_path / "again", processes=2, min_items=1)
    assert streams[0].closed and _alive(streams[0]) == []
    assert pb.LAST_RUN.phases == ["read", "render"]


def test_pages_written_is_sent_once_when_the_pages_are_on_disk(
    content: Path, tmp_path: Path
) -> None:
    from pelican import signals

    def pages_and_feeds(out: Path) -> dict[str, int]:
        found = [*out.rglob("*.html"), *(out / "feeds").rglob("*.xml")]
        return {str(p.relative_to(out)): p.stat().st_size for p in found}

    seen: list[object] = []

    def written(sender: object) -> None:
        seen.append((sender, pages_and_feeds(Path(str(sender)))))

    def finalized(pelican: object) -> None:
        seen.append("finalized")

    pb.pages_written.connect(written)
    signals.finalized.connect(finalized)
    try:
        out = _build(content, tmp_path / "out", processes=2, min_items=1)
    finally:
        pb.pages_written.disconnect(written)
        signals.finalized.disconnect(finalized)
    final = pages_and_feeds(out)
    assert len(final) > 60 and any(name.startswith("feeds/") for name in final)
    # Once, before finalized, with every page and feed already whole (in the folder the
    # site is built in, tools.build's STAGING inside the output folder).
    assert seen == [(str(out / STAGING), final), "finalized"]
    assert all(final.values())


def test_recording_touches_no_file_and_keeps_pelicans_overwrite_rules(tmp_path: Path) -> None:
    """Every order of two writes to one file (with and without ``override_output``): the
    same error or the same file as Pelican's writer, and nothing on disk before the jobs run.
    (The recording writer repeats Pelican's checks rather than calling ``_open_w``, which
    creates the file: this pins them.)"""
    from jinja2 import Template
    from pelican.settings import DEFAULT_CONFIG
    from pelican.writers import FileOverwriteFailedError, Writer

    settings = {**DEFAULT_CONFIG, "FEED_DOMAIN": ""}
    feed_context = {"SITENAME": "x", "SITEURL": "", "FEED_DOMAIN": ""}
    outcomes: dict[tuple[bool, bool], dict[str, str]] = {}
    for first, second in [(False, False), (True, True), (True, False), (False, True)]:
        outcome = outcomes[first, second] = {}
        for kind, make in (("serial", Writer), ("parallel", pb.ParallelWriter)):
            out = tmp_path / f"{first}-{second}" / kind
            writer = make(str(out), settings)
            try:
                writer.write_file("d/a.html", Template("one"), {}, override_output=first)
                writer.write_file("d/a.html", Template("two"), {}, override_output=second)
            except FileOverwriteFailedError as exc:
                outcome[kind] = str(exc).replace(kind, "KIND")
            else:
                if isinstance(writer, pb.ParallelWriter):
                    assert not out.exists()  # recorded only
                    pb.render_jobs(writer, 2, pb.config({"PELICAN_SPEED": {"processes": 2}}))
                outcome[kind] = (out / "d" / "a.html").read_text(encoding="utf-8")
            try:  # a feed over the page: skipped or refused, as Pelican does it
                writer.write_feed([], feed_context, "d/a.html")
                outcome[kind + " feed"] = "no error"
            except FileOverwriteFailedError as exc:
                outcome[kind + " feed"] = str(exc).replace(kind, "KIND")
        assert outcome["parallel"] == outcome["serial"], (first, second)
        assert outcome["parallel feed"] == outcome["serial feed"], (first, second)
    # What Pelican does, for the record: refused, kept, overwritten once.
    assert "already written" in outcomes[False, False]["serial"]
    assert "already written" in outcomes[False, False]["serial feed"]
    assert "a second time" in outcomes[True, True]["serial"]
    assert outcomes[True, False]["serial"] == "one"
    assert outcomes[False, True]["serial"] == "two"
