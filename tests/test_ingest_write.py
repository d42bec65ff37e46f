"""Drafts: front-matter in the schema's order, untrusted text kept as text, no overwrite."""

from __future__ import annotations

from pathlib import Path

import pytest

from arsip import schema
from arsip.ingest import write

META = {
    "title": 'Jelang Pilkada: "ASN" #netral, [kata] Sekda: {ok} & <b>',
    "title_editorial": True,
    "date": "2024-08-19",
    "region": "Kota Bukittinggi",
    "province": "Sumatera Barat",
    "official": "Martias Wanto",
    "role": "Sekretaris Daerah",
    "source": "- yes: no",
    "election": "Pilkada 2024",
    "tags": ["netralitas ASN", "apel"],
    "review": ["title", "tags"],
}


def test_hostile_values_read_back_as_written() -> None:
    meta = {**META, "title": 'Jelang Pilkada: "ASN" #netral, [kata] Sekda: {ok} & x'}
    text = write.render(meta, ["Isi berita."])
    parsed = schema.parse(text, "articles/2024/x.md")
    assert not parsed.problems
    assert parsed.meta["title"] == meta["title"]
    assert parsed.meta["source"] == "- yes: no"
    assert parsed.meta["date"] == "2024-08-19"
    assert parsed.meta["tags"] == ["netralitas ASN", "apel"]
    assert list(parsed.meta) == [f for f in schema.FIELD_ORDER if f in meta]


def test_only_the_review_list_keeps_a_draft_out() -> None:
    meta = {**META, "title": "Sekda Bukittinggi Ingatkan ASN", "source": "hantaran.co"}
    parsed = schema.parse(write.render(meta, ["Isi berita."]), "articles/2024/x.md")
    problems = schema.validate(parsed)
    assert [p.field for p in problems] == ["review"]
    assert "title, tags" in problems[0].message


def test_body_markup_is_made_inert() -> None:
    body = write.safe_body(
        ["<script>alert(1)</script> teks", "![x](javascript:alert(1))", "# bukan judul"]
    )
    parsed = schema.parse(write.render({**META, "title": "Judul biasa"}, []) + body, "a/2024/x.md")
    assert not [p for p in schema.check_body(parsed)]
    assert "alert(1)" in body


def test_never_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "2024" / "a.md"
    write.write_new(target, "one")
    with pytest.raises(FileExistsError):
        write.write_new(target, "two")
    assert target.read_text(encoding="utf-8") == "one"


def test_free_path_avoids_names_taken_in_any_year(tmp_path: Path) -> None:
    (tmp_path / "2020").mkdir()
    (tmp_path / "2020" / "sekda-ingatkan-asn.md").write_text("x", encoding="utf-8")
    path = write.free_path(tmp_path, 2024, "sekda-ingatkan-asn")
    assert path == tmp_path / "2024" / "sekda-ingatkan-asn-2.md"


def test_slug() -> None:
    assert write.slug_for("Jelang Pilkada 2024: Pj Wako Padang Ingatkan ASN") == (
        "jelang-pilkada-2024-pj-wako-padang-ingatkan-asn"
    )
