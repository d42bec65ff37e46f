"""tools.changes: the publish workflow's short path knows a content-only commit, the pages a
build changed, and checks their HTML and links."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tools.changes import broken_links, changed_pages, html_errors, kind


def _git(repo: Path, *args: str) -> str:
    proc = subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    )
    return proc.stdout.strip()


def _commit(repo: Path, files: dict[str, str]) -> str:
    for name, text in files.items():
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "x")
    return _git(repo, "rev-parse", "HEAD")


def test_a_commit_is_content_only_when_every_changed_file_is_under_content(
    tmp_path: Path,
) -> None:
    _git(tmp_path, "init", "-q")
    first = _commit(tmp_path, {"content/articles/2024/a.md": "a", "theme/x.html": "x"})
    added = _commit(tmp_path, {"content/articles/2024/b.md": "b"})
    assert kind(first, added, tmp_path) == "content"
    (tmp_path / "content/articles/2024/a.md").unlink()
    removed = _commit(tmp_path, {})
    assert kind(added, removed, tmp_path) == "content"
    theme = _commit(tmp_path, {"theme/x.html": "y", "content/articles/2024/c.md": "c"})
    assert kind(removed, theme, tmp_path) == "code"
    assert kind(first, theme, tmp_path) == "code"  # several commits in one push
    # Unknown base: a first push (zeros), a commit not fetched: everything runs.
    assert kind("0" * 40, theme, tmp_path) == "code"
    assert kind("", theme, tmp_path) == "code"
    assert kind("1234567890abcdef1234567890abcdef12345678", theme, tmp_path) == "code"
    assert kind(theme, theme, tmp_path) == "code"  # nothing changed: no short cut either


def test_changed_pages_are_those_whose_bytes_differ_from_the_previous_build(
    tmp_path: Path,
) -> None:
    site, manifest = tmp_path / "site", tmp_path / "cache" / "pages.json"
    for name in ("index.html", "artikel/2024/a/index.html", "pagefind/x.html"):
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(name, encoding="utf-8")
    assert changed_pages(site, manifest) == ["artikel/2024/a/index.html", "index.html"]
    assert changed_pages(site, manifest) == []
    (site / "index.html").write_text("baru", encoding="utf-8")
    (site / "artikel/2024/b/index.html").parent.mkdir(parents=True)
    (site / "artikel/2024/b/index.html").write_text("b", encoding="utf-8")
    (site / "pagefind/x.html").write_text("other", encoding="utf-8")  # not a page
    assert changed_pages(site, manifest) == ["artikel/2024/b/index.html", "index.html"]


def test_broken_links_of_the_changed_pages_are_found(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "artikel/2024/a").mkdir(parents=True)
    (site / "theme/css").mkdir(parents=True)
    (site / "theme/css/main.css").write_text("", encoding="utf-8")
    (site / "index.html").write_text("i", encoding="utf-8")
    (site / "artikel/2024/a/index.html").write_text(
        '<link href="https://org.github.io/repo/theme/css/main.css">'
        '<a href="https://org.github.io/repo/">home</a>'
        '<a href="../../../index.html">relative</a>'
        '<a href="https://org.github.io/repo/artikel/2024/b/">gone</a>'
        '<a href="/lain/">outside</a>'
        '<a href="https://www.kompas.example/berita">source</a>'
        '<a href="#isi">anchor</a><img src="hilang.png">',
        encoding="utf-8",
    )
    broken = broken_links(site, "https://org.github.io/repo", ["artikel/2024/a/index.html"])
    assert broken == [
        "artikel/2024/a/index.html: https://org.github.io/repo/artikel/2024/b/",
        "artikel/2024/a/index.html: /lain/ (outside the site's path /repo/)",
        "artikel/2024/a/index.html: hilang.png",
    ]


@pytest.mark.slow
def test_html_errors_of_the_changed_pages_are_found(tmp_path: Path) -> None:
    (tmp_path / "ok.html").write_text(
        '<!doctype html><html lang="id"><head><title>x</title></head><body><p>ya</p></body></html>',
        encoding="utf-8",
    )
    (tmp_path / "rusak.html").write_text(
        '<!doctype html><html lang="id"><head><title>x</title></head>'
        "<body><p><div>rusak</p></body></html>",
        encoding="utf-8",
    )
    assert html_errors(tmp_path, ["ok.html"]) == []
    errors = html_errors(tmp_path, ["ok.html", "rusak.html"])
    assert errors and all(e.startswith("rusak.html:1:") for e in errors), errors
