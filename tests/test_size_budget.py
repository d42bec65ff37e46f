"""Byte budgets of the page kinds that repeat with every article, on the real site (the seed
articles, built once by the session fixture ``site``).

GitHub Pages holds 1 GB (docs/publishing.md): the archive fits about 80,000 articles only if
each adds at most 12 KB in all (docs/benchmarks.md, "Output size"). An article's own page
is most of that, then its entry in every list that shows it and the site's chrome around
every page. Each budget here is the measured size when it was set plus about 5 %: a change
that makes every page heavier fails here, with the figure, before it reaches a benchmark.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import html as lxml_html

#: bytes of an article page apart from its text (<div class="article-body">): head, header,
#: facts, provenance, citation, previous/next, related articles, footer (measured: 8.8-9.3 KB
#: with 4 related articles and long source addresses)
ARTICLE_BEYOND_TEXT = 9_700
#: bytes of any page outside its <main>: head, header, navigation, footer, script (2.7 KB)
CHROME = 2_850
#: bytes of an article's entry in a list, beyond its address and visible text (102)
LIST_ENTRY_MARKUP = 110
#: bytes of a sitemap entry beyond its address (71)
SITEMAP_ENTRY = 75


def _bytes(text: str) -> int:
    return len(text.encode("utf-8"))


def test_article_pages_beyond_their_text(site: Path) -> None:
    pages = sorted(site.glob("artikel/*/*/index.html"))
    assert len(pages) >= 5
    over = {}
    for path in pages:
        html = path.read_text(encoding="utf-8")
        start = html.index('<div class="article-body">')
        body = html[start : html.index("</div>", start)]
        beyond = _bytes(html) - _bytes(body)
        if beyond > ARTICLE_BEYOND_TEXT:
            over[path.parent.name] = beyond
    assert not over, f"article pages over {ARTICLE_BEYOND_TEXT} bytes beyond their text: {over}"


def test_page_chrome(site: Path) -> None:
    over = {}
    for name in ("index.html", "404.html", "tag/index.html", "arsip/index.html"):
        html = (site / name).read_text(encoding="utf-8")
        outside = html[: html.index("<main")] + html[html.index("</main>") :]
        if _bytes(outside) > CHROME:
            over[name] = _bytes(outside)
    assert not over, f"chrome over {CHROME} bytes: {over}"
    # Nothing inline that every page would repeat: one script file, one style sheet.
    html = (site / "tag" / "index.html").read_text(encoding="utf-8")
    assert "<svg" not in html.split("<main", 1)[0]
    assert re.findall(r"<script[^>]*>", html) == ['<script type="module" src="/theme/js/site.js">']
    assert "<style" not in html


def test_list_entries_are_lean(site: Path) -> None:
    html = (site / "daerah" / "kota-bukittinggi" / "index.html").read_text(encoding="utf-8")
    entries = re.findall(r'<li><h[23] class="article-item-title">.*?</li>', html)
    assert len(entries) == 2
    for entry in entries:
        doc = lxml_html.fromstring(entry)
        markup = _bytes(entry) - _bytes(doc.text_content()) - _bytes(doc.xpath(".//a/@href")[0])
        assert markup <= LIST_ENTRY_MARKUP, (markup, entry)


def test_related_articles_leave_out_summaries(site: Path) -> None:
    for path in site.glob("artikel/*/*/index.html"):
        html = path.read_text(encoding="utf-8")
        if 'class="related"' in html:
            related = html.split('class="related"', 1)[1].split("</section>", 1)[0]
            assert "article-item-summary" not in related
            assert 'class="article-item-title"' in related


def test_home_page_is_not_paginated(site: Path) -> None:
    assert not (site / "halaman").exists()
    html = (site / "index.html").read_text(encoding="utf-8")
    assert 'class="pagination"' not in html


def test_sitemap_entries_are_address_and_date(site: Path) -> None:
    xml = (site / "sitemap.xml").read_text(encoding="utf-8")
    entries = re.findall(r"\n<url>\n.*?</url>\n", xml, re.S)
    assert len(entries) > 20
    for entry in entries:
        loc = re.search(r"<loc>(.*?)</loc>", entry).group(1)
        assert _bytes(entry) - _bytes(loc) <= SITEMAP_ENTRY, entry


def test_topic_feeds_carry_no_full_text(site: Path) -> None:
    feeds = sorted((site / "feeds").glob("*/*.atom.xml"))
    assert feeds
    for feed in feeds:
        raw = feed.read_text(encoding="utf-8")
        assert "<content" not in raw and "<summary" in raw, feed.name
    assert "<content" in (site / "feeds" / "semua.atom.xml").read_text(encoding="utf-8")
