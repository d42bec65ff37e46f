"""Dates in the forms Indonesian news use; a missing year from the election named, checked
against the weekday; conflicts flagged, never guessed."""

from __future__ import annotations

import datetime as dt

import pytest

from arsip.ingest import dates
from arsip.ingest.dates import election_years, find_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ujar Sekda, Senin, (19/8). Pilkada 2024 segera digelar.", "2024-08-19"),
        ("dilakukan di ruangan kerja Wako, Kamis (3/10/2024).", "2024-10-03"),
        ("saat apel pagi Senin(04/11). Pilkada tahun 2024.", "2024-11-04"),
        ("disampaikan Selasa, 12 November 2024 di Kendal.", "2024-11-12"),
        ("mengumpulkan camat di aula (7/10/2020) untuk Pilkada 2020.", "2020-10-07"),
        ("kata Rudy, Rabu (16/10), menjelang Pilkada serentak 2024.", "2024-10-16"),
        ("Jumat, 13 Sep 2024, di Banda Aceh.", "2024-09-13"),
        ("pada Kamis (29/10), jelang Pilkada 2020; Pemilu 2019 lalu.", "2020-10-29"),
    ],
)
def test_forms(text: str, expected: str) -> None:
    found = find_date(text)
    assert found.value == dt.date.fromisoformat(expected)
    assert found.sure, found.note


def test_weekday_date_beats_a_document_date() -> None:
    text = (
        "Surat Edaran KASN tanggal 18 Maret 2020 tentang Pilkada 2020. Apel digelar pada "
        "Selasa (13/10) di Hall IKK."
    )
    assert find_date(text).value == dt.date(2020, 10, 13)


def test_body_date_beats_the_publication_stamp() -> None:
    found = find_date(
        "kata Rudy di Palu, Rabu (16/10). Pilkada 2024.", "Kamis, 17 Oktober 2024 | 09:15"
    )
    assert found.value == dt.date(2024, 10, 16)


def test_weekday_conflict_is_flagged() -> None:
    found = find_date("apel pagi, Selasa (19/8). Menjelang Pilkada 2024.")
    assert not found.sure
    assert "Senin" in found.note and "Selasa" in found.note


def test_explicit_year_with_wrong_weekday_is_flagged() -> None:
    found = find_date("Rabu (3/10/2024) di Balai Kota.")
    assert found.value == dt.date(2024, 10, 3)
    assert not found.sure


def test_no_weekday_to_check_the_inferred_year_is_flagged() -> None:
    found = find_date("di aula (19/8) jelang Pilkada 2024.")
    assert found.value == dt.date(2024, 8, 19)
    assert not found.sure


def test_no_year_anywhere_is_unresolved() -> None:
    found = find_date("apel pagi, Senin (19/8), di halaman kantor.")
    assert found.value is None
    assert "tanpa tahun" in found.note  # the editors' language by default


def test_no_date_at_all() -> None:
    assert find_date("Tidak ada tanggal di sini. Nomor 9/2020.").value is None


def test_date_written_without_weekday_is_flagged() -> None:
    found = find_date("Penandatanganan pada 26 September 2024 lalu.")
    assert found.value == dt.date(2024, 9, 26)
    assert not found.sure


def test_election_years_prefer_elections_named() -> None:
    assert election_years("UU 20 Tahun 2023 ... Pilkada Serentak 2024 ... Pilkada 2024") == [2024]
    assert election_years("Pemilihan Kepala Daerah tahun 2020") == [2020]


def test_election_from_the_date_and_the_text() -> None:
    from arsip.ingest.core import election_for

    assert election_for(2024, "menjelang Pilkada 2024")[:2] == ("Pilkada 2024", True)
    assert election_for(2020, "Pilkada serentak tahun 2020")[:2] == ("Pilkada 2020", True)
    # Dated in 2023 about the 2024 election: the election named, flagged.
    assert election_for(2023, "persiapan Pilkada 2024")[:2] == ("Pilkada 2024", False)
    # No election that year and none named: the nearest, flagged.
    assert election_for(2031, "tanpa pemilihan")[:2] == ("Pilkada 2024", False)


def test_publication_line_before_dates_in_the_body() -> None:
    body = "pemungutan suara 27 November 2024. Hal itu disampaikan Senin (9/9)."
    for line in (
        "Senin, 9 September 2024 14:25 WIB",
        "Diterbitkan 09/09/2024",
        "9 Sep 2024, 14.25",
    ):
        found = dates.article_date(["Judul Berita", line], body)
        assert (found.value, found.sure) == (dt.date(2024, 9, 9), True), line


def test_publication_line_against_the_body() -> None:
    # The statement the day before publication, its weekday fitting: the publication line's
    # date (an article's date), not flagged, the statement's day named in the note.
    found = dates.article_date(["Kamis, 17 Oktober 2024 | 09:15 WITA"], "di Palu, Rabu (16/10).")
    assert (found.value, found.sure) == (dt.date(2024, 10, 17), True)
    assert "'Rabu (16/10)'" in found.note and "2024-10-16" in found.note
    # A day the body names that is far from the publication line: flagged.
    found = dates.article_date(["Diterbitkan 09/09/2024"], "apel, Senin (2/9).")
    assert found.value == dt.date(2024, 9, 9) and not found.sure
    # A publication line whose weekday does not fit: flagged.
    found = dates.article_date(["Selasa, 9 September 2024 14:25 WIB"], "teks")
    assert not found.sure and "Monday" not in found.note and "Senin" in found.note
    # No publication line: the body's rules.
    found = dates.article_date(["Judul"], "kata dia, Senin (9/9/2024).")
    assert (found.value, found.sure) == (dt.date(2024, 9, 9), True)
