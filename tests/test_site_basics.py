"""The real site builds, every seed article has its page, and bad articles stop the build."""

from __future__ import annotations

from pathlib import Path

import pytest

from arsip.testing import use_editors_default_language
from tests.conftest import copy_content
from tools.build import BuildFailed, build

SEEDS = 5


def test_every_article_has_a_page(site: Path) -> None:
    pages = sorted(site.glob("artikel/*/*/index.html"))
    assert len(pages) == SEEDS
    html = (
        site
        / "artikel/2024/sekda-bukittinggi-ingatkan-asn-jaga-netralitas-jelang-pilkada-2024/index.html"
    ).read_text(encoding="utf-8")
    assert '<html lang="id">' in html
    assert "Senin, 19 Agustus 2024" in html
    assert "Martias Wanto" in html


def test_no_english_month_names(site: Path) -> None:
    english = (
        "January",
        "February",
        "March",
        "April",
        "June",
        "July",
        "August",
        "October",
        "December",
    )
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for month in english:
            assert f" {month} 20" not in text, f"{page}: English month {month}"


def test_invalid_article_stops_the_build(
    tmp_path: Path, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    use_editors_default_language(monkeypatch)
    content = copy_content(tmp_path / "content")
    bad = content / "articles/2024/tanggal-salah.md"
    bad.write_text(
        "---\ntitle: Judul yang cukup panjang\ndate: 2024-13-01\nregion: Kota Bukittinggi\n"
        "province: Sumatera Barat\nrole: Pjs Wali Kota\nsource: Contoh\nelection: Pilkada 2024\n"
        "tags: [netralitas ASN]\n---\nIsi artikel.\n"
    )
    with pytest.raises(BuildFailed):
        build(output=tmp_path / "out", content=content)
    err = capfd.readouterr().err
    # In the editors' language, Indonesian.
    assert f"{bad}:3: date: 2024-13-01 tidak punya bulan 13" in err
    assert "tanggal-salah.md:1: official: tidak ada: tambahkan baris 'official: ...'" in err
