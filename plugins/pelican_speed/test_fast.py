"""pelican_speed: the same bytes as plain Pelican, and a preview that skips unchanged pages."""

from __future__ import annotations

import copy
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from arsip.testing import using_data
from tools.bench.generate import generate
from tools.build import ROOT, build, settings_for

N = 40


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("fast") / "content"
    generate(folder, N, seed=7)
    shutil.copytree(ROOT / "content" / "pages", folder / "pages")
    with using_data(folder.parent / "data"):  # the generated archive's own registries
        yield folder


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.relative_to(folder).parts[0] != "pagefind"
    }


def test_switched_off_is_stock_pelican_in_the_same_process(content: Path, tmp_path: Path) -> None:
    """A build with the layer off runs Pelican's own functions (the patches are taken out),
    and gives the same bytes; tests/peer proves the same in separate processes."""
    from pelican.contents import Content
    from pelican.generators import ArticlesGenerator

    from pelican_speed import PATCHES

    assert "pelican_speed" in settings_for()["PLUGINS"]
    fast = build(output=tmp_path / "fast", content=content)
    assert vars(ArticlesGenerator)["generate_tags"].__module__ == "pelican_speed.linear"
    plain = build(output=tmp_path / "plain", content=content, PELICAN_SPEED={"enabled": False})
    for patch in PATCHES:
        assert patch.original() is not None
    assert vars(ArticlesGenerator)["generate_tags"].__module__ == "pelican.generators"
    assert vars(Content)["_expand_settings"].__module__ == "pelican.contents"
    fast_files, plain_files = _files(fast), _files(plain)
    assert len(fast_files) > 3 * N  # articles, tag, archive and taxonomy pages, feeds
    assert fast_files.keys() == plain_files.keys()
    different = [name for name in fast_files if fast_files[name] != plain_files[name]]
    assert different == []


def linear_patches() -> list:
    from pelican_speed import PATCHES

    return PATCHES


def test_period_archives_match_pelican() -> None:
    """The linear version returns the same lists, in the same order, as Pelican's scans."""
    import datetime as dt
    import random

    from pelican.generators import ArticlesGenerator

    from pelican_speed import linear

    pelicans = vars(ArticlesGenerator)["_build_period_archives"]
    if pelicans.__module__ != "pelican.generators":  # installed by an earlier build
        pelicans = next(
            p for p in linear_patches() if p.target.endswith("_build_period_archives")
        ).original()
    rng = random.Random(3)
    articles = [
        type("A", (), {"date": dt.datetime(2019, 1, 1) + dt.timedelta(days=rng.randrange(2000))})()
        for _ in range(300)
    ]
    by_date = sorted(articles, key=lambda a: a.date, reverse=True)
    settings = {**settings_for(), "DAY_ARCHIVE_SAVE_AS": "{date:%Y}/{date:%m}/{date:%d}/"}
    ours = linear.build_period_archives(None, by_date, articles, settings)
    assert pelicans.__module__ == "pelican.generators"
    theirs = pelicans(None, by_date, articles, settings)
    assert set(ours) == {"year", "month", "day"}
    for granularity in ours:
        assert ours[granularity] == theirs[granularity]
    assert linear.dates_of(by_date, articles[5:9]) == [a for a in by_date if a in articles[5:9]]


def test_preview_renders_only_the_edited_article(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pelican import Pelican

    import pelican_speed.quick as quick

    site = tmp_path / "content"
    shutil.copytree(content, site)
    out, cache = tmp_path / "out", tmp_path / "cache"
    monkeypatch.setenv("ARSIP_PREVIEW", "1")
    settings = settings_for(
        output=out, content=site, CACHE_PATH=str(cache), SEARCH_INDEX={"enabled": False}
    )
    assert settings["PELICAN_SPEED"]["preview"] and settings["LOAD_CONTENT_CACHE"]

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
    # The same settings object in one process, as `pelican --autoreload` runs: quick too.
    assert quick.LAST_RUN["quick"], quick.LAST_RUN
    # The sitemap still lists every page (skipped pages are reported to pelican-sitemap).
    assert (out / "sitemap.xml").read_text(encoding="utf-8") == sitemap

    edited = sorted(site.glob("articles/*/*.md"))[3]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nKalimat baru.\n", "utf-8")
    feeds_before = {p: p.stat().st_mtime_ns for p in out.rglob("*.xml")}
    run()
    assert quick.LAST_RUN == {"quick": True, "why": "", "changed": 1}
    page = [a for a in articles if f"/{edited.stem}/" in a]
    # Its page, and the pages that show what plugins/regulations reads in every text.
    shows_texts = {str(p) for p in (out / "regulasi").rglob("index.html")}
    assert shows_texts and rendered() == set(page) | shows_texts
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
    from pelican_speed import config

    with pytest.raises(ValueError, match="unknown"):
        config({"PELICAN_SPEED": {"preveiw": True}})


def _field(text: str, name: str) -> str:
    """The front-matter line ``name: ...`` of an article's text."""
    return next(line for line in text.splitlines() if line.startswith(f"{name}:"))


def test_preview_equals_a_full_build_after_each_kind_of_edit(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After an edit to a body (the quick rebuild), a title, a region, the tags, an added and
    a deleted article, the preview's output is file for file that of a full build of the
    same content: no page missing, none different, none stale."""
    from pelican import Pelican

    import pelican_speed.quick as quick

    site = tmp_path / "content"
    shutil.copytree(content, site)
    out, cache = tmp_path / "out", tmp_path / "cache"
    monkeypatch.setenv("ARSIP_LANG", "en")  # a stopped build's message, read in English
    monkeypatch.setenv("ARSIP_PREVIEW", "1")
    preview = settings_for(output=out, content=site, CACHE_PATH=str(cache))
    monkeypatch.delenv("ARSIP_PREVIEW")
    assert preview["SEARCH_INDEX"]["enabled"] is False  # a preview keeps the last index

    def check(step: str, quick_expected: bool) -> None:
        # A deep copy, as a new process reads them: Pelican changes some nested settings.
        Pelican(copy.deepcopy(preview)).run()
        assert quick.LAST_RUN["quick"] is quick_expected, (step, quick.LAST_RUN)
        full = build(output=tmp_path / "full", content=site, SEARCH_INDEX={"enabled": False})
        ours, theirs = _files(out), _files(full)
        assert sorted(ours.keys() - theirs.keys()) == [], f"{step}: stale files"
        assert sorted(theirs.keys() - ours.keys()) == [], f"{step}: missing files"
        assert [n for n in theirs if ours[n] != theirs[n]] == [], f"{step}: different files"

    def edit(path: Path, old: str, new: str) -> None:
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    files = sorted(site.glob("articles/*/*.md"))
    check("first build", quick_expected=False)
    check("nothing changed", quick_expected=True)
    for i, path in enumerate(files[:2]):  # two bodies, in two rebuilds (the first is kept)
        text = path.read_text(encoding="utf-8")
        path.write_text(text + f"\nKalimat tambahan {i}.\n", encoding="utf-8")
        check(f"body {i}", quick_expected=True)
        assert f"Kalimat tambahan {i}." in (out / "artikel").joinpath(
            text.split("date: ")[1][:4], path.stem, "index.html"
        ).read_text(encoding="utf-8")

    # A plain page is not an article: a normal build, which leaves article pages as they
    # are; the quick rebuild after it still knows which writer call shows which text.
    page = sorted(site.glob("pages/*.md"))[0]
    page.write_text(page.read_text(encoding="utf-8") + "\nParagraf baru.\n", "utf-8")
    check("plain page", quick_expected=False)
    files[7].write_text(files[7].read_text(encoding="utf-8") + "\nLagi.\n", "utf-8")
    check("body after a normal build", quick_expected=True)

    # An invalid text stops the build as a full build would (the quick path is not taken);
    # so does a text now identical to another article's (caught by the quick path itself).
    text = files[8].read_text(encoding="utf-8")
    files[8].write_text(text + "\n<b>tebal</b>\n", encoding="utf-8")
    with pytest.raises(Exception, match="problem"):
        Pelican(copy.deepcopy(preview)).run()
    assert quick.LAST_RUN["quick"] is False
    files[8].write_text(text, encoding="utf-8")
    check("invalid text corrected", quick_expected=False)
    # Two articles that quote nobody: another's text in one of them is then only a duplicate
    # (with quotes in the front-matter it would also miss its quotes, a full build's problem).
    unquoted = [f for f in files if "\nquotes:" not in f.read_text(encoding="utf-8")]
    first, second = unquoted[0], unquoted[1]
    text = first.read_text(encoding="utf-8")
    body = second.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    first.write_text(text.split("\n---\n", 1)[0] + "\n---\n" + body, encoding="utf-8")
    with pytest.raises(Exception, match="problem"):
        Pelican(copy.deepcopy(preview)).run()
    first.write_text(text, encoding="utf-8")
    check("duplicate text corrected", quick_expected=True)

    edit(files[2], "title: ", "title: Ubah ")
    check("title", quick_expected=False)
    other = files[10].read_text(encoding="utf-8")
    text = files[3].read_text(encoding="utf-8")
    for name in ("region", "province"):
        edit(files[3], _field(text, name), _field(other, name))
    check("region", quick_expected=False)
    edit(files[4], _field(files[4].read_text(encoding="utf-8"), "tags"), "tags: [sanksi]")
    check("tags", quick_expected=False)

    added = files[5].with_name("artikel-tambahan-uji.md")
    text = files[5].read_text(encoding="utf-8")
    url = _field(text, "source_url")
    added.write_text(
        text.replace(url, url + "-tambahan") + "\nTeks yang lain sama sekali.\n", "utf-8"
    )
    check("added", quick_expected=False)
    files[6].unlink()
    check("deleted", quick_expected=False)
    assert not any(files[6].stem in name for name in _files(out))

    # A full build into the preview's folder (maybe published with another SITEURL) makes the
    # preview's records of that folder void.
    build(output=out, content=site, CACHE_PATH=str(cache), SEARCH_INDEX={"enabled": False})
    assert not (cache / quick.INDEX).exists()
    files[8].write_text(files[8].read_text(encoding="utf-8") + "\nSesudah.\n", "utf-8")
    check("after a full build", quick_expected=False)


def test_linear_translations_match_pelican() -> None:
    """The same originals and translations, in the same order, as Pelican's scan."""
    import random

    from pelican.utils import process_translations

    from pelican_speed import linear

    rng = random.Random(5)

    def item(i: int) -> object:
        lang = rng.choice(["id", "id", "en"])
        return type(
            "C",
            (),
            {
                "slug": f"s{rng.randrange(60)}",
                "lang": lang,
                "in_default_lang": lang == "id",
                "metadata": {},
                "source_path": f"p{i}.md",
            },
        )()

    items = [item(i) for i in range(200)]
    ours = linear.process_translations(list(items), "slug")
    theirs = process_translations(list(items), "slug")
    assert ours == theirs and len(ours[1]) > 10
