"""The build cache (``invoke publish --cache DIR``, tools/build.py): a build that reuses an
earlier build's content cache and search index slices writes the same site as a clean build.

The publish workflow restores the cache of the previous build and rebuilds after a commit
that added, edited or removed an article; each case is compared here, byte for byte, with a
build from nothing (Pagefind's bundle aside: its file names differ from run to run; the
browse data, which holds its page ids, is compared).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tools.bench.generate import generate
from tools.build import BuildFailed, build, code_key, settings_for

ROOT = Path(__file__).resolve().parent.parent
SITEURL = "https://example.org/arsip"
N = 40


def published(folder: Path, skip: str = "pagefind") -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.relative_to(folder).parts[0] != skip
    }


def pagefind_slices(folder: Path) -> list[str]:
    return sorted(p.name for p in (folder / "pagefind").iterdir() if p.is_dir())


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files the build read (not taken from the cache): the reader's ``read`` runs in the
    build's process, whichever process prepared the file."""
    from validation.validation import ArchiveReader

    seen: list[str] = []
    read = ArchiveReader.read

    def counted(self: ArchiveReader, source_path: str):  # type: ignore[no-untyped-def]
        if Path(source_path).parent.name != "pages":
            seen.append(Path(source_path).name)
        return read(self, source_path)

    monkeypatch.setattr(ArchiveReader, "read", counted)
    return seen


@pytest.fixture(autouse=True)
def generated_registries(monkeypatch: pytest.MonkeyPatch) -> None:
    """Restore ``ARSIP_DATA_DIR`` after each test (:func:`_content` points it at the
    registries the generator writes beside the content)."""
    monkeypatch.setenv("ARSIP_DATA_DIR", "")  # recorded, so that teardown restores it
    monkeypatch.delenv("ARSIP_DATA_DIR")


def _content(tmp_path: Path, n: int) -> Path:
    content = tmp_path / "content"
    generate(content, n, seed=7)
    # Checks and builds read the generated archive's registries (an archive generated into
    # tmp_path/"more" later writes the same folder: a superset, with the same seed).
    os.environ["ARSIP_DATA_DIR"] = str(tmp_path / "data")
    shutil.copytree(ROOT / "content" / "pages", content / "pages")
    return content


def _compare(content: Path, cache: Path, out: Path, clean: Path) -> int:
    """Build with the cache and from nothing, compare; the slices the cached build reused."""
    from search_index import search_index

    build(SITEURL, output=out, content=content, cache=cache)
    cached = search_index.LAST_RUN["cached"]
    build(SITEURL, output=clean, content=content)
    ours, theirs = published(out), published(clean)
    assert ours.keys() == theirs.keys()
    differ = [name for name in ours if ours[name] != theirs[name]]
    assert differ == []
    assert pagefind_slices(out) == pagefind_slices(clean)
    # The years that did not change came from the cache.
    assert cached >= 1
    return cached


def test_a_cached_build_after_one_article_added_edited_removed_is_a_clean_build(
    tmp_path: Path, reads: list[str]
) -> None:
    from search_index import search_index

    content = _content(tmp_path, N)
    cache, out = tmp_path / "cache", tmp_path / "out"
    build(SITEURL, output=out, content=content, cache=cache)
    assert search_index.LAST_RUN["cached"] == 0  # an empty cache: everything indexed
    assert len(reads) == N
    (key,) = [p.name for p in cache.iterdir()]
    assert (cache / key / "pelican").is_dir() and (cache / key / "pagefind").is_dir()

    # Added: the archive of N + 1 articles starts with the same N files.
    reads.clear()
    added = set(generate(tmp_path / "more", N + 1, seed=7)[-1:])
    (new,) = added
    target = content / new.relative_to(tmp_path / "more")
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(new, target)
    cached = _compare(content, cache, out, tmp_path / "clean-added")
    # Every other year's slice came from the cache, though the new article is listed on
    # pages of other years (related articles: outside what Pagefind indexes).
    assert cached == len(pagefind_slices(out)) - 1
    assert reads[0] == target.name
    assert len(reads) == 1 + N + 1  # cached build: the new file; clean build: all

    # Edited: one sentence more in the bodies of two other articles (two: the reading
    # workers start from two files on, and must prepare only those).
    from pelican_speed import parallel

    edited = sorted(content.glob("articles/*/*.md"))[3:5]
    for path in edited:
        path.write_text(path.read_text("utf-8") + "\nKalimat tambahan.\n", encoding="utf-8")
    reads.clear()
    build(SITEURL, output=out, content=content, cache=cache)
    assert parallel.LAST_RUN.read_files == 2
    assert sorted(reads) == sorted(p.name for p in edited)
    _compare(content, cache, out, tmp_path / "clean-edited")

    # Removed.
    target.unlink()
    reads.clear()
    _compare(content, cache, out, tmp_path / "clean-removed")
    assert len(reads) == N  # nothing read again in the cached build
    assert f"artikel/{target.parent.name}/{target.stem}/index.html" not in published(out)


def test_a_cache_of_other_code_or_settings_is_never_read(tmp_path: Path) -> None:
    plain = code_key(settings_for(SITEURL))
    assert plain == code_key(settings_for(SITEURL))  # stable from one call to the next
    assert code_key(settings_for("https://example.org/lain")) != plain
    assert code_key(settings_for(SITEURL, output=tmp_path / "x")) == plain  # folders aside
    content = _content(tmp_path, 12)
    cache = tmp_path / "cache"
    (cache / "0123abcd").mkdir(parents=True)  # left by other code
    build(SITEURL, output=tmp_path / "out", content=content, cache=cache)
    assert [p.name for p in cache.iterdir()] == [code_key(settings_for(SITEURL))]


def test_a_stopped_build_leaves_no_cache_that_would_hide_its_problem(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """A page is refused after Pelican saved what its reader made of it: the cache goes, and
    the next build reports the page again instead of skipping it."""
    content = _content(tmp_path, 12)
    cache, out = tmp_path / "cache", tmp_path / "out"
    build(SITEURL, output=out, content=content, cache=cache)
    page = sorted((content / "pages").glob("*.md"))[0]
    page.write_text("---\ntitle: [tidak, sah\n---\nIsi.\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(BuildFailed):
            build(SITEURL, output=out, content=content, cache=cache)
        assert page.name in capfd.readouterr().err
        assert list(cache.iterdir()) == []
