"""The search page's first view: what it downloads before the first title, and what it shows.

Opened without a query (unfiltered, or filtered to one region or one year) the page needs only
what the build computed for that view (plugins/search_index/first_view.py), and a one-word
query only Pagefind's leading slice: at most 300 KB before the first title, and not more in
a larger archive (two generated archives, 300 and 1,200 articles). What it shows is checked
against the truth computed here from every article's columns (arsip.json): the count, the
first page and the next, the filter panel's counts (each facet ignoring its own filter),
"show all".
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest
from test_search import wait_results

from arsip.testing import using_data
from tools.bench import first_view
from tools.bench.generate import generate
from tools.build import build
from tools.serve import serve_in_thread

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parent.parent
SIZES = (300, 1200)  # both above the leading slices' 250 articles
VIEWS = ("browse", "query", "region", "year")  # the views with a constant first view
# What the first view of a larger archive may add: digits of the counts, other titles.
GROWTH = 1024


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    out = {}
    for n in SIZES:
        content = tmp_path_factory.mktemp(f"content-{n}")
        shutil.copytree(ROOT / "content" / "pages", content / "pages")
        data = tmp_path_factory.mktemp(f"data-{n}")  # the generated archive's registries
        generate(content, n, seed=7, data=data)
        with using_data(data):
            out[n] = build(content=content, output=tmp_path_factory.mktemp(f"site-{n}"))
    return out


@pytest.fixture(scope="module")
def served(sites: dict[int, Path]) -> Iterator[tuple[str, Path]]:
    site = sites[SIZES[0]]
    url, server = serve_in_thread(site)
    yield url, site
    server.shutdown()


def test_first_title_within_budget_and_not_growing(sites: dict[int, Path]) -> None:
    measured = {n: first_view.measure(site)["views"] for n, site in sites.items()}
    small, large = (measured[n] for n in SIZES)
    report = "\n".join(
        f"{name:12} " + "  ".join(f"{measured[n][name]['gzip']} B at {n}" for n in SIZES)
        for name in small
    )
    print("\nbytes before the first title (gzip):\n" + report)
    for name in VIEWS:
        for views in (small, large):
            files = views[name]["files"]
            assert views[name]["gzip"] is not None, (name, views[name]["status"])
            assert views[name]["gzip"] <= first_view.BUDGET, (name, report)
            # None of the files that grow with the archive.
            assert not [f for f in files if re.search(r"arsip\.json|pagefind\.json|/20\d\d/", f)]

        # Pagefind's fragments are the first results' texts, longer or shorter by chance.
        def fixed(views: dict) -> int:
            files = views[name]["files"]  # noqa: B023
            return sum(g for f, (g, _) in files.items() if not f.endswith(".pf_fragment"))

        assert fixed(large) - fixed(small) <= GROWTH, (name, fixed(small), fixed(large), report)
    # The other views are measured too (two filters, a filtered query), without a budget.
    assert small["region_year"]["gzip"] and small["query_region"]["gzip"]


def columns(site: Path) -> tuple[list[dict[str, list[str]]], list[list[str]]]:
    """Every article's values per facet (the year too), newest first, and the title rows."""
    data = json.loads((site / "cari" / "data" / "arsip.json").read_text(encoding="utf-8"))
    values = data["values"]
    day = 0
    articles = []
    for i in range(data["count"]):
        day = data["date"][0] if i == 0 else day - data["date"][i]
        region = data["region"][i]
        articles.append(
            {
                "region": [values["region"][region]],
                "province": [values["province"][data["region_province"][region]]],
                "official": [values["official"][data["official"][i]]],
                "source": [values["source"][data["source"][i]]],
                "election": [values["election"][data["election"][i]]],
                "tag": [values["tag"][t] for t in data["tag"][i]],
                "quote": [values["quote"][q] for q in data["quote"][i]],
                "year": [str((dt.date(1970, 1, 1) + dt.timedelta(days=day)).year)],
            }
        )
    rows = []
    for k in range(len(list((site / "cari" / "data").glob("titles-*.json")))):
        chunk = site / "cari" / "data" / f"titles-{k}.json"
        rows += json.loads(chunk.read_text(encoding="utf-8"))
    return articles, rows


PARAMS = {"region": "daerah", "province": "provinsi", "official": "pejabat", "source": "sumber"}
PARAMS |= {"election": "pemilihan", "year": "tahun", "tag": "tag", "quote": "kutipan"}


def truth(articles: list[dict], facet: str | None, value: str | None) -> dict[str, Counter]:
    """Counts per value of every facet, each ignoring its own filter (one value or none)."""
    out = {}
    for f in PARAMS:
        passing = [a for a in articles if facet in (None, f) or value in a[facet]]
        out[f] = Counter(v for a in passing for v in a[f])
    return out


def panel(page) -> dict[str, dict[str, int]]:
    """The filter panel on screen: facet -> value -> count."""
    shown = page.eval_on_selector_all(
        "#cari-facets input[type=checkbox]",
        "els => els.map(b => [b.dataset.facet, b.value,"
        " document.querySelector(`label[for='${b.id}']`).innerText])",
    )
    out: dict[str, dict[str, int]] = {}
    for facet, value, label in shown:
        out.setdefault(facet, {})[value] = int(re.search(r"\((\d+)\)\s*$", label).group(1))
    return out


def links(page) -> list[str]:
    return page.eval_on_selector_all("#cari-hasil li h3 a", "els => els.map(e => e.href)")


@pytest.mark.parametrize("view", ["browse", "region", "year", "tag"])
def test_first_view_shows_the_truth(page, served: tuple[str, Path], view: str) -> None:
    base, site = served
    articles, rows = columns(site)
    facet = None if view == "browse" else view
    value = None
    if facet:
        frequent = Counter(v for a in articles for v in a[facet]).most_common()
        value = frequent[0][0] if facet != "region" else frequent[len(frequent) // 2][0]
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    params = {PARAMS[facet]: value} if facet else {}
    page.goto(f"{base}/cari/?{urlencode(params)}")
    wait_results(page)
    passing = [i for i, a in enumerate(articles) if facet is None or value in a[facet]]
    assert page.inner_text("#cari-status") == f"{len(passing)} artikel dalam arsip"
    expected = [f"{base}/{rows[i][0]}" for i in passing]
    assert links(page) == expected[:10]
    # The panel: the most frequent values of each facet (eight, and the chosen one), counted
    # as the columns count them.
    counts = truth(articles, facet, value)
    on_screen = panel(page)
    for f, values in on_screen.items():
        assert all(counts[f][v] == n for v, n in values.items()), (f, values)
        top = sorted(counts[f].values(), reverse=True)[:8]
        assert sorted(values.values(), reverse=True)[: len(top)] == top, f
    assert not [u for u in requests if re.search(r"arsip\.json|pagefind\.json", u)], requests
    # "Show all" lists every region with its count (more than eight: the archive's, from
    # values.json, when browsing or filtered to a region; else from the value's .all.json).
    shown_all = "region"
    assert len(counts[shown_all]) > 8
    toggle = page.locator(
        f"#cari-facets fieldset:has(input[data-facet={shown_all}]) .search-toggle"
    )
    toggle.click()
    page.wait_for_function(
        f"document.querySelectorAll('#cari-facets input[data-facet={shown_all}]').length"
        f" === {len(counts[shown_all])}"
    )
    assert panel(page)[shown_all] == dict(counts[shown_all])
    assert page.locator(f"#t-{PARAMS[shown_all]}").get_attribute("aria-expanded") == "true"
    # The next page: the following articles, in order.
    if len(passing) > 10:
        page.locator("#cari-lagi").click()
        page.wait_for_function(
            f"document.querySelectorAll('#cari-hasil li').length === {min(20, len(passing))}"
        )
        assert links(page) == expected[:20]
    # Oldest first: the last articles, the oldest first.
    page.select_option("#cari-urut", "lama")
    wait_results(page)
    assert links(page) == expected[::-1][:10]


def test_a_value_the_archive_lacks(page, served: tuple[str, Path]) -> None:
    base, _ = served
    page.goto(f"{base}/cari/?daerah=Kota+Atlantis")
    wait_results(page)
    assert links(page) == []
    assert page.inner_text("#cari-status") == "Tidak ada artikel dengan saringan ini."
    assert "Tanpa saringan, 300 artikel cocok." in page.inner_text("#cari-bantuan")
    assert panel(page)["region"]["Kota Atlantis"] == 0
