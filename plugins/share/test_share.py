"""The share plugin in a real (tiny) build: meta description, Open Graph and Twitter tags,
JSON-LD NewsArticle; absolute addresses only when the site has one."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest

from share.share import absolute_siteurl, script_json
from tools.build import build

ARTICLE = """---
title: "Sekda Padang: ASN Jaga Netralitas & Integritas"
date: 2024-08-19
region: Kota Padang
province: Sumatera Barat
official: Andree Algamar
role: Pj Wali Kota
source: {source}
{extra}election: Pilkada 2024
tags: [netralitas ASN, apel]
---
PADANG, Langgam.id – Sekda mengingatkan ASN menjaga netralitas. Kalimat kedua tidak dipakai.

Paragraf berikutnya.
"""


def make_site(root: Path, siteurl: str) -> Path:
    content = root / "content"
    (content / "pages").mkdir(parents=True)
    folder = content / "articles" / "2024"
    folder.mkdir(parents=True)
    (folder / "satu.md").write_text(
        ARTICLE.format(
            source="Langgam.id",
            extra="source_url: https://langgam.id/berita/satu\narchived: 2024-08-20\n",
        ),
        encoding="utf-8",
    )
    (folder / "dua.md").write_text(
        ARTICLE.format(source="Tidak diketahui", extra="summary: Ringkasan dari redaksi.\n")
        .replace("2024-08-19", "2024-08-18")
        .split("---\nPADANG", 1)[0]
        + "---\nWali Kota memimpin apel pagi di halaman balai kota bersama seluruh pegawai.\n",
        encoding="utf-8",
    )
    return build(content=content, output=root / "out", siteurl=siteurl)


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return {
        "absolute": make_site(tmp_path_factory.mktemp("abs"), "https://contoh.github.io/arsip"),
        "preview": make_site(tmp_path_factory.mktemp("pre"), ""),
    }


def head_of(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8").split("</head>", 1)[0]


def meta(head: str) -> dict[str, str]:
    pairs = re.findall(r'<meta (?:name|property)="([^"]+)" content="([^"]*)">', head)
    return {k: unescape(v) for k, v in pairs}


def json_ld(head: str) -> dict:
    return json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', head, re.S)[1]
    )


def test_article_card_tags_carry_headline_region_date_and_first_sentence(sites) -> None:
    tags = meta(head_of(sites["absolute"], "artikel/2024/satu"))
    title = "Sekda Padang: ASN Jaga Netralitas & Integritas"
    assert tags["og:title"] == title
    # X reads title and description from the og: tags; its own would repeat them.
    assert "twitter:title" not in tags and "twitter:description" not in tags
    # The first sentence without its dateline.
    assert tags["description"] == "Sekda mengingatkan ASN menjaga netralitas."
    assert tags["og:description"] == (
        "19 Agustus 2024 · Kota Padang, Sumatera Barat. Sekda mengingatkan ASN menjaga netralitas."
    )
    assert tags["og:type"] == "article" and tags["og:locale"] == "id_ID"
    assert tags["og:url"] == "https://contoh.github.io/arsip/artikel/2024/satu/"
    assert tags["twitter:card"] == "summary"
    head = head_of(sites["absolute"], "artikel/2024/satu")
    assert '<link rel="canonical" href="https://contoh.github.io/arsip/artikel/2024/satu/">' in head


def test_the_summary_field_is_the_description_and_shows_on_the_page(sites) -> None:
    site = sites["absolute"]
    assert meta(head_of(site, "artikel/2024/dua"))["description"] == "Ringkasan dari redaksi."
    html = (site / "artikel/2024/dua/index.html").read_text(encoding="utf-8")
    assert '<p class="article-summary">Ringkasan dari redaksi.</p>' in html
    assert '<p class="article-summary">' not in (site / "artikel/2024/satu/index.html").read_text(
        encoding="utf-8"
    )
    listing = (site / "index.html").read_text(encoding="utf-8")
    assert '<p class="article-item-summary">Ringkasan dari redaksi.</p>' in listing


def test_json_ld_news_article_names_the_outlet_as_publisher(sites) -> None:
    head = head_of(sites["absolute"], "artikel/2024/satu")
    assert "Netralitas \\u0026 Integritas" in head  # "&" escaped inside the script
    data = json_ld(head)
    assert data["@type"] == "NewsArticle" and data["@context"] == "https://schema.org"
    assert data["headline"] == "Sekda Padang: ASN Jaga Netralitas & Integritas"
    assert data["datePublished"] == "2024-08-19"
    assert data["publisher"] == {"@type": "Organization", "name": "Langgam.id"}
    assert data["isBasedOn"] == "https://langgam.id/berita/satu"
    assert data["url"] == "https://contoh.github.io/arsip/artikel/2024/satu/"
    assert data["contentLocation"]["name"] == "Kota Padang, Sumatera Barat"
    # Unknown outlet: no publisher is made up.
    unknown = json_ld(head_of(sites["absolute"], "artikel/2024/dua"))
    assert "publisher" not in unknown and "isBasedOn" not in unknown


def test_a_local_preview_has_no_absolute_address(sites) -> None:
    head = head_of(sites["preview"], "artikel/2024/satu")
    tags = meta(head)
    assert "og:url" not in tags and "og:image" not in tags
    assert 'rel="canonical"' not in head
    assert "url" not in json_ld(head)
    assert tags["og:title"]  # the rest is there


def test_list_pages_have_their_own_description(sites) -> None:
    tags = meta(head_of(sites["absolute"], "daerah/kota-padang"))
    assert (
        tags["description"]
        == "2 artikel tentang netralitas ASN di Kota Padang, Provinsi Sumatera Barat."
    )
    assert tags["og:type"] == "website"
    assert tags["og:url"] == "https://contoh.github.io/arsip/daerah/kota-padang/"


def test_provenance_shows_outlet_original_link_and_archived_date(sites) -> None:
    html = (sites["preview"] / "artikel/2024/satu/index.html").read_text(encoding="utf-8")
    block = html.split('class="provenance"', 1)[1].split("</section>", 1)[0]
    assert "<dd>Langgam.id</dd>" in block
    assert 'href="https://langgam.id/berita/satu"' in block
    assert '<time datetime="2024-08-20">20 Agustus 2024</time>' in block
    other = (sites["preview"] / "artikel/2024/dua/index.html").read_text(encoding="utf-8")
    block = other.split('class="provenance"', 1)[1].split("</section>", 1)[0]
    assert "Sumber tidak diketahui" in block and "tidak tercatat" in block


def test_helpers() -> None:
    assert absolute_siteurl({"SITEURL": "https://a.b/c"}) == "https://a.b/c"
    assert absolute_siteurl({"SITEURL": ""}) == absolute_siteurl({"SITEURL": "/arsip"}) == ""
    assert (
        str(script_json({"a": "</script><!--&"}))
        == '{"a":"\\u003c/script\\u003e\\u003c!--\\u0026"}'
    )
