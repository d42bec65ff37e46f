"""Every page type of the real site exists, lists the right articles and links where it should.

Built from the real content/ (the five seed articles) by the session fixture ``site``.
"""

from __future__ import annotations

import csv
import filecmp
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest
from lxml import html as lxml_html

from tools.build import build

BUKITTINGGI = {
    "artikel/2024/pjs-wali-kota-bukittinggi-tegaskan-asn-wajib-jaga-netralitas/",
    "artikel/2024/sekda-bukittinggi-ingatkan-asn-jaga-netralitas-jelang-pilkada-2024/",
}
HANI = "artikel/2024/pjs-wali-kota-bukittinggi-tegaskan-asn-wajib-jaga-netralitas/"
PADANG_PARIAMAN = (
    "artikel/2020/gelar-apel-ikrar-pjs-bupati-padang-pariaman-asn-padang-pariaman-harus-jaga-"
    "netralitas/"
)


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def listed(site: Path, path: str) -> list[str]:
    """Article URLs in the main article list of a page (not in nav, related, or footer)."""
    doc = lxml_html.fromstring(read(site, path))
    main = doc.get_element_by_id("isi")
    return [
        a.get("href").lstrip("/")
        for a in main.xpath(
            ".//ul[contains(@class, 'article-list')]/li//*[contains(@class, 'article-item-title')]//a"
        )
        if not a.xpath("ancestor::section[contains(@class, 'related')]")
    ]


def test_region_page_lists_exactly_its_two_articles(site: Path) -> None:
    assert set(listed(site, "daerah/kota-bukittinggi/index.html")) == BUKITTINGGI
    assert len(listed(site, "daerah/kota-bukittinggi/index.html")) == 2
    # newest first
    assert listed(site, "daerah/kota-bukittinggi/index.html")[0] == HANI


def test_region_index_groups_regions_by_province(site: Path) -> None:
    doc = lxml_html.fromstring(read(site, "daerah/index.html"))
    groups = {
        section.xpath("string(.//h2)"): [a.text for a in section.xpath(".//li//a")]
        for section in doc.xpath("//section[contains(@class, 'term-group')]")
    }
    assert groups == {
        "Bengkulu": ["Kabupaten Bengkulu Selatan"],
        "Sumatera Barat": ["Kabupaten Padang Pariaman", "Kota Bukittinggi", "Kota Padang"],
    }
    assert 'Kota Bukittinggi</a> <span class="count">2 artikel' in read(site, "daerah/index.html")


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("pejabat/hani-syopiar-rustam/index.html", [HANI]),
        ("sumber/tidak-diketahui/index.html", [HANI]),
        ("sumber/tinta-rakyat/index.html", [PADANG_PARIAMAN]),
        ("pemilihan/pilkada-2020/index.html", [PADANG_PARIAMAN]),
        ("tag/ikrar/index.html", None),
        ("arsip/2020/index.html", [PADANG_PARIAMAN]),
        ("arsip/2020/10/index.html", [PADANG_PARIAMAN]),
    ],
)
def test_detail_pages_list_their_articles(site: Path, path: str, expected: list[str]) -> None:
    got = listed(site, path)
    if expected is None:  # ikrar: the 2024 Padang article and the 2020 Padang Pariaman one
        assert len(got) == 2 and got[1] == PADANG_PARIAMAN
    else:
        assert got == expected


def test_index_pages_and_counts(site: Path) -> None:
    officials = read(site, "pejabat/index.html")
    for name in ("Adib Alfikri", "Andree Algamar", "Hani Syopiar Rustam", "Martias Wanto"):
        assert f">{name}</a>" in officials
    assert "Sekretaris Daerah · Kota Bukittinggi" in officials
    sources = read(site, "sumber/index.html")
    for name in ("hantaran.co", "Radar Bengkulu", "Langgam.id", "Tinta Rakyat"):
        assert f">{name}</a>" in sources
    assert ">Sumber tidak diketahui</a>" in sources
    assert "<h1>Sumber tidak diketahui</h1>" in read(site, "sumber/tidak-diketahui/index.html")
    assert "4 artikel" in read(site, "pemilihan/index.html")  # Pilkada 2024
    home = read(site, "index.html")
    assert re.findall(r"<strong>(\d+)</strong> (\w+)</a>", home) == [
        ("5", "artikel"),
        ("4", "daerah"),
        ("10", "pejabat"),  # everyone the articles name: 5 main officials, 5 people quoted
        ("4", "sumber"),
    ]


def test_article_page_links_its_terms_and_the_targets_exist(site: Path) -> None:
    doc = lxml_html.fromstring(read(site, HANI + "index.html"))
    panel = doc.xpath("//section[contains(@class, 'meta-panel')]")[0]
    hrefs = [a.get("href") for a in panel.iter("a")]
    assert hrefs[:5] == [
        "/pejabat/hani-syopiar-rustam/",
        "/pejabat/ruzi-hariyadi/",  # the other person the article names (and quotes)
        "/daerah/kota-bukittinggi/",
        "/sumber/tidak-diketahui/",
        "/pemilihan/pilkada-2024/",
    ]
    assert "/tag/bawaslu/" in hrefs
    for href in hrefs:
        assert (site / href.lstrip("/") / "index.html").exists(), href
    text = panel.text_content()
    assert "Sumber tidak diketahui" in text
    citation = doc.xpath("//p[@class='citation-text']")[0].text
    assert citation.startswith("Hani Syopiar Rustam (Pjs Wali Kota, Kota Bukittinggi).")
    assert "3 Oktober 2024" in citation and citation.endswith("/" + HANI)
    prev = doc.xpath("//a[@rel='prev']")[0].get("href")
    nxt = doc.xpath("//a[@rel='next']")[0].get("href")
    assert (
        prev == "/artikel/2024/sekda-bukittinggi-ingatkan-asn-jaga-netralitas-jelang-pilkada-2024/"
    )
    assert (
        nxt == "/artikel/2024/pjs-bupati-bengkulu-selatan-ingatkan-asn-netral-dalam-pilkada-2024/"
    )
    related = [
        a.get("href")
        for a in doc.xpath(
            "//section[contains(@class, 'related')]//*[contains(@class, 'article-item-title')]//a"
        )
    ]
    # The same region first, then two shared rare tags (Bawaslu, pakta integritas), then
    # one (pegawai non-ASN); the 2020 article shares only the tag every article has.
    assert related == [
        prev,
        "/artikel/2024/jelang-pilkada-2024-pj-wako-padang-ingatkan-asn-jaga-netralitas-dan-integritas/",
        nxt,
    ]


def test_timeline_spans_2020_to_2024_and_links_months(site: Path) -> None:
    page = read(site, "lini-masa/index.html")
    svgs = re.findall(r"<svg[^>]*timeline-chart.*?</svg>", page, re.S)
    years = [re.search(r'aria-labelledby="tl-(\d{4})-title"', svg)[1] for svg in svgs]
    assert years == ["2020", "2024"]  # one chart per year with articles or milestones
    assert "tidak digambar: 2021, 2022, 2023." in page
    months = re.findall(r'<a class="tl-link" href="/(arsip/\d{4}/\d\d/)"', "".join(svgs))
    assert months == ["arsip/2020/10/", "arsip/2024/07/", "arsip/2024/08/", "arsip/2024/10/",
                      "arsip/2024/11/"]  # fmt: skip
    for month in months:
        assert (site / month / "index.html").exists()
    assert "Hari pemungutan suara" in page and "27 November 2024" in page


@pytest.mark.parametrize(
    ("feed", "entries"),
    [
        ("feeds/semua.atom.xml", 5),
        ("feeds/daerah/kota-bukittinggi.atom.xml", 2),
        ("feeds/tag/bawaslu.atom.xml", 2),
    ],
)
def test_feeds_parse(site: Path, feed: str, entries: int) -> None:
    parsed = feedparser.parse(read(site, feed))
    assert not parsed.bozo, parsed.bozo_exception
    assert len(parsed.entries) == entries


def test_exports_have_five_rows_with_the_right_values(site: Path) -> None:
    records = json.loads(read(site, "data/articles.json"))
    rows = list(csv.DictReader(read(site, "data/articles.csv").splitlines()))
    assert len(records) == len(rows) == 5
    by_date = {r["date"]: r for r in records}
    assert by_date["2024-10-03"]["source"] == "Tidak diketahui"
    assert by_date["2024-10-03"]["official"] == "Hani Syopiar Rustam"
    assert by_date["2024-10-03"]["region"] == "Kota Bukittinggi"
    assert by_date["2020-10-13"]["official"] == "Adib Alfikri"
    assert by_date["2020-10-13"]["source"] == "Tinta Rakyat"
    assert by_date["2024-11-04"]["province"] == "Bengkulu"
    assert by_date["2024-08-19"]["role"] == "Sekretaris Daerah"
    assert by_date["2024-08-19"]["source"] == "hantaran.co"
    assert [r["date"] for r in rows] == sorted(by_date)
    assert rows[0]["tags"] == "netralitas ASN; apel; ikrar; KASN; media sosial; sanksi; kampanye"
    assert rows[0]["url"] == "/" + PADANG_PARIAMAN
    for record in records:
        assert (site / record["url"].lstrip("/") / "index.html").exists()


def test_robots_and_about_and_404(site: Path) -> None:
    assert "Sitemap: /sitemap.xml" in read(site, "robots.txt")
    about = read(site, "tentang/index.html")
    assert "Cara berkontribusi" in about and "Tidak diketahui" in about
    missing = read(site, "404.html")
    for href in ('href="/"', 'href="/cari/"', 'href="/daerah/"', 'href="/lini-masa/"'):
        assert href in missing


def _tree(root: Path) -> list[Path]:
    return sorted(
        p.relative_to(root)
        for p in root.rglob("*")
        if p.is_file() and "pagefind" not in p.relative_to(root).parts
    )


@pytest.mark.slow
def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    # Two fresh builds back to back (not the session's `site`, which other tests' builds,
    # some of them stopped on purpose, may precede with different plugin state).
    first = build(output=tmp_path / "first")
    again = build(output=tmp_path / "again")
    files = _tree(first)
    assert files == _tree(again)
    assert len(files) > 50
    _, mismatch, errors = filecmp.cmpfiles(first, again, [str(f) for f in files], shallow=False)
    assert not mismatch and not errors, mismatch[:10]


@pytest.mark.slow
def test_subpath_build_keeps_every_link_under_the_subpath(tmp_path: Path) -> None:
    siteurl = "http://127.0.0.1:8123/arsip"
    out = build(siteurl=siteurl, output=tmp_path / "sub")
    robots = (out / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {siteurl}/sitemap.xml" in robots
    bad = []
    for page in out.rglob("*.html"):
        if "pagefind" in page.relative_to(out).parts:
            continue
        doc = lxml_html.fromstring(page.read_bytes())
        for el in doc.iter():
            for attr in ("href", "src", "action"):
                value = el.get(attr)
                if not value or value.startswith(("#", "?", "mailto:")):
                    continue
                parts = urlsplit(value)
                if parts.scheme in ("http", "https") and parts.netloc:
                    own = parts.netloc == "127.0.0.1:8123" and parts.path.startswith("/arsip")
                    # Another host only as an article's link to its original source, a
                    # regulation's official text, or the licence of the data.
                    outside = {"source-link", "source-url"} & set((el.get("class") or "").split())
                    if not own and not outside and "license" not in (el.get("rel") or ""):
                        bad.append((str(page.relative_to(out)), value))
                elif value.startswith("/") and not value.startswith("/arsip/"):
                    bad.append((str(page.relative_to(out)), value))
    assert not bad, bad[:10]
    for css in out.rglob("*.css"):  # url(/...) in a stylesheet would escape the sub-path too
        assert not re.search(r"url\(\s*['\"]?/", css.read_text(encoding="utf-8")), css
    for feed in (out / "feeds").rglob("*.xml"):
        for entry in feedparser.parse(feed.read_text(encoding="utf-8")).entries:
            assert entry.link.startswith(siteurl + "/"), (feed, entry.link)
    assert json.loads((out / "data/articles.json").read_text(encoding="utf-8"))[0][
        "url"
    ].startswith(siteurl + "/artikel/")


def test_archive_index_is_a_calendar_of_years_and_months(site: Path) -> None:
    """arsip/ links every year and month that has articles (newest first), not every article:
    a single page listing 10,000 articles would be megabytes on a phone."""
    html = (site / "arsip/index.html").read_text(encoding="utf-8")
    years = re.findall(r'href="/arsip/(\d{4})/"', html)
    assert years == ["2024", "2020"]
    months = re.findall(r'href="/arsip/(\d{4}/\d{2})/"', html)
    assert months == ["2024/11", "2024/10", "2024/08", "2024/07", "2020/10"]
    for month in months:
        assert (site / "arsip" / month / "index.html").exists()
    assert "/artikel/" not in html.split("<main", 1)[1]
    assert "5 artikel, dari Oktober 2020 sampai November 2024" in html
