"""Direct quotes and their speakers, people and their roles (arsip/quotes.py), one kind of
sentence at a time; the evaluation sets measure the whole (tests/test_quotes_eval.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from arsip import quotes, schema
from arsip.ingest import write
from arsip.ingest.core import extract as ingest

LEAD = "Sekretaris Daerah Kota Bukittinggi Martias Wanto mengingatkan ASN menjaga netralitas."


def said(*paragraphs: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.text) for q in quotes.extract(list(paragraphs)).quotes]


def test_no_quote_marks_no_quotes() -> None:
    found = quotes.extract([LEAD, "Ia menambahkan, ASN harus netral."])
    assert found.quotes == []
    assert [(p.name, p.role) for p in found.people] == [("Martias Wanto", "Sekretaris Daerah")]


def test_nobody_introduced_nobody_listed() -> None:
    assert quotes.extract(["Apel digelar di halaman balai kota, Senin (19/8)."]).people == []


@pytest.mark.parametrize(
    "paragraph",
    [
        '"Jaga netralitas," ujar Martias Wanto.',
        "“Jaga netralitas,” kata Martias.",
        '"Jaga netralitas,"ujar Martias.',  # no space after the closing mark
        '"Jaga netralitas,", tegas Sekda Martias Wanto di Balai Kota.',
        "”Jaga netralitas,” ucap Sekda.",  # a closing mark used to open; the role alone
        'Martias mengatakan, "Jaga netralitas,"',
        'Menurut Martias, "Jaga netralitas,"',
        'Martias: "Jaga netralitas,"',
    ],
)
def test_one_speaker_however_attributed(paragraph: str) -> None:
    found = quotes.extract([LEAD, paragraph]).quotes
    assert [(q.speaker, q.text) for q in found] == [("Martias Wanto", "Jaga netralitas,")]
    assert found[0].sure


def test_pronoun_in_the_same_paragraph_is_sure_across_paragraphs_flagged() -> None:
    found = quotes.extract(
        [LEAD, 'Martias menambahkan hal itu. "Layani warga," ujarnya.', '"Netral," katanya.']
    ).quotes
    assert [(q.speaker, q.how, q.sure) for q in found] == [
        ("Martias Wanto", "pronoun", True),
        ("Martias Wanto", "pronoun", False),
    ]
    assert "Martias Wanto" in found[1].note


def test_pronoun_points_to_the_last_person_speaking() -> None:
    got = said(
        LEAD,
        '"Jaga netralitas," kata Martias.',
        "Sementara itu, Ketua Bawaslu Kota Bukittinggi Ruzi Hariyadi mencatat tiga laporan.",
        '"Dua sudah diproses," ujarnya.',
    )
    assert [s for s, _ in got] == ["Martias Wanto", "Ruzi Hariyadi"]


def test_role_only_is_the_person_with_that_role() -> None:
    got = said(
        LEAD,
        "Wakil Bupati Agam Irwan Fikri juga hadir.",
        '"Jangan berpihak," kata Sekda.',
        '"Jangan klik suka," ujar Wabup.',
    )
    assert got == [("Martias Wanto", "Jangan berpihak,"), ("Irwan Fikri", "Jangan klik suka,")]


def test_role_nobody_holds_is_no_speaker() -> None:
    (q,) = quotes.extract([LEAD, '"Sudah kami catat," kata Bupati.']).quotes
    assert q.speaker is None and not q.sure


def test_quote_across_paragraphs_is_one_quote() -> None:
    got = said(
        LEAD,
        "Martias mengatakan:",
        "“Netralitas itu perintah undang-undang.",
        "“Pelanggaran akan kami proses,” ujar Martias.",
    )
    assert got == [
        ("Martias Wanto", "Netralitas itu perintah undang-undang. Pelanggaran akan kami proses,")
    ]


def test_lead_in_closing_the_paragraph_before() -> None:
    got = said(LEAD, "Martias menegaskan:", '"ASN harus netral."', "Apel ditutup pukul 09.00.")
    assert got == [("Martias Wanto", "ASN harus netral.")]


def test_description_points_back_to_the_speaker() -> None:
    got = said(LEAD, '"Jaga netralitas," kata pria yang akrab disapa Pak Sekda itu.')
    assert got == [("Martias Wanto", "Jaga netralitas,")]


def test_quote_closed_without_reopening_in_the_next_paragraph() -> None:
    got = said(LEAD, '"Netralitas itu wajib.', 'Sanksinya jelas," kata Martias.')
    assert got == [("Martias Wanto", "Netralitas itu wajib. Sanksinya jelas,")]


def test_missing_marks_are_flagged() -> None:
    found = quotes.extract(
        [LEAD, "Ia juga menambahkan, ASN harus netral,” sambungnya.", '"Jaga jarak dari calon.']
    ).quotes
    assert [(q.text, q.sure) for q in found] == [
        ("ASN harus netral,", False),
        ("Jaga jarak dari calon.", False),
    ]
    assert "opening" in found[0].note or "pembuka" in found[0].note


def test_slogans_and_terms_have_no_speaker() -> None:
    found = quotes.extract(
        [LEAD, 'Martias meluncurkan gerakan "ASN Netral, Pilkada Damai" di balai kota.']
    ).quotes
    assert [(q.speaker, q.text, q.how, q.sure) for q in found] == [
        (None, "ASN Netral, Pilkada Damai", "slogan", False)
    ]


def test_unattributed_quote_goes_on_from_the_one_before_flagged() -> None:
    found = quotes.extract(
        [LEAD, '"Jaga netralitas," kata Martias.', '"Layani warga dengan baik."']
    ).quotes
    assert (found[1].speaker, found[1].how, found[1].sure) == ("Martias Wanto", "context", False)


def test_unattributed_quote_before_anyone_speaks_has_no_speaker() -> None:
    found = quotes.extract(
        [LEAD, '"Kami ASN akan menjaga netralitas."', '"Ikrar ini dijalankan," kata Martias.']
    ).quotes
    assert (found[0].speaker, found[0].sure) == (None, False)
    assert found[1].speaker == "Martias Wanto"


def test_unnamed_speaker_is_nobody() -> None:
    (q,) = quotes.extract(
        [LEAD, '"Kami bingung," kata seorang ASN yang enggan disebut namanya.']
    ).quotes
    assert q.speaker is None and q.how == "anonymous"


def test_quote_interrupted_by_its_attribution_is_two_quotes_one_speaker() -> None:
    got = said(LEAD, '"Saya tegaskan," kata Martias, "ASN harus netral."')
    assert got == [("Martias Wanto", "Saya tegaskan,"), ("Martias Wanto", "ASN harus netral.")]


def test_titles_the_roles_do_not_cover_and_names_completed() -> None:
    found = quotes.extract(
        [
            LEAD,
            '"Kami siap membantu," ujar Kasat Reskrim Polres Agam AKP Yunus Saputra.',
            "Kepala Dinas Kominfo Agam Alexander Tanak juga hadir.",
            '"Ada ancaman pidana," kata Alexander.',
            '"Baliho akan ditertibkan," kata Budi Setiawan, Kepala BKPSDM Kota Bukittinggi.',
            '"Patroli siber berjalan," kata Kapolres Agam AKBP Dodi Prasetyo.',
        ]
    )
    assert [q.speaker for q in found.quotes] == [
        "Yunus Saputra",
        "Alexander Tanak",
        "Budi Setiawan",
        "Dodi Prasetyo",
    ]
    roles = {p.name: (p.role, p.sure) for p in found.people}
    assert roles["Budi Setiawan"] == ("Kepala BKPSDM", True)  # the role after the name
    assert roles["Dodi Prasetyo"] == ("Kapolres", True)  # the rank is no part of the name
    assert roles["Yunus Saputra"] == ("", False)  # a title outside data/roles.yml: flagged
    assert roles["Alexander Tanak"] == ("", False)


def test_draft_carries_people_and_quotes_and_flags_guesses() -> None:
    raw = (
        "Sekda Bukittinggi Ingatkan ASN\n\n"
        "BUKITTINGGI, hantaran.co - " + LEAD + " Senin (19/8/2024).\n\n"
        "Ketua Bawaslu Kota Bukittinggi Ruzi Hariyadi turut hadir dalam apel itu.\n\n"
        '"Jangan berpihak," kata Martias Wanto.\n\n'
        '"Kami awasi," ujar Ruzi.\n\n'
        '"Sudah ada laporan," ujarnya.\n'
    )
    draft = ingest(raw)
    assert draft.meta["official"] == "Martias Wanto"
    assert draft.meta["people"] == [{"person": "Ruzi Hariyadi", "role": "Ketua Bawaslu"}]
    assert draft.meta["quotes"] == [
        {"speaker": "Martias Wanto", "text": "Jangan berpihak,"},
        {"speaker": "Ruzi Hariyadi", "text": "Kami awasi,"},
        {"speaker": "Ruzi Hariyadi", "text": "Sudah ada laporan,"},
    ]
    assert draft.review["quotes"].startswith("3: ")  # the pronoun across paragraphs
    assert "people" not in draft.review


def test_draft_without_quotes_has_no_quote_fields() -> None:
    raw = (
        "BUKITTINGGI, hantaran.co - " + LEAD + " Senin (19/8/2024).\n\n"
        "Ia menambahkan, ASN harus netral.\n"
    )
    draft = ingest(raw)
    assert "quotes" not in draft.meta and "people" not in draft.meta
    assert "quotes" not in draft.review


def test_people_and_quotes_are_written_as_block_lists_that_read_back() -> None:
    import yaml

    items = [{"speaker": "Martias Wanto", "text": 'Kata "x": #y, [z] {w} - ok'}, {"text": "- a: b"}]
    block = "quotes:\n" + "\n".join(write._mapping_items(items))
    assert yaml.safe_load(block) == {"quotes": items}


PADANG = (
    "Pj Wali Kota Padang Ingatkan ASN\n\n"
    "PADANG, Langgam.id - Pj Wali Kota Padang Andre Algamar mengingatkan ASN menjaga netralitas, "
    "Kamis (4/7/2024).\n\n"
    "Sekretaris Daerah Kota Padang Rahmat Hidayat dan Kepala BKD Kota Padang Yosefriawanto hadir.\n\n"
    '"Jangan berpihak," kata Andre.\n\n'
    '"Kami awasi," ujar Rahmat Hidayat.\n\n'
    '"Data ASN sudah kami petakan," ujar Yosefriawanto.\n'
)


def test_names_go_through_the_registry() -> None:
    draft = ingest(PADANG)
    # A spelling the registry knows becomes its canonical name, quietly.
    assert draft.meta["official"] == "Andree Algamar" and "official" not in draft.review
    assert draft.meta["quotes"][0] == {"speaker": "Andree Algamar", "text": "Jangan berpihak,"}
    people = {p["person"]: p["role"] for p in draft.meta["people"]}
    # A near match is taken as the entry, and flagged; a new name is flagged and kept.
    assert people == {"Rahmat Hidayat": "Sekretaris Daerah", "Yosefriawan": "Kepala BKD"}
    assert "Yosefriawanto" in draft.review["people"] and "Yosefriawan" in draft.review["people"]
    assert "Rahmat Hidayat" in draft.review["people"]
    assert draft.new_people == [("Rahmat Hidayat", "Sekretaris Daerah")]


def test_ingest_writes_new_people_for_review_and_only_in_its_repository(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    from arsip import registry, testing
    from arsip.ingest import ingest_paths

    raw = tmp_path / "padang.txt"
    raw.write_text(PADANG, encoding="utf-8")
    monkeypatch.setenv("ARSIP_LANG", "en")
    monkeypatch.delenv("ARSIP_DATA_DIR", raising=False)
    repo_people = (schema.DATA_DIR / "people.yml").read_bytes()
    out, err = io.StringIO(), io.StringIO()
    # Drafts outside the repository: the repository's registry stays as it is.
    assert ingest_paths([raw], tmp_path / "scratch", out=out, err=err) == 0, err.getvalue()
    assert (schema.DATA_DIR / "people.yml").read_bytes() == repo_people
    assert "not written to data/people.yml" in out.getvalue() and "Rahmat Hidayat" in out.getvalue()
    # With its data folder: appended for review, existing entries kept byte for byte.
    data = testing.data_dir(tmp_path / "data")
    before = (data / "people.yml").read_text(encoding="utf-8")
    monkeypatch.setenv("ARSIP_DATA_DIR", str(data))
    out = io.StringIO()
    assert ingest_paths([raw], tmp_path / "content", out=out, err=err) == 0, err.getvalue()
    after = (data / "people.yml").read_text(encoding="utf-8")
    assert after.startswith(before) and "# added by ingest for " in after[len(before) :]
    added = registry.load(data).person("Rahmat Hidayat")
    assert added is not None and added.roles[0].role == "Sekretaris Daerah"
    assert (added.roles[0].region, str(added.roles[0].start)) == ("Kota Padang", "2024-07-04")
    assert not [p for p in registry.load(data).problems if "people.yml" in p.path]
    (draft,) = (tmp_path / "content").glob("*/*.md")
    assert [p.field for p in schema.validate(schema.read_article(draft))] == ["review"]
