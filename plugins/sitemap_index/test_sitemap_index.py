"""Above the limit, sitemap.xml is an index of valid parts; below it, pelican-sitemap's own."""

from __future__ import annotations

import datetime as dt
import filecmp
import re
import resource
import time
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from pelican.plugins.sitemap import sitemap

from arsip.testing import article
from sitemap_index.sitemap_index import (
    SitemapIndexError,
    config,
    register,
)
from tools.build import build

SCHEMAS = Path(__file__).resolve().parents[2] / "tests" / "schemas"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
SITEURL = "https://org.github.io/repo"  # the publish build's shape: absolute, with a sub-path


def numbered(n: int, year: int = 2024) -> str:
    return article(
        f"Isi artikel nomor {n} berbeda.",
        title=f"Judul artikel nomor {n}",
        date=f"{year}-0{n}-1{n}",
    )


def xml_schema(name: str) -> Any:
    from lxml import etree

    return etree.XMLSchema(etree.parse(str(SCHEMAS / name)))


def parse(path: Path) -> Any:
    from lxml import etree

    return etree.parse(str(path))


def locs(doc: Any, kind: str) -> list[str]:
    return doc.xpath(f"//s:{kind}/s:loc/text()", namespaces=NS)


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    content = tmp_path_factory.mktemp("content")
    for year, numbers in ((2023, (1, 2)), (2024, (3, 4, 5))):
        folder = content / "articles" / str(year)
        folder.mkdir(parents=True)
        for n in numbers:
            (folder / f"artikel-{n}.md").write_text(numbered(n, year), encoding="utf-8")
    return content


def site(content: Path, out: Path, **overrides: Any) -> Path:
    return build(
        siteurl=SITEURL, content=content, output=out, SEARCH_INDEX={"enabled": False}, **overrides
    )


@pytest.fixture(scope="module")
def whole(content: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return site(content, tmp_path_factory.mktemp("whole"))


@pytest.fixture(scope="module")
def split(content: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return site(content, tmp_path_factory.mktemp("split"), SITEMAP_INDEX={"max_urls": 5})


def test_below_the_limit_there_is_one_sitemap(whole: Path) -> None:
    doc = parse(whole / "sitemap.xml")
    assert xml_schema("sitemap.xsd").validate(doc)
    assert len(locs(doc, "url")) > 10
    assert not list(whole.glob("sitemap-*.xml"))


def test_above_the_limit_sitemap_xml_indexes_valid_parts(whole: Path, split: Path) -> None:
    index = parse(split / "sitemap.xml")
    schema = xml_schema("siteindex.xsd")
    assert schema.validate(index), schema.error_log
    assert index.getroot().tag == f"{{{NS['s']}}}sitemapindex"
    parts = locs(index, "sitemap")
    assert len(parts) >= 3
    assert parts == [f"{SITEURL}/sitemap-{n}.xml" for n in range(1, len(parts) + 1)]
    assert sorted(p.name for p in split.glob("sitemap-*.xml")) == sorted(
        p.rsplit("/", 1)[1] for p in parts
    )
    urlset = xml_schema("sitemap.xsd")
    listed = []
    for loc, lastmod in zip(
        parts, index.xpath("//s:sitemap/s:lastmod/text()", namespaces=NS), strict=True
    ):
        doc = parse(split / loc.rsplit("/", 1)[1])
        assert urlset.validate(doc), urlset.error_log
        urls = locs(doc, "url")
        assert 1 <= len(urls) <= 5
        listed += urls
        dates = doc.xpath("//s:url/s:lastmod/text()", namespaces=NS)
        assert lastmod == max(dates, key=dt.datetime.fromisoformat)
    # Every URL of the whole sitemap once, in its order, under the sub-path.
    assert listed == locs(parse(whole / "sitemap.xml"), "url")
    assert all(url.startswith(SITEURL + "/") for url in listed)


def test_robots_txt_still_points_to_sitemap_xml(split: Path) -> None:
    robots = (split / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {SITEURL}/sitemap.xml" in robots.splitlines()


def test_split_build_is_deterministic(content: Path, split: Path, tmp_path: Path) -> None:
    again = site(content, tmp_path / "again", SITEMAP_INDEX={"max_urls": 5})
    names = sorted(p.name for p in split.glob("sitemap*.xml"))
    assert names == sorted(p.name for p in again.glob("sitemap*.xml"))
    _, mismatch, errors = filecmp.cmpfiles(split, again, names, shallow=False)
    assert not mismatch and not errors


def test_siteindex_schema_rejects_a_bad_index() -> None:
    """The shipped index schema is really applied: a relative loc and a bad lastmod fail."""
    from lxml import etree

    bad = etree.fromstring(
        b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap>'
        b"<loc>/s-1.xml</loc><lastmod>yesterday</lastmod></sitemap></sitemapindex>"
    )
    assert not xml_schema("siteindex.xsd").validate(bad)


# --------------------------------------------------------------------------- unit level


@pytest.fixture
def gen() -> Iterator[Any]:
    """pelican-sitemap's module-level generator with the plugin installed, restored after."""
    register()
    saved = sitemap.generator.now
    sitemap.generator.now = dt.datetime(2024, 1, 2, 3, 4, 5)
    sitemap.generator._main_pelican = None
    sitemap.generator.page_queue = []
    yield sitemap.generator
    sitemap.generator.now = saved
    sitemap.generator._main_pelican = None
    sitemap.generator.page_queue = []


def fake_pelican(out: Path, **index: int) -> Any:
    settings = {"SITEURL": SITEURL, "SITEMAP": {"format": "xml"}, "SITEMAP_INDEX": index}
    return SimpleNamespace(output_path=str(out), settings=settings)


def write(gen: Any, out: Path, queue: list[tuple[str, Any]], **index: int) -> Any:
    """Queue ``queue`` and run pelican-sitemap's finalize, as at the end of a build."""
    out.mkdir(exist_ok=True)
    pelican = fake_pelican(out, **index)
    gen.init(pelican)
    gen.page_queue = list(queue)
    gen.finalize(pelican)
    return pelican


def pages(out: Path, n: int) -> list[tuple[str, Any]]:
    return [(str(out / f"hal/{i:06d}/index.html"), None) for i in range(n)]


def test_below_the_limits_the_file_is_pelican_sitemaps_own(gen: Any, tmp_path: Path) -> None:
    queue = pages(tmp_path, 7)
    pelican = write(gen, tmp_path, queue, max_urls=7)
    ours = (tmp_path / "sitemap.xml").read_bytes()
    gen.page_queue = list(queue)
    sitemap.SitemapGenerator._write_out(gen, pelican)  # pelican-sitemap alone
    assert ours == (tmp_path / "sitemap.xml").read_bytes()
    assert ours.count(b"<url>") == 7
    write(gen, tmp_path, queue, max_urls=6)
    assert (tmp_path / "sitemap-2.xml").exists() and not (tmp_path / "sitemap-3.xml").exists()


def test_the_byte_limit_cuts_parts_too(gen: Any, tmp_path: Path) -> None:
    write(gen, tmp_path, pages(tmp_path, 10))
    whole = (tmp_path / "sitemap.xml").read_bytes()
    limit = len(whole) // 2
    write(gen, tmp_path, pages(tmp_path, 10), max_bytes=limit)
    parts = sorted(tmp_path.glob("sitemap-*.xml"))
    assert len(parts) >= 3
    assert all(p.stat().st_size <= limit for p in parts)
    assert sum(p.read_bytes().count(b"<url>") for p in parts) == 10


def test_an_entry_above_the_byte_limit_is_an_error(gen: Any, tmp_path: Path) -> None:
    with pytest.raises(SitemapIndexError, match=r"hal/000000/.*max_bytes=400"):
        write(gen, tmp_path, pages(tmp_path, 3), max_bytes=400)


def test_part_lastmod_is_the_newest_instant_not_the_biggest_string(
    gen: Any, tmp_path: Path
) -> None:
    wib = dt.timezone(dt.timedelta(hours=7))
    dated = [
        ("a/", dt.datetime(2024, 1, 1, 10, 0, tzinfo=wib)),  # 03:00 UTC
        ("b/", dt.datetime(2024, 1, 1, 5, 0)),  # naive: 05:00 UTC, the newest
        ("c/", dt.datetime(2023, 12, 31, 23, 0, tzinfo=wib)),
    ]
    queue = [
        (str(tmp_path / url / "index.html"), SimpleNamespace(url=url, date=date))
        for url, date in dated
    ]
    write(gen, tmp_path, queue, max_urls=2)
    index = (tmp_path / "sitemap.xml").read_text(encoding="utf-8")
    lastmods = re.findall(r"<lastmod>([^<]+)</lastmod>", index)
    assert lastmods == ["2024-01-01T05:00:00-00:00", "2023-12-31T23:00:00+07:00"]


def test_parts_of_a_bigger_earlier_site_are_removed(gen: Any, tmp_path: Path) -> None:
    write(gen, tmp_path, pages(tmp_path, 9), max_urls=2)
    assert (tmp_path / "sitemap-5.xml").exists()
    (tmp_path / "sitemap-lama.xml").write_text("not ours", encoding="utf-8")
    write(gen, tmp_path, pages(tmp_path, 5), max_urls=2)
    assert sorted(p.name for p in tmp_path.glob("sitemap-*.xml")) == [
        "sitemap-1.xml",
        "sitemap-2.xml",
        "sitemap-3.xml",
        "sitemap-lama.xml",
    ]
    write(gen, tmp_path, pages(tmp_path, 5))
    assert [p.name for p in tmp_path.glob("sitemap-*.xml")] == ["sitemap-lama.xml"]


def test_settings_are_checked() -> None:
    assert config({}).max_urls == 50_000 and config({}).max_bytes == 52_428_800
    with pytest.raises(SitemapIndexError, match="unknown"):
        config({"SITEMAP_INDEX": {"max_url": 5}})
    with pytest.raises(SitemapIndexError, match="max_urls"):
        config({"SITEMAP_INDEX": {"max_urls": 0}})


@pytest.mark.slow
def test_100000_urls_make_two_full_parts_within_the_limits(gen: Any, tmp_path: Path) -> None:
    cpu = resource.getrusage(resource.RUSAGE_SELF)
    started = time.perf_counter()
    write(gen, tmp_path, pages(tmp_path, 100_000))
    wall = time.perf_counter() - started
    used = resource.getrusage(resource.RUSAGE_SELF)
    parts = sorted(tmp_path.glob("sitemap-*.xml"))
    assert [p.read_bytes().count(b"<url>") for p in parts] == [50_000, 50_000]
    assert all(p.stat().st_size <= 52_428_800 for p in parts)
    cpu_s = used.ru_utime + used.ru_stime - cpu.ru_utime - cpu.ru_stime
    print(f"100,000 URLs: {wall:.2f} s wall, {cpu_s:.2f} s CPU (pelican-sitemap + split)")
