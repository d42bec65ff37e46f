"""``invoke check`` (arsip.check): links between articles, near duplicates, GitHub annotations,
checking only changed files against the archive, and its speed on 1,000 articles."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from arsip import check
from arsip.schema import Problem

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "content" / "articles"


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """The messages are read in English (ARSIP_LANG=en); tests/test_messages.py reads the editors' default, Indonesian."""
    monkeypatch.setenv("ARSIP_LANG", "en")


@pytest.fixture
def archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the real articles in tmp_path/content/articles; the cwd is tmp_path."""
    dest = tmp_path / "content" / "articles"
    shutil.copytree(SEED, dest)
    monkeypatch.chdir(tmp_path)
    return dest


def _first(archive: Path) -> Path:
    return sorted(archive.rglob("*.md"))[0]


def _add_link(path: Path, target: str) -> None:
    path.write_text(
        path.read_text(encoding="utf-8") + f"\nBaca juga [berita lain]({target}).\n",
        encoding="utf-8",
    )


def _run(*args: str, lang: dict[str, str] | None = None) -> tuple[int, list[str]]:
    """``invoke check ARGS``: its exit code and output lines, in English unless ``lang``
    gives the environment's language variables."""
    lang = {"ARSIP_LANG": "en"} if lang is None else lang
    proc = subprocess.run(
        [sys.executable, "-m", "arsip.check", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=Path.cwd(),
        env={"PYTHONPATH": str(ROOT), "PYTHONUTF8": "1", "PATH": "/usr/bin:/bin", **lang},
        check=False,
    )
    return proc.returncode, proc.stdout.splitlines()


def test_real_archive_has_no_problem(archive: Path) -> None:
    code, lines = _run()
    assert (code, lines) == (0, [])


def test_links_to_existing_articles_pass(archive: Path) -> None:
    src, dest = sorted(archive.rglob("*.md"))[:2]
    rel_url = f"../../{dest.parent.name}/{dest.stem}/"
    _add_link(src, rel_url)
    _add_link(src, f"{{filename}}../{dest.parent.name}/{dest.name}")
    _add_link(src, "https://example.org/berita#bagian")
    problems = check.check_links(check.schema.read_article(str(src)))
    assert problems == []


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("../../2024/tidak-ada/", "does not exist (no file articles/2024/tidak-ada.md)"),
        ("{filename}../2024/tidak-ada.md", "which does not exist"),
        ("{filename}/articles/2020/tidak-ada.md", "which does not exist"),
        ("../../2024/", "is not an article address"),
    ],
)
def test_broken_links_between_articles(archive: Path, target: str, expected: str) -> None:
    src = _first(archive)
    _add_link(src, target)
    problems = check.check_links(check.schema.read_article(str(src)))
    assert len(problems) == 1, problems
    problem = problems[0]
    assert problem.field == "body" and expected in problem.message
    lines = src.read_text(encoding="utf-8").split("\n")
    assert target in lines[problem.line - 1]


def test_root_relative_link_breaks_under_a_sub_path(archive: Path) -> None:
    src, dest = sorted(archive.rglob("*.md"))[:2]
    _add_link(src, f"/artikel/{dest.parent.name}/{dest.stem}/")
    (problem,) = check.check_links(check.schema.read_article(str(src)))
    assert "sub-path" in problem.message
    assert f"../../{dest.parent.name}/{dest.stem}/" in problem.message


def test_near_duplicate_is_reported_against_the_archive(archive: Path) -> None:
    """A new article that repeats an archived one with a few words changed: checking only
    the new file (as pre-commit does) still finds the archived one."""
    original = _first(archive)
    text = original.read_text(encoding="utf-8")
    head, body = text.split("\n---\n", 1)
    changed = body.replace("ASN", "aparatur", 3).replace("Pilkada", "pemilihan", 2)
    assert changed != body
    copy = original.with_name("salinan-" + original.name)
    copy.write_text(head + "\n---\n" + changed + "\nSumber: salinan.\n", encoding="utf-8")
    code, lines = _run(str(copy.relative_to(Path.cwd())))
    assert code == 1
    assert any("nearly the same text as" in line and original.name in line for line in lines), lines


def test_exact_duplicate_of_an_archived_article(archive: Path) -> None:
    original = _first(archive)
    copy = original.with_name("salinan-" + original.name)
    shutil.copy(original, copy)
    code, lines = _run(str(copy.relative_to(Path.cwd())))
    assert code == 1
    assert any("duplicate article" in line for line in lines), lines
    assert not any("nearly the same" in line for line in lines), "reported twice"


def test_unrelated_old_problems_are_not_blamed_on_a_changed_file(archive: Path) -> None:
    a, _, c = sorted(archive.rglob("*.md"))[:3]
    shutil.copy(a, a.with_name("kembar-" + a.name))  # an old duplicate elsewhere
    code, lines = _run(str(c.relative_to(Path.cwd())))
    assert (code, lines) == (0, [])


def test_github_format(archive: Path) -> None:
    src = _first(archive)
    text = src.read_text(encoding="utf-8").replace("election: ", "election: Pilkada 1999, ")
    src.write_text(text, encoding="utf-8")
    code, lines = _run("--format", "github", "content/articles")
    assert code == 1
    rel = str(src.relative_to(Path.cwd()))
    line_no = text.split("\n").index(next(x for x in text.split("\n") if x.startswith("elect")))
    assert lines == [
        f"::error file={rel},line={line_no + 1},title=election::" + lines[0].split("::", 2)[2]
    ]
    assert "is not a known election" in lines[0]


def test_annotation_escapes_workflow_command_syntax() -> None:
    problem = Problem("a,b:c.md", 3, "body", "50% done\nnext line")
    assert check.github_annotation(problem) == (
        "::error file=a%2Cb%3Ac.md,line=3,title=body::50%25 done%0Anext line"
    )


@pytest.mark.slow
def test_check_of_1000_articles_under_two_seconds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The issue asks for under 2 s for 1,000 articles. CPU time of the check itself is
    measured (wall time on a shared 2-core machine depends on the neighbours); the figure is
    printed (pytest -s shows it)."""
    from tools.bench.generate import generate

    files = generate(tmp_path / "content", 1000, seed=7)
    monkeypatch.setenv("ARSIP_DATA_DIR", str(tmp_path / "data"))  # its own registries
    monkeypatch.chdir(tmp_path)
    check.check_files(files[:1])  # vocabularies and gazetteer loaded once per process
    wall, cpu = time.perf_counter(), time.process_time()
    problems = check.check_files(files)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"\ninvoke check, 1000 articles: {cpu:.2f} s CPU, {wall:.2f} s wall")
    assert problems == []
    assert cpu < 2.0


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_names_that_are_not_the_registry_s_are_refused(archive: Path) -> None:
    """Indonesian by default, each with its line and "did you mean"."""
    padang = next(archive.glob("2024/jelang-pilkada-*.md"))
    _replace(padang, "official: Andree Algamar", "official: Andre Algamar")
    _replace(padang, "source: Langgam.id", "source: langgam.id")
    pariaman = next(archive.glob("2020/gelar-apel-*.md"))
    _replace(pariaman, "  - speaker: Jonpriadi", "  - speaker: Jon Priadi")
    bukittinggi = next(archive.glob("2024/sekda-bukittinggi-*.md"))
    _replace(bukittinggi, "official: Martias Wanto", "official: Drs. H. Martias Wanto, M.Si")
    code, lines = _run("content/articles", lang={"LANG": "C.UTF-8"})  # the editors' default
    assert code == 1
    shown = {line.split(": ", 1)[0].rsplit("/", 1)[1]: line for line in lines}
    assert len(lines) == 4, lines
    assert shown[f"{padang.name}:6"].endswith(
        "official: 'Andre Algamar' adalah variasi ejaan dari 'Andree Algamar': maksud Anda "
        "'Andree Algamar' (Pj Wali Kota, Kota Padang)?"
    )
    assert shown[f"{padang.name}:8"].endswith(
        "source: 'langgam.id' adalah variasi ejaan dari 'Langgam.id': maksud Anda 'Langgam.id'?"
    )
    assert shown[f"{pariaman.name}:24"].endswith(
        "quotes: butir 5, speaker: 'Jon Priadi' tidak ada di data/people.yml: maksud Anda "
        "'Jonpriadi' (Sekretaris Daerah, Kabupaten Padang Pariaman)? Bila memang orang lain, "
        "tambahkan entrinya ke data/people.yml (dengan distinct_from)"
    )
    assert shown[f"{bukittinggi.name}:7"].endswith(
        "maksud Anda 'Martias Wanto' (Sekretaris Daerah, Kota Bukittinggi)?"
    )


def test_the_registries_are_checked_too(archive: Path, tmp_path: Path) -> None:
    from arsip.testing import data_dir

    people = (
        "- id: martias-wantoo\n  name: Martias Wantoo\n  roles:\n"
        "    - {role: Camat, region: Kota Bukittinggi, start: 2024-01-01}"
    )
    data = data_dir(tmp_path / "data", people=people)
    proc = subprocess.run(
        [sys.executable, "-m", "arsip.check", "content/articles"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=tmp_path,
        env={
            "PYTHONPATH": str(ROOT),
            "PYTHONUTF8": "1",
            "PATH": "/usr/bin:/bin",
            "ARSIP_DATA_DIR": str(data),
            "ARSIP_LANG": "en",
        },
        check=False,
    )
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    text = (data / "people.yml").read_text(encoding="utf-8").split("\n")
    new = text.index("  name: Martias Wantoo") + 1
    old = text.index("- id: martias-wanto") + 1
    assert lines == [
        f"data/people.yml:{new}: name: Martias Wantoo (martias-wantoo) and Martias Wanto "
        f"(martias-wanto, line {old}) are near-identical names: if they are two people, list one's "
        "id in the other's distinct_from; if one, merge the entries and keep the variant in "
        "spellings"
    ]
