"""Datelines and outlets."""

from __future__ import annotations

import pytest

from arsip.ingest import source
from arsip.ingest.source import (
    as_written_elsewhere,
    outlet_name,
    parse_dateline,
    source_from_credits,
)


@pytest.mark.parametrize(
    ("line", "place", "outlet"),
    [
        (
            "BUKITTINGGI, hantaran.co – Menjelang masa purnabakti atau pensiun, Sekda",
            "BUKITTINGGI",
            "hantaran.co",
        ),
        (
            "BUKITTINGGI - Ketua dan Anggota Bawaslu Kota Bukittinggi lakukan audiensi",
            "BUKITTINGGI",
            "",
        ),
        (
            "RADAR BENGKULU, MANNA - Pada saat apel pagi bersama Pjs Bupati",
            "MANNA",
            "RADAR BENGKULU",
        ),
        ("Langgam.id - Menjelang Pemilihan Kepala Daerah (Pilkada) 2024, Pj", "", "Langgam.id"),
        (
            "Parit Malintang, Tinta Rakyat – Berdasarkan Surat Edaran Ketua KASN",
            "Parit Malintang",
            "Tinta Rakyat",
        ),
        (
            "SEMARANG, KOMPAS.com - Penjabat (Pj) Gubernur Jawa Tengah meminta",
            "SEMARANG",
            "KOMPAS.com",
        ),
        (
            "Makassar (ANTARA) - Sekretaris Daerah Kota Makassar mengingatkan seluruh",
            "Makassar",
            "(ANTARA)",
        ),
        (
            "TRIBUNJATENG.COM, KENDAL - Pelaksana Harian (Plh) Bupati Kendal melarang",
            "KENDAL",
            "TRIBUNJATENG.COM",
        ),
        (
            "BANDAR LAMPUNG, Lampost.co -- Pelaksana Tugas (Plt) Sekretaris Daerah",
            "BANDAR LAMPUNG",
            "Lampost.co",
        ),
    ],
)
def test_datelines(line: str, place: str, outlet: str) -> None:
    found = parse_dateline(line)
    assert found is not None
    assert (found.place, found.outlet) == (place, outlet)


@pytest.mark.parametrize(
    "line",
    [
        "Hal ini sangat penting untuk menjaga integritas - kata dia.",
        "Pertemuan audiensi komisioner itu dilakukan di ruangan kerja Wako, Kamis (3/10/2024).",
        "agar nantinya tidak timbul hal - hal yang tidak diinginkan.",
    ],
)
def test_prose_is_no_dateline(line: str) -> None:
    assert parse_dateline(line) is None


def test_outlet_names() -> None:
    assert outlet_name("RADAR BENGKULU") == "Radar Bengkulu"
    assert outlet_name("(ANTARA)") == "ANTARA"
    assert outlet_name("hantaran.co") == "hantaran.co"
    assert (
        as_written_elsewhere("KOMPAS.com", "SEMARANG, KOMPAS.com - x. dari Kompas.com.")
        == "Kompas.com"
    )


def test_source_from_credits() -> None:
    assert source_from_credits(["Sumber: Malang Post", "Editor: X"], []) == "Malang Post"
    assert (
        source_from_credits(["Artikel ini telah tayang di Serambinews.com dengan judul A"], [])
        == "Serambinews.com"
    )
    assert source_from_credits(["(detikNews)"], []) == "detikNews"
    assert source_from_credits(["(AS/Rel.)"], []) == ""
    assert source_from_credits(["Editor: X"], ["Paragraf."]) == ""


@pytest.mark.parametrize(
    ("line", "place", "outlet"),
    [
        ("TENGGARONG – Kukar Pos, Sekretaris Daerah Kutai Kartanegara Sugeng meminta", "TENGGARONG", "Kukar Pos"),
        ("MASAMBA (Lutra Terkini) - Sekretaris Daerah Luwu Utara Jamal meminta ASN", "MASAMBA", "(Lutra Terkini)"),
        ("KOTA BIMA, Bimakini – Pejabat Sementara (Pjs) Wali Kota Bima Ikhwan", "KOTA BIMA", "Bimakini"),
        ("Gema Sasak, SELONG - Pelaksana Tugas (Plt) Kepala BKPSDM Lombok Timur", "SELONG", "Gema Sasak"),
        ("AIRMADIDI — Kawanua Pos, Pelaksana Harian (Plh) Bupati Minahasa Utara", "AIRMADIDI", "Kawanua Pos"),
    ],
)  # fmt: skip
def test_dateline_shapes(line: str, place: str, outlet: str) -> None:
    found = source.parse_dateline(line)
    assert found is not None
    assert (found.place, found.outlet) == (place, outlet)


def test_a_name_after_the_dash_is_no_outlet() -> None:
    text = "KENDARI - Rahman Saleh, Pjs Wali Kota Kendari, meminta ASN netral.\n\nkata Rahman."
    found = source.parse_dateline(text.splitlines()[0], text)
    assert found is not None and found.outlet == ""
    assert found.rest.startswith("Rahman Saleh, Pjs")


@pytest.mark.parametrize(
    "line",
    [
        "PADANG - Pemko Padang, melalui Dinas Kominfo, mengingatkan ASN menjaga netralitas",
        "PADANG - Menurut Sekda Padang, ASN wajib menjaga netralitas menjelang Pilkada",
        "PADANG - Wali Kota Padang Hendri, menegaskan ASN harus netral dalam Pilkada",
    ],
)
def test_no_outlet_after_the_dash_when_the_text_starts(line: str) -> None:
    found = source.parse_dateline(line)
    assert found is not None and (found.place, found.outlet) == ("PADANG", "")


def test_outlet_from_the_domain_and_the_list() -> None:
    line = source.parse_dateline("MANOKWARI, Papua Barat News - Sekda Manokwari Hendrik meminta")
    url = "https://papuabaratnews.co/2024/09/17/x/"
    found = source.find_outlet(line, [], [], url, "")
    assert found is not None and (found.name, found.sure) == ("Papua Barat News", True)
    # A name is its domain's only as a whole: "Papua" is not papuabaratnews.co.
    short = source.parse_dateline("MANOKWARI, Papua Pos - Sekda Manokwari Hendrik meminta ASN")
    found = source.find_outlet(short, [], [], url, "")
    assert found is not None and (found.name, found.sure) == ("papuabaratnews.co", False)
    # Not in the list and no address: the words as written, flagged.
    found = source.find_outlet(line, [], [], "", "")
    assert found is not None and (found.name, found.sure) == ("Papua Barat News", False)
    # The credits repeating it confirm the words, not the outlet: still flagged.
    found = source.find_outlet(line, ["(papuabaratnews.co)"], [], "", "")
    assert found is not None and (found.name, found.sure) == ("Papua Barat News", False)
    # A known outlet, however the dateline shouts it.
    line = source.parse_dateline("JAKARTA, KOMPAS.com - Penjabat Gubernur meminta ASN netral")
    found = source.find_outlet(line, [], [], "", "")
    assert found is not None and (found.name, found.sure) == ("Kompas.com", True)
    # An address in no list decides against the dateline, flagged.
    found = source.find_outlet(line, [], [], "https://www.contoh-berita.id/a", "")
    assert found is not None and (found.name, found.sure) == ("contoh-berita.id", False)


def test_an_address_is_no_spelling_of_the_outlet() -> None:
    # The dateline shouts the domain; the address's lower-case host is not how the outlet
    # writes its name.
    text = (
        "https://prianganpos.com/2024/09/19/sekda-garut/\n"
        "GARUT, PRIANGANPOS.COM - Sekretaris Daerah Garut Nurdin Yana melarang ASN berpihak."
    )
    line = source.parse_dateline(text.split("\n")[1], text)
    found = source.find_outlet(
        line, [], [], "https://prianganpos.com/2024/09/19/sekda-garut/", text
    )
    assert found is not None and (found.name, found.sure) == ("Prianganpos.com", True)
    # A spelling in the text itself still counts.
    text += "\nBaca berita lain di PrianganPos.com."
    found = source.find_outlet(line, [], [], "", text)
    assert found is not None and found.name == "PrianganPos.com"
