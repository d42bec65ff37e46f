"""Datelines and outlets."""

from __future__ import annotations

import pytest

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
