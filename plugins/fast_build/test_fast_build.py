"""fast_build: the same bytes as plain Pelican, and a preview that skips unchanged pages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from arsip.bench.generate import generate
from arsip.build import ROOT, build, settings_for

N = 40


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("content")
    generate(folder, N, seed=7)
    shutil.copytree(ROOT / "content" / "pages", folder / "pages")
    return folder


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.relative_to(folder).parts[0] != "pagefind"
    }


def _without_fast_build(**overrides: object) -> dict[str, object]:
    plugins = [p for p in settings_for()["PLUGINS"] if p != "fast_build"]
    return {"PLUGINS": plugins, **overrides}


def test_output_is_byte_identical_to_plain_pelican(content: Path, tmp_path: Path) -> None:
    assert "fast_build" in settings_for()["PLUGINS"]
    fast = build(output=tmp_path / "fast", content=content)
    plain = build(output=tmp_path / "plain", content=content, **_without_fast_build())
    fast_files, plain_files = _files(fast), _files(plain)
    assert len(fast_files) > 3 * N  # articles, tag, archive and taxonomy pages, feeds
    assert fast_files.keys() == plain_files.keys()
    different = [name for name in fast_files if fast_files[name] != plain_files[name]]
    assert different == []


def test_period_archives_match_pelican() -> None:
    """The linear version returns the same lists, in the same order, as Pelican's scans."""
    import datetime as dt
    import random

    import fast_build.fast_build as fb

    rng = random.Random(3)
    articles = [
        type("A", (), {"date": dt.datetime(2019, 1, 1) + dt.timedelta(days=rng.randrange(2000))})()
        for _ in range(300)
    ]
    by_date = sorted(articles, key=lambda a: a.date, reverse=True)
    settings = {**settings_for(), "DAY_ARCHIVE_SAVE_AS": "{date:%Y}/{date:%m}/{date:%d}/"}
    ours = fb._build_period_archives(None, by_date, articles, settings)
    assert fb.PELICAN_BUILD_PERIOD_ARCHIVES.__module__ == "pelican.generators"
    theirs = fb.PELICAN_BUILD_PERIOD_ARCHIVES(None, by_date, articles, settings)
    assert set(ours) == {"year", "month", "day"}
    for granularity in ours:
        assert ours[granularity] == theirs[granularity]
    assert fb._dates_of(by_date, articles[5:9]) == [a for a in by_date if a in articles[5:9]]


def test_preview_renders_only_the_edited_article(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pelican import Pelican

    site = tmp_path / "content"
    shutil.copytree(content, site)
    out, cache = tmp_path / "out", tmp_path / "cache"
    monkeypatch.setenv("ARSIP_PREVIEW", "1")
    settings = settings_for(
        output=out, content=site, CACHE_PATH=str(cache), SEARCH_INDEX={"enabled": False}
    )
    assert settings["FAST_BUILD"]["preview"] and settings["LOAD_CONTENT_CACHE"]

    def run() -> None:
        Pelican(dict(settings)).run()

    def rendered() -> set[str]:
        """Pages whose file was written since ``before`` (a skipped page keeps its time);
        plain pages (content/pages) are always written."""
        changed = {str(p) for p in out.rglob("*.html") if p.stat().st_mtime_ns > before}
        return changed - {str(out / "tentang" / "index.html")}

    before = 0
    run()
    articles = {str(p) for p in (out / "artikel").rglob("index.html")}
    assert len(articles) == N
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    before = max(p.stat().st_mtime_ns for p in out.rglob("*.html"))
    run()  # nothing changed: no article page and no list page rendered again
    assert rendered() == set()
    # The sitemap still lists every page (skipped pages are reported to pelican-sitemap).
    assert (out / "sitemap.xml").read_text(encoding="utf-8") == sitemap

    edited = sorted(site.glob("articles/*/*.md"))[3]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nKalimat baru.\n", "utf-8")
    feeds_before = {p: p.stat().st_mtime_ns for p in out.rglob("*.xml")}
    run()
    page = [a for a in articles if f"/{edited.stem}/" in a]
    assert rendered() == set(page)
    assert "Kalimat baru." in Path(page[0]).read_text(encoding="utf-8")
    # Only the feeds that list the edited article are written again.
    rewritten = {p for p, t in feeds_before.items() if p.stat().st_mtime_ns != t}
    listing = {p for p in feeds_before if edited.stem in p.read_text(encoding="utf-8")}
    assert rewritten - {out / "sitemap.xml"} == listing - {out / "sitemap.xml"}
    assert listing and len(listing) < len(feeds_before) - 1

    # A front-matter change may show on other pages (related articles, lists): all rendered.
    before = max(p.stat().st_mtime_ns for p in out.rglob("*.html"))
    text = edited.read_text(encoding="utf-8").replace("title: ", "title: Ubah ", 1)
    edited.write_text(text, encoding="utf-8")
    run()
    assert articles <= rendered()
    assert len(rendered()) > 2 * N  # list pages too
    # The article's month archive page lists it under its new title.
    months = (out / "arsip").glob("*/*/index.html")
    assert any("Ubah " in p.read_text(encoding="utf-8") for p in months)


def test_unknown_setting_is_refused() -> None:
    import fast_build.fast_build as fb

    with pytest.raises(ValueError, match="unknown"):
        fb.plugin_settings({"FAST_BUILD": {"preveiw": True}})
