"""Official and role: honorifics and degrees out, role expanded, the person quoted chosen."""

from __future__ import annotations

import pytest

from arsip import schema
from arsip.ingest import people
from arsip.ingest.people import canonical_role, find_official


@pytest.mark.parametrize(
    ("prefix", "base", "expected"),
    [
        (None, "Wako", "Wali Kota"),
        ("Pjs.", "Wako", "Pjs Wali Kota"),
        ("Pj", "Walikota", "Pj Wali Kota"),
        (None, "Sekda", "Sekretaris Daerah"),
        ("Plt.", "Sekdaprov", "Plt Sekretaris Daerah"),
        ("Penjabat Sementara", "Bupati", "Pjs Bupati"),
        ("Pelaksana Harian", "Wali Kota", "Plh Wali Kota"),
        ("Penjabat", "Gubernur", "Pj Gubernur"),
        (None, "Sekkab", "Sekretaris Daerah"),
    ],
)
def test_roles_are_expanded(prefix: str | None, base: str, expected: str) -> None:
    role = canonical_role(prefix, base)
    assert role == expected
    assert role in schema.vocabulary().canonical_roles()


@pytest.mark.parametrize(
    ("text", "official", "role"),
    [
        (
            "apel bersama Pjs Bupati Bengkulu Selatan Sisardi,S.Pd., M.M didampingi Sekretaris "
            'Daerah Sukarni, S.P., M.Si. "Netral," ujar Sisardi.',
            "Sisardi",
            "Pjs Bupati",
        ),
        (
            "audiensi dengan Pjs Wako H.Hani S.Rustam. Pjs. Wali Kota Bukittinggi H. Hani Syopiar "
            'Rustam menegaskan ASN netral. "Wajib," ujar Pjs Wako H. Hani Syopiar Rustam.',
            "Hani Syopiar Rustam",
            "Pjs Wali Kota",
        ),
        (
            '"Jangan terjebak," ujar Sekda Martias Wanto ketika memimpin apel.',
            "Martias Wanto",
            "Sekretaris Daerah",
        ),
        (
            "Sekretaris Daerah Kabupaten Malang Dr. Ir. Nurman Ramdansyah, M.Si mengingatkan ASN. "
            '"Hindari," tegas Nurman.',
            "Nurman Ramdansyah",
            "Sekretaris Daerah",
        ),
        (
            "Penjabat Sekretaris Daerah Provinsi Jambi Prof. Dr. H. Ahmad Zainuri, S.H., M.H. "
            'meminta ASN netral. "Dilarang," ujar Zainuri.',
            "Ahmad Zainuri",
            "Pj Sekretaris Daerah",
        ),
        (
            'Bupati Agam H Andri Warman SE MM mengingatkan ASN. "Netral," kata Andri.',
            "Andri Warman",
            "Bupati",
        ),
        (
            'Sekda Kota Makassar Andi Muh. Rahmat, S.STP mengingatkan ASN. "Netral," ujar Andi.',
            "Andi Muh. Rahmat",
            "Sekretaris Daerah",
        ),
    ],
)
def test_official_without_honorifics(text: str, official: str, role: str) -> None:
    found = find_official(text)
    assert found is not None
    assert (found.official, found.role) == (official, role)
    assert not schema.honorifics_in(found.official)
    assert found.sure, found.note


def test_the_person_quoted_is_the_official_not_the_first_named() -> None:
    text = (
        "Bupati Klaten Sri Mulyani menghadiri apel. Amanat disampaikan Sekretaris Daerah Klaten "
        'Jajang Prihsono. "ASN harus netral," ujar Jajang. "Satgas bekerja," kata Jajang.'
    )
    found = find_official(text)
    assert found and found.official == "Jajang Prihsono" and found.sure


def test_two_people_quoted_alike_is_flagged() -> None:
    text = (
        'Bupati Kendal Budi Santoso dan Sekda Kendal Agus Salim hadir. "Netral," kata Budi. '
        '"Profesional," kata Agus.'
    )
    found = find_official(text)
    assert found is not None and not found.sure


def test_nobody_introduced_by_a_role() -> None:
    assert find_official("Seluruh ASN diminta netral, kata seorang pegawai.") is None


def test_roles_as_newsrooms_write_them() -> None:
    text = (
        "KOTA BIMA - Pejabat Sementara (Pjs) Wali Kota Bima Ikhwan Hidayat meminta ASN netral. "
        '"Netral," kata Ikhwan.\nAsisten Pemerintahan Setda Kota Baubau La Ode Darwin hadir. '
        "Camat Sungai Pua Afrizal Datuk juga hadir."
    )
    found = {p.name: p.role for p in people.find_people(text)}
    assert found == {
        "Ikhwan Hidayat": "Pjs Wali Kota",
        "La Ode Darwin": "Asisten Pemerintahan",
        "Afrizal Datuk": "Camat",
    }


def test_the_headline_decides_the_official() -> None:
    text = (
        "Pj Bupati Banjar Mahyuni Saleh mengajak ASN netral.\n"
        'Ketua Bawaslu Banjar Rudi Hartono membuka posko. "Lapor," kata Rudi. "Ya," ujar Rudi.\n'
        '"ASN harus netral," kata Mahyuni.'
    )
    assert people.find_official(text, "Ketua Bawaslu Banjar Buka Posko").official == "Rudi Hartono"
    found = people.find_official(text, "Pj Bupati Banjar Ajak ASN Jaga Netralitas")
    assert (found.official, found.role) == ("Mahyuni Saleh", "Pj Bupati")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia (BKPSDM) Banjar",
            "Kepala BKPSDM Banjar",
        ),
        (
            "Pelaksana Tugas (Plt) Kepala Badan Kesatuan Bangsa dan Politik (Kesbangpol) Sigi",
            "Pelaksana Tugas (Plt) Kepala Kesbangpol Sigi",
        ),
        ("Kepala Badan Kepegawaian Daerah (BKD) Solok", "Kepala BKD Solok"),
        ("Kepala Kantor Kesatuan Bangsa dan Politik (Kesbangpol) Sigi", "Kepala Kesbangpol Sigi"),
        # Parentheses that are no abbreviation of the words before them stay as they are.
        (
            "Kepala Dinas Pendidikan (Bapak Rudi) hadir",
            "Kepala Dinas Pendidikan (Bapak Rudi) hadir",
        ),
        ("Pejabat Sementara (Pjs) Bupati Bima", "Pejabat Sementara (Pjs) Bupati Bima"),
    ],
)
def test_offices_written_out_become_their_abbreviation(text: str, expected: str) -> None:
    assert people.contract_offices(text) == expected


def test_roles_with_the_office_written_out() -> None:
    text = (
        "Pelaksana Tugas (Plt) Kepala Badan Kesatuan Bangsa dan Politik (Kesbangpol) Sigi "
        'Moh. Arif Lamasi meminta ASN netral. "Netral," ujar Arif.\n'
        "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia (BKPSDM) Banjar "
        "Rahmawati Noor hadir."
    )
    found = {p.name: p.role for p in people.find_people(text)}
    assert found == {"Moh. Arif Lamasi": "Plt Kepala Kesbangpol", "Rahmawati Noor": "Kepala BKPSDM"}
    official = find_official(text, "Plt Kepala Kesbangpol Sigi Minta ASN Netral")
    assert official and (official.official, official.role) == (
        "Moh. Arif Lamasi",
        "Plt Kepala Kesbangpol",
    )


def test_a_kecamatan_after_camat_is_no_person() -> None:
    text = (
        "Camat Kempo Syarifuddin Yusuf mengumpulkan kepala desa. "
        '"Perangkat desa tidak boleh berpihak," kata Camat Kempo. Menurut Camat Kempo, warga Kempo '
        "bisa melapor. Syarifuddin mengatakan pengawasan diperketat."
    )
    assert [p.name for p in people.find_people(text)] == ["Syarifuddin Yusuf"]
    found = find_official(text, "Camat Kempo Kumpulkan Kepala Desa")
    assert found and found.official == "Syarifuddin Yusuf" and found.sure


def test_the_headline_and_the_lead_make_the_official_sure() -> None:
    text = (
        "Pj Bupati Banjar Mahyuni Saleh mengajak ASN netral.\n"
        'Ketua Bawaslu Banjar Rudi Hartono membuka posko. "Lapor," kata Rudi.\n'
        '"ASN harus netral," kata Mahyuni.'
    )
    lead = "Pj Bupati Banjar Mahyuni Saleh mengajak ASN netral."
    found = find_official(text, "Pj Bupati Banjar Ajak ASN Jaga Netralitas", lead)
    assert found and found.official == "Mahyuni Saleh" and found.sure


@pytest.mark.parametrize(
    ("written", "role"),
    [
        ("Kepala Badan Kesatuan Bangsa dan Politik Kabupaten Sigi", "Kepala Kesbangpol"),
        ("Kepala Bakesbangpol Sigi", "Kepala Kesbangpol"),
        ("Kepala Badan Kepegawaian Daerah Kota Solok", "Kepala BKD"),
        (
            "Plt Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Banjar",
            "Plt Kepala BKPSDM",
        ),
        ("Ketua Badan Pengawas Pemilu Kota Padang", "Ketua Bawaslu"),
    ],
)
def test_offices_written_out_without_their_abbreviation(written: str, role: str) -> None:
    found = people.find_people(f"{written} Rudi Hartono meminta ASN netral.")
    assert [(p.name, p.role) for p in found] == [("Rudi Hartono", role)]


def test_a_regions_abbreviation_is_no_part_of_the_name() -> None:
    text = (
        "Asisten Pemerintahan Setda Timor Tengah Utara (TTU) Yohanes Kolo meminta ASN netral. "
        '"Jangan ikut kampanye," ujar Yohanes. Ia didampingi Sekda TTU Kornelis Bana.'
    )
    found = find_official(text)
    assert found and (found.official, found.role) == ("Yohanes Kolo", "Asisten Pemerintahan")
    named = {p.name: [r.name for r in p.regions] for p in people.find_people(text)}
    assert named["Kornelis Bana"] == ["Kabupaten Timor Tengah Utara"]
    # A region's name spelling its abbreviation is no office to contract.
    assert "Timor Tengah Utara (TTU)" in people.contract_offices(text)


def test_an_anggota_bawaslu_written_out_beside_the_ketua() -> None:
    text = (
        "Anggota Badan Pengawas Pemilu (Bawaslu) Sambas Rina Wati meminta ASN netral. "
        '"Jangan bagikan konten calon," ujar Rina. Rina hadir bersama Ketua Bawaslu Sambas '
        "Joko Susilo."
    )
    found = find_official(text, "Anggota Bawaslu Sambas Ingatkan ASN")
    assert found and (found.official, found.role, found.sure) == (
        "Rina Wati",
        "Anggota Bawaslu",
        True,
    )
    assert people.contract_offices("Komisi Pemilihan Umum (KPU) Sambas") == "KPU Sambas"
