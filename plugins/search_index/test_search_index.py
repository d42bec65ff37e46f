"""The search index plugin: Pagefind indexes the articles only, one index per year; the browse
data matches them."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from search_index import first_view, search_index
from search_index.search_index import (
    SearchIndexError,
    config,
)
from tools.build import build

ARTICLE = """---
title: Judul artikel nomor {n}
date: {date}
region: {region}
province: Sumatera Barat
official: Andree Algamar
role: Pj Wali Kota
source: Langgam.id
election: Pilkada 2024
tags: [{tags}]
---
Isi artikel nomor {n} tentang {word} berbeda dari yang lain.
"""

ARTICLES = [
    (1, "2024-03-13", "Kota Padang", "netralitas ASN", "apel"),
    (2, "2024-07-01", "Kota Bukittinggi", "netralitas ASN, apel", "kampanye"),
    (3, "2023-12-31", "Kota Padang", "sanksi", "sosialisasi"),
]


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("content")
    (root / "pages").mkdir()
    (root / "pages" / "tentang.md").write_text(
        "---\ntitle: Tentang\n---\nHalaman tentang arsip ini.\n", encoding="utf-8"
    )
    for n, date, region, tags, word in ARTICLES:
        folder = root / "articles" / date[:4]
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"artikel-{n}.md").write_text(
            ARTICLE.format(n=n, date=date, region=region, tags=tags, word=word), encoding="utf-8"
        )
    return root


@pytest.fixture(scope="module")
def site(content: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(
        siteurl="https://example.org/arsip", content=content, output=tmp_path_factory.mktemp("out")
    )


def fragments(site: Path) -> dict[tuple[str, str], dict]:
    """Every indexed page's fragment, by (year of its index, page id)."""
    out = {}
    for f in (site / "pagefind").glob("*/fragment/*.pf_fragment"):
        data = gzip.decompress(f.read_bytes())
        out[f.parent.parent.name, f.stem] = json.loads(data[data.index(b"{") :])
    return out


def test_one_index_per_year_and_one_runtime(site: Path) -> None:
    bundle = site / "pagefind"
    assert sorted(p.name for p in bundle.iterdir() if p.is_dir()) == ["2023", "2024"]
    # Pagefind's runtime once, in the bundle folder; each year keeps its index and the
    # WebAssembly (the same file).
    for name in ("pagefind.js", "pagefind-highlight.js", "wasm.id.pagefind"):
        assert (bundle / name).is_file(), name
    for year in ("2023", "2024"):
        names = sorted(p.name for p in (bundle / year).iterdir())
        assert [n for n in names if not n.startswith("pagefind.")] == [
            "filter",
            "fragment",
            "index",
            "pagefind-entry.json",
            "wasm.id.pagefind",
            "wasm.unknown.pagefind",
        ]
        assert (bundle / year / "wasm.id.pagefind").read_bytes() == (
            bundle / "wasm.id.pagefind"
        ).read_bytes()
    by_year = sorted((year, f["url"]) for (year, _), f in fragments(site).items())
    assert by_year == [
        ("2023", "/artikel/2023/artikel-3/"),
        ("2024", "/artikel/2024/artikel-1/"),
        ("2024", "/artikel/2024/artikel-2/"),
    ]
    slices = json.loads((site / "cari" / "data" / "slices.json").read_text(encoding="utf-8"))
    assert slices == {"years": [["2024", 2], ["2023", 1]], "lead": {}}  # no leading slices


def test_pagefind_figures_of_the_last_build(content: Path, tmp_path: Path) -> None:
    build(content=content, output=tmp_path / "out", SEARCH_INDEX={"jobs": 2})
    run = dict(search_index.LAST_RUN)
    assert run["runs"] == 2 and run["jobs"] == 2 and run["pages"] == 3
    assert run["peak_mb"] > 1 and run["cpu_s"] > 0 and run["wall_s"] > 0
    assert len(fragments(tmp_path / "out")) == 3


def test_only_articles_are_indexed_with_filters_meta_and_sort(site: Path) -> None:
    assert (site / "pagefind" / "pagefind.js").exists()
    frags = fragments(site)
    assert sorted(f["url"] for f in frags.values()) == [
        "/artikel/2023/artikel-3/",
        "/artikel/2024/artikel-1/",
        "/artikel/2024/artikel-2/",
    ]
    two = next(f for f in frags.values() if f["url"] == "/artikel/2024/artikel-2/")
    assert two["meta"]["title"] == "Judul artikel nomor 2"
    assert two["meta"]["date"] == "2024-07-01"
    assert two["meta"]["region"] == "Kota Bukittinggi"
    assert two["filters"]["tag"] == ["netralitas ASN", "apel"]
    assert two["filters"]["year"] == ["2024"]
    # The metadata panel and dateline stay out of the text (and of the excerpts).
    assert two["content"].startswith("Judul artikel nomor 2. Isi artikel nomor 2 tentang kampanye")
    for year, count in (("2024", 2), ("2023", 1)):
        entry = json.loads(
            (site / "pagefind" / year / "pagefind-entry.json").read_text(encoding="utf-8")
        )
        assert list(entry["languages"]) == ["id"]
        assert entry["languages"]["id"]["page_count"] == count


def test_browse_data_lists_every_article_newest_first(site: Path) -> None:
    data = json.loads((site / "cari" / "data" / "arsip.json").read_text(encoding="utf-8"))
    assert data["count"] == 3
    # Days since 1970, then differences to the previous (newer) article.
    days = [data["date"][0]]
    for delta in data["date"][1:]:
        days.append(days[-1] - delta)
    import datetime as dt

    dates = [str(dt.date(1970, 1, 1) + dt.timedelta(days=d)) for d in days]
    assert dates == ["2024-07-01", "2024-03-13", "2023-12-31"]
    assert data["values"]["region"] == ["Kota Bukittinggi", "Kota Padang"]
    assert data["region"] == [0, 1, 1]
    assert data["values"]["province"] == ["Sumatera Barat"]
    assert data["region_province"] == [0, 0]
    tags = data["values"]["tag"]
    assert [[tags[t] for t in ts] for ts in data["tag"]] == [
        ["netralitas ASN", "apel"],
        ["netralitas ASN"],
        ["sanksi"],
    ]
    # The Pagefind id of each article leads to that article's fragment in its year's index.
    frags = fragments(site)
    ids = json.loads((site / "cari" / "data" / "pagefind.json").read_text(encoding="utf-8"))
    urls = [
        frags[year, i]["url"]
        for year, i in zip(["2024", "2024", "2023"], ids.split(" "), strict=True)
    ]
    assert urls == [
        "/artikel/2024/artikel-2/",
        "/artikel/2024/artikel-1/",
        "/artikel/2023/artikel-3/",
    ]
    titles = json.loads((site / "cari" / "data" / "titles-0.json").read_text(encoding="utf-8"))
    assert titles[0] == [
        "artikel/2024/artikel-2/",
        "Judul artikel nomor 2",
        "2024-07-01",
        "Kota Bukittinggi",
        "Andree Algamar",
        "Langgam.id",
    ]
    assert len(titles) == 3


def read(site: Path, path: str) -> dict:
    return json.loads((site / "cari" / "data" / path).read_text(encoding="utf-8"))


def test_first_view_counts_and_rows(site: Path) -> None:
    overview = read(site, "overview.json")
    assert overview["count"] == 3 and overview["page"] == 10 and overview["chunk"] == 100
    assert [r[0] for r in overview["newest"]] == [
        "artikel/2024/artikel-2/",
        "artikel/2024/artikel-1/",
        "artikel/2023/artikel-3/",
    ]
    assert overview["oldest"] == overview["newest"][::-1]
    facets = overview["facets"]
    assert facets["region"] == {"values": 2, "top": [["Kota Padang", 2], ["Kota Bukittinggi", 1]]}
    assert facets["tag"] == {
        "values": 3,
        "top": [["netralitas ASN", 2], ["apel", 1], ["sanksi", 1]],
    }
    assert facets["year"] == {"values": 2, "top": [["2024", 2], ["2023", 1]]}
    assert set(facets) == {*search_index.FACETS, "year"}
    assert read(site, "values.json")["region"] == facets["region"]["top"]
    # One value's view: its count, rows, the other facets' counts among its articles.
    padang = read(site, "facet/region/279.json")["Kota Padang"]
    assert padang["count"] == 2
    assert [r[0] for r in padang["rows"]] == ["artikel/2024/artikel-1/", "artikel/2023/artikel-3/"]
    tags = {"values": 2, "top": [["netralitas ASN", 1], ["sanksi", 1]]}  # not "apel"
    assert padang["counts"]["tag"] == tags
    assert padang["counts"]["year"]["top"] == [["2023", 1], ["2024", 1]]
    assert padang["years"] == [["2024", 1], ["2023", 1]]
    assert "region" not in padang["counts"]
    assert padang["lead"] == {}  # no leading slices in 3 articles
    # Every count is in the view (no value with more than eight): no .all.json file.
    assert not (site / "cari" / "data" / "facet" / "region" / "279.all.json").exists()
    year = read(site, first_view.value_path("year", "2024"))["2024"]
    assert year["count"] == 2 and year["years"] == [["2024", 2]]
    assert year["counts"]["region"]["top"] == [["Kota Bukittinggi", 1], ["Kota Padang", 1]]
    # Every value of every facet has its view, and nothing else is there.
    views = sorted((site / "cari" / "data" / "facet").glob("*/*[0-9a-f].json"))
    assert len(views) == len(list((site / "cari" / "data" / "facet").glob("*/*.json")))
    expected = sorted(
        (facet, value)
        for facet, entries in read(site, "values.json").items()
        for value, _ in entries
    )
    found = sorted(
        (path.parent.name, value) for path in views for value in json.loads(path.read_text("utf-8"))
    )
    assert found == expected


def test_names_for_suggestions(site: Path) -> None:
    names = json.loads((site / "cari" / "data" / "nama.json").read_text(encoding="utf-8"))
    # Regions with and without their kind, provinces, officials, outlets; once each, sorted.
    assert names == [
        "Andree Algamar",
        "Bukittinggi",
        "Kota Bukittinggi",
        "Kota Padang",
        "Langgam.id",
        "Padang",
        "Sumatera Barat",
    ]
    # The placeholder of an unknown outlet is no name.
    unknown = search_index.schema.UNKNOWN_SOURCE
    article = SimpleNamespace(
        region="Kota Padang", province="Sumatera Barat", official="X Y", source=unknown
    )
    assert search_index.names([article]) == ["Kota Padang", "Padang", "Sumatera Barat", "X Y"]


def test_search_page_preloads_its_modules(site: Path) -> None:
    html = (site / "cari" / "index.html").read_text(encoding="utf-8")
    # Those cari.js imports before it runs; the suggestions only at an empty answer.
    modules = ["data.js", "query.js", "state.js"]
    assert "search/suggest.js" not in html
    for name in modules:
        assert (
            f'<link rel="modulepreload" href="https://example.org/arsip/theme/js/search/{name}">'
            in html
        )
        assert f'from "./search/{name}"' in (site / "theme" / "js" / "cari.js").read_text(
            encoding="utf-8"
        )


def test_search_page_points_under_the_site_url(site: Path) -> None:
    html = (site / "cari" / "index.html").read_text(encoding="utf-8")
    assert 'data-pagefind="https://example.org/arsip/pagefind/"' in html
    assert 'data-browse="https://example.org/arsip/cari/data/"' in html
    assert '"months": ["Januari", "Februari", "Maret"' in html
    # Every page's script (theme/js/site.js, one file) loads the highlight under the site URL.
    script = (site / "theme" / "js" / "site.js").read_text(encoding="utf-8")
    assert 'const root = "https://example.org/arsip";' in script
    assert 'import(root + "/pagefind/pagefind-highlight.js")' in script
    article = (site / "artikel" / "2024" / "artikel-1" / "index.html").read_text(encoding="utf-8")
    assert '<script type="module" src="https://example.org/arsip/theme/js/site.js">' in article


def test_build_is_deterministic_and_chunks(content: Path, tmp_path: Path) -> None:
    one = build(content=content, output=tmp_path / "a", SEARCH_INDEX={"chunk_size": 2})
    two = build(content=content, output=tmp_path / "b", SEARCH_INDEX={"chunk_size": 2})
    for name in ("arsip.json", "pagefind.json", "slices.json", "titles-0.json", "titles-1.json"):
        assert (one / "cari" / "data" / name).read_bytes() == (
            two / "cari" / "data" / name
        ).read_bytes()
    assert not (one / "cari" / "data" / "titles-2.json").exists()


def test_fresh_index_folder(site: Path, tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    (copy / "pagefind" / "2024" / "fragment" / "stale.pf_fragment").write_bytes(b"old")
    (copy / "pagefind" / "2019").mkdir()
    ids = search_index.IndexRun(copy, config({}), ["2023", "2024"]).join()
    assert not (copy / "pagefind" / "2024" / "fragment" / "stale.pf_fragment").exists()
    assert not (copy / "pagefind" / "2019").exists()
    assert sorted(ids.values()) == sorted(fragments(site))


def test_disabled_writes_nothing(content: Path, tmp_path: Path) -> None:
    out = build(content=content, output=tmp_path / "off", SEARCH_INDEX={"enabled": False})
    assert search_index.LAST_RUN == {}  # no figures left from an earlier build
    assert not (out / "pagefind").exists()
    assert not (out / "cari" / "data").exists()


def test_settings_are_checked() -> None:
    with pytest.raises(SearchIndexError, match="unknown key"):
        config({"SEARCH_INDEX": {"glob": "x", "blob": 1}})
    with pytest.raises(SearchIndexError, match=r"must contain \{year\}"):
        config({"SEARCH_INDEX": {"glob": "artikel/**/*.html"}})
    with pytest.raises(SearchIndexError, match="jobs must be at least 1"):
        config({"SEARCH_INDEX": {"jobs": 0}})
    assert config({}).glob == "artikel/{year}/**/*.html"


def test_missing_article_in_index_stops_the_build(content: Path, tmp_path: Path) -> None:
    with pytest.raises(SearchIndexError, match="missing from the Pagefind index"):
        build(
            content=content,
            output=tmp_path / "bad",
            SEARCH_INDEX={"glob": "artikel/{year}/artikel-[13]/*.html"},
        )


def test_article_in_another_years_index_stops_the_build(content: Path, tmp_path: Path) -> None:
    # 2024's index takes 2023's article too (a glob that does not select by year).
    with pytest.raises(SearchIndexError, match="indexed in another year's slice"):
        build(
            content=content,
            output=tmp_path / "bad",
            SEARCH_INDEX={"glob": "artikel/{2023,{year}}/**/*.html"},
        )


@pytest.mark.browser
def test_measure_search_reports_each_scenario(content: Path, tmp_path: Path) -> None:
    from tools.bench.measure import measure_search

    result = measure_search(build(content=content, output=tmp_path / "root"), query="kampanye")
    assert result["region"] == "Kota Padang"  # the most frequent region
    scenarios = result["scenarios"]
    query, browse = scenarios["query"], scenarios["browse"]
    assert query["status"] == "1 artikel cocok dengan “kampanye”"
    assert query["ms_to_first_result"] > 0
    assert scenarios["filtered_query"]["status"].startswith("Tidak ada artikel")
    assert scenarios["filtered_query"]["ms_to_first_result"] is None
    assert browse["status"] == "3 artikel dalam arsip"
    assert scenarios["browse_filtered"]["status"] == "2 artikel dalam arsip"
    # Each year's index is searched (2024 first: newest first), the WebAssembly fetched once.
    assert [f for f in query["files"] if "wasm." in f] == ["/pagefind/wasm.id.pagefind"]
    entries = [f for f in query["files"] if f.endswith("pagefind-entry.json")]
    assert entries == ["/pagefind/2024/pagefind-entry.json", "/pagefind/2023/pagefind-entry.json"]
    assert any(f.startswith("/pagefind/2024/fragment/") for f in query["files"])
    assert query["ms_to_complete"] >= query["ms_to_first_result"]
    assert query["bytes"] >= query["bytes_to_first_result"] > 0
    assert query["requests"] > query["requests_to_first_result"] > 0
    # No Pagefind index while browsing (its script and first slice are loaded once the page
    # is idle): a query typed there downloads only what the query needs.
    assert not any(f.endswith((".pf_index", ".pf_fragment", ".pf_filter")) for f in browse["files"])
    typed = scenarios["typed_query"]
    assert typed["status"] == query["status"]
    assert typed["ms_to_complete"] >= typed["ms_to_first_result"] > 0
    assert typed["bytes"] > typed["bytes_before_submit"] > 0
    assert [f for f in typed["files"] if "wasm." in f] == ["/pagefind/wasm.id.pagefind"]
    assert typed["bytes_to_first_result"] < query["bytes_to_first_result"]
    # Typed into the header's box of an article page (which fetched the search page's files
    # ahead): the same results as the address with the query.
    header = scenarios["header_query"]
    assert "/artikel/2024/" in header["url"] and header["typed"] == "kampanye"
    assert header["status"] == query["status"]
    assert header["ms_to_first_result"] > 0
    # Typed on the page filtered to the region: the filter stays, as in the address.
    typed_filtered = scenarios["typed_filtered_query"]
    assert typed_filtered["url"].endswith("/cari/?daerah=Kota+Padang")
    assert typed_filtered["typed"] == "kampanye"
    assert typed_filtered["status"] == scenarios["filtered_query"]["status"]
    # Browsing: the overview alone (its rows are the whole archive here), not every article's
    # columns; filtered to one region, that region's view.
    # The list of slices (a few hundred bytes, the same at any size) may come too: the page
    # asks for it early, for a query typed next.
    slices = {"/cari/data/slices.json"}
    data_files = {f for f in browse["files"] if f.startswith("/cari/data/")}
    assert data_files - slices == {"/cari/data/overview.json"}
    region = first_view.value_path("region", "Kota Padang")
    filtered = {f for f in scenarios["browse_filtered"]["files"] if "/cari/data/" in f}
    assert filtered - slices == {"/cari/data/" + region, "/cari/data/overview.json"}
    for scenario in scenarios.values():
        assert scenario["bytes"] > scenario["search_bytes"] > 0


@pytest.mark.browser
def test_measure_cold_links_without_a_test_driver(content: Path, tmp_path: Path) -> None:
    from tools.bench.measure import measure_cold_links

    site = build(content=content, output=tmp_path / "root")
    result = measure_cold_links(site, query="kampanye", runs=2)
    assert result["runs"] == 2
    query, browse = result["scenarios"]["query"], result["scenarios"]["browse"]
    header = result["scenarios"]["header"]
    assert query["url"] == "/cari/?q=kampanye" and browse["url"] == "/cari/"
    assert query["status"] == "1 artikel cocok dengan “kampanye”"
    assert browse["status"] == "3 artikel dalam arsip"
    # Typed into the header's box of an article page, then submitted: the same search, and
    # the files fetched ahead come from the cache (fewer bytes than from the address).
    assert header["url"].startswith("/artikel/2024/") and header["status"] == query["status"]
    assert header["bytes"] < query["bytes"]
    for figures in (query, header, browse):
        assert len(figures["ms_to_first_result_runs"]) == 2
        assert 0 < figures["ms_to_first_result"] <= figures["ms_to_complete"]
        assert figures["bytes"] > 0 and figures["requests"] > 1
    # Pagefind's files only with a query (the document and browse data otherwise).
    assert query["bytes"] > browse["bytes"] and query["requests"] > browse["requests"]


@pytest.mark.parametrize("parallel", [True, False])
def test_pagefind_starts_once_the_pages_are_written(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parallel: bool
) -> None:
    # With plugins/pelican_speed, its arsip_pages_written signal starts Pagefind before the
    # last generators and `finalized`; without it, `finalized` does. The site is the same.
    import inspect

    started_from: list[set[str]] = []
    real_init = search_index.IndexRun.__init__

    def spy(self: search_index.IndexRun, *args: object, **kwargs: object) -> None:
        started_from.append({frame.function for frame in inspect.stack()})
        real_init(self, *args, **kwargs)

    monkeypatch.setattr(search_index.IndexRun, "__init__", spy)
    out = build(
        content=content,
        output=tmp_path / "site",
        PELICAN_SPEED={"enabled": parallel},
    )
    assert len(started_from) == 1
    assert ("_pages_written" in started_from[0]) is parallel
    assert ("_finalized" in started_from[0]) is not parallel
    assert search_index.LAST_RUN["runs"] == 2
    assert search_index.LAST_RUN["pages"] == 3
    assert json.loads((out / "cari" / "data" / "slices.json").read_text(encoding="utf-8")) == {
        "years": [["2024", 2], ["2023", 1]],
        "lead": {},
    }
    assert not search_index._runs  # joined and forgotten


def test_pages_fetch_the_search_pages_files_ahead_once_a_word_is_typed(site: Path) -> None:
    # Every page's script, theme/js/site.js (written once: theme/templates/site_js.html).
    article = (site / "artikel" / "2024" / "artikel-2" / "index.html").read_text(encoding="utf-8")
    assert '/theme/js/site.js"></script>' in article
    script = (site / "theme" / "js" / "site.js").read_text(encoding="utf-8")
    start = script.index('getElementById("header-q")')
    script = script[start:]
    assert '"input"' in script and "prefetch" in script
    paths = json.loads(script[script.index("for (const path of ") + 19 : script.index("]") + 1])
    assert paths == [
        "cari/",
        "theme/css/search.css",
        "theme/js/cari.js",
        "theme/js/search/data.js",
        "theme/js/search/query.js",
        "theme/js/search/state.js",
        "pagefind/pagefind.js",
        "pagefind/wasm.id.pagefind",
        "cari/data/slices.json",
    ]  # no leading slice in a 3-article archive
    for path in paths[1:]:
        assert (site / path).is_file(), path
    # The search page needs none of it ahead.
    assert "site.js" not in (site / "cari" / "index.html").read_text(encoding="utf-8")


def test_prefetch_names_the_leading_slice_when_there_is_one() -> None:
    settings = {
        "THEME": str(Path(__file__).resolve().parents[2] / "theme"),
        "THEME_STATIC_DIR": "theme",
        "SEARCH_URL": "cari/",
        "DEFAULT_LANG": "id",
    }
    paths = search_index.prefetch_paths(settings, config({}), {"terbaru": [], "terlama": []})
    assert paths[-2:] == [
        "pagefind/terbaru/pagefind-entry.json",
        "pagefind/terbaru/pagefind.lead.pf_meta",
    ]


def test_a_slice_cache_key_leaves_out_only_regions_pagefind_does_not_read(tmp_path: Path) -> None:
    """The key of a cached slice: the pages' bytes, without the configured regions outside the
    indexed element (a new article changes them on other pages), unless such a region holds
    something Pagefind reads."""
    from search_index.search_index import SliceCache, search_bytes

    ignore = [r'<section class="related".*?</section>']
    page = (
        '<html lang="id"><body><article data-pagefind-body><h1>Judul</h1><p>Isi</p></article>'
        '<section class="related"><h2>Terkait</h2><a href="/a/">A</a></section></body></html>'
    )
    compiled = [re.compile(r, re.S) for r in ignore]
    assert b"Terkait" not in search_bytes(page.encode(), compiled)
    assert b"data-pagefind-body" in search_bytes(page.encode(), compiled)
    # A region that holds a Pagefind attribute or an image is kept.
    for kept in ('<span data-pagefind-meta="x">', '<img src="x.png" alt="">'):
        marked = page.replace("<h2>Terkait</h2>", f"<h2>Terkait</h2>{kept}")
        assert b"Terkait" in search_bytes(marked.encode(), compiled)

    site = tmp_path / "site"
    (site / "artikel" / "2024" / "a").mkdir(parents=True)
    target = site / "artikel" / "2024" / "a" / "index.html"
    cache = SliceCache(tmp_path / "cache", ignore)
    glob = "artikel/2024/**/*.html"

    def key(text: str) -> str:
        target.write_text(text, encoding="utf-8")
        return cache.key(site, glob, ())

    first = key(page)
    assert key(page.replace('href="/a/">A', 'href="/b/">B')) == first  # related list only
    assert key(page.replace("<p>Isi</p>", "<p>Isi baru</p>")) != first  # the indexed text
    assert key(page.replace('lang="id"', 'lang="en"')) != first
    marked = page.replace("<h2>Terkait</h2>", '<h2>Terkait</h2><img src="x.png" alt="">')
    assert key(marked) != key(marked.replace('href="/a/">A', 'href="/b/">B'))
    (site / "artikel" / "2024" / "a" / "data.json").write_text("{}", encoding="utf-8")
    assert key(page) != first  # any other file under the glob's folder counts
    assert SliceCache(tmp_path / "cache").key(site, glob, ()) != cache.key(site, glob, ())
