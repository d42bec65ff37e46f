"""`./dev publish` checks the built site against GitHub Pages' limits: quiet below 80 %, a
warning from 80 %, a stop (non-zero exit, before the upload) above a limit."""

from __future__ import annotations

from pathlib import Path

import pytest
from invoke import Context, Exit

import tasks
from tools import publish
from tools.publish import GITHUB_PAGES, Limits, SiteSize, check, measure


def test_github_pages_limits_are_the_documented_ones() -> None:
    assert GITHUB_PAGES.max_bytes == 1_000_000_000  # "no larger than 1 GB"
    assert GITHUB_PAGES.max_files == 200_000
    assert GITHUB_PAGES.warn_ratio == 0.8


def test_measure_counts_every_uploaded_file(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "index.html").write_bytes(b"x" * 10)
    (tmp_path / "a" / "b" / "c.json").write_bytes(b"y" * 5)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_bytes(b"z" * 100)  # never uploaded
    assert measure(tmp_path) == SiteSize(bytes=15, files=2)


LIMITS = Limits(max_bytes=1000, max_files=10)


def test_below_80_percent_says_the_size_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARSIP_LANG", "id")
    verdict = check(SiteSize(bytes=799, files=7), LIMITS)
    assert verdict.level == "ok" and not verdict.stops
    assert len(verdict.lines) == 1
    assert verdict.lines[0].startswith("Ukuran situs:")
    assert (
        "80% dari batas ukuran" in verdict.lines[0] and "70% dari batas jumlah" in verdict.lines[0]
    )


@pytest.mark.parametrize(
    ("size", "what"),
    [(SiteSize(bytes=800, files=1), "ukuran"), (SiteSize(bytes=1, files=8), "jumlah berkas")],
)
def test_from_80_percent_a_warning_with_the_way_out(
    monkeypatch: pytest.MonkeyPatch, size: SiteSize, what: str
) -> None:
    monkeypatch.setenv("ARSIP_LANG", "id")
    verdict = check(size, LIMITS)
    assert verdict.level == "warn" and not verdict.stops
    assert verdict.lines[1].startswith(f"PERINGATAN: {what} situs sudah 80% dari batas")
    assert "docs/publishing.md" in verdict.lines[-1]


def test_over_a_limit_stops_and_names_each_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARSIP_LANG", "id")
    verdict = check(SiteSize(bytes=2_500_000_000, files=250_000))
    assert verdict.stops
    assert verdict.lines[1] == (
        "BERHENTI: ukuran situs melebihi batas GitHub Pages (2.500,0 MB, batasnya 1.000,0 MB): "
        "situs TIDAK diunggah"
    )
    assert verdict.lines[2].startswith("BERHENTI: jumlah berkas situs melebihi batas")
    assert "(250.000, batasnya 200.000)" in verdict.lines[2]
    assert "docs/publishing.md" in verdict.lines[3]
    # Exactly at a limit is not over it.
    assert not check(SiteSize(bytes=1000, files=10), LIMITS).stops


def test_messages_in_english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARSIP_LANG", "en")
    verdict = check(SiteSize(bytes=1001, files=1), LIMITS)
    assert verdict.lines[1].startswith("STOPPED: the site's size is over GitHub Pages' limit")


def test_the_way_out_is_documented() -> None:
    doc = (Path(tasks.ROOT) / "docs" / "publishing.md").read_text(encoding="utf-8")
    assert "## GitHub Pages' limits" in doc
    assert "./dev bench" in doc


def test_publish_task_stops_before_the_upload(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "index.html").write_bytes(b"x" * 2000)
    monkeypatch.setattr(tasks, "_build", lambda siteurl, cache="": tmp_path)
    monkeypatch.setattr(publish, "GITHUB_PAGES", LIMITS)
    monkeypatch.setattr(publish.check, "__defaults__", (LIMITS,))
    monkeypatch.setenv("ARSIP_LANG", "en")
    with pytest.raises(Exit) as stopped:
        tasks.publish(Context(), siteurl="https://org.github.io/repo")
    assert stopped.value.code == 1
    assert "STOPPED: the site's size is over" in str(stopped.value.message)
    # Within the limits the task ends normally and says the size.
    (tmp_path / "index.html").write_bytes(b"x" * 10)
    tasks.publish(Context(), siteurl="https://org.github.io/repo")
