"""The search page in Chromium: Pagefind queries, filters, sorting, the URL, highlighting.

Every test runs twice: on the site built at the root and on the site built for a sub-path.
The seed articles span two years (four in 2024, one in 2020), so two Pagefind indexes.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

SEED_COUNT = 5
BUKITTINGGI = ("pjs-wali-kota-bukittinggi", "sekda-bukittinggi")


@pytest.fixture(params=["root", "subpath"])
def base(request: pytest.FixtureRequest) -> str:
    """Base URL of the served site (root or sub-path build)."""
    name = "served_site" if request.param == "root" else "served_subpath_site"
    return request.getfixturevalue(name)


def open_search(page, base: str, query: str = "") -> None:
    page.goto(f"{base}/cari/{query}")
    wait_results(page)


def wait_results(page) -> None:
    """Wait until the page has finished a search (status set, not busy)."""
    page.wait_for_function(
        "() => { const a = document.getElementById('cari');"
        " return a && !a.hidden && !a.hasAttribute('aria-busy')"
        " && document.getElementById('cari-status').textContent.trim() !== '' }"
    )


def result_links(page) -> list[str]:
    return page.eval_on_selector_all("#cari-hasil li h3 a", "els => els.map(e => e.href)")


def result_dates(page) -> list[str]:
    return page.eval_on_selector_all(
        "#cari-hasil li time", "els => els.map(e => e.getAttribute('datetime'))"
    )


def test_query_finds_every_seed_article(page, base: str) -> None:
    open_search(page, base, "?q=netralitas")
    assert len(result_links(page)) == SEED_COUNT
    assert page.inner_text("#cari-status") == "5 artikel cocok dengan “netralitas”"
    assert page.input_value("#cari-q") == "netralitas"
    # Every link leads under the site's base (root or sub-path), to an article.
    assert all(link.startswith(base + "/artikel/") for link in result_links(page))
    # Result metadata: Indonesian date, region, official, source; excerpt with the word marked.
    first = page.locator("#cari-hasil li").first
    meta = first.locator(".search-meta").inner_text()
    assert re.match(
        r"\d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) 20\d\d · ",
        meta,
    ), meta
    assert "Kabupaten Bengkulu Selatan" in meta and "Sisardi" in meta and "Radar Bengkulu" in meta
    assert "netral" in first.locator(".search-excerpt mark").first.inner_text().lower()


def test_bukittinggi_ranks_its_two_articles_first(page, base: str) -> None:
    for sort in ("", "&urut=cocok"):
        open_search(page, base, f"?q=Bukittinggi{sort}")
        links = result_links(page)
        assert len(links) >= 2
        assert all(any(s in link for s in BUKITTINGGI) for link in links[:2]), links
    assert page.input_value("#cari-urut") == "cocok"


def test_region_filter_leaves_one_and_counts(page, base: str) -> None:
    open_search(page, base, "?q=netralitas")
    label = page.locator("fieldset", has_text="Daerah").locator("label", has_text="Kota Padang")
    # Counts per value: "Kota Padang (1)", "Kota Bukittinggi (2)".
    assert label.inner_text().strip() == "Kota Padang (1)"
    assert "Kota Bukittinggi (2)" in page.locator("fieldset", has_text="Daerah").inner_text()
    label.click()
    wait_results(page)
    links = result_links(page)
    assert len(links) == 1 and "pj-wako-padang" in links[0]
    assert "daerah=Kota+Padang" in page.url
    assert page.inner_text("#cari-status") == "1 artikel cocok dengan “netralitas”"
    # Back button: the unfiltered search returns.
    page.go_back()
    wait_results(page)
    assert len(result_links(page)) == SEED_COUNT
    assert "daerah=" not in page.url


def test_date_sort_newest_then_oldest(page, base: str) -> None:
    open_search(page, base, "?q=netralitas")
    dates = result_dates(page)
    assert dates == sorted(dates, reverse=True) and len(set(dates)) == SEED_COUNT
    page.select_option("#cari-urut", "lama")
    wait_results(page)
    assert result_dates(page) == sorted(dates)
    assert "urut=lama" in page.url


def test_shared_url_restores_query_filters_and_sort(page, base: str) -> None:
    open_search(page, base, "?q=netralitas&urut=lama&tahun=2024&provinsi=Sumatera+Barat")
    assert page.input_value("#cari-q") == "netralitas"
    assert page.input_value("#cari-urut") == "lama"
    assert page.is_checked("input[data-facet=year][value='2024']")
    assert page.is_checked("input[data-facet=province][value='Sumatera Barat']")
    dates = result_dates(page)
    assert len(dates) == 3 and dates == sorted(dates)  # Padang, Bukittinggi x2 in 2024


def test_result_opens_article_with_words_highlighted(page, base: str) -> None:
    open_search(page, base, "?q=Bukittinggi")
    page.locator("#cari-hasil li h3 a").first.click()
    page.wait_for_url(
        re.compile(r".*/artikel/2024/.*bukittinggi.*pagefind-highlight=bukittinggi", re.I)
    )
    marks = page.locator("mark.pagefind-highlight")
    marks.first.wait_for()
    assert marks.count() >= 2
    assert marks.first.inner_text().lower() == "bukittinggi"


def test_empty_query_browses_without_pagefind(page, base: str) -> None:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    open_search(page, base, "?pemilihan=Pilkada+2020")
    assert len(result_links(page)) == 1
    assert page.inner_text("#cari-status") == "1 artikel dalam arsip"
    # No Pagefind index (its script and first slice are loaded once the page is idle, for a
    # query typed there: test_search_leading.py).
    assert not [u for u in requests if re.search(r"\.pf_(index|fragment|filter)$", u)], requests
    page.locator("label", has_text="Pilkada 2020").click()
    wait_results(page)
    assert len(result_links(page)) == SEED_COUNT
    assert "Pilkada 2024 (4)" in page.locator("fieldset", has_text="Pemilihan").inner_text()


def index_requests(page) -> list[str]:
    """Start recording which year's Pagefind index the page opens, in order."""
    years: list[str] = []
    page.on(
        "request",
        lambda r: (
            years.append(r.url.split("/pagefind/")[1].split("/")[0])
            if "/pagefind-entry.json" in r.url
            else None
        ),
    )
    return years


def test_query_searches_each_year_newest_first(page, base: str) -> None:
    years = index_requests(page)
    wasm: list[str] = []
    page.on("request", lambda r: wasm.append(r.url) if "/wasm." in r.url else None)
    open_search(page, base, "?q=netralitas")
    assert years == ["2024", "2020"]
    # Results from both years, newest first; the count is complete.
    dates = result_dates(page)
    assert [d[:4] for d in dates] == ["2024"] * 4 + ["2020"]
    assert page.inner_text("#cari-status") == "5 artikel cocok dengan “netralitas”"
    # Every year's index uses the same WebAssembly: fetched once, from the shared folder.
    assert wasm == [f"{base}/pagefind/wasm.id.pagefind"]


def test_oldest_first_searches_the_oldest_year_first(page, base: str) -> None:
    years = index_requests(page)
    open_search(page, base, "?q=netralitas&urut=lama")
    assert years == ["2020", "2024"]
    assert [d[:4] for d in result_dates(page)] == ["2020"] + ["2024"] * 4


def test_years_without_a_matching_article_are_searched_last(page, base: str) -> None:
    years = index_requests(page)
    # Only the 2020 article is about Pilkada 2020: 2024 is opened only for the counts.
    open_search(page, base, "?q=netralitas&pemilihan=Pilkada+2020")
    assert years == ["2020", "2024"]
    assert len(result_links(page)) == 1
    assert "Pilkada 2024 (4)" in page.locator("fieldset", has_text="Pemilihan").inner_text()


def hold_year(page, year: str) -> list:
    """Hold back the requests for one year's index until the returned list is released."""
    held: list = []
    # On the context, ahead of the page fixture's guard, which gets them on release.
    page.context.route(f"**/pagefind/{year}/**", lambda route: held.append(route))
    return held


def release(page, year: str, held: list) -> None:
    page.context.unroute(f"**/pagefind/{year}/**")
    for route in held:
        route.fallback()


def test_first_results_show_before_the_other_years(page, base: str) -> None:
    held = hold_year(page, "2020")
    page.goto(f"{base}/cari/?q=netralitas")
    # 2024's four results are final (no 2020 article is newer): on screen at once, the
    # count says more may come.
    page.wait_for_function("document.querySelectorAll('#cari-hasil li').length === 4")
    assert page.get_attribute("#cari", "aria-busy") == "true"
    assert page.inner_text("#cari-status") == (
        "Sejauh ini 4 artikel cocok dengan “netralitas”; masih mencari di tahun lain…"
    )
    assert held, "2020's index was not asked for"
    release(page, "2020", held)
    wait_results(page)
    assert len(result_links(page)) == SEED_COUNT
    assert page.inner_text("#cari-status") == "5 artikel cocok dengan “netralitas”"


def test_relevance_waits_for_every_year(page, base: str) -> None:
    held = hold_year(page, "2020")
    page.goto(f"{base}/cari/?q=netralitas&urut=cocok")
    page.wait_for_function(
        "document.getElementById('cari-status').textContent.includes('(1 dari 2)')"
    )
    assert page.inner_text("#cari-status") == (
        "Mengurutkan menurut kecocokan: mencari di semua tahun (1 dari 2)…"
    )
    assert result_links(page) == []
    release(page, "2020", held)
    wait_results(page)
    assert len(result_links(page)) == SEED_COUNT


def test_header_box_leads_to_search(page, base: str) -> None:
    page.goto(f"{base}/")
    page.fill("#header-q", "Bengkulu")
    page.press("#header-q", "Enter")
    page.wait_for_url(re.compile(r".*/cari/\?q=Bengkulu"))
    wait_results(page)
    links = result_links(page)
    assert links and "bengkulu-selatan" in links[0]


def test_without_javascript_links_browse_pages(browser, base: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{base}/cari/?q=netralitas")
        assert "membutuhkan JavaScript" in page.inner_text("main")
        assert not page.is_visible("#cari")
        hrefs = page.eval_on_selector_all("main a", "els => els.map(e => e.href)")
        for path in ("daerah/", "pejabat/", "sumber/", "tag/", "lini-masa/", "arsip/"):
            assert f"{base}/{path}" in hrefs
    finally:
        context.close()


@pytest.mark.parametrize("width", [360, 1280])
def test_screenshots(page, served_subpath_site: str, artifacts: Path, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    open_search(page, served_subpath_site, "?q=netralitas&daerah=Kota+Bukittinggi")
    assert len(result_links(page)) == 2
    page.screenshot(path=str(artifacts / f"search-{width}.png"), full_page=True)
    page.locator("#cari-hasil li h3 a").first.click()
    page.locator("mark.pagefind-highlight").first.wait_for()
    page.screenshot(path=str(artifacts / f"search-highlight-{width}.png"))


def test_search_page_has_no_axe_violations(page, served_site: str) -> None:
    axe = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
    if not axe.exists():
        pytest.fail("node_modules/axe-core is missing: run the tests with ./dev test")
    open_search(page, served_site, "?q=netralitas&daerah=Kota+Bukittinggi")
    page.add_script_tag(path=str(axe))
    violations = page.evaluate(
        "async () => (await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'best-practice']}))"
        ".violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))"
    )
    assert violations == []


def test_empty_answer_helps(page, base: str) -> None:
    # A word in no article: nothing, whatever Pagefind's prefixes would find; no suggestion,
    # a way to browse everything.
    open_search(page, base, "?q=medison")
    assert result_links(page) == []
    assert page.inner_text("#cari-status") == "Tidak ada artikel yang cocok dengan “medison”."
    assert page.locator("#cari-bantuan .search-suggest").count() == 0
    page.locator("#cari-bantuan a", has_text="Telusuri seluruh arsip").click()
    wait_results(page)
    assert len(result_links(page)) == SEED_COUNT and "q=" not in page.url
    # Filtered to nothing: the count without the filters, one click away; back returns.
    open_search(page, base, "?q=sekda&daerah=Kota+Padang")
    assert result_links(page) == []
    help_text = page.inner_text("#cari-bantuan")
    assert "Tanpa saringan, 1 artikel cocok." in help_text
    page.locator("#cari-bantuan a", has_text="Hapus semua saringan").click()
    wait_results(page)
    links = result_links(page)
    assert len(links) == 1 and "sekda-bukittinggi" in links[0] and "daerah=" not in page.url
    page.go_back()
    wait_results(page)
    assert "daerah=Kota+Padang" in page.url and result_links(page) == []
    # A misspelled name: "Maksud Anda" with the name, whose link finds its articles.
    open_search(page, base, "?q=bukitinggi")
    suggestion = page.locator("#cari-bantuan .search-suggest a")
    assert suggestion.inner_text() == "Bukittinggi"
    suggestion.click()
    wait_results(page)
    assert page.input_value("#cari-q") == "Bukittinggi"
    assert len(result_links(page)) >= 2


@pytest.mark.parametrize(
    ("query", "slugs"),
    [
        ("sekda", {"sekda-bukittinggi"}),  # not the 2020 article's "SE.,"
        ("menyukai", {"gelar-apel-ikrar"}),  # not "Sukarni" of Bengkulu Selatan
        ("kenetralan", {"pjs-bupati-bengkulu", "sekda-bukittinggi", "jelang-pilkada-2024"}),
        ('"pakta integritas"', {"pjs-wali-kota-bukittinggi", "jelang-pilkada-2024"}),
    ],
)
def test_only_articles_with_the_words(page, served_site: str, query: str, slugs: set) -> None:
    open_search(page, served_site, f"?q={query}")
    links = result_links(page)
    assert len(links) == len(slugs), links
    assert all(any(s in link for s in slugs) for link in links), links
    assert page.inner_text("#cari-status").startswith(f"{len(slugs)} artikel cocok")
