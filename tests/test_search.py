"""The search page in Chromium: Pagefind queries, filters, sorting, the URL, highlighting.

Every test runs twice: on the site built at the root and on the site built for a sub-path.
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
    assert not [u for u in requests if "/pagefind/" in u], requests
    page.locator("label", has_text="Pilkada 2020").click()
    wait_results(page)
    assert len(result_links(page)) == SEED_COUNT
    assert "Pilkada 2024 (4)" in page.locator("fieldset", has_text="Pemilihan").inner_text()


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
