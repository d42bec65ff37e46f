"""Leading slices: the newest and the oldest articles, whole days, indexed apart."""

from __future__ import annotations

import datetime as dt
import gzip
import html
import json
import os
import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from arsip.testing import article
from search_index import leading, search_index
from tools.build import build

# (date, region, words): days with several articles, so that whole days matter.
DAYS = [
    ("2024-12-20", 4),
    ("2024-12-18", 3),
    ("2024-12-10", 3),
    ("2024-11-01", 2),
    ("2024-01-03", 3),
    ("2023-12-30", 2),
    ("2023-02-01", 3),
    ("2023-01-05", 3),
]
LEAD = 13  # newest: 12 articles (to 2024-11-01); oldest: 13 (2023-01-05 to 2024-11-01)


def write_content(root: Path) -> Path:
    """23 articles; every one has "netralitas", every third "sanksi", most are in Padang."""
    (root / "pages").mkdir(parents=True)
    (root / "pages" / "tentang.md").write_text(
        "---\ntitle: Tentang\n---\nHalaman tentang.\n", encoding="utf-8"
    )
    n = 0
    for date, count in DAYS:
        for _ in range(count):
            n += 1
            folder = root / "articles" / date[:4]
            folder.mkdir(parents=True, exist_ok=True)
            words = "netralitas ASN" + (" dan sanksi" if n % 3 == 0 else "")
            region = "Kota Bukittinggi" if n % 6 == 1 else "Kota Padang"
            (folder / f"berita-{n:02d}.md").write_text(
                article(
                    f"Berita nomor {n} tentang {words} di {region}.",
                    title=f"Berita nomor {n}",
                    date=date,
                    region=region,
                ),
                encoding="utf-8",
            )
    return root


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_content(tmp_path_factory.mktemp("content"))


@pytest.fixture(scope="module")
def site(content: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(
        content=content, output=tmp_path_factory.mktemp("out"), SEARCH_INDEX={"lead": LEAD}
    )


def rows(*dates: str) -> list[SimpleNamespace]:
    return [
        SimpleNamespace(url=f"artikel/{d[:4]}/a-{i}/", date=dt.date.fromisoformat(d))
        for i, d in enumerate(dates)
    ]


def test_plan_takes_whole_days_only() -> None:
    arts = rows("2024-05-03", "2024-05-03", "2024-05-02", "2024-05-01", "2024-05-01")
    plan = leading.plan(arts, 3)
    # The third article's day (05-02) fits whole; 05-01 would be cut, so it is left out.
    assert [a.date.day for a in plan["terbaru"]] == [3, 3, 2]
    assert [a.date.day for a in plan["terlama"]] == [1, 1, 2]
    # The second article's day would be cut: only the first day stays.
    assert [a.date.day for a in leading.plan(arts, 2)["terbaru"]] == [3, 3]
    # A first day larger than the slice is taken whole.
    assert len(leading.plan(rows(*["2024-01-01"] * 5, "2023-01-01"), 2)["terbaru"]) == 5
    # Nothing when the archive is no larger than a slice, or slices are off.
    assert leading.plan(arts, 5) == {} and leading.plan(arts, 0) == {}


def test_stage_mirrors_paths_in_the_sites_folder_order(tmp_path: Path) -> None:
    site = tmp_path / "site"
    names = [f"berita-{n}" for n in (7, 3, 9, 1, 5)]
    for name in names:
        (site / "artikel" / "2024" / name).mkdir(parents=True)
        (site / "artikel" / "2024" / name / "index.html").write_text(name, encoding="utf-8")
    chosen = ["berita-9", "berita-1", "berita-7"]
    staged = tmp_path / "staged"
    assert leading.stage(site, [f"artikel/2024/{n}/" for n in chosen], staged) == 3
    listed = [n for n in os.listdir(site / "artikel" / "2024") if n in chosen]
    assert os.listdir(staged / "artikel" / "2024") == listed
    page = staged / "artikel" / "2024" / "berita-9" / "index.html"
    assert page.read_text(encoding="utf-8") == "berita-9"
    assert (
        page.stat().st_ino == (site / "artikel" / "2024" / "berita-9" / "index.html").stat().st_ino
    )


def fragment_urls(folder: Path) -> set[str]:
    urls = set()
    for f in folder.glob("fragment/*.pf_fragment"):
        data = gzip.decompress(f.read_bytes())
        urls.add(json.loads(data[data.index(b"{") :])["url"])
    return urls


def test_build_indexes_the_leading_slices_next_to_the_years(site: Path) -> None:
    bundle = site / "pagefind"
    assert sorted(p.name for p in bundle.iterdir() if p.is_dir()) == [
        "2023",
        "2024",
        "terbaru",
        "terlama",
    ]
    newest = fragment_urls(bundle / "terbaru")
    assert len(newest) == 12 and all(u.startswith("/artikel/2024/") for u in newest)
    oldest = fragment_urls(bundle / "terlama")
    assert len(oldest) == 13 and {u[9:13] for u in oldest} == {"2023", "2024"}
    # The same pages as in the years, under the same Pagefind ids (the fragment's hash).
    years = {p.name for p in (bundle / "2024" / "fragment").iterdir()} | {
        p.name for p in (bundle / "2023" / "fragment").iterdir()
    }
    assert {p.name for p in (bundle / "terbaru" / "fragment").iterdir()} <= years
    # Only the index: the runtime is shared (and the staging folder is gone).
    assert sorted(p.name for p in (bundle / "terbaru").iterdir() if not p.is_dir())[:1] == [
        "pagefind-entry.json"
    ]
    assert not (bundle / "terbaru" / "pagefind.js").exists()
    # Its metadata also under a fixed name, for the search page's head.
    metas = sorted((bundle / "terbaru").glob("pagefind.*.pf_meta"))
    assert len(metas) == 2 and (bundle / "terbaru" / leading.META) in metas
    assert metas[0].read_bytes() == metas[1].read_bytes()
    assert [p.name for p in bundle.iterdir() if p.name.startswith(".")] == []
    # The browse data and the Pagefind ids stay the years' (the counts use them).
    slices = json.loads((site / "cari" / "data" / "slices.json").read_text(encoding="utf-8"))
    assert slices["years"] == [["2024", 15], ["2023", 8]]
    # The first articles of each leading slice by Pagefind id, in the order of its sort: the
    # browse data's first (newest) and last (oldest) articles, whose fragments it has.
    ids = json.loads((site / "cari" / "data" / "pagefind.json").read_text(encoding="utf-8"))
    ids = ids.split(" ")
    assert slices["lead"] == {"terbaru": ids[:12], "terlama": ids[::-1][:12]}
    for name, first in slices["lead"].items():
        for page_id in first:
            assert (bundle / name / "fragment" / f"{page_id}.pf_fragment").is_file()
    assert search_index.LAST_RUN["pages"] == 23


def test_search_page_knows_the_leading_slices(site: Path) -> None:
    page = (site / "cari" / "index.html").read_text(encoding="utf-8")
    leads = re.search(r'data-leads="([^"]*)"', page)
    assert leads and json.loads(html.unescape(leads.group(1))) == {"terbaru": 12, "terlama": 13}
    assert '"leads": {"terbaru": 12, "terlama": 13}' in page


def test_small_archive_has_no_leading_slices(content: Path, tmp_path: Path) -> None:
    out = build(content=content, output=tmp_path / "out", SEARCH_INDEX={"lead": 23})
    assert not (out / "pagefind" / "terbaru").exists()
    page = (out / "cari" / "index.html").read_text(encoding="utf-8")
    assert 'data-leads="{}"' in page


def test_lead_setting_is_checked() -> None:
    with pytest.raises(search_index.SearchIndexError, match="lead"):
        search_index.config({"SEARCH_INDEX": {"lead": -1}})
    with pytest.raises(search_index.SearchIndexError, match="early_fragments"):
        search_index.config({"SEARCH_INDEX": {"early_fragments": -1}})
