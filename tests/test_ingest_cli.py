"""The ingest command end to end: the seeds, bad inputs, duplicates, and the check refusing
an unreviewed draft."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from arsip import check, schema
from arsip.ingest import ingest_paths

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "fixtures" / "seeds"  # the raw articles content/ was made from
CONTENT = ROOT / "content" / "articles"
# people and quotes: written by hand in the archive (ingest does not extract them yet).
EDITOR_FIELDS = {"title", "title_editorial", "tags", "review", "archived", "people", "quotes"}

GOOD = (
    "Sekda Kota Solok Ingatkan ASN Jaga Netralitas\n\n"
    "SOLOK, Padangkita.com - Sekretaris Daerah Kota Solok Ardi Wijaya mengingatkan ASN Pemko "
    "Solok menjaga netralitas menjelang Pilkada 2024.\n\n"
    '"ASN harus netral," kata Ardi di Balai Kota Solok, Kamis (5/9/2024).\n'
)


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests read the report in English (ARSIP_LANG=en); test_entry_point reads the
    editors' default, Indonesian."""
    monkeypatch.setenv("ARSIP_LANG", "en")


def run(paths: list[Path], dest: Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = ingest_paths(paths, dest, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_seeds_reproduce_the_archive(tmp_path: Path) -> None:
    code, out, err = run([SEEDS], tmp_path)
    assert code == 0, err
    drafts = [schema.read_article(p) for p in sorted(tmp_path.glob("*/*.md"))]
    archive = {
        (a.meta["date"], a.meta["official"]): a
        for a in (schema.read_article(p) for p in CONTENT.glob("*/*.md"))
    }
    assert len(drafts) == len(list(SEEDS.iterdir())) == 5
    for draft in drafts:
        want = archive.pop((draft.meta["date"], draft.meta["official"]))
        assert draft.body.strip() == want.body.strip(), draft.path
        for name in set(want.meta) | set(draft.meta):
            if name not in EDITOR_FIELDS:
                assert draft.meta.get(name) == want.meta.get(name), (draft.path, name)
        # Only the review list separates a draft from a valid article.
        assert [p.field for p in schema.validate(draft)] == ["review"]
        assert Path(draft.path).parent.name == draft.meta["date"][:4]
    assert not archive
    # Headlines in the text are used as they are, and then give the archive's file names.
    assert {p.name for p in tmp_path.glob("*/*.md")} >= {
        "jelang-pilkada-2024-pj-wako-padang-ingatkan-asn-jaga-netralitas-dan-integritas.md"
    }
    assert "review: title, source, tags" in out  # the seed without outlet or headline


def test_seeds_are_already_archived(tmp_path: Path) -> None:
    archive = tmp_path / "articles"
    shutil.copytree(CONTENT, archive)  # a copy: a failing test must not write into content/
    before = sorted(archive.rglob("*"))
    code, _, err = run([SEEDS], archive)
    assert code == 1
    assert err.count("already archived") == 5
    assert (
        f"{archive}/2024/pjs-bupati-bengkulu-selatan-ingatkan-asn-netral-dalam-pilkada-2024.md"
        in err
    )
    assert sorted(archive.rglob("*")) == before


def test_the_check_refuses_an_unreviewed_draft(tmp_path: Path) -> None:
    run([SEEDS / "000_36e554fcf149fb25.txt"], tmp_path)
    assert len(list(tmp_path.glob("*/*.md"))) == 1
    out = io.StringIO()
    sys_stdout, sys.stdout = sys.stdout, out
    try:
        assert check.main([str(tmp_path)]) == 1
    finally:
        sys.stdout = sys_stdout
    # hantaran.co is in no list of outlets: its name as written is flagged.
    assert "review: the draft still needs review (title, source, tags)" in out.getvalue()


def test_bad_inputs_fail_alone(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a_empty.txt").write_text(" \n\n", encoding="utf-8")
    (raw / "b_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (raw / "c_latin1.txt").write_bytes(
        GOOD.replace("Kamis", "Kamis \u00e9t\u00e9").encode("latin-1", "replace")
    )
    (raw / "d_nodate.txt").write_text(GOOD.replace(", Kamis (5/9/2024)", ""), encoding="utf-8")
    (raw / "e_good.txt").write_text(GOOD, encoding="utf-8")
    (raw / "e_nobody.txt").write_text(
        GOOD.replace("Sekretaris Daerah Kota Solok Ardi Wijaya", "Seorang pejabat"),
        encoding="utf-8",
    )
    (raw / "f_utf16.txt").write_text(GOOD, encoding="utf-16")
    (raw / "g_page.html").write_text("<html><body>" + "<p>x</p>" * 10 + GOOD, encoding="utf-8")
    code, _, err = run([raw], tmp_path / "articles")
    assert code == 1
    assert "a_empty.txt: error: the file is empty" in err
    assert "b_binary.txt: error: this is a binary file" in err
    assert "c_latin1.txt: error: line 5: the text is not UTF-8" in err
    assert "d_nodate.txt: error: date: no date found" in err
    assert "f_utf16.txt: error: the text is UTF-16, not UTF-8" in err
    assert "g_page.html: error: this is a web page's HTML source" in err
    assert "e_nobody.txt: error: official: nobody introduced by a role" in err
    assert "1 draft(s) written" in err
    (draft,) = (tmp_path / "articles").glob("2024/*.md")
    assert draft.name == "sekda-kota-solok-ingatkan-asn-jaga-netralitas.md"
    meta = schema.read_article(draft).meta
    assert (meta["region"], meta["official"], meta["role"], meta["source"]) == (
        "Kota Solok", "Ardi Wijaya", "Sekretaris Daerah", "Padangkita.com"
    )  # fmt: skip


def test_missing_path(tmp_path: Path) -> None:
    code, _, err = run([tmp_path / "nope.txt"], tmp_path)
    assert code == 1 and "no such file" in err


def test_near_duplicate_and_same_url_are_refused(tmp_path: Path) -> None:
    dest = tmp_path / "articles"
    first = tmp_path / "first.txt"
    first.write_text("https://padangkita.com/sekda-solok\n" + GOOD, encoding="utf-8")
    assert run([first], dest)[0] == 0
    (existing,) = dest.glob("*/*.md")
    # The same article again, with page furniture and a word changed: nearly the same text.
    again = tmp_path / "again.txt"
    again.write_text(
        GOOD.replace("menjaga", "untuk menjaga") + "\nBagikan:\nEditor: X\n", encoding="utf-8"
    )
    code, _, err = run([again], dest)
    assert code == 1 and f"already archived: {existing}" in err and "nearly the same text" in err
    # Another text, but the same source address.
    other = tmp_path / "other.txt"
    other.write_text(
        "https://padangkita.com/sekda-solok/\n"
        + GOOD.replace("Ardi Wijaya", "Budi").replace("menjaga netralitas", "tidak berkampanye")
        + "Budi menambahkan bahwa sanksi menanti ASN yang melanggar aturan disiplin pegawai negeri.\n"
        * 3,
        encoding="utf-8",
    )
    code, _, err = run([other], dest)
    assert code == 1 and "same source_url" in err
    assert len(list(dest.glob("*/*.md"))) == 1


def test_never_overwrites_a_file_with_the_same_name(tmp_path: Path) -> None:
    dest = tmp_path / "articles"
    (dest / "2024").mkdir(parents=True)
    taken = dest / "2024" / "sekda-kota-solok-ingatkan-asn-jaga-netralitas.md"
    taken.write_text("---\ntitle: x\n---\nlain sekali isinya\n", encoding="utf-8")
    raw = tmp_path / "a.txt"
    raw.write_text(GOOD, encoding="utf-8")
    code, out, _ = run([raw], dest)
    assert code == 0
    assert taken.read_text(encoding="utf-8").endswith("lain sekali isinya\n")
    assert "sekda-kota-solok-ingatkan-asn-jaga-netralitas-2.md" in out


def test_entry_point(tmp_path: Path) -> None:
    raw = tmp_path / "a.txt"
    raw.write_text(GOOD, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "arsip.ingest", str(raw), "--dest", str(tmp_path / "out")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={"PYTHONUTF8": "1", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"},
    )
    assert proc.returncode == 0, proc.stderr
    # Indonesian by default (an editor's locale that is not English).
    assert "ditulis" in proc.stdout and "1 draf ditulis" in proc.stderr
    assert "periksa: title" not in proc.stdout  # it has a headline
    assert "periksa: source, tags" in proc.stdout  # Padangkita.com is in no list of outlets
    assert "region:    Kota Solok" in proc.stdout
    assert shutil.which("true")  # the environment above kept a PATH
    # English for contributors who prefer it: their locale, or ARSIP_LANG.
    for env in ({"LANG": "en_GB.UTF-8"}, {"LANG": "id_ID.UTF-8", "ARSIP_LANG": "en"}):
        proc = subprocess.run(
            [sys.executable, "-m", "arsip.ingest", str(raw), "--dest", str(tmp_path / "en")],
            cwd=ROOT,
            capture_output=True,
            text=True,
            encoding="utf-8",
            env={"PYTHONUTF8": "1", "PATH": "/usr/bin:/bin", **env},
        )
        assert "review: source, tags" in proc.stdout or "already archived" in proc.stderr, env
        assert "ditulis" not in proc.stdout + proc.stderr


def test_a_folder_of_many_files_shows_progress(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    for i in range(21):
        text = GOOD.replace("5/9/2024", f"{i + 1}/9/2024")
        (raw / f"artikel-{i:02}.txt").write_text(text, encoding="utf-8")
    _, _, err = run([raw], tmp_path / "drafts")
    # Not a terminal: one plain line at the end (and one every few seconds before it).
    assert "Ingesting articles: 21/21 (100%)" in err  # ARSIP_LANG=en (Mengolah artikel)
    _, _, err = run(sorted(raw.iterdir())[:3], tmp_path / "few")
    assert "Mengolah artikel" not in err


def test_a_file_as_dest_is_refused_with_a_message(tmp_path: Path) -> None:
    raw = tmp_path / "a.txt"
    raw.write_text(GOOD, encoding="utf-8")
    dest = tmp_path / "articles.md"
    dest.write_text("not a folder", encoding="utf-8")
    code, _, err = run([raw], dest)
    assert code == 1
    assert (
        err
        == f"error: --dest {dest} is a file, not a folder: give the articles folder, e.g. content/articles\n"
    )
    assert dest.read_text(encoding="utf-8") == "not a folder"
    dangling = tmp_path / "gone"
    dangling.symlink_to(tmp_path / "nowhere")
    code, _, err = run([raw], dangling)
    assert code == 1 and "symbolic link that leads nowhere" in err
    assert not (tmp_path / "nowhere").exists()


def test_a_year_folder_linked_out_of_dest_is_never_followed(tmp_path: Path) -> None:
    raw = tmp_path / "a.txt"
    raw.write_text(GOOD, encoding="utf-8")
    dest, elsewhere = tmp_path / "articles", tmp_path / "elsewhere"
    dest.mkdir()
    elsewhere.mkdir()
    (dest / "2024").symlink_to(elsewhere, target_is_directory=True)
    code, _, err = run([raw], dest)
    assert code == 1
    assert f"{dest / '2024'} is a symbolic link: drafts are written only inside {dest}" in err
    assert list(elsewhere.iterdir()) == []
