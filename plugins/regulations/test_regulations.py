"""The regulations plugin in a real (tiny) build: a page per cited regulation of the
vocabulary, its articles newest first with the sentence around the citation."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from arsip.regulations import regulations
from regulations.regulations import plugin_settings
from tools.build import build

ARTICLE = """---
title: Judul artikel {slug}
date: {date}
region: Kota Padang
province: Sumatera Barat
official: Andree Algamar
role: Pj Wali Kota
source: Langgam.id
election: Pilkada 2024
tags: [netralitas ASN]
---
Andree berbicara di Padang.

{text}
"""

ARTICLES = {
    "lama": ("2024-07-01", "Menurut UU Nomor 20 Tahun 2023, ASN harus netral. Kalimat lain."),
    "baru": (
        "2024-09-01",
        "Sesuai Undang-Undang No. 20 Tahun 2023 dan PP 94 Tahun 2021, ASN dilarang berpihak.",
    ),
    "asing": ("2024-08-01", "Ada SKB 5 Menteri dan Peraturan KPU Nomor 8 Tahun 2024."),
}


def write_content(content: Path) -> Path:
    """The three articles of :data:`ARTICLES` (and an empty pages folder) under ``content``."""
    (content / "pages").mkdir(parents=True)
    folder = content / "articles" / "2024"
    folder.mkdir(parents=True)
    for slug, (date, text) in ARTICLES.items():
        (folder / f"{slug}.md").write_text(
            ARTICLE.format(slug=slug, date=date, text=text), encoding="utf-8"
        )
    return content


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("regulations")
    content = write_content(root / "content")
    return build(content=content, output=root / "out", siteurl="http://127.0.0.1:9/arsip")


def main_of(site: Path, path: str) -> str:
    html = (site / path / "index.html").read_text(encoding="utf-8")
    return html.split("<main", 1)[1].split("</main>", 1)[0]


def test_a_page_per_regulation_of_the_vocabulary(site: Path) -> None:
    pages = sorted(p.parent.name for p in (site / "regulasi").glob("*/index.html"))
    # Every vocabulary entry (the same pages whatever the texts say); SKB and PKPU 8/2024 are
    # not in the vocabulary: candidates for it (invoke check), not pages.
    assert pages == sorted(r.slug for r in regulations())
    assert "skb" not in pages and "pkpu-8-2024" not in pages
    index = main_of(site, "regulasi")
    counts = dict(
        re.findall(
            r'<a href="http://127.0.0.1:9/arsip/(regulasi/[^"]+)">[^<]+</a> '
            r'<span class="term-detail">[^<]+</span> <span class="count">([^<]+)</span>',
            index,
        )
    )
    assert counts["regulasi/uu-20-2023/"] == "2 artikel"
    assert counts["regulasi/pp-94-2021/"] == "1 artikel"
    assert counts["regulasi/uu-5-2014/"] == "belum dikutip artikel"
    assert "Belum ada artikel dalam arsip yang mengutip" in main_of(site, "regulasi/uu-5-2014")


def test_a_regulation_page_lists_its_articles_newest_first_with_the_quote(site: Path) -> None:
    html = main_of(site, "regulasi/uu-20-2023")
    assert "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara" in html
    titles = re.findall(r'<h3 class="article-item-title"><a href="[^"]+">([^<]+)</a>', html)
    assert titles == ["Judul artikel baru", "Judul artikel lama"]
    quotes = re.findall(r'<blockquote class="mention-quote"><p>([^<]+)</p>', html)
    assert quotes == [
        "Sesuai Undang-Undang No. 20 Tahun 2023 dan PP 94 Tahun 2021, ASN dilarang berpihak.",
        "Menurut UU Nomor 20 Tahun 2023, ASN harus netral.",
    ]
    assert 'href="http://127.0.0.1:9/arsip/regulasi/"' in html  # back to the index


def test_an_article_links_the_regulations_it_cites(site: Path) -> None:
    html = main_of(site, "artikel/2024/baru")
    section = html.split('class="article-regulations"', 1)[1].split("</section>", 1)[0]
    assert re.findall(r'href="http://127.0.0.1:9/arsip/(regulasi/[^"]+)"', section) == [
        "regulasi/uu-20-2023/",
        "regulasi/pp-94-2021/",
    ]
    # An article citing only unknown regulations has no such section.
    assert 'class="article-regulations"' not in main_of(site, "artikel/2024/asing")


def test_settings_override_the_defaults() -> None:
    conf = plugin_settings({"REGULATIONS": {"url": "aturan/{slug}/"}})
    assert conf["url"] == "aturan/{slug}/" and conf["index_url"] == "regulasi/"


def test_a_quick_preview_rebuild_shows_a_new_citation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An edit to a text alone (the preview's quick rebuild) reaches the regulation
    pages and the article's own list: they are rendered again from the new text."""
    import copy

    import pelican_speed.quick as quick
    from pelican import Pelican

    from tools.build import settings_for

    content = write_content(tmp_path / "content")
    monkeypatch.setenv("ARSIP_PREVIEW", "1")
    settings = settings_for(
        output=tmp_path / "out", content=content, CACHE_PATH=str(tmp_path / "c")
    )
    Pelican(copy.deepcopy(settings)).run()
    out = tmp_path / "out"
    assert "Judul artikel asing" not in main_of(out, "regulasi/pp-94-2021")
    edited = content / "articles" / "2024" / "asing.md"
    edited.write_text(
        edited.read_text(encoding="utf-8") + "\nKini juga PP Nomor 94 Tahun 2021 dibahas.\n",
        encoding="utf-8",
    )
    Pelican(copy.deepcopy(settings)).run()
    assert quick.LAST_RUN["quick"] is True, quick.LAST_RUN
    page = main_of(out, "regulasi/pp-94-2021")
    assert "Judul artikel asing" in page and "Kini juga PP Nomor 94 Tahun 2021 dibahas." in page
    assert 'href="/regulasi/pp-94-2021/"' in main_of(out, "artikel/2024/asing")
