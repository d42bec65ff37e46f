"""parallel_build in real (tiny) builds: the same bytes as one process, errors still loud."""

from __future__ import annotations

import filecmp
import os
import shutil
import time
from pathlib import Path

import pytest

import parallel_build.parallel_build as pb
from arsip.bench.generate import generate
from arsip.build import ROOT, BuildFailed, build

SEARCH_OFF = {"enabled": False}


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("parallel") / "content"
    generate(folder, 60, seed=3)
    shutil.copytree(ROOT / "content" / "pages", folder / "pages")
    return folder


def _build(content: Path, out: Path, **parallel: object) -> Path:
    return build(content=content, output=out, PARALLEL_BUILD=parallel, SEARCH_INDEX=SEARCH_OFF)


def test_two_processes_write_the_same_bytes_as_one(content: Path, tmp_path: Path) -> None:
    serial = _build(content, tmp_path / "serial", enabled=False)
    assert pb.LAST_RUN.phases == []
    parallel = _build(content, tmp_path / "parallel", processes=2, min_items=1)
    # Both phases ran, with a worker process each time.
    assert pb.LAST_RUN.phases == ["read", "render"]
    assert pb.LAST_RUN.read_files == 60
    assert pb.LAST_RUN.workers == 2
    assert pb.LAST_RUN.rendered > 60  # article pages, lists and feeds
    one, two = _tree(serial), _tree(parallel)
    assert one.keys() == two.keys()
    different = [name for name in one if one[name] != two[name]]
    assert different == []
    # No page was left as the empty stand-in written while recording.
    assert all(two[name] for name in two if name.endswith(".html"))
    assert filecmp.cmp(serial / "sitemap.xml", parallel / "sitemap.xml", shallow=False)


def test_invalid_article_still_stops_the_build(content: Path, tmp_path: Path) -> None:
    broken = tmp_path / "content"
    shutil.copytree(content, broken)
    victim = sorted(broken.glob("articles/*/*.md"))[5]
    victim.write_text(
        victim.read_text(encoding="utf-8").replace("region: ", "region: Kota Atlantis #", 1),
        encoding="utf-8",
    )
    with pytest.raises(BuildFailed):
        _build(broken, tmp_path / "out", processes=2, min_items=1)
    assert pb.LAST_RUN.phases == ["read"]  # stopped before anything was rendered


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
    assert pb.config({}).enabled
    assert not pb.config({"FAST_BUILD": {"preview": True}}).enabled
    assert not pb.config({"RELATIVE_URLS": True}).enabled
    assert pb.config({"PARALLEL_BUILD": {"processes": 0}}).processes == (os.cpu_count() or 1)
    with pytest.raises(ValueError, match="unknown key"):
        pb.config({"PARALLEL_BUILD": {"procs": 2}})


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


def test_a_page_written_with_override_output_is_kept_as_pelican_keeps_it(tmp_path: Path) -> None:
    """Pelican skips later writes to a file written with ``override_output``: so do the jobs."""
    from jinja2 import Template
    from pelican.settings import DEFAULT_CONFIG
    from pelican.writers import Writer

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
    assert pb.render_jobs(parallel, 2, pb.config({})) == 2  # the two skipped writes dropped
    for name in ("a.html", "f.xml"):
        # (An empty feed is dated by the clock: compare its title, not its bytes.)
        kept = (tmp_path / "serial" / name).read_text(encoding="utf-8")
        got = (tmp_path / "parallel" / name).read_text(encoding="utf-8")
        assert got.split("<updated>")[0] == kept.split("<updated>")[0]
    assert "<title>x</title>" in (tmp_path / "parallel" / "f.xml").read_text(encoding="utf-8")
    assert (tmp_path / "parallel" / "a.html").read_text(encoding="utf-8") == "first"
