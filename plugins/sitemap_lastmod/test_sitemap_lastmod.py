"""List pages in sitemap.xml carry the newest article's date, so builds are reproducible."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from arsip.testing import article
from tools.build import build


def numbered(n: int) -> str:
    return article(
        f"Isi artikel nomor {n} berbeda.", title=f"Judul artikel nomor {n}", date=f"2024-0{n}-1{n}"
    )


def test_list_pages_use_the_newest_article_date(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "articles" / "2024").mkdir(parents=True)
    (content / "pages").mkdir()
    for n in (1, 2, 3):
        (content / "articles" / "2024" / f"artikel-{n}.md").write_text(
            numbered(n), encoding="utf-8"
        )
    out = build(siteurl="https://example.org/arsip", content=content, output=tmp_path / "out")
    xml = (out / "sitemap.xml").read_text(encoding="utf-8")
    home = re.search(r"<loc>https://example.org/arsip/</loc>\s*<lastmod>([^<]+)</lastmod>", xml)
    assert home, xml[:500]
    assert home.group(1).startswith("2024-03-13")
    # Address and date only: the hints search engines ignore are left out.
    assert "<changefreq>" not in xml and "<priority>" not in xml
    assert xml.count("<url>") == xml.count("<lastmod>") > 3
    first = xml
    out = build(siteurl="https://example.org/arsip", content=content, output=tmp_path / "out")
    assert (out / "sitemap.xml").read_text(encoding="utf-8") == first


def test_a_stopped_build_does_not_cost_the_next_one_its_sitemap(tmp_path: Path) -> None:
    from tools.build import BuildFailed

    bad = tmp_path / "bad"
    (bad / "articles" / "2024").mkdir(parents=True)
    (bad / "articles" / "2024" / "rusak.md").write_text("tanpa front-matter\n", encoding="utf-8")
    with pytest.raises(BuildFailed):
        build(content=bad, output=tmp_path / "bad-out")
    content = tmp_path / "content"
    (content / "articles" / "2024").mkdir(parents=True)
    (content / "articles" / "2024" / "artikel-1.md").write_text(numbered(1), encoding="utf-8")
    out = build(siteurl="https://example.org", content=content, output=tmp_path / "out")
    assert (out / "sitemap.xml").exists()
