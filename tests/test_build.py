"""tools.build: the site URL is checked first, and a failed build keeps the previous site."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from arsip import links
from arsip.testing import article, use_editors_default_language
from tools.build import PREVIOUS, STAGING, BuildFailed, build


def tiny_content(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    (content / "articles" / "2024").mkdir(parents=True)
    (content / "pages").mkdir()
    (content / "articles" / "2024" / "satu.md").write_text(
        article("Isi pertama.", title="Judul pertama artikel"), encoding="utf-8"
    )
    return content


def snapshot(folder: Path) -> dict[str, bytes]:
    """The published files (the hidden folders of a build in progress aside)."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.relative_to(folder).parts[0] not in (STAGING, PREVIOUS)
    }


def test_a_failed_build_leaves_the_previous_site(
    tmp_path: Path, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    use_editors_default_language(monkeypatch)
    content = tiny_content(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / "stale.html").write_text("left by an older build", encoding="utf-8")
    build(content=content, output=out)
    assert not (out / "stale.html").exists()  # the new site replaces the old one whole
    assert not (out / STAGING).exists() and not (out / PREVIOUS).exists()
    before = snapshot(out)
    assert "artikel/2024/satu/index.html" in before

    (content / "articles" / "2024" / "dua.md").write_text(
        article("Isi <script>alert(1)</script>", title="Judul kedua artikel"), encoding="utf-8"
    )
    with pytest.raises(BuildFailed):
        build(content=content, output=out)
    assert "dua.md:12: body: berisi markup HTML" in capfd.readouterr().err
    assert snapshot(out) == before
    assert not (out / STAGING).exists()


def test_a_build_killed_midway_is_cleaned_up_by_the_next(tmp_path: Path) -> None:
    content = tiny_content(tmp_path)
    out = tmp_path / "out"
    (out / STAGING / "artikel").mkdir(parents=True)  # what a killed build leaves
    build(content=content, output=out)
    assert not (out / STAGING).exists()
    assert (out / "artikel/2024/satu/index.html").is_file()


@pytest.mark.parametrize(
    "url",
    [
        '"><script>alert(1)</script>',
        "javascript:alert(1)",
        "https://example.org/a b",
        "https://example.org/x\"onmouseover='1'",
        "ftp://example.org/",
        "https://",
        "example.org/arsip",
        "https://user@example.org/",
        "https://example.org/?q=1",
        "https://example.org/#x",
        "https://example.org/\\evil",
        " https://example.org",
    ],
)
def test_a_bad_site_url_is_refused_before_anything_is_written(tmp_path: Path, url: str) -> None:
    with pytest.raises(BuildFailed, match="--siteurl"):
        build(siteurl=url, content=tmp_path / "none", output=tmp_path / "out")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    "url", ["https://org.github.io/repo", "http://127.0.0.1:8000/arsip", "https://example.org/"]
)
def test_good_site_urls(url: str) -> None:
    assert links.siteurl_problem(url) is None


def test_a_build_killed_while_writing_keeps_the_previous_site(tmp_path: Path) -> None:
    content = tiny_content(tmp_path)
    out = tmp_path / "out"
    build(content=content, output=out)
    before = snapshot(out)
    (content / "articles" / "2024" / "dua.md").write_text(
        article("Isi kedua yang lain.", title="Judul kedua artikel"), encoding="utf-8"
    )
    code = (
        "import sys; from tools.build import build; build(content=sys.argv[1], output=sys.argv[2])"
    )
    proc = subprocess.Popen([sys.executable, "-c", code, str(content), str(out)])
    try:
        deadline = time.monotonic() + 120
        # Killed once the new site is being written aside (its pages exist there).
        while not (out / STAGING / "artikel").exists() and proc.poll() is None:
            assert time.monotonic() < deadline, "the build never started writing"
            time.sleep(0.005)
        proc.kill()
    finally:
        proc.wait()
    if proc.returncode == 0:
        pytest.skip("the build ended before it could be killed")
    assert snapshot(out) == before  # the staging folder is hidden and not part of the site
    build(content=content, output=out)
    assert not (out / STAGING).exists()
    assert (out / "artikel/2024/dua/index.html").is_file()
