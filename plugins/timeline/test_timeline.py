"""The timeline plugin in a real (tiny) build: an accessible SVG with a bar per month."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from timeline.timeline import _nice_max, plugin_settings
from tools.build import build

ARTICLE = """---
title: Judul artikel {slug}
date: {date}
region: Kota Padang
province: Sumatera Barat
official: Andree Algamar
role: Pj Wali Kota
source: Langgam.id
election: {election}
tags: [netralitas ASN]
---
Isi artikel {slug}.
"""

DATES = {
    "satu": ("2020-10-13", "Pilkada 2020"),
    "dua": ("2024-08-01", "Pilkada 2024"),
    "tiga": ("2024-08-20", "Pilkada 2024"),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("timeline")
    content = root / "content"
    (content / "pages").mkdir(parents=True)
    for slug, (date, election) in DATES.items():
        folder = content / "articles" / date[:4]
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{slug}.md").write_text(
            ARTICLE.format(slug=slug, date=date, election=election), encoding="utf-8"
        )
    return build(content=content, output=root / "out", siteurl="http://127.0.0.1:9/arsip")


def svgs_of(site: Path) -> list[etree._Element]:
    html = (site / "lini-masa/index.html").read_text(encoding="utf-8")
    found = re.findall(r"<svg[^>]*timeline-chart.*?</svg>", html, re.S)
    return [etree.fromstring(svg.encode("utf-8")) for svg in found]


NS = {"s": "http://www.w3.org/2000/svg"}


def test_each_month_with_articles_is_a_bar_linking_to_its_archive(site: Path) -> None:
    links = {
        a.get("href"): a.get("aria-label")
        for svg in svgs_of(site)
        for a in svg.iterfind(".//s:a", NS)
    }
    assert links == {
        "http://127.0.0.1:9/arsip/arsip/2020/10/": "Oktober 2020: 1 artikel",
        "http://127.0.0.1:9/arsip/arsip/2024/08/": "Agustus 2024: 2 artikel",
    }
    for href in links:
        target = href.removeprefix("http://127.0.0.1:9/arsip/")
        assert (site / target / "index.html").exists()
    # August 2024 has twice the articles of October 2020: its bar is twice as tall (one count
    # axis for every year, though they are drawn apart).
    heights = [
        float(r.get("height")) for svg in svgs_of(site) for r in svg.iterfind(".//s:a/s:rect", NS)
    ]
    assert heights[1] == pytest.approx(2 * heights[0])


def test_each_chart_is_accessible_scales_and_follows_the_text_colour(site: Path) -> None:
    for svg, year, count in zip(svgs_of(site), ("2020", "2024"), (1, 2), strict=True):
        assert svg.get("role") == "group"
        title = svg.find("s:title", NS)
        desc = svg.find("s:desc", NS)
        assert svg.get("aria-labelledby") == title.get("id") == f"tl-{year}-title"
        assert svg.get("aria-describedby") == desc.get("id")
        assert year in title.text and f"({count} artikel)" in desc.text
        style = svg.find("s:style", NS).text
        assert "currentColor" in style and "#" not in style  # no fixed colour
        # No fixed width: the chart scales to its box (no sideways scrolling on a phone).
        assert svg.get("width") is None and svg.get("viewBox").startswith("0 0 ")
        months = [t.text for t in svg.iterfind("s:text", NS) if t.get("aria-hidden") == "true"]
        assert months == [
            "Jan",
            "Feb",
            "Mar",
            "Apr",
            "Mei",
            "Jun",
            "Jul",
            "Agu",
            "Sep",
            "Okt",
            "Nov",
            "Des",
        ]


def test_years_with_articles_or_milestones_are_drawn_the_others_named(site: Path) -> None:
    html = (site / "lini-masa/index.html").read_text(encoding="utf-8")
    svgs = svgs_of(site)
    assert [svg.get("aria-labelledby") for svg in svgs] == ["tl-2020-title", "tl-2024-title"]
    assert "tidak digambar: 2021, 2022, 2023." in html
    labels = [t.text for svg in svgs for t in svg.iterfind(".//s:title", NS)]
    assert "Pilkada 2024: Hari pemungutan suara, 27 November 2024" in labels
    assert any(label.startswith("Pilkada 2020: Masa kampanye") for label in labels)
    # The text alternative: a table of the months with articles.
    years = re.findall(r'<li><a href="([^"]+)">(\d{4})</a> <span class="count">(\d+) artikel', html)
    assert years == [
        ("http://127.0.0.1:9/arsip/arsip/2020/", "2020", "1"),
        ("http://127.0.0.1:9/arsip/arsip/2024/", "2024", "2"),
    ]
    rows = re.findall(r'<tr><th scope="row"><a href="([^"]+)">([^<]+)</a></th><td>(\d+)</td>', html)
    assert rows == [
        ("http://127.0.0.1:9/arsip/arsip/2020/10/", "Oktober 2020", "1"),
        ("http://127.0.0.1:9/arsip/arsip/2024/08/", "Agustus 2024", "2"),
    ]


def test_nav_links_to_the_timeline(site: Path) -> None:
    html = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="http://127.0.0.1:9/arsip/lini-masa/"' in html


def test_axis_top_is_a_round_number() -> None:
    assert [_nice_max(n) for n in (1, 3, 7, 12, 40, 101)] == [1, 5, 10, 20, 50, 200]
    assert plugin_settings({"TIMELINE": {"step": 20}})["step"] == 20
