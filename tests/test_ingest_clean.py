"""Boilerplate goes, the article stays word for word."""

from __future__ import annotations

from arsip.ingest.clean import split_article

LEAD = "KOTA, Media - Bupati X mengingatkan ASN agar netral dalam Pilkada 2024 di halaman kantor."
QUOTE = '"Jangan   terjebak,” ujar Sekda Martias Wanto, Senin, (19/8).'


def body_of(text: str, start: int = 0) -> list[str]:
    return split_article(text, body_start=start).paragraphs


def test_related_lines_and_blocks() -> None:
    text = "\n".join(
        [
            LEAD,
            "BACA JUGA:Hasil Evaluasi Nilai MCP KPK, Bengkulu Selatan Posisi Kedua",
            "Baca juga: Bawaslu Temukan Dugaan Pelanggaran",
            "Paragraf kedua yang panjang tentang netralitas ASN dan pelayanan publik di daerah.",
            "Baca Juga",
            "",
            "Wako Fadly Amran Mulai Salurkan Kartu Padang Juara untuk 12.606 Siswa",
            "Wako Fadly Amran Mulai Salurkan Kartu Padang Juara untuk 12.606 Siswa",
            "Pemko Padang Gelar Lomba Napak Tilas Perjuangan Bagindo Aziz Chan",
        ]
    )
    assert body_of(text) == [
        LEAD,
        "Paragraf kedua yang panjang tentang netralitas ASN dan pelayanan publik di daerah.",
    ]


def test_related_heading_ends_at_the_next_paragraph() -> None:
    text = "\n".join(
        [
            LEAD,
            "Berita Terkait:",
            "Pemkab Gelar Rakor Persiapan Pilkada",
            "Setelah itu, Bupati X meminta para camat ikut mengawasi ASN di wilayah masing-masing.",
        ]
    )
    assert body_of(text)[-1].startswith("Setelah itu")


def test_duplicated_headline_and_caption_above_the_body() -> None:
    text = "\n\n".join(
        [
            "Jelang Pilkada 2024: Pj Wako Padang Ingatkan ASN",
            "Jelang Pilkada 2024: Pj Wako Padang Ingatkan ASN",
            "Pj Wako Padang Andree Algamar ingatkan ASN harus netral. (Foto: Prokopim Padang)",
            LEAD,
        ]
    )
    parts = split_article(text, body_start=3)
    assert parts.paragraphs == [LEAD]
    assert parts.above[0] == "Jelang Pilkada 2024: Pj Wako Padang Ingatkan ASN"


def test_page_furniture() -> None:
    furniture = [
        "0 25",
        "\u00a0",
        "Bagikan:",
        "Facebook",
        "Tweet",
        "0 Komentar",
        "Tinggalkan pesanan",
        "Tinggalkan Balasan",
        "Alamat email anda tidak akan disiarkan.",
        "Your email address will not be published. Required fields are marked *",
        "Nama *",
        "This website uses cookies to improve your experience. Accept Read More",
        "Situs ini menggunakan cookie untuk pengalaman terbaik.",
        "Do NOT follow this link or you will be banned from the site!",
        "Ikuti berita Tribunkaltim.co di Google News",
        "Dapatkan update berita pilihan dan breaking news setiap hari dari Kompas.com. Mari "
        "bergabung di Grup Telegram, caranya klik link berikut lalu join.",
        "Copyright © 2024 Beritasatu.com. All rights reserved.",
        "Tags: netralitas ASN, Pilkada",
        "FOTO: Bupati saat memimpin apel (Humas)",
    ]
    text = "\n".join([LEAD, *furniture[:10], QUOTE, *furniture[10:]])
    assert body_of(text) == [LEAD, " ".join(QUOTE.split())]


def test_trailing_credits() -> None:
    for credit in (
        ["Wtz/hantaran.co"],
        ["Editor :"],
        ["Pewarta: Muh. Hasanuddin", "Editor: Abdul Hakim", "COPYRIGHT © ANTARA 2024"],
        ["(ant)"],
        ["Sumber: Malang Post", "Editor: Dwi"],
        ["Artikel ini telah tayang di Tribunjateng.com dengan judul Bupati Larang ASN Kampanye"],
    ):
        parts = split_article("\n".join([LEAD, QUOTE, *credit]))
        assert parts.paragraphs == [LEAD, " ".join(QUOTE.split())], credit
        assert parts.credits and set(parts.credits) <= set(credit)


def test_inline_credit_at_end_of_a_paragraph_stays() -> None:
    last = "Acara ditutup dengan penandatanganan komitmen bersama oleh seluruh ASN. (AS/Rel.)"
    assert body_of(f"{LEAD}\n{last}") == [LEAD, last]


def test_quotes_stay_verbatim() -> None:
    odd = '“Menjelang Pilkada ini,” terangnya."Tidak boleh",ujar Sisardi di halaman kantor Pemda.'
    assert body_of(f"{LEAD}\n{odd}") == [LEAD, odd]


def test_url_line_is_kept_aside() -> None:
    parts = split_article(f"https://example.id/berita/1\n{LEAD}")
    assert parts.urls == ["https://example.id/berita/1"]
    assert parts.paragraphs == [LEAD]


def test_credit_run_into_the_last_paragraph() -> None:
    parts = split_article(f'{LEAD}\n"ASN harus netral," kata Roberia. Editor : Rahmat')
    assert parts.paragraphs[-1] == '"ASN harus netral," kata Roberia.'
    assert parts.credits == ["Editor : Rahmat"]


def test_menus_footers_share_and_follow_lines() -> None:
    from arsip.ingest.clean import is_furniture
    from arsip.ingest.title import headline

    page = [
        "Beranda › Daerah › Sambas",
        "HOME | NASIONAL | DAERAH | OLAHRAGA",
        "DAERAH / POLITIK / EKONOMI",
        "Bagikan ke: Facebook | WhatsApp | Twitter",
        "Share: WA, FB, X",
        "Ikuti Kabar Sambas di Instagram, Facebook dan YouTube.",
        "Kabar Sambas © 2024 | Redaksi | Pedoman Media Siber | Kontak",
    ]
    assert all(is_furniture(line) for line in page)
    # Prose and headlines with the same words are kept.
    kept = [
        "Pj Bupati Sambas / Ingatkan ASN",
        "Bagikan sembako, ASN dilarang ikut kampanye paslon di Sambas.",
        "Ikuti aturan, kata Sekda Sambas kepada ASN yang hadir di apel pagi.",
        "Bupati Minta ASN Netral | Sekda Awasi Absensi",
    ]
    assert not any(is_furniture(line) for line in kept)
    assert headline([*page[:2], "Pj Bupati Sambas Minta ASN Netral"]) == (
        "Pj Bupati Sambas Minta ASN Netral"
    )
    # The site's tagline under the last paragraph goes with the credits.
    text = "\n".join([LEAD, QUOTE, "Penulis : Ani", "Kabar Sambas | Berita Sambas Terkini"])
    assert body_of(text) == [LEAD, " ".join(QUOTE.split())]
