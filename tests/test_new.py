"""``invoke new`` (arsip.new): flags only, prompts, no terminal, never overwriting."""

from __future__ import annotations

import datetime as dt
import io
import shutil
from pathlib import Path

import pytest

from arsip import new, registry, schema
from arsip.testing import data_dir

ROOT = Path(__file__).resolve().parent.parent

FLAGS = [
    "--title=Bupati Agam Ingatkan ASN: Jaga Netralitas",
    "--date=2024-09-02",
    "--region=Kabupaten Agam",
    "--official=Andri Warman",
    "--role=Bupati",
    "--source=ANTARA",
    "--source-url=https://example.org/berita/agam",
    "--tags=netralitas ASN, apel",
    "--body=Bupati Agam mengingatkan seluruh ASN agar netral.\n\nIa menegaskan sanksi berat.",
]


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """Most tests read the messages in English (ARSIP_LANG=en); the editors' default,
    Indonesian, is tested on its own."""
    monkeypatch.setenv("ARSIP_LANG", "en")


@pytest.fixture
def dest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    articles = tmp_path / "content" / "articles"
    shutil.copytree(ROOT / "content" / "articles", articles)
    # New people and outlets are appended to a copy of the registries, not the repository's.
    monkeypatch.setenv("ARSIP_DATA_DIR", str(data_dir(tmp_path / "data")))
    monkeypatch.chdir(tmp_path)
    return articles


def _run(argv: list[str], dest: Path, stdin: str = "", interactive: bool = False):
    out = io.StringIO()
    code = new.main([*argv, f"--dest={dest}"], io.StringIO(stdin), out, interactive)
    return code, out.getvalue()


def test_flags_only_write_a_valid_article(dest: Path) -> None:
    code, out = _run(FLAGS, dest)
    assert code == 0, out
    path = dest / "2024" / "bupati-agam-ingatkan-asn-jaga-netralitas.md"
    assert path.exists()
    parsed = schema.read_article(path)
    assert schema.validate(parsed) == []
    assert parsed.meta["province"] == "Sumatera Barat"  # derived from the region
    assert parsed.meta["election"] == "Pilkada 2024"  # derived from the date
    assert parsed.meta["archived"] == dt.date.today().isoformat()  # the day it was saved
    assert parsed.meta["title"] == "Bupati Agam Ingatkan ASN: Jaga Netralitas"
    assert parsed.meta["tags"] == ["netralitas ASN", "apel"]


def test_never_overwrites_and_refuses_a_repeat(dest: Path) -> None:
    assert _run(FLAGS, dest)[0] == 0
    path = dest / "2024" / "bupati-agam-ingatkan-asn-jaga-netralitas.md"
    before = path.read_bytes()
    code, out = _run(FLAGS, dest)
    assert code == 1
    assert "duplicate article" in out and "not written" in out
    assert path.read_bytes() == before
    assert sorted(p.name for p in (dest / "2024").glob("bupati-agam*")) == [path.name]


def test_without_a_terminal_missing_values_are_listed(dest: Path) -> None:
    code, out = _run(["--title=Judul yang cukup panjang"], dest)
    assert code == 2
    for flag in ("--date", "--region", "--official", "--role", "--source", "--tags", "--body"):
        assert flag in out
    assert not list((dest / "2024").glob("judul-*"))


def test_a_wrong_flag_value_is_explained(dest: Path) -> None:
    code, out = _run([*FLAGS[:4], "--role=Wako", *FLAGS[5:]], dest)
    assert code == 1
    assert "role: write the role in full: 'Wali Kota'" in out


def test_prompts_ask_again_until_the_schema_accepts(dest: Path) -> None:
    answers = "\n".join(
        [
            "Sekda Agam Minta ASN Netral",  # title
            "2024-13-01",  # a wrong date, asked again
            "2024-09-03",
            "Agam",  # not a Kemendagri name, asked again
            "Kabupaten Agam",
            "H. Budi Santoso, S.H.",  # honorifics, asked again
            "Budi Santoso",
            "Sekda",  # abbreviation, asked again
            "Sekretaris Daerah",
            "ANTARA",
            "",  # no source URL
            "netralitas ASN, sanksi",
            "Sekda Agam meminta seluruh ASN menjaga netralitas.",
            "",
            "Ia mengingatkan sanksi disiplin.",
            ".",
        ]
    )
    code, out = _run([], dest, stdin=answers + "\n", interactive=True)
    assert code == 0, out
    assert out.count("date: ") >= 1 and "has no month 13" in out
    assert "write the name without honorifics" in out
    path = dest / "2024" / "sekda-agam-minta-asn-netral.md"
    parsed = schema.read_article(path)
    assert schema.validate(parsed) == []
    assert parsed.meta["official"] == "Budi Santoso"
    assert "source_url" not in parsed.meta
    assert parsed.body.count("\n\n") == 1


def test_messages_are_indonesian_by_default(dest: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ARSIP_LANG")
    monkeypatch.setenv("ARSIP_USER_LANG", "id_ID.UTF-8")
    code, out = _run(["--title", "Judul"], dest)
    assert code == 2
    assert "new: nilai belum diberikan" in out and "--date" in out
    assert "missing values" not in out
    # An English locale gives English.
    monkeypatch.setenv("ARSIP_USER_LANG", "en_US.UTF-8")
    assert "missing values" in _run(["--title", "Judul"], dest)[1]


# --------------------------------------------------------------------------- registry entries


def _registry_files() -> dict[str, bytes]:
    data = Path(schema.current_data_dir())
    return {name: (data / name).read_bytes() for name in ("people.yml", "outlets.yml")}


def test_a_new_person_and_outlet_are_appended_for_review(dest: Path) -> None:
    before = _registry_files()
    flags = [f for f in FLAGS if not f.startswith(("--official", "--source", "--title", "--body"))]
    flags += [
        "--title=Camat Lubuk Basung Ajak ASN Netral",
        "--official=Rahmat Hidayat",
        "--role=Camat",
        "--source=Warta Andalas",
        "--source-url=https://www.wartaandalas.example/berita/1",
        "--body=Camat Lubuk Basung mengajak ASN netral.\n\nIa menyebut sanksinya.",
    ]
    code, out = _run(flags, dest)
    assert code == 0, out
    after = _registry_files()
    for name in before:
        # Appended: every byte before it (the comments too) stays as it was.
        assert after[name].startswith(before[name]) and after[name] != before[name], name
    added = after["people.yml"][len(before["people.yml"]) :].decode("utf-8")
    assert "# added by ./dev new for content/articles/2024/camat-lubuk-basung" in added
    assert "- id: rahmat-hidayat\n  name: Rahmat Hidayat\n" in added
    assert "{role: Camat, region: Kabupaten Agam, start: 2024-09-02}" in added
    reg = registry.load()
    assert reg.problems == []
    assert reg.outlet_for_url("https://wartaandalas.example/x").name == "Warta Andalas"
    # The article is valid against the registries as they are now.
    path = dest / "2024" / "camat-lubuk-basung-ajak-asn-netral.md"
    assert schema.validate(schema.read_article(path)) == []


def test_a_variant_is_refused_and_nothing_is_written(dest: Path) -> None:
    before = _registry_files()
    flags = [f for f in FLAGS if not f.startswith("--official")] + ["--official=Andri Warmann"]
    code, out = _run(flags, dest)
    assert code == 1
    assert "official: 'Andri Warmann' is not in data/people.yml: did you mean 'Andri Warman'" in out
    assert _registry_files() == before
    assert not list((dest / "2024").glob("bupati-agam-*"))
    flags = [f for f in FLAGS if not f.startswith("--source=")] + ["--source=Antara"]
    code, out = _run(flags, dest)
    assert code == 1 and "did you mean 'ANTARA'?" in out
    assert _registry_files() == before


def test_a_new_person_with_a_near_name_is_told_apart(dest: Path) -> None:
    flags = [f for f in FLAGS if not f.startswith("--official")] + ["--official=Andri Warmen"]
    code, out = _run([*flags, "--new-person"], dest)
    assert code == 0, out
    reg = registry.load()
    assert reg.problems == []
    person = reg.person("Andri Warmen")
    assert person.distinct_from == ("andri-warman",)


def test_an_article_not_kept_leaves_no_entry(dest: Path) -> None:
    """A repeat of an archived article is removed again, and so are its new entries."""
    assert _run(FLAGS, dest)[0] == 0
    before = _registry_files()
    flags = [f for f in FLAGS if not f.startswith("--official")] + ["--official=Suharto Tanjung"]
    flags = [f for f in flags if not f.startswith("--title")] + ["--title=Judul lain yang cukup"]
    code, out = _run(flags, dest)
    assert code == 1 and "duplicate article" in out
    assert _registry_files() == before
