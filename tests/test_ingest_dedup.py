"""Near-duplicate text (arsip.dedup), shared by the ingest and the check."""

from __future__ import annotations

from arsip import dedup

TEXT = (
    "Menjelang masa purnabakti Sekretaris Daerah Kota Bukittinggi mengingatkan ASN di "
    "lingkungan Pemko Bukittinggi untuk menjaga netralitas menjelang pemilihan kepala daerah. "
    "Hal ini sangat penting untuk menjaga integritas dan profesionalisme ASN dalam tugasnya."
)


def test_same_text_with_small_changes_is_a_duplicate() -> None:
    edited = TEXT.replace("sangat penting", "penting").upper() + " Editor: X"
    match = dedup.most_similar(edited, [("a.md", TEXT), ("b.md", "Berita lain sama sekali.")])
    assert match is not None and match.key == "a.md" and match.similarity >= dedup.THRESHOLD


def test_a_trimmed_copy_is_a_duplicate() -> None:
    longer = (
        TEXT + " " + " ".join(f"Paragraf tambahan nomor {i} tentang hal lain." for i in range(30))
    )
    assert dedup.most_similar(TEXT, [("long.md", longer)]) is not None


def test_different_articles_on_the_same_topic_are_not() -> None:
    other = (
        "Pj Wali Kota Padang mengingatkan ASN di lingkungan Pemko Padang agar menjaga netralitas "
        "dan integritas dalam Pilkada, serta tidak terlibat politik praktis dalam bentuk apa pun."
    )
    assert dedup.most_similar(TEXT, [("x.md", other)]) is None
    assert dedup.jaccard(dedup.shingles(""), dedup.shingles(TEXT)) == 0.0
