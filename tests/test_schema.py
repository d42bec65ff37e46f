"""The schema: each rule gives one clear `path:line: field: message`."""

from __future__ import annotations

from pathlib import Path

import pytest

from arsip import schema

VALID = """---
title: Sekda Ingatkan ASN Jaga Netralitas
date: 2024-08-19
region: Kota Bukittinggi
province: Sumatera Barat
official: Martias Wanto
role: Sekretaris Daerah
source: hantaran.co
source_url: https://hantaran.co/contoh
election: Pilkada 2024
tags: [netralitas ASN, apel]
---
Isi artikel yang cukup.
"""


def problems_of(text: str, path: str = "content/articles/2024/contoh-artikel.md") -> list[str]:
    return [str(p) for p in schema.validate(schema.parse(text, path))]


def with_line(field: str, value: str) -> str:
    lines = VALID.split("\n")
    idx = next(i for i, line in enumerate(lines) if line.startswith(f"{field}:"))
    lines[idx] = f"{field}: {value}"
    return "\n".join(lines)


def without(field: str) -> str:
    return "\n".join(line for line in VALID.split("\n") if not line.startswith(f"{field}:"))


def test_valid_article_has_no_problem() -> None:
    assert problems_of(VALID) == []


@pytest.mark.parametrize(
    ("field", "value", "line", "expected"),
    [
        ("date", "2024-13-01", 3, "has no month 13"),
        ("date", "2024-02-30", 3, "is not a day of the calendar"),
        ("date", "19/08/2024", 3, "not a date in the form YYYY-MM-DD"),
        ("region", "Kota Bukitinggi", 4, "did you mean 'Kota Bukittinggi'"),
        ("region", "Bukittinggi", 4, "did you mean 'Kota Bukittinggi'"),
        ("province", "Sumbar", 5, "unknown province"),
        ("province", "Riau", 5, "Kota Bukittinggi lies in Sumatera Barat, not Riau"),
        ("official", "H. Martias Wanto, S.H.", 6, "without honorifics or degrees"),
        ("role", "Sekda", 7, "'Sekretaris Daerah' instead of 'Sekda'"),
        ("role", "Pjs Wako", 7, "'Pjs Wali Kota' instead of 'Pjs Wako'"),
        ("role", "Raja", 7, "unknown role"),
        ("source_url", "javascript:alert(1)", 9, "not an http(s) address"),
        ("source_url", "ftp://example.org/x", 9, "not an http(s) address"),
        ("election", "Pilkada 2023", 10, "not a known election"),
        ("tags", "[netralitas asn]", 11, "did you mean 'netralitas ASN'"),
        ("tags", "netralitas ASN", 11, "must be a list"),
        ("tags", "[apel, apel]", 11, "listed twice"),
        ("title", '"Judul <script>alert(1)</script>"', 2, "HTML markup"),
        ("title", '"Judul <img src=x onerror=alert(1)>"', 2, "HTML markup"),
    ],
)
def test_field_rules(field: str, value: str, line: int, expected: str) -> None:
    found = problems_of(with_line(field, value))
    prefix = f"content/articles/2024/contoh-artikel.md:{line}: {field}: "
    assert any(p.startswith(prefix) and expected in p for p in found), found


@pytest.mark.parametrize(
    "field",
    ["title", "date", "region", "province", "official", "role", "source", "election", "tags"],
)
def test_missing_required_field(field: str) -> None:
    found = problems_of(without(field))
    assert any(f":1: {field}: missing" in p for p in found), found


def test_unknown_field_suggests_the_right_one() -> None:
    text = VALID.replace("source_url:", "sumber_url:")
    assert any("sumber_url: unknown field" in p for p in problems_of(text))
    text = VALID.replace("official:", "oficial:")
    assert any("did you mean 'official'" in p for p in problems_of(text))


def test_review_list_is_refused() -> None:
    text = VALID.replace("tags:", "review: [title, source]\ntags:")
    found = problems_of(text)
    assert any(":11: review: the draft still needs review (title, source)" in p for p in found)


def test_malformed_yaml_names_the_line() -> None:
    text = VALID.replace("title: Sekda Ingatkan ASN Jaga Netralitas", "title: Jelang Pilkada: ASN")
    found = problems_of(text)
    assert len(found) == 1
    assert found[0].startswith(
        "content/articles/2024/contoh-artikel.md:2: front-matter: malformed YAML"
    )


def test_missing_front_matter() -> None:
    assert problems_of("Just text\n")[0].endswith(
        "front-matter: missing: the file must start with a line '---', then the fields "
        "(title, date, region, ...), then another '---' line"
    )


def test_duplicate_key_is_reported() -> None:
    text = VALID.replace("source: hantaran.co", "source: hantaran.co\nsource: Langgam.id")
    assert any("source: appears twice" in p for p in problems_of(text))


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('<script>alert("x")</script>', "HTML markup"),
        ('Teks <iframe src="https://evil.example"></iframe>', "HTML markup"),
        ("Teks <a href=x onclick=alert(1)>x</a>", "HTML markup"),
        ("[klik](javascript:alert(1))", "not allowed"),
        ("![gambar](https://evil.example/x.png)", "contains an image"),
        ("", "is empty"),
    ],
)
def test_hostile_or_empty_body_is_refused(body: str, expected: str) -> None:
    text = VALID.replace("Isi artikel yang cukup.", body)
    found = problems_of(text)
    assert any(": body: " in p and expected in p for p in found), found


def test_folder_must_match_the_year() -> None:
    found = problems_of(VALID, "content/articles/2023/contoh-artikel.md")
    assert any("date: the file is in folder 2023/ but dated 2024-08-19" in p for p in found)


def test_file_name_must_be_a_slug() -> None:
    found = problems_of(VALID, "content/articles/2024/Contoh Artikel.md")
    assert any("file name: 'Contoh Artikel.md' must be lower-case words" in p for p in found)


def test_unreadable_and_non_utf8_files(tmp_path: Path) -> None:
    latin = tmp_path / "latin.md"
    latin.write_bytes(VALID.replace("Isi artikel", "Isi \xe9 artikel").encode("latin-1"))
    missing = tmp_path / "missing.md"
    found = [str(p) for p in schema.check_paths([latin, missing])]
    assert any(f"{latin}:13: file: is not UTF-8 text" in p for p in found), found
    assert any(f"{missing}:1: file: unreadable" in p for p in found), found


def test_duplicates_between_files(tmp_path: Path) -> None:
    a = tmp_path / "2024" / "satu-artikel.md"
    b = tmp_path / "2024" / "dua-artikel.md"
    a.parent.mkdir()
    a.write_text(VALID, encoding="utf-8")
    b.write_text(VALID.replace("Sekda Ingatkan", "Sekda Kembali Ingatkan"), encoding="utf-8")
    found = [str(p) for p in schema.check_paths([a, b])]
    assert any(str(b) in p and "duplicate article" in p and "source_url" in p for p in found)
    assert any(str(b) in p and "the same text" in p for p in found)


def test_real_content_is_valid() -> None:
    root = Path(__file__).resolve().parent.parent / "content" / "articles"
    assert [str(p) for p in schema.check_paths(sorted(root.rglob("*.md")))] == []


def test_people_and_quotes_are_optional_fields_in_the_schema_order() -> None:
    assert not schema.FIELDS["people"].required and not schema.FIELDS["quotes"].required
    order = schema.FIELD_ORDER
    assert (
        order.index("tags") < order.index("people") < order.index("quotes") < order.index("review")
    )


def test_the_line_of_each_list_item_is_known() -> None:
    text = VALID.replace(
        "tags: [netralitas ASN, apel]\n",
        "tags: [netralitas ASN, apel]\n"
        "people:\n"
        "- person: Ruzi Hariyadi\n"
        "  role: Ketua Bawaslu\n"
        "quotes:\n"
        "    - speaker: Martias Wanto\n"
        "      text: |\n"
        "        - a line of the text that starts like an item\n"
        "    - speaker: Ruzi Hariyadi\n"
        "      text: x\n",
    )
    parsed = schema.parse(text, "a.md")
    assert parsed.item_lines == {"people": [13], "quotes": [16, 19]}
    assert parsed.line_of_item("quotes", 2) == 19
    assert parsed.line_of_item("quotes", 3) == parsed.line_of("quotes") == 15
    flow = schema.parse(VALID.replace("tags:", "people: [{person: A, role: Camat}]\ntags:"), "a.md")
    assert flow.item_lines == {} and flow.line_of_item("people", 1) == flow.line_of("people")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("[{person: Ruzi Hariyadi}]", "people: item 1 must have person and role, and nothing else"),
        ("[{person: 12, role: Ketua Bawaslu}]", "people: item 1, person: is a number"),
        ("[{person: '', role: Ketua Bawaslu}]", "people: item 1, person: is empty"),
        ("{person: Ruzi Hariyadi, role: Ketua Bawaslu}", "people: must be a list"),
    ],
)
def test_people_structure(value: str, message: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARSIP_LANG", "en")
    found = problems_of(VALID.replace("tags:", f"people: {value}\ntags:"))
    assert any(message in p for p in found), found
