"""The pre-commit configuration: valid, and its hooks catch a bad article, bad YAML and a
lint error, in a throw-away git repository (never in the working tree)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from arsip.testing import editors_default_language

ROOT = Path(__file__).resolve().parent.parent
VENV = Path(sys.prefix)
PRE_COMMIT = Path(sys.executable).parent / "pre-commit"


def _env(tmp_path: Path) -> dict[str, str]:
    # An editor's environment: no language chosen, so the hooks speak Indonesian.
    return {
        **editors_default_language(dict(os.environ)),
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "PYTHONUTF8": "1",
    }


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    if not PRE_COMMIT.exists():
        pytest.fail("pre-commit is missing: run the tests with ./dev test (pyproject test extra)")
    repo = tmp_path / "repo"
    repo.mkdir()
    for name in (".pre-commit-config.yaml", "pyproject.toml"):
        shutil.copy(ROOT / name, repo / name)
    shutil.copytree(ROOT / "content" / "articles", repo / "content" / "articles")
    (repo / ".venv").symlink_to(VENV)
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True, env=_env(tmp_path))
    return repo


def _run(repo: Path, files: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(PRE_COMMIT), "run", "--files", *files],
        cwd=repo,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=_env(repo.parent),
        timeout=300,
        check=False,
    )


def test_config_is_valid() -> None:
    proc = subprocess.run(
        [str(PRE_COMMIT), "validate-config", str(ROOT / ".pre-commit-config.yaml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_hooks_pass_on_good_files(repo: Path) -> None:
    article = next((repo / "content" / "articles").rglob("*.md"))
    (repo / "ok.py").write_text('"""Fine."""\n\nVALUE = 1\n', encoding="utf-8")
    (repo / "ok.yml").write_text("a: [1, 2]\n", encoding="utf-8")
    files = [str(article.relative_to(repo)), "ok.py", "ok.yml"]
    subprocess.run(["git", "add", *files], cwd=repo, check=True)
    proc = _run(repo, files)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_hooks_catch_bad_article_yaml_and_python(repo: Path) -> None:
    article = next((repo / "content" / "articles" / "2024").glob("*.md"))
    text = article.read_text(encoding="utf-8").replace("role: ", "role: Wako ", 1)
    bad_article = article.with_name("salah-" + article.name)
    bad_article.write_text(text, encoding="utf-8")
    (repo / "bad.py").write_text("import os\n", encoding="utf-8")
    (repo / "bad.yml").write_text("a: [1, 2\n", encoding="utf-8")
    files = [str(bad_article.relative_to(repo)), "bad.py", "bad.yml"]
    subprocess.run(["git", "add", *files], cwd=repo, check=True)
    proc = _run(repo, files)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out
    assert f"{bad_article.relative_to(repo)}:" in out and "role: jabatan 'Wako " in out
    assert "tidak dikenal: pakai salah satu dari" in out
    assert "artikel ganda" in out  # the copy repeats an archived article's text
    assert "F401" in out  # the unused import, found by ruff
    assert "bad.yml" in out  # check-yaml
    # The hooks speak to editors in Indonesian.
    assert "artikel dan halaman (./dev check pada berkas yang berubah)" in out


def test_hook_refuses_files_the_build_must_not_read(repo: Path) -> None:
    year = repo / "content" / "articles" / "2024"
    article = next(year.glob("*.md"))
    other = year / "lain.markdown"
    other.write_text(article.read_text(encoding="utf-8"), encoding="utf-8")
    outside = repo / "content" / "articles" / "tanpa-tahun.md"
    outside.write_text("---\ntitle: x\n---\nisi\n", encoding="utf-8")
    files = [str(p.relative_to(repo)) for p in (other, outside)]
    subprocess.run(["git", "add", *files], cwd=repo, check=True)
    proc = _run(repo, files)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out
    assert "lain.markdown:1: file: hanya berkas .md yang dibaca di sini" in out
    assert "tanpa-tahun.md:1: file: artikel harus ada di folder tahunnya" in out
