"""Regulations cited in articles (arsip/regulations.py): recognition, vocabulary, and what
``invoke check`` and ingest report."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from arsip import regulations, schema
from arsip.check import main as check_main
from arsip.check import regulation_candidates
from arsip.ingest import ingest_paths
from arsip.testing import use_editors_default_language

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content" / "articles"


def body(name: str) -> str:
    (path,) = CONTENT.glob(f"*/{name}.md")
    return schema.read_article(path).body


def test_the_seeds_own_citations_are_found() -> None:
    bengkulu = regulations.find(
        body("pjs-bupati-bengkulu-selatan-ingatkan-asn-netral-dalam-pilkada-2024")
    )
    assert [(c.key, c.text) for c in bengkulu] == [("UU 20/2023", "UU No 20 Tahun 2023")]
    assert bengkulu[0].quote.startswith("Sisardi menambahkan di dalam UU No 20 Tahun 2023 Pasal 9")
    assert bengkulu[0].quote.endswith("partai politik.")
    padang_pariaman = regulations.find(
        body(
            "gelar-apel-ikrar-pjs-bupati-padang-pariaman-asn-padang-pariaman-harus-jaga-netralitas"
        )
    )
    assert [c.key for c in padang_pariaman] == ["SE B-2708/KASN/9/2020"]
    assert padang_pariaman[0].text == (
        "Surat Edaran Ketua Komisi Aparatur Sipil Negara (KASN) Nomor B-2708/KASN/9/2020"
    )
    # The other seeds cite no regulation.
    for name in (
        "jelang-pilkada-2024-pj-wako-padang-ingatkan-asn-jaga-netralitas-dan-integritas",
        "pjs-wali-kota-bukittinggi-tegaskan-asn-wajib-jaga-netralitas",
        "sekda-bukittinggi-ingatkan-asn-jaga-netralitas-jelang-pilkada-2024",
    ):
        assert regulations.find(body(name)) == [], name
    # Both seeds' regulations are in the vocabulary.
    known = regulations.vocabulary()
    assert known["UU 20/2023"].title.startswith("Undang-Undang Nomor 20 Tahun 2023")
    assert known["SE B-2708/KASN/9/2020"].issuer.startswith("Komisi Aparatur Sipil Negara")


@pytest.mark.parametrize(
    "text,keys",
    [
        ("Undang-Undang Nomor 20 Tahun 2023 tentang ASN", ["UU 20/2023"]),
        ("undang undang no. 5 tahun 2014", ["UU 5/2014"]),
        ("UU Nomor 05 Tahun 2014", ["UU 5/2014"]),
        ("PP 94 Tahun 2021 tentang disiplin", ["PP 94/2021"]),
        ("Peraturan Pemerintah (PP) Nomor 94 Tahun 2021", ["PP 94/2021"]),
        ("Peraturan Bawaslu Nomor 6 Tahun 2018", ["Perbawaslu 6/2018"]),
        ("Perbawaslu No 6 Tahun 2018", ["Perbawaslu 6/2018"]),
        ("Surat Edaran Ketua KASN Nomor B-2708/KASN/9/2020", ["SE B-2708/KASN/9/2020"]),
        ("SE Menteri PANRB Nomor 18 Tahun 2023 tentang netralitas", ["SE 18/2023"]),
        ("sesuai SKB 5 Menteri tentang netralitas", ["SKB"]),
        ("SKB Nomor 2 Tahun 2022 tentang pedoman", ["SKB 2022"]),
        ("diatur dalam Perbawaslu.", ["Perbawaslu"]),
        ("UU 20/2023 dan PP 94/2021", ["UU 20/2023", "PP 94/2021"]),
        # Not citations: a prefix, a bare number, a law without its number.
        ("ASN se-Kota Padang nomor 5 di kantor", []),
        ("Pasal 9 ayat 2 UU ASN", []),
        ("tahun 2024 ada 173 ASN", []),
    ],
)
def test_citation_forms_are_normalised_to_one_key(text: str, keys: list[str]) -> None:
    assert regulations.keys(text) == keys


def test_a_long_sentence_is_cut_around_the_citation() -> None:
    filler = " ".join(["kata"] * 120)
    text = f"Awal. {filler} sesuai UU Nomor 20 Tahun 2023 {filler}. Akhir."
    (citation,) = regulations.find(text)
    assert len(citation.quote) <= regulations.QUOTE_MAX
    assert "UU Nomor 20 Tahun 2023" in citation.quote
    assert citation.quote.startswith("…") and citation.quote.endswith("…")


def test_every_vocabulary_entry_is_complete_and_keys_are_normalised() -> None:
    entries = regulations.regulations()
    assert len(entries) >= 7
    for reg in entries:
        assert reg.short and reg.title and reg.issuer and 1945 <= reg.year <= 2100
        assert reg.slug == regulations.slug_of(reg.key)
        assert not reg.url or reg.url.startswith("https://")
    assert len({r.slug for r in entries}) == len(entries)


@pytest.mark.parametrize(
    "yaml_text,expected",
    [
        ("- key: UU 20/2023\n  short: x\n  title: t\n  issuer: i\n", ":1: year: missing"),
        (
            "- key: UU 20/2023\n  short: x\n  title: t\n  issuer: i\n  year: dua ribu\n",
            ":5: year: write the year as a number",
        ),
        (
            "- key: UU No 20 Tahun 2023\n  short: x\n  title: t\n  issuer: i\n  year: 2023\n",
            ":1: key: 'UU No 20 Tahun 2023' is not a normalised key: write 'UU 20/2023'",
        ),
        (
            "- key: UU 20/2023\n  short: x\n  title: t\n  issuer: i\n  year: 2023\n  link: x\n",
            ":6: link: unknown field",
        ),
        (
            "- key: UU 20/2023\n  short: x\n  title: t\n  issuer: i\n  year: 2023\n"
            "  url: http://example.org\n",
            ":6: url: the official address starts with https://",
        ),
        (
            "- {key: PP 94/2021, short: a, title: b, issuer: c, year: 2021}\n"
            "- {key: PP 94/2021, short: a, title: b, issuer: c, year: 2021}\n",
            ":2: key: 'PP 94/2021' is listed twice",
        ),
    ],
)
def test_a_bad_vocabulary_entry_names_file_line_field_and_fix(
    tmp_path: Path, yaml_text: str, expected: str
) -> None:
    path = tmp_path / "regulations.yml"
    path.write_text(yaml_text, encoding="utf-8")
    with pytest.raises(regulations.VocabularyError) as info:
        regulations.read_vocabulary(path)
    assert str(info.value).startswith(str(path)), info.value
    assert expected in str(info.value), info.value


def _article(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "articles" / "2024"
    folder.mkdir(parents=True)
    path = folder / "sekda-contoh-ingatkan-asn.md"
    path.write_text(
        "---\ntitle: Sekda Contoh Ingatkan ASN\ndate: 2024-08-19\nregion: Kota Padang\n"
        "province: Sumatera Barat\nofficial: Andree Algamar\nrole: Pj Wali Kota\n"
        "source: Langgam.id\nelection: Pilkada 2024\ntags: [netralitas ASN]\n---\n"
        f"{text}\n",
        encoding="utf-8",
    )
    return path


def test_check_lists_unknown_citations_as_candidates_without_failing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    use_editors_default_language(monkeypatch)  # the note in Indonesian, then in English
    path = _article(
        tmp_path,
        "Andree mengingatkan ASN.\n\nSesuai UU Nomor 20 Tahun 2023 dan SKB 5 Menteri, juga "
        "Peraturan KPU Nomor 8 Tahun 2024, ASN wajib netral.",
    )
    found = regulation_candidates([path])
    assert [(c.key, c.line, c.cited_as) for c in found] == [
        ("PKPU 8/2024", 14, "Peraturan KPU Nomor 8 Tahun 2024"),
        ("SKB", 14, "SKB 5 Menteri"),
    ]
    assert check_main([str(path)]) == 0  # a note, not a problem
    out = capsys.readouterr().out
    assert (
        f"{path}:14: regulations: catatan: 'SKB' (dikutip sebagai 'SKB 5 Menteri') tidak ada di "
        in out
    )
    assert "UU 20/2023" not in out  # known: no note
    monkeypatch.setenv("ARSIP_LANG", "en")
    assert check_main([str(path)]) == 0
    out = capsys.readouterr().out
    assert f"{path}:14: regulations: note: 'SKB' (cited as 'SKB 5 Menteri') is not in " in out
    assert check_main([str(path), "--format", "github"]) == 0
    out = capsys.readouterr().out
    assert "::notice file=" in out and "title=regulations::'PKPU 8/2024'" in out


def test_the_archive_has_no_candidate_left() -> None:
    assert regulation_candidates(sorted(CONTENT.glob("*/*.md"))) == []


def test_ingest_shows_the_citations_and_writes_the_archived_date(tmp_path: Path) -> None:
    raw = tmp_path / "raw.txt"
    raw.write_text(
        "Sekda Kota Solok Ingatkan ASN Jaga Netralitas\n\n"
        "SOLOK, Padangkita.com - Sekretaris Daerah Kota Solok Ardi Wijaya mengingatkan ASN "
        "Pemko Solok menjaga netralitas sesuai UU Nomor 20 Tahun 2023 dan SKB 5 Menteri.\n\n"
        '"ASN harus netral," kata Ardi di Balai Kota Solok, Kamis (5/9/2024).\n',
        encoding="utf-8",
    )
    out, err = io.StringIO(), io.StringIO()
    assert ingest_paths([raw], tmp_path / "out", out=out, err=err) == 0, err.getvalue()
    assert "  regulations: UU 20/2023, SKB (not in data/regulations.yml)" in out.getvalue()
    (draft,) = (tmp_path / "out").glob("*/*.md")
    meta = schema.read_article(draft).meta
    assert schema.DATE_RE.match(str(meta["archived"]))
