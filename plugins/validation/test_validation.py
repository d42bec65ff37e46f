"""The validation plugin in a real (tiny) build: invalid articles stop it, text stays text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from arsip.testing import article
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

    from arsip import registry, schema
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
    expected.update(registry.article_references(schema.read_article(path).meta))
    assert metadata["official_id"] == "andree-algamar" and metadata["source_id"] == "langgam-id"
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


# --------------------------------------------------------------------------- people, outlets, quotes

PEOPLE_AND_QUOTES = """people:
  - person: Yosefriawan
    role: Pj Sekretaris Daerah
quotes:
  - speaker: Yosefriawan
    text: "Jangan ikut kampanye,"
  - speaker: Andree Algamar
    text: "ASN harus netral,"
"""
QUOTED = '“Jangan ikut kampanye,” kata Yosefriawan. "ASN harus netral," ujar Andree Algamar.'


def _with_lists(text: str, block: str) -> str:
    head, sep, rest = text.partition("\n---\n")
    return head + "\n" + block.rstrip("\n") + sep + rest


def _metadata_of_build(content: Path, out: Path) -> dict[str, dict[str, Any]]:
    """Every article's metadata, by slug, as the generators see it."""
    from pelican import signals

    seen: dict[str, dict[str, Any]] = {}

    def collect(generator: Any) -> None:
        for a in generator.articles:
            seen[a.slug] = dict(a.metadata)

    signals.article_generator_finalized.connect(collect)
    try:
        build(content=content, output=out)
    finally:
        signals.article_generator_finalized.disconnect(collect)
    return seen


def test_articles_carry_canonical_names_ids_people_and_quotes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from arsip.testing import data_dir

    # Two people named Ahmad Yani: two ids, and an article names each by the id.
    people = (
        "- id: ahmad-yani-kota-padang\n  name: Ahmad Yani\n  roles:\n"
        "    - {role: Camat, region: Kota Padang, start: 2021-03-01}\n"
        "- id: ahmad-yani-kabupaten-agam\n  name: Ahmad Yani\n  roles:\n"
        "    - {role: Camat, region: Kabupaten Agam, start: 2022-05-10}\n"
        "  distinct_from: [ahmad-yani-kota-padang]"
    )
    monkeypatch.setenv("ARSIP_DATA_DIR", str(data_dir(tmp_path / "data", people=people)))
    content = tiny_site(tmp_path, satu=("Judul pertama artikel", QUOTED))
    path = content / "articles" / "2024" / "satu.md"
    path.write_text(_with_lists(path.read_text("utf-8"), PEOPLE_AND_QUOTES), "utf-8")
    for slug, pid in (("padang", "ahmad-yani-kota-padang"), ("agam", "ahmad-yani-kabupaten-agam")):
        (content / "articles" / "2024" / f"{slug}.md").write_text(
            article(f"Camat {slug} meminta ASN netral.", title=f"Camat {slug}", official=pid, role="Camat", source="ANTARA"),
            "utf-8",
        )  # fmt: skip
    meta = _metadata_of_build(content, tmp_path / "out")
    satu = meta["satu"]
    assert (satu["official"], satu["official_id"]) == ("Andree Algamar", "andree-algamar")
    assert (satu["source"], satu["source_id"]) == ("Langgam.id", "langgam-id")
    assert satu["people"] == [
        {"id": "andree-algamar", "name": "Andree Algamar", "role": "Pj Wali Kota", "main": True},
        {"id": "yosefriawan", "name": "Yosefriawan", "role": "Pj Sekretaris Daerah", "main": False},
    ]
    assert [(q["number"], q["speaker_id"], q["role"], q["text"]) for q in satu["quotes"]] == [
        (1, "yosefriawan", "Pj Sekretaris Daerah", "Jangan ikut kampanye,"),
        (2, "andree-algamar", "Pj Wali Kota", "ASN harus netral,"),
    ]
    # Two people with one name stay two: one name, two ids.
    assert meta["padang"]["official"] == meta["agam"]["official"] == "Ahmad Yani"
    assert meta["padang"]["official_id"] == "ahmad-yani-kota-padang"
    assert meta["agam"]["official_id"] == "ahmad-yani-kabupaten-agam"
    assert (meta["agam"]["source"], meta["agam"]["source_id"]) == ("ANTARA", "antara")


def test_a_variant_or_an_unknown_name_stops_the_build(
    tmp_path: Path, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARSIP_LANG", "en")
    content = tiny_site(tmp_path, satu=("Judul pertama artikel", QUOTED))
    path = content / "articles" / "2024" / "satu.md"
    text = _with_lists(path.read_text("utf-8"), PEOPLE_AND_QUOTES)
    text = text.replace("official: Andree Algamar", "official: Andre Algamar")
    text = text.replace("source: Langgam.id", "source: Antara")
    text = text.replace("  - person: Yosefriawan", "  - person: Budi Santoso")
    path.write_text(text, "utf-8")
    with pytest.raises(BuildFailed, match="3 problem"):
        build(content=content, output=tmp_path / "out")
    err = capfd.readouterr().err
    assert (
        "articles/2024/satu.md:6: official: 'Andre Algamar' is a spelling variant of "
        "'Andree Algamar': did you mean 'Andree Algamar' (Pj Wali Kota, Kota Padang)?"
    ) in err
    assert "satu.md:8: source: 'Antara' is a spelling variant of 'ANTARA'" in err
    assert "satu.md:12: people: item 1, person: 'Budi Santoso' is not in data/people.yml" in err
    assert not (tmp_path / "out" / "index.html").exists()


def test_a_registry_with_problems_stops_the_build(
    tmp_path: Path, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from arsip.testing import data_dir

    people = (
        "- id: andre-algamar\n  name: Andre Algamar\n  roles:\n"
        "    - {role: Pj Wali Kota, region: Kota Padang, start: 2024-05-17}"
    )
    monkeypatch.setenv("ARSIP_DATA_DIR", str(data_dir(tmp_path / "data", people=people)))
    monkeypatch.setenv("ARSIP_LANG", "en")
    content = tiny_site(tmp_path, satu=("Judul pertama artikel", "Isi pertama."))
    with pytest.raises(BuildFailed, match="problem"):
        build(content=content, output=tmp_path / "out")
    err = capfd.readouterr().err
    assert (
        "people.yml:" in err and ": name: Andre Algamar (andre-algamar) and Andree Algamar" in err
    )
