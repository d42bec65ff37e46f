"""The benchmark's size report: bytes per folder and kind, and the growth per article between
two runs of the same seed (tools/bench/size.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tools.bench import size


def _site(root: Path, articles: int) -> Path:
    """A fake output: per article a 1,000-byte page, a 100-byte index fragment and 10 bytes
    in a shared feed; a constant 500-byte theme."""
    (root / "theme").mkdir(parents=True)
    (root / "theme" / "site.css").write_bytes(b"c" * 500)
    (root / "feeds" / "tag").mkdir(parents=True)
    (root / "feeds" / "tag" / "a.atom.xml").write_bytes(b"f" * 10 * articles)
    (root / "pagefind" / "2024").mkdir(parents=True)
    for i in range(articles):
        page = root / "artikel" / "2024" / f"a{i}" / "index.html"
        page.parent.mkdir(parents=True)
        page.write_bytes(b"p" * 1000)
        (root / "pagefind" / "2024" / f"f{i}.pf_fragment").write_bytes(b"x" * 100)
    (root / "sitemap.xml").write_bytes(b"s" * 7)
    return root


def test_breakdown_per_folder_and_kind(tmp_path: Path) -> None:
    found = size.breakdown(_site(tmp_path, 4), 4)
    assert found["bytes"] == 500 + 40 + 4 * 1100 + 7 and found["files"] == 1 + 1 + 8 + 1
    assert found["bytes_per_article"] == round(found["bytes"] / 4)
    assert found["folders"]["artikel"] == {"bytes": 4000, "files": 4}
    assert found["folders"]["pagefind/<year>"] == {"bytes": 400, "files": 4}
    assert found["folders"]["feeds/tag"] == {"bytes": 40, "files": 1}
    assert found["folders"]["(root)"] == {"bytes": 7, "files": 1}
    assert found["kinds"][".atom.xml"] == {"bytes": 40, "files": 1}
    assert found["kinds"][".pf_fragment"]["bytes"] == 400
    assert next(iter(found["folders"])) == "artikel"  # largest first


def test_growth_leaves_the_constant_part_out(tmp_path: Path) -> None:
    small = {"n": 2, "seed": 1, "size": size.breakdown(_site(tmp_path / "a", 2), 2)}
    large = {"n": 6, "seed": 1, "size": size.breakdown(_site(tmp_path / "b", 6), 6)}
    grown = size.growth(small, large)
    assert grown["bytes_per_article"] == 1110 and grown["files_per_article"] == 2
    assert grown["folders"]["artikel"]["bytes"] == 1000
    assert grown["folders"]["theme"] == {"bytes": 0, "files": 0}
    with pytest.raises(ValueError, match="larger run"):
        size.growth(large, small)


def test_add_growth_compares_with_the_largest_smaller_run_of_the_seed(tmp_path: Path) -> None:
    results = tmp_path / "results"
    results.mkdir()
    for n, seed in ((2, 1), (3, 1), (5, 2)):
        run = {"n": n, "seed": seed, "size": size.breakdown(_site(tmp_path / f"s{n}", n), n)}
        (results / f"bench-{n}.json").write_text(json.dumps(run), encoding="utf-8")
    (results / "bench-4.json").write_text('{"n": 4, "seed": 1}', encoding="utf-8")  # no size
    result = {"n": 6, "seed": 1, "size": size.breakdown(_site(tmp_path / "s6", 6), 6)}
    size.add_growth(result, results)
    assert result["growth"]["from_n"] == 3 and result["growth"]["bytes_per_article"] == 1110
    text = size.summary(result)
    assert "1110 bytes and 2.0 files per article (from 3 to 6 articles)" in text
    assert "artikel" in text
    alone = {"n": 2, "seed": 9, "size": result["size"]}
    size.add_growth(alone, results)
    assert "growth" not in alone
    assert "no smaller run" in size.summary(alone)
