"""Region and province from datelines (capitals through kecamatan and desa), mentions and
the official's role; same-name pairs told apart; ambiguity flagged."""

from __future__ import annotations

import pytest

from arsip import gazetteer
from arsip.ingest.places import find_region
from arsip.ingest.source import parse_dateline


@pytest.mark.parametrize(
    ("place", "expected"),
    [
        ("MANNA", ["Kabupaten Bengkulu Selatan"]),
        ("Parit Malintang", ["Kabupaten Padang Pariaman"]),
        ("BUKITTINGGI", ["Kota Bukittinggi"]),
        ("Sentani", ["Kabupaten Jayapura"]),
        ("Kepanjen", ["Kabupaten Malang"]),
        ("Solok", ["Kabupaten Solok", "Kota Solok"]),
        ("Jawa Tengah", ["Jawa Tengah"]),
        ("Atlantis", []),
    ],
)
def test_resolve_place(place: str, expected: list[str]) -> None:
    assert [r.name for r in gazetteer.resolve_place(place)] == expected


def region(text: str, role: str = "", own: tuple[str, ...] = ()) -> tuple[str, bool]:
    dateline = parse_dateline(text.split("\n")[0])
    found = find_region(text, dateline, role, tuple(gazetteer.lookup(n) for n in own))  # type: ignore[misc]
    return (found.region.name if found.region else "", found.sure)


def test_dateline_capital() -> None:
    text = "RADAR BENGKULU, MANNA - Pada saat apel pagi Pjs Bupati menyampaikan pesan penting."
    assert region(text) == ("Kabupaten Bengkulu Selatan", True)


def test_same_name_pair_told_apart_by_the_text() -> None:
    kota = "SOLOK, Padangkita.com - ASN di lingkungan Pemko Solok diminta netral pada Pilkada."
    kab = "SOLOK - Seluruh ASN Pemerintah Kabupaten Solok diminta netral selama Pilkada."
    assert region(kota)[0] == "Kota Solok"
    assert region(kab)[0] == "Kabupaten Solok"


def test_same_name_pair_without_a_clue_is_flagged() -> None:
    name, sure = region("SOLOK - Seluruh ASN diminta netral selama tahapan Pilkada serentak.")
    assert name in ("Kota Solok", "Kabupaten Solok") and not sure


def test_official_role_wins_over_an_unhelpful_dateline() -> None:
    text = "CIKARANG, Radar Bekasi - Pj Bupati Bekasi Dedy mengimbau ASN Pemkab Bekasi netral."
    assert region(text, "Pj Bupati", ("Kabupaten Bekasi",)) == ("Kabupaten Bekasi", True)


def test_governor_speaks_for_the_province() -> None:
    text = "SEMARANG, KOMPAS.com - Pj Gubernur Jawa Tengah Bambang meminta ASN Pemprov netral."
    assert region(text, "Pj Gubernur", ("Jawa Tengah",)) == ("Jawa Tengah", True)


def test_nothing_found() -> None:
    assert region("Seluruh ASN diminta netral, kata dia, menjelang pemungutan suara.") == (
        "",
        False,
    )


def test_a_provincial_official_with_the_capital_in_the_dateline_is_sure() -> None:
    text = "DENPASAR, NusaBali.com - Pj Gubernur Bali Mahendra meminta ASN di Kota Denpasar netral."
    assert region(text, "Pj Gubernur", ("Bali",)) == ("Bali", True)
    # A place outside the province named as strongly keeps the region in question.
    text = (
        "SURABAYA, Radar Surabaya - Pj Gubernur Bali Mahendra meminta ASN Pemkot Surabaya netral."
    )
    assert region(text, "Pj Gubernur", ("Bali",)) == ("Bali", False)
