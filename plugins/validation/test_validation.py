"""The validation plugin in a real (tiny) build: invalid articles stop it, text stays text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from arsip.testing import article, use_editors_default_language
from tools.build import BuildFailed, build


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
    tmp_path: Path, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    use_editors_default_language(monkeypatch)  # the build speaks Indonesian by default
    content = tiny_site(
        tmp_path,
        satu=("Judul pertama artikel", "Isi <script>alert(1)</script>"),
        dua=('"Jelang: tanpa tutup', "Isi kedua."),
    )
    with pytest.raises(BuildFailed, match="2 masalah pada artikel"):
        build(content=content, output=tmp_path / "out")
    err = capfd.readouterr().err
    assert "articles/2024/satu.md:12: body: berisi markup HTML" in err
    assert "articles/2024/dua.md:2: front-matter: YAML tidak valid" in err
    assert not (tmp_path / "out" / "index.html").exists()


def test_duplicate_text_stops_the_build(
    tmp_path: Path, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARSIP_LANG", "en")  # and in English for those who ask for it
    content = tiny_site(
        tmp_path,
        satu=("Judul pertama artikel", "Isi yang sama persis."),
        dua=("Judul kedua artikel", "Isi yang  SAMA persis!"),
    )
    with pytest.raises(BuildFailed):
        build(content=content, output=tmp_path / "out")
    assert "articles/2024/satu.md:1: body: duplicate article: " in capfd.readouterr().err


def test_text_that_looks_like_markup_is_escaped(tmp_path: Path) -> None:
    # "<3" is not a tag, so the schema lets it through; it must stay text.
    content = tiny_site(
        tmp_path,
        satu=('"AT&T <3 \\"kutip\\" judul"', "Teks 1 < 2 & 3 > 2 dan `<code>`."),
    )
    out = build(content=content, output=tmp_path / "out")
    html = (out / "artikel/2024/satu/index.html").read_text(encoding="utf-8")
    assert (
        "AT&amp;T &lt;3 &#34;kutip&#34; judul" in html
        or "AT&amp;T &lt;3 &quot;kutip&quot; judul" in html
    )
    assert "1 &lt; 2 &amp; 3 &gt; 2" in html
    assert "<b " not in html


# --------------------------------------------------------------------------- work moved to prepare()


def test_reader_date_is_the_date_pelicans_reader_makes() -> None:
    import datetime as dt

    from pelican.plugins.yaml_metadata.yaml_metadata import YAML_METADATA_PROCESSORS
    from pelican.utils import SafeDatetime

    from plugins.validation.validation import reader_date

    day = dt.date(1998, 1, 1)
    texts = []
    while day < dt.date(2031, 1, 1):
        texts.append(day.isoformat())
        day += dt.timedelta(days=3)
    texts += ["2024-02-29", " 2024-05-06 ", "2024-05-06 10:30", "2024_05_06", "6 May 2024"]
    for text in texts:
        ours, pelicans = reader_date(text, {}), YAML_METADATA_PROCESSORS["date"](text, {})
        assert type(ours) is type(pelicans) is SafeDatetime, text
        assert (ours, ours.tzinfo, ours.fold) == (pelicans, pelicans.tzinfo, pelicans.fold), text
    with pytest.raises(ValueError):
        reader_date("2023-02-29", {})


def test_prepared_metadata_is_what_the_base_reader_makes(tmp_path: Path) -> None:
    """read() of a file prepared ahead (date parsed there) gives the same metadata, in the
    same order, as the base reader's processing of the front-matter."""
    import pickle

    from arsip import schema
    from plugins.validation.validation import ArchiveReader
    from tools.build import settings_for

    content = tiny_site(tmp_path, satu=("Judul pertama artikel", "Isi pertama yang cukup."))
    path = str(content / "articles" / "2024" / "satu.md")
    reader = ArchiveReader(settings_for(content=content))
    prepared = pickle.loads(pickle.dumps(reader.prepare(path)))  # as from a worker
    assert prepared.date is not None and prepared.summary is not None
    reader.prepared[path] = prepared
    html, metadata = reader.read(path)
    expected = reader._parse_yaml_metadata(schema.read_article(path).meta, path)
    expected.update(fingerprint=prepared.fingerprint, source_path_shown=prepared.shown)
    # The slug is the one Pelican's Content makes of the file name without it.
    from pelican.contents import Article

    made = Article(html, dict(expected), settings=reader.settings, source_path=path)
    assert metadata["slug"] == made.slug == "satu"
    expected["slug"] = made.slug
    assert list(metadata) == list(expected)
    assert metadata == expected
    assert type(metadata["date"]) is type(expected["date"])
    assert html == prepared.html


def test_prepared_summaries_are_pelicans(tmp_path: Path) -> None:
    """Each summary the reader prepared and the speed layer handed to Pelican's memo is the
    one Pelican computes itself; an article with its own summary field keeps it."""
    from pelican import signals
    from pelican_speed.config import original

    long_body = " ".join(f"kata{i} *tebal* [tautan](https://a.example/{i})" for i in range(60))
    content = tiny_site(
        tmp_path,
        satu=("Judul pertama artikel", long_body),
        dua=("Judul kedua artikel", "Isi pendek, kurang dari empat puluh kata."),
    )
    (content / "articles" / "2024" / "tiga.md").write_text(
        article("Isi ketiga.", title="Judul ketiga artikel", summary="Ringkasan milik artikel."),
        encoding="utf-8",
    )
    seen: list[tuple[Any, bool]] = []

    def check(generators: list[Any]) -> None:
        memo = original("pelican.contents:Content.get_summary")  # Pelican's @memoized
        for generator in generators:
            for a in getattr(generator, "articles", []):
                key = (a, a.get_siteurl())
                seen.append((a, key in memo.cache))
                if key in memo.cache:
                    assert memo.cache[key] == memo.func(*key)

    signals.all_generators_finalized.connect(check)
    try:
        build(content=content, output=tmp_path / "out")
    finally:
        signals.all_generators_finalized.disconnect(check)
    handed = {a.slug: given for a, given in seen}
    assert handed == {"satu": True, "dua": True, "tiga": False}
    tiga = next(a for a, _ in seen if a.slug == "tiga")
    assert tiga.summary == "Ringkasan milik artikel."


def test_relative_is_relpath() -> None:
    import os

    from plugins.validation.validation import _relative

    bases = ["/", "/a", "/a/b", "/ab", "//a"]
    paths = ["/", "/a", "/a/b", "/a/b/c.md", "/ab/c", "/abc", "/a/bc/d", "//a/b", "/x/y"]
    for base in bases:
        for path in paths:
            a, b = os.path.abspath(path), os.path.abspath(base)
            assert _relative(a, b) == os.path.relpath(a, b), (a, b)
