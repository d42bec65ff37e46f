"""The validation plugin in a real (tiny) build: invalid articles stop it, text stays text."""

from __future__ import annotations

from pathlib import Path

import pytest

from arsip.build import BuildFailed, build
from arsip.testing import article


def tiny_site(tmp_path: Path, **articles: tuple[str, str]) -> Path:
    content = tmp_path / "content"
    (content / "articles" / "2024").mkdir(parents=True)
    (content / "pages").mkdir()
    for slug, (title, body) in articles.items():
        (content / "articles" / "2024" / f"{slug}.md").write_text(
            article(body, title=title), encoding="utf-8"
        )
    return content


def test_valid_site_builds(tmp_path: Path) -> None:
    content = tiny_site(tmp_path, **{"satu": ("Judul pertama artikel", "Isi pertama.")})
    out = build(content=content, output=tmp_path / "out")
    assert (out / "artikel/2024/satu/index.html").exists()


def test_every_problem_is_listed_then_the_build_stops(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    content = tiny_site(
        tmp_path,
        satu=("Judul pertama artikel", "Isi <script>alert(1)</script>"),
        dua=('"Jelang: tanpa tutup', "Isi kedua."),
    )
    with pytest.raises(BuildFailed, match="2 problem"):
        build(content=content, output=tmp_path / "out")
    err = capfd.readouterr().err
    assert "articles/2024/satu.md:12: body: contains HTML markup" in err
    assert "articles/2024/dua.md:2: front-matter: malformed YAML" in err
    assert not (tmp_path / "out" / "index.html").exists()


def test_duplicate_text_stops_the_build(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    content = tiny_site(
        tmp_path,
        satu=("Judul pertama artikel", "Isi yang sama persis."),
        dua=("Judul kedua artikel", "Isi yang  SAMA persis!"),
    )
    with pytest.raises(BuildFailed):
        build(content=content, output=tmp_path / "out")
    assert "articles/2024/satu.md:1: body: duplicate article: " in capfd.readouterr().err


def test_text_that_looks_like_markup_is_escaped(tmp_path: Path) -> None:
    # "<b" without ">" is not a tag, so the schema lets it through; it must stay text.
    content = tiny_site(
        tmp_path,
        satu=('"AT&T <b \\"kutip\\" judul"', "Teks 1 < 2 & 3 > 2 dan `<code>`."),
    )
    out = build(content=content, output=tmp_path / "out")
    html = (out / "artikel/2024/satu/index.html").read_text(encoding="utf-8")
    assert (
        "AT&amp;T &lt;b &#34;kutip&#34; judul" in html
        or "AT&amp;T &lt;b &quot;kutip&quot; judul" in html
    )
    assert "1 &lt; 2 &amp; 3 &gt; 2" in html
    assert "<b " not in html
