"""Editors' messages (arsip/messages.py): every key in Indonesian and English with the same
parameters; the schema, ``invoke check`` and the build speak Indonesian by default, English
with ARSIP_LANG=en or an English locale, and keep the message's precision in both
(``path:line: field: message``, "did you mean")."""

from __future__ import annotations

import re
import string
import subprocess
import sys
from pathlib import Path

import pytest

from arsip import messages, schema
from arsip.messages import FIELD_HINTS, MESSAGES, t
from arsip.testing import editors_default_language, use_editors_default_language

ROOT = Path(__file__).resolve().parent.parent
PATH = "content/articles/2024/contoh-artikel.md"
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


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_has_both_languages_with_the_same_parameters(key: str) -> None:
    entry = MESSAGES[key]
    assert set(entry) == {"id", "en"}, key
    assert entry["id"].strip() and entry["en"].strip(), key
    assert _placeholders(entry["id"]) == _placeholders(entry["en"]), key


def test_every_field_has_an_indonesian_hint() -> None:
    assert set(FIELD_HINTS) == set(schema.FIELDS)
    for name, spec in schema.FIELDS.items():
        assert messages.field_hint(name, spec.help, lang="id") == FIELD_HINTS[name]
        assert messages.field_hint(name, spec.help, lang="en") == spec.help


def test_an_unknown_key_is_a_clear_error() -> None:
    with pytest.raises(KeyError, match=r"no message 'schema\.nothing'"):
        t("schema.nothing")


@pytest.mark.parametrize(
    ("env", "lang"),
    [
        ({}, "id"),
        ({"LANG": "id_ID.UTF-8"}, "id"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"ARSIP_USER_LANG": "en_GB.UTF-8", "LANG": "C.UTF-8"}, "en"),
        ({"LANG": "en_US.UTF-8", "ARSIP_LANG": "id"}, "id"),
        ({"ARSIP_LANG": "en"}, "en"),
    ],
)
def test_the_language_is_the_editors(
    env: dict[str, str], lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_editors_default_language(monkeypatch)
    monkeypatch.delenv("LANG")
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert messages.language() == lang


def _problems(text: str) -> list[str]:
    return [str(p) for p in schema.validate(schema.parse(text, PATH))]


def _with(field: str, value: str) -> str:
    return re.sub(rf"(?m)^{field}: .*$", lambda _: f"{field}: {value}", VALID, count=1)


# (front-matter change, line, field, Indonesian, English): the same precision in both.
CASES = [
    (("region", "Kota Bukitinggi"), 4, "region",
     "daerah 'Kota Bukitinggi' tidak dikenal", "; maksud Anda 'Kota Bukittinggi' atau "),
    (("tags", "[netralitas asn]"), 11, "tags",
     "'netralitas asn' tidak ada dalam kosakata tag (maksud Anda 'netralitas ASN'?)", None),
    (("role", "Pjs Wako"), 7, "role",
     "tulis jabatan selengkapnya: 'Pjs Wali Kota' alih-alih 'Pjs Wako'", None),
    (("province", "Riau"), 5, "province",
     "Kota Bukittinggi terletak di Sumatera Barat, bukan Riau", None),
    (("date", "2024-02-30"), 3, "date",
     "2024-02-30 bukan tanggal yang ada (bulan 02 tahun 2024 tidak punya tanggal 30)", None),
    (("official", "H. Martias Wanto, S.H."), 6, "official", "tulis nama tanpa gelar", None),
    (("title", '"Judul <b>tebal</b>"'), 2, "title", "berisi markup HTML", None),
    (("source_url", "ftp://example.org/x"), 9, "source_url", "bukan alamat http(s)", None),
]  # fmt: skip


@pytest.mark.parametrize(("change", "line", "field", "indonesian", "more"), CASES)
def test_schema_messages_are_indonesian_by_default(
    change: tuple[str, str],
    line: int,
    field: str,
    indonesian: str,
    more: str | None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    use_editors_default_language(monkeypatch)
    found = _problems(_with(*change))
    prefix = f"{PATH}:{line}: {field}: "
    mine = [p for p in found if p.startswith(prefix)]
    assert len(mine) == 1 and indonesian in mine[0], found
    assert more is None or more in mine[0], found


def test_unknown_field_and_missing_field_in_indonesian(monkeypatch: pytest.MonkeyPatch) -> None:
    use_editors_default_language(monkeypatch)
    found = _problems(VALID.replace("official:", "oficial:"))
    assert f"{PATH}:6: oficial: kolom tidak dikenal: maksud Anda 'official'? " in "\n".join(found)
    assert (
        f"{PATH}:1: official: tidak ada: tambahkan baris 'official: ...' "
        f"({FIELD_HINTS['official']})"
    ) in found


# Words of the English messages that an Indonesian one never has.
ENGLISH = re.compile(
    r"\b(must|is not|missing|unknown|did you mean|the|contains|write|use|allowed|duplicate)\b"
)


def test_no_english_word_in_the_indonesian_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Absence: a spread of broken articles, each message checked for English words."""
    use_editors_default_language(monkeypatch)
    broken = [_with(*c[0]) for c in CASES] + [
        _with("date", "19/08/2024"),
        _with("date", "2024-13-01"),
        _with("date", "1990-01-01"),
        _with("region", "Atlantis"),
        _with("province", "Sumbar"),
        _with("role", "Raja"),
        _with("tags", "netralitas ASN"),
        _with("tags", "[apel, apel]"),
        _with("tags", "[]"),
        _with("election", "Pilkada 2023"),
        _with("source", "12"),
        _with("source_url", '"https://a b"'),
        _with("title", "ab"),
        _with("title", "{a: 1}"),
        VALID.replace("tags:", "review: [title]\ntags:"),
        VALID.replace("tags:", "title_editorial: ya\ntags:"),
        VALID.replace("source: hantaran.co", "source: hantaran.co\nsource: Langgam.id"),
        VALID.replace("Isi artikel yang cukup.", "![gambar](https://evil.example/x.png)"),
        VALID.replace("Isi artikel yang cukup.", "[klik](javascript:alert(1)) <b>x</b>"),
        VALID.replace("Isi artikel yang cukup.", "[x](//evil.example/a) \x0c"),
        VALID.replace("Isi artikel yang cukup.", ""),
        VALID.replace("title: Sekda", "title: Jelang: Sekda"),
        VALID.replace("title: Sekda", "title: &a Sekda"),
        "Hanya teks\n",
        "---\ntitle: tanpa penutup\n",
    ]
    found = [p for text in broken for p in _problems(text)]
    found += [str(p) for p in _problems(_with("official", "Andree\u200bAlgamar"))]
    assert len(found) > len(broken)
    # The YAML parser's own words, quoted in parentheses, are the parser's, not ours.
    ours = [re.sub(r"YAML tidak valid \(.*?\);", "", p.split(": ", 2)[-1]) for p in found]
    english = [p for p in ours if ENGLISH.search(p)]
    assert english == []


def _check(env: dict[str, str], *paths: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "arsip.check", *paths],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env={**env, "PYTHONPATH": str(ROOT), "PYTHONUTF8": "1"},
        check=False,
    )


def test_check_speaks_indonesian_by_default_and_english_on_request(tmp_path: Path) -> None:
    article = tmp_path / "content" / "articles" / "2024" / "contoh-artikel.md"
    article.parent.mkdir(parents=True)
    article.write_text(_with("region", "Kota Bukitinggi"), encoding="utf-8")
    shown = "content/articles/2024/contoh-artikel.md"
    base = editors_default_language({"PATH": "/usr/bin:/bin"})

    proc = _check(base, shown, cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stdout.startswith(
        f"{shown}:4: region: daerah 'Kota Bukitinggi' tidak dikenal: pakai nama Kemendagri"
    ), proc.stdout
    assert "; maksud Anda 'Kota Bukittinggi' atau " in proc.stdout
    assert proc.stderr.strip() == "1 masalah pada 1 artikel"

    for english in ({"ARSIP_LANG": "en"}, {"LANG": "en_US.UTF-8"}):
        proc = _check({**base, **english}, shown, cwd=tmp_path)
        assert proc.stdout.startswith(
            f"{shown}:4: region: unknown region 'Kota Bukitinggi': use the Kemendagri name"
        ), proc.stdout
        assert "; did you mean 'Kota Bukittinggi' or " in proc.stdout
        assert proc.stderr.strip() == "1 problem(s) in 1 article(s)"

    article.write_text(VALID, encoding="utf-8")
    proc = _check(base, shown, cwd=tmp_path)
    assert proc.returncode == 0 and proc.stderr.strip() == "1 artikel diperiksa, tidak ada masalah"


@pytest.mark.parametrize(
    ("task", "indonesian", "english"),
    [
        ("check", ["Periksa setiap artikel tanpa membangun", "berkas atau folder artikel"],
         ["Validate every article without building", "article files or folders"]),
        ("ingest", ["Ubah teks berita mentah menjadi draf", "folder artikel tempat draf"],
         ["Turn raw news text into draft articles", "articles folder to write drafts"]),
        ("new", ["Tulis berkas artikel baru dari opsi", "yang membuat pernyataan, tanpa gelar"],
         ["Write a new article file from flags", "who made the statement, without"]),
    ],
)  # fmt: skip
def test_the_editors_tasks_help_in_their_language(
    task: str, indonesian: list[str], english: list[str]
) -> None:
    base = editors_default_language({"PATH": "/usr/bin:/bin", "PYTHONUTF8": "1"})

    def help_of(env: dict[str, str]) -> str:
        proc = subprocess.run(
            [sys.executable, "-m", "invoke", "--help", task],
            capture_output=True,
            text=True,
            encoding="utf-8",
            cwd=ROOT,
            env=env,
            check=True,
        )
        return " ".join(proc.stdout.split())  # option help is wrapped at the terminal's width

    shown = help_of(base)
    assert all(s in shown for s in indonesian) and not any(s in shown for s in english), shown
    shown = help_of({**base, "ARSIP_LANG": "en"})
    assert all(s in shown for s in english) and not any(s in shown for s in indonesian), shown
