"""The search page with leading slices (a site larger than its leading slices), in Chromium.

The leading slice of the newest (oldest) articles answers the first page of a date-sorted
query at once; the years complete it. The list must be the one the years alone give, in the
same order, without an article twice. And a query typed on a page opened without one finds
Pagefind ready.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from search_index.test_leading import LEAD, write_content
from test_search import wait_results

from tools.build import build
from tools.serve import serve_in_thread

pytestmark = pytest.mark.browser

TOTAL = 23


@pytest.fixture(scope="module")
def lead_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    content = write_content(tmp_path_factory.mktemp("content"))
    out = build(
        siteurl="", content=content, output=tmp_path_factory.mktemp("out"),
        SEARCH_INDEX={"lead": LEAD},
    )  # fmt: skip
    assert (out / "pagefind" / "terbaru").is_dir()
    url, server = serve_in_thread(out)
    yield url
    server.shutdown()


def all_results(page) -> list[str]:
    """Every result's link, in order ("more" pressed until the list has the count's results)."""
    total = int(re.match(r"\d+", page.inner_text("#cari-status")).group())
    while (shown := page.locator("#cari-hasil li").count()) < total:
        page.locator("#cari-lagi").click()
        # A page of ten, each result as soon as it is loaded.
        page.wait_for_function(
            f"document.querySelectorAll('#cari-hasil li').length >= {min(total, shown + 10)}"
        )
    assert page.locator("#cari-hasil li").count() == total
    return page.eval_on_selector_all("#cari-hasil li h3 a", "els => els.map(e => e.href)")


def without_leads(page) -> None:
    """Serve the search page as if the site had no leading slices: the years alone."""

    def handle(route):
        body = route.fetch().text()
        body = re.sub(r'data-leads="[^"]*"', 'data-leads="{}"', body)
        body = re.sub(r'"leads": \{[^}]*\}', '"leads": {}', body)
        route.fulfill(body=body, content_type="text/html; charset=utf-8")

    page.route(re.compile(r".*/cari/(\?.*)?$"), handle)


QUERIES = [  # and whether the leading slice answers first
    ("?q=netralitas", True),  # the leading slice fills the first page
    ("?q=netralitas&urut=lama", True),  # the oldest slice, over two years
    ("?q=sanksi", True),  # fewer results in the leading slice than a page
    ("?q=netralitas&daerah=Kota+Padang", True),  # enough of its articles pass the filter
    ("?q=netralitas&tahun=2023&tahun=2024&urut=lama", True),  # a year filter, both years
    ("?q=netralitas&tahun=2024&urut=lama", False),  # 5 of its 13 articles: the years only
    ("?q=netralitas&daerah=Kota+Bukittinggi", False),  # 2 of its 12 articles
    ("?q=netralitas&urut=cocok", False),  # relevance: the years only
]


@pytest.mark.parametrize(("query", "leads"), QUERIES)
def test_results_are_the_years_results_in_their_order(page, lead_site, query, leads) -> None:
    lead_requests: list[str] = []
    page.on(
        "request",
        lambda r: lead_requests.append(r.url) if re.search(r"/terba|/terla", r.url) else None,
    )
    warnings: list[str] = []
    page.on("console", lambda m: warnings.append(m.text) if m.type == "warning" else None)
    page.goto(f"{lead_site}/cari/{query}")
    wait_results(page)
    with_lead = all_results(page)
    status = page.inner_text("#cari-status")

    years_page = page.context.new_page()
    without_leads(years_page)
    years_page.goto(f"{lead_site}/cari/{query}")
    wait_results(years_page)
    years_only = all_results(years_page)
    assert with_lead == years_only
    assert len(set(with_lead)) == len(with_lead) > 0
    assert years_page.inner_text("#cari-status") == status
    searched = [u for u in lead_requests if u.endswith(".pf_index")]
    assert bool(searched) is leads, lead_requests
    assert not [w for w in warnings if "disagrees" in w]


def test_first_page_shows_before_the_years(page, lead_site) -> None:
    held: list = []
    page.context.route(re.compile(r".*/pagefind/20\d\d/.*"), lambda route: held.append(route))
    page.goto(f"{lead_site}/cari/?q=netralitas")
    page.wait_for_function("document.querySelectorAll('#cari-hasil li').length === 10")
    assert page.get_attribute("#cari", "aria-busy") == "true"
    dates = page.eval_on_selector_all(
        "#cari-hasil li time", "els => els.map(e => e.getAttribute('datetime'))"
    )
    assert dates == sorted(dates, reverse=True) and dates[0] == "2024-12-20"
    page.context.unroute(re.compile(r".*/pagefind/20\d\d/.*"))
    for route in held:
        route.fallback()
    wait_results(page)
    assert page.inner_text("#cari-status") == f"{TOTAL} artikel cocok dengan “netralitas”"
    assert len(all_results(page)) == TOTAL


@pytest.mark.parametrize(
    ("query", "lead"),
    [("?q=netralitas", "terbaru"), ("?q=netralitas&urut=lama", "terlama"), ("?q=netralitas&daerah=Kota+Padang", None)],
)  # fmt: skip
def test_query_in_the_address_fetches_the_first_fragments_early(
    page, lead_site, query, lead
) -> None:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url.split("/pagefind/")[-1]))
    page.goto(f"{lead_site}/cari/{query}")
    wait_results(page)
    page.wait_for_load_state("networkidle")
    first = page.request.get(f"{lead_site}/cari/data/slices.json").json()["lead"]
    pagefind = [u for u in requests if not u.startswith("http")]
    assert len(pagefind) == len(set(pagefind)), "a Pagefind file fetched twice"
    chunk = next(i for i, u in enumerate(pagefind) if u.endswith(".pf_index"))
    early = [u for u in pagefind[:chunk] if u.endswith(".pf_fragment")]
    if lead is None:  # filtered: the leading slice may not serve; nothing fetched ahead
        assert early == []
    else:
        # The slice's first articles, requested while the page loaded, before Pagefind
        # searched: the first page of a common word needs no other fragment.
        assert early == [f"{lead}/fragment/{i}.pf_fragment" for i in first[lead]]
        assert not [u for u in pagefind[chunk:] if u.startswith(f"{lead}/fragment/")]


def test_typed_query_finds_pagefind_ready(page, lead_site) -> None:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(f"{lead_site}/cari/")
    wait_results(page)
    page.wait_for_load_state("networkidle")
    # Once idle: Pagefind's script and WebAssembly, the newest slice's entry and metadata;
    # no index chunk or result yet.
    loaded = {
        re.sub(r"pagefind\.\w+\.pf_meta", "META", u.split("/pagefind/")[-1]) for u in requests
    }
    assert {
        "pagefind.js",
        "wasm.id.pagefind",
        "terbaru/pagefind-entry.json",
        "terbaru/META",
    } <= loaded
    assert not [u for u in requests if re.search(r"\.pf_(index|fragment|filter)$", u)]
    before = len(requests)
    page.fill("#cari-q", "netralitas")
    page.press("#cari-q", "Enter")
    wait_results(page)
    assert page.inner_text("#cari-status") == f"{TOTAL} artikel cocok dengan “netralitas”"
    after = [u.split("/pagefind/")[-1] for u in requests[before:] if "/pagefind/" in u]
    # Nothing loaded twice: the query starts with the slice's index chunk.
    assert not [u for u in after if u.startswith(("pagefind.js", "wasm.", "terbaru/pagefind"))]
    assert after[0].startswith("terbaru/index/"), after


def test_focus_on_the_query_box_warms_up(page, lead_site) -> None:
    # A browser that never reports idle time: the query box's focus starts the warm-up.
    page.add_init_script("window.requestIdleCallback = () => 0;")
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(f"{lead_site}/cari/")
    wait_results(page)
    page.wait_for_load_state("networkidle")
    assert not [u for u in requests if "/pagefind/" in u]
    with page.expect_response(re.compile(r".*/terbaru/pagefind\.\w+\.pf_meta$")):
        page.focus("#cari-q")
    loaded = [u.split("/pagefind/")[-1] for u in requests if "/pagefind/" in u]
    assert "pagefind.js" in loaded and "terbaru/pagefind-entry.json" in loaded


@pytest.mark.parametrize("width", [360, 1280])
def test_screenshots_with_leading_slice(page, lead_site, artifacts: Path, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{lead_site}/cari/?q=netralitas&daerah=Kota+Padang")
    wait_results(page)
    assert page.locator("#cari-hasil li").count() == 10
    page.screenshot(path=str(artifacts / f"search-leading-{width}.png"), full_page=True)
