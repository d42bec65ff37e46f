"""The registries of people and outlets (arsip/registry.py, data/people.yml, data/outlets.yml)
and the article fields that name their entries: official, source (and source_url's outlet),
people and quotes. Refusals are tested with the names that must pass beside them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from arsip import registry, schema
from arsip.testing import article, data_dir

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content" / "articles"

BODY = (
    'Pj Wali Kota Padang Andree Algamar mengingatkan ASN. "ASN harus netral," ujarnya.\n\n'
    "Sekretaris Daerah Yosefriawan menambahkan, “Jangan ikut kampanye,” kata Yosefriawan."
)


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages in English (ARSIP_LANG=en); the editors' default, Indonesian, has its test."""
    monkeypatch.setenv("ARSIP_LANG", "en")


def problems(text: str, reg: registry.Registry | None = None) -> list[str]:
    """Each problem of an article's text as ``line: field: message``."""
    parsed = schema.parse(text, "content/articles/2024/contoh.md")
    return [f"{p.line}: {p.field}: {p.message}" for p in schema.validate(parsed, registry=reg)]


def only(found: list[str]) -> str:
    assert len(found) == 1, found
    return found[0]


# --------------------------------------------------------------------------- the real registry


def test_the_repository_registries_are_valid() -> None:
    reg = registry.load()
    assert reg.problems == []
    assert reg.person("adib-alfikri") is reg.person("Adib Alfikri") is not None
    assert reg.outlet("antara") is reg.outlet("ANTARA") is not None


def test_every_name_in_the_archive_is_an_entry() -> None:
    reg = registry.load()
    for path in sorted(CONTENT.glob("*/*.md")):
        meta = schema.read_article(path).meta
        refs = registry.article_references(meta, reg)
        assert refs["official_id"] and reg.person(refs["official_id"]).name == meta["official"]
        if meta["source"] != schema.UNKNOWN_SOURCE:
            assert reg.outlet(refs["source_id"]).name == meta["source"]


def test_the_seed_articles_record_everyone_quoted() -> None:
    """Checked by hand against the texts: who speaks, in which role, and how often."""
    reg = registry.load()
    found = {}
    for path in sorted(CONTENT.glob("*/*.md")):
        refs = registry.article_references(schema.read_article(path).meta, reg)
        found[path.stem.split("-")[0] + "-" + refs["official_id"]] = (
            [(p["id"], p["role"]) for p in refs["people"]],
            [q["speaker_id"] for q in refs["quotes"]],
        )
    assert found == {
        "gelar-adib-alfikri": (
            [("adib-alfikri", "Pjs Bupati"), ("jonpriadi", "Sekretaris Daerah")],
            ["adib-alfikri"] * 4 + ["jonpriadi"],
        ),
        "jelang-andree-algamar": (
            [
                ("andree-algamar", "Pj Wali Kota"),
                ("tarmizi", "Kepala Kesbangpol"),
                ("yosefriawan", "Pj Sekretaris Daerah"),
            ],
            ["andree-algamar"],
        ),
        "pjs-sisardi": (
            [("sisardi", "Pjs Bupati"), ("sukarni", "Sekretaris Daerah")],
            ["sisardi", "sisardi"],
        ),
        "pjs-hani-syopiar-rustam": (
            [("hani-syopiar-rustam", "Pjs Wali Kota"), ("ruzi-hariyadi", "Ketua Bawaslu")],
            ["hani-syopiar-rustam"] * 3 + ["ruzi-hariyadi"],
        ),
        "sekda-martias-wanto": ([("martias-wanto", "Sekretaris Daerah")], ["martias-wanto"] * 4),
    }


def test_quotes_are_the_words_between_the_quote_marks() -> None:
    path = next(CONTENT.glob("2020/gelar-apel-*.md"))
    parsed = schema.read_article(path)
    quotes = parsed.meta["quotes"]
    assert quotes[-1]["text"].startswith("Netralitas ASN merupakan salah satu azas penting")
    assert quotes[-1]["text"].endswith("yang akan merugikan ASN itu sendiri,")
    for quote in quotes:
        assert quote["text"] in parsed.body
    # The item lines point to each quote in the file.
    lines = path.read_text(encoding="utf-8").split("\n")
    for number in range(1, len(quotes) + 1):
        line = lines[parsed.line_of_item("quotes", number) - 1]
        assert line.strip() == f"- speaker: {quotes[number - 1]['speaker']}"


# --------------------------------------------------------------------------- refusals


@pytest.mark.parametrize(
    ("official", "expected"),
    [
        (
            "Andre Algamar",
            "is a spelling variant of 'Andree Algamar': did you mean 'Andree Algamar'",
        ),
        ("ANDREE ALGAMAR", "did you mean 'Andree Algamar' (Pj Wali Kota, Kota Padang)?"),
        ("andree algamar", "did you mean 'Andree Algamar'"),
        ("Andree-Algamar", "did you mean 'Andree Algamar'"),
        ("Andree Algamr", "did you mean 'Andree Algamar'"),
        ("Andrei Algamarr", "did you mean 'Andree Algamar'"),
        ("Drs. H. Martias Wanto, M.Si", "did you mean 'Martias Wanto' (Sekretaris Daerah"),
        ("H. Hani S. Rustam", "did you mean 'Hani Syopiar Rustam'"),
        ("Hani S Rustam", "is a spelling variant of 'Hani Syopiar Rustam'"),
    ],
)
def test_variants_and_near_matches_of_a_person_are_refused(official: str, expected: str) -> None:
    found = only(problems(article(BODY, official=f'"{official}"')))
    assert found.startswith("6: official: ") and expected in found, found


def test_the_canonical_name_is_accepted_and_an_id_only_for_a_shared_name() -> None:
    assert problems(article(BODY, official="Andree Algamar")) == []
    found = only(problems(article(BODY, official="andree-algamar")))
    assert found == (
        "6: official: 'andree-algamar' is the id of 'Andree Algamar': write the name, "
        "'Andree Algamar' (an id is for a name two people share)"
    )
    found = only(problems(article(BODY, source="langgam-id")))
    assert found == "8: source: 'langgam-id' is the id of 'Langgam.id': write source: 'Langgam.id'"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Antara", "'Antara' is a spelling variant of 'ANTARA': did you mean 'ANTARA'?"),
        ("antara", "'antara' is the id of 'ANTARA': write source: 'ANTARA'"),
        ("ANTARA.", "did you mean 'ANTARA'?"),
        ("A.N.T.A.R.A", "did you mean 'ANTARA'?"),
        ("Langgam.ids", "did you mean 'Langgam.id'?"),
        ("Kompas", "is a spelling variant of 'Kompas.com'"),
    ],
)
def test_variants_and_near_matches_of_an_outlet_are_refused(source: str, expected: str) -> None:
    found = only(problems(article(BODY, source=f'"{source}"')))
    assert found.startswith("8: source: ") and expected in found, found


def test_canonical_outlets_and_the_unknown_source_are_accepted() -> None:
    assert problems(article(BODY, source="ANTARA")) == []
    assert problems(article(BODY, source="Kompas.com")) == []
    assert problems(article(BODY, source=schema.UNKNOWN_SOURCE)) == []


def test_the_source_url_domain_names_the_outlet() -> None:
    url = "https://sumbar.antaranews.com/berita/1/contoh"
    wrong = only(problems(article(BODY, source="Kompas.com", source_url=url)))
    assert wrong == (
        "8: source: source_url is on sumbar.antaranews.com, the site of ANTARA: write source: ANTARA"
    )
    unknown = only(problems(article(BODY, source=schema.UNKNOWN_SOURCE, source_url=url)))
    assert "the site of ANTARA" in unknown
    assert problems(article(BODY, source="ANTARA", source_url=url)) == []
    # A domain in no entry says nothing about the outlet.
    other = "https://example.org/berita/contoh"
    assert problems(article(BODY, source="Kompas.com", source_url=other)) == []


def test_an_unknown_name_says_how_to_add_it(tmp_path: Path, monkeypatch) -> None:
    found = only(problems(article(BODY, official="Budi Santoso", role="Sekretaris Daerah")))
    assert found.startswith("6: official: 'Budi Santoso' is not in data/people.yml: check the")
    assert "./dev new" in found and "roles: [{role: ..., region: ..., start: YYYY-MM-DD}]" in found
    outlet = only(problems(article(BODY, source="Warta Andalas")))
    assert "is not in data/outlets.yml" in outlet and "'Tidak diketahui'" in outlet
    # Once in the registry, the genuinely different name is accepted.
    data_dir(
        tmp_path / "data",
        people="- id: budi-santoso\n  name: Budi Santoso\n  roles:\n"
        "    - {role: Sekretaris Daerah, region: Kota Padang, start: 2024-01-02}",
        outlets="- id: warta-andalas\n  name: Warta Andalas\n  domains: [wartaandalas.example]",
    )
    monkeypatch.setenv("ARSIP_DATA_DIR", str(tmp_path / "data"))
    assert registry.load().problems == []
    text = article(BODY, official="Budi Santoso", role="Sekretaris Daerah", source="Warta Andalas")
    assert problems(text) == []


TWO_AHMADS = """\
- id: ahmad-yani-kota-padang
  name: Ahmad Yani
  roles:
    - {role: Sekretaris Daerah, region: Kota Padang, start: 2021-03-01}
- id: ahmad-yani-kabupaten-agam
  name: Ahmad Yani
  roles:
    - {role: Camat, region: Kabupaten Agam, start: 2022-05-10}
  distinct_from: [ahmad-yani-kota-padang]
"""


def test_two_people_with_one_name_are_two_entries(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("ARSIP_DATA_DIR", str(data_dir(tmp_path / "data", people=TWO_AHMADS)))
    reg = registry.load()
    assert reg.problems == []
    assert reg.person("Ahmad Yani") is None
    assert [p.id for p in reg.people_named("Ahmad Yani")] == [
        "ahmad-yani-kota-padang",
        "ahmad-yani-kabupaten-agam",
    ]
    found = only(problems(article(BODY, official="Ahmad Yani")))
    assert found.startswith("6: official: 'Ahmad Yani' is the name of 2 people in ")
    assert found.endswith(
        "people.yml: write the id of the one meant: ahmad-yani-kota-padang (Sekretaris Daerah, "
        "Kota Padang); ahmad-yani-kabupaten-agam (Camat, Kabupaten Agam)"
    )
    for pid in ("ahmad-yani-kota-padang", "ahmad-yani-kabupaten-agam"):
        meta = schema.parse(article(BODY, official=pid), "a.md").meta
        assert problems(article(BODY, official=pid)) == []
        refs = registry.article_references(meta)
        assert (refs["official"], refs["official_id"]) == ("Ahmad Yani", pid)
    # A near name suggests the id of each.
    near = only(problems(article(BODY, official="Ahmad Yanni")))
    assert "'ahmad-yani-kota-padang' (Sekretaris Daerah, Kota Padang)" in near
    assert "'ahmad-yani-kabupaten-agam' (Camat, Kabupaten Agam)" in near


def test_messages_are_indonesian_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ARSIP_LANG")
    monkeypatch.setenv("ARSIP_USER_LANG", "id_ID.UTF-8")
    found = only(problems(article(BODY, source="Antara")))
    assert found == "8: source: 'Antara' adalah variasi ejaan dari 'ANTARA': maksud Anda 'ANTARA'?"
    found = only(problems(article(BODY, official="Andree Algamr")))
    assert "tidak ada di data/people.yml: maksud Anda 'Andree Algamar'" in found


# --------------------------------------------------------------------------- people and quotes

PEOPLE_AND_QUOTES = """\
people:
  - person: Yosefriawan
    role: Pj Sekretaris Daerah
quotes:
  - speaker: Andree Algamar
    text: "ASN harus netral,"
  - speaker: Yosefriawan
    text: "Jangan ikut kampanye,"
"""


def with_lists(block: str, **fields: str) -> str:
    text = article(BODY, **fields)
    head, sep, rest = text.partition("\n---\n")
    return head + "\n" + block.rstrip("\n") + sep + rest


def test_people_and_quotes_are_accepted_and_given_to_the_build() -> None:
    text = with_lists(PEOPLE_AND_QUOTES)
    assert problems(text) == []
    refs = registry.article_references(schema.parse(text, "a.md").meta)
    assert refs["people"] == [
        {"id": "andree-algamar", "name": "Andree Algamar", "role": "Pj Wali Kota", "main": True},
        {"id": "yosefriawan", "name": "Yosefriawan", "role": "Pj Sekretaris Daerah", "main": False},
    ]
    assert refs["quotes"] == [
        {
            "number": 1,
            "speaker_id": "andree-algamar",
            "speaker": "Andree Algamar",
            "role": "Pj Wali Kota",
            "text": "ASN harus netral,",
        },
        {
            "number": 2,
            "speaker_id": "yosefriawan",
            "speaker": "Yosefriawan",
            "role": "Pj Sekretaris Daerah",
            "text": "Jangan ikut kampanye,",
        },
    ]
    assert (refs["source"], refs["source_id"]) == ("Langgam.id", "langgam-id")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("  - person: Yosefriawan", "  - person: Yosefriawann", "12: people: item 1, person: "),
        ("    role: Pj Sekretaris Daerah", "    role: Pj Sekda", "12: people: item 1, role: write the role in full"),
        ("    role: Pj Sekretaris Daerah", "    role: Juru Bicara", "12: people: item 1, role: unknown role"),
        ("    role: Pj Sekretaris Daerah", "    jabatan: Pj Sekretaris Daerah", "12: people: item 1 must have person and role"),
        ("  - speaker: Yosefriawan", "  - speaker: Sukarni", "17: quotes: item 2: speaker 'Sukarni' is neither the official nor in people"),
        ("  - speaker: Yosefriawan", "  - speaker: Yosefriawan, S.H.", "17: quotes: item 2, speaker: write the name without honorifics"),
        ('    text: "Jangan ikut kampanye,"', '    text: "Jangan ikut berkampanye,"', "17: quotes: item 2: the quote's text is not in the article's text"),
        ('    text: "ASN harus netral,"', "    text: ''", "15: quotes: item 1, text: is empty"),
        ('    text: "ASN harus netral,"', '    text: "ASN <b>harus</b> netral,"', "15: quotes: item 1, text: contains HTML markup"),
    ],
)  # fmt: skip
def test_people_and_quotes_problems_name_the_item_and_its_line(
    old: str, new: str, expected: str
) -> None:
    block = PEOPLE_AND_QUOTES.replace(old, new, 1)
    assert block != PEOPLE_AND_QUOTES
    found = only(problems(with_lists(block)))
    assert found.startswith(expected), found


def test_the_official_is_not_one_of_people() -> None:
    block = PEOPLE_AND_QUOTES.replace("  - person: Yosefriawan", "  - person: Andree Algamar")
    found = problems(with_lists(block))
    assert found[0].startswith("12: people: item 1: 'Andree Algamar' is the official"), found
    # Yosefriawan, no longer in people, speaks: said too.
    assert found[1].startswith("17: quotes: item 2: speaker 'Yosefriawan' is neither"), found
    assert len(found) == 2


def test_a_person_is_listed_once() -> None:
    block = PEOPLE_AND_QUOTES.replace(
        "quotes:", "  - person: Yosefriawan\n    role: Sekretaris Daerah\nquotes:"
    )
    found = only(problems(with_lists(block)))
    assert found.startswith("14: people: item 2: 'Yosefriawan' is already item 1")


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        ("people: Yosefriawan", "11: people: must be a list"),
        ("quotes: [Andree Algamar]", "11: quotes: item 1 must have speaker and text"),
        ("people: []", "11: people: must be a list"),
    ],
)
def test_the_lists_structure_is_checked(block: str, expected: str) -> None:
    assert only(problems(with_lists(block))).startswith(expected)


def test_quote_marks_and_white_space_are_not_the_words() -> None:
    """Straight marks in the front-matter for the text's curly ones, and a line break in
    the text where the front-matter has a space, are the same words."""
    body = "Ia berkata, “ASN harus\nnetral dan profesional,” ujarnya."
    block = 'quotes:\n  - speaker: Andree Algamar\n    text: "ASN harus netral dan profesional,"'
    text = with_lists(block).replace(BODY, body)
    assert problems(text) == []


def test_a_draft_may_name_new_people_but_not_variants() -> None:
    """A draft (with its review line, which fails the check by itself) names a person near
    no entry: ingest writes the entry for review. A variant is refused all the same."""
    new = problems(article(BODY, official="Budi Santoso", review="[official]"))
    assert [p.split(": ")[1] for p in new] == ["review"]
    variant = problems(article(BODY, official="Andre Algamar", review="[official]"))
    assert sorted(p.split(": ")[1] for p in variant) == ["official", "review"]


# --------------------------------------------------------------------------- the registry's own checks

BAD_PEOPLE = """\
# comment
- id: andree-algamar
  name: Andree Algamar
  roles:
    - {role: Pj Wali Kota, region: Kota Padang, start: 2024-05-17}
- id: andre-algamar
  name: Andre Algamar
  roles:
    - {role: Pj Wali Kota, region: Kota Padang, start: 2024-05-17}
- id: Sisardi
  name: Sisardi
- id: sukarni
  name: Sukarni
  spellings: [Andree Algamar]
  roles:
    - {role: Sekda, region: Kabupaten Bengkulu Selatan, start: 2024-11-04}
    - {role: Sekretaris Daerah, region: Kabupaten Entah, start: 2024-11-04}
    - {role: Sekretaris Daerah, region: Kota Padang, start: 2024-13-01}
    - {role: Sekretaris Daerah, region: Kota Padang, start: 2024-11-04, end: 2024-01-01}
  distinct_from: [nobody]
- id: sukarni
  name: H. Jonpriadi, S.E.
- id: tarmizi
  name: Tarmizi
  spellings: [Tarmizi Ali]
- id: tarmizi-ali
  name: Tarmizi Alis
  spellings: [Tarmizi Ali]
  kantor: Padang
"""

BAD_OUTLETS = """\
- id: antara
  name: ANTARA
  domains: [antaranews.com]
- id: antara-2
  name: Antara News
  spellings: [ANTARA]
  domains: [https://antaranews.com/]
- id: kantor-berita
  name: Kantor Berita
  domains: [antaranews.com]
"""


def test_the_registry_checks_itself(tmp_path: Path) -> None:
    (tmp_path / "people.yml").write_text(BAD_PEOPLE, encoding="utf-8")
    (tmp_path / "outlets.yml").write_text(BAD_OUTLETS, encoding="utf-8")
    for name in ("tags.yml", "elections.yml", "roles.yml"):
        (tmp_path / name).write_bytes((ROOT / "data" / name).read_bytes())
    found = sorted(
        (Path(p.path).name, p.line, p.field, p.message) for p in registry.load(tmp_path).problems
    )
    messages = [f"{f}:{line}: {field}: {m}" for f, line, field, m in found]
    expected = [
        # Near names not told apart: both named.
        "people.yml:7: name: Andre Algamar (andre-algamar) and Andree Algamar (andree-algamar, "
        "line 2) are near-identical names",
        "people.yml:10: id: 'Sisardi' is not an id",
        "people.yml:14: spellings: Andree Algamar is the name of entry andree-algamar (line 2)",
        "people.yml:15: roles: item 1: role: write the role in full: 'Sekretaris Daerah'",
        "people.yml:15: roles: item 2: region 'Kabupaten Entah' is not a Kemendagri",
        "people.yml:15: roles: item 3: start ('2024-13-01') is required",
        "people.yml:15: roles: item 4: end is before start",
        "people.yml:20: distinct_from: nobody is not the id of another entry",
        "people.yml:21: id: id sukarni is already used on line 12",
        "people.yml:22: name: write the name without honorifics or degrees",
        "people.yml:28: spellings: Tarmizi Ali is also used by entry tarmizi (line 23)",
        "people.yml:29: kantor: unknown field",
        "outlets.yml:6: spellings: ANTARA is also used by entry antara (line 1)",
        "outlets.yml:7: domains: 'https://antaranews.com/' is not a domain name",
        "outlets.yml:10: domains: domain antaranews.com also belongs to entry antara (line 1)",
    ]
    for want in expected:
        assert any(m.startswith(want) for m in messages), (want, messages)
    assert len(messages) == len(expected), messages


def test_near_names_listed_as_distinct_are_two_people(tmp_path: Path) -> None:
    people = BAD_PEOPLE.split("- id: Sisardi")[0].replace(
        "  name: Andre Algamar\n", "  name: Andre Algamar\n  distinct_from: [andree-algamar]\n"
    )
    (tmp_path / "people.yml").write_text(people, encoding="utf-8")
    for name in ("tags.yml", "elections.yml", "roles.yml"):
        (tmp_path / name).write_bytes((ROOT / "data" / name).read_bytes())
    reg = registry.load(tmp_path)
    assert reg.problems == []
    assert reg.person("Andre Algamar").id == "andre-algamar"


def test_the_registry_file_must_be_a_list(tmp_path: Path) -> None:
    for name in ("tags.yml", "elections.yml", "roles.yml"):
        (tmp_path / name).write_bytes((ROOT / "data" / name).read_bytes())
    (tmp_path / "people.yml").write_text("id: x\nname: Y\n", encoding="utf-8")
    (tmp_path / "outlets.yml").write_text("- [unclosed\n", encoding="utf-8")
    found = [f"{Path(p.path).name}:{p.line}: {p.field}" for p in registry.load(tmp_path).problems]
    assert found == ["outlets.yml:2: file", "people.yml:1: file"]


# --------------------------------------------------------------------------- near matching


def test_name_keys_drop_honorifics_case_and_punctuation() -> None:
    key = registry.name_key("Martias Wanto")
    assert key == "martiaswanto"
    for variant in (
        "Drs. H. Martias Wanto, M.Si",
        "MARTIAS WANTO",
        "Martias-Wanto",
        "Bapak Martias Wanto",
    ):
        assert registry.name_key(variant) == key, variant
    assert registry.name_key("Hj. Ir. Sri Rahayu, S.T., M.T.") == "srirahayu"


def test_near_means_one_letter_for_short_names_two_for_longer() -> None:
    names = ["Sisardi", "Sisardy", "Sukardi", "Andree Algamar", "Andrei Algamarr", "Andi Algamarxx"]
    assert registry.near_pairs(names) == [(0, 1), (3, 4)]


def test_the_outlet_of_an_address() -> None:
    reg = registry.load()
    assert reg.outlet_for_url("https://www.antaranews.com/berita/1").id == "antara"
    assert reg.outlet_for_url("https://sumbar.antaranews.com/berita/1").id == "antara"
    assert reg.outlet_for_url("https://news.detik.com/x").id == "detiknews"
    assert reg.outlet_for_url("https://www.detik.com/x").id == "detikcom"
    assert reg.outlet_for_url("https://notantaranews.com/x") is None
    assert reg.outlet_for_url("https://[bad") is None


# --------------------------------------------------------------------------- writing entries


def test_appended_entries_keep_the_file_and_validate(tmp_path: Path) -> None:
    data = data_dir(tmp_path / "data")
    before = {name: (data / name).read_bytes() for name in ("people.yml", "outlets.yml")}
    person = registry.append_person(
        "Budi Santoso",
        "Sekretaris Daerah",
        "Kota Padang",
        dt.date(2024, 9, 2),
        spellings=["Budi S."],
        data_dir=data,
        review="added for review",
    )
    outlet = registry.append_outlet(
        "Warta Andalas", ["www.wartaandalas.example"], data_dir=data, review="added for review"
    )
    for name in ("people.yml", "outlets.yml"):
        after = (data / name).read_bytes()
        assert after.startswith(before[name]), name  # nothing before it changed
        assert b"# added for review\n" in after[len(before[name]) :]
    reg = registry.load(data)
    assert reg.problems == []
    assert reg.person("Budi Santoso") == registry.Person(
        "budi-santoso",
        "Budi Santoso",
        ("Budi S.",),
        (registry.Role("Sekretaris Daerah", "Kota Padang", dt.date(2024, 9, 2)),),
    )
    assert person.id == "budi-santoso" and outlet.id == "warta-andalas"
    assert reg.outlet_for_url("https://wartaandalas.example/a").name == "Warta Andalas"
    # The same name again: another person, another id (with the region), told apart from
    # the first, whose entry stays as it was.
    again = registry.append_person(
        "Budi Santoso", "Camat", "Kabupaten Agam", "2024-10-01", data_dir=data
    )
    assert again.id == "budi-santoso-kabupaten-agam"
    assert again.distinct_from == ("budi-santoso",)
    reg = registry.load(data)
    assert reg.problems == [] and len(reg.people_named("Budi Santoso")) == 2
    # Quoting: a name YAML would read otherwise is written so that it reads back the same.
    odd = registry.append_person(
        "O'Neil: Yes", "Camat", "Kabupaten Agam", "2024-10-01", data_dir=data
    )
    assert registry.load(data).person(odd.id).name == "O'Neil: Yes"


def test_an_empty_registry_file_takes_the_first_entry(tmp_path: Path) -> None:
    data = data_dir(tmp_path / "data")
    (data / "outlets.yml").write_text("[]\n", encoding="utf-8")
    registry.append_outlet("Warta Andalas", [], data_dir=data)
    reg = registry.load(data)
    assert reg.problems == [] and [o.id for o in reg.outlets] == ["warta-andalas"]
