"""Topic feeds carry summaries, the site-wide feed the full text; settings are checked."""

from __future__ import annotations

from pathlib import Path

import feedparser
import pytest

from arsip.testing import article
from feed_summaries import FeedSummariesError, config
from tools.build import build

LONG = "Kalimat isi yang panjang tentang netralitas pegawai di daerah ini. " * 30
ARTICLES = {
    "2024/satu": article(LONG + "Akhir satu.", title="Artikel nomor satu", date="2024-10-01"),
    "2024/dua": article(
        LONG + "Akhir dua.",
        title="Artikel nomor dua",
        date="2024-10-02",
        summary="Ringkasan artikel dua.",
    ),
    "2024/tiga": article("Pendek sekali.", title="Artikel nomor tiga", date="2024-10-03"),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("feeds")
    content = root / "content"
    (content / "pages").mkdir(parents=True)
    for name, text in ARTICLES.items():
        path = content / "articles" / f"{name}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return build(content=content, output=root / "out", siteurl="https://example.org/arsip")


def entries(site: Path, feed: str) -> dict[str, feedparser.FeedParserDict]:
    parsed = feedparser.parse((site / feed).read_bytes())
    assert not parsed.bozo, parsed.bozo_exception
    return {e.title: e for e in parsed.entries}


@pytest.mark.parametrize(
    "feed", ["feeds/tag/netralitas-asn.atom.xml", "feeds/daerah/kota-padang.atom.xml"]
)
def test_topic_feeds_have_summaries_and_no_text(site: Path, feed: str) -> None:
    raw = (site / feed).read_text(encoding="utf-8")
    assert "<content" not in raw and "Akhir satu." not in raw and "Akhir dua." not in raw
    found = entries(site, feed)
    assert set(found) == {"Artikel nomor satu", "Artikel nomor dua", "Artikel nomor tiga"}
    assert found["Artikel nomor dua"].summary == "Ringkasan artikel dua."
    assert found["Artikel nomor satu"].summary.startswith("<p>Kalimat isi yang panjang")
    # A short text is its own summary: the entry still says it.
    assert "Pendek sekali." in found["Artikel nomor tiga"].summary
    assert found["Artikel nomor satu"].link == "https://example.org/arsip/artikel/2024/satu/"


def test_the_site_wide_feed_keeps_the_full_text(site: Path) -> None:
    found = entries(site, "feeds/semua.atom.xml")
    assert "Akhir satu." in found["Artikel nomor satu"].content[0].value
    assert "Akhir dua." in found["Artikel nomor dua"].content[0].value


def test_topic_feeds_are_a_fraction_of_the_full_feed(site: Path) -> None:
    full = (site / "feeds/semua.atom.xml").stat().st_size
    tag = (site / "feeds/tag/netralitas-asn.atom.xml").stat().st_size
    assert tag < full / 3, (tag, full)


@pytest.mark.parametrize(
    "bad", [{"full_text": "feeds/semua.atom.xml"}, {"full_text": [""]}, {"other": []}]
)
def test_bad_settings_are_refused(bad: dict) -> None:
    with pytest.raises(FeedSummariesError, match="FEED_SUMMARIES"):
        config({"FEED_SUMMARIES": bad})


def test_settings_default_to_no_full_text_feed() -> None:
    assert config({}).full_text == ()
    assert config({"FEED_SUMMARIES": {"full_text": ["/feeds/a.xml"]}}).full_text == ("feeds/a.xml",)
