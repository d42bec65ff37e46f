"""The public site on the real content: province map and pages, regulation pages, meta tags,
about page, icons, menu, back links, tag pages; and in Chromium at 360 px: the timeline, the
region cards, the header's search box and the share button."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from tools.build import build


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def main_of(site: Path, path: str) -> str:
    return read(site, path).split("<main", 1)[1].split("</main>", 1)[0]


# --------------------------------------------------------------------------- map


def map_numbers(html: str) -> dict[str, int]:
    """The table of the map: province -> number of articles."""
    table = html.split('<div class="map-table">', 1)[1].split("</table>", 1)[0]
    rows = re.findall(
        r'<tr><th scope="row">(?:<a href="[^"]*">)?([^<]+)(?:</a>)?</th><td>(\d+)</td>', table
    )
    return {name: int(n) for name, n in rows}


@pytest.mark.parametrize("path", ["index.html", "daerah/index.html", "provinsi/index.html"])
def test_the_map_counts_the_articles_of_each_province(site: Path, path: str) -> None:
    html = main_of(site, path)
    numbers = map_numbers(html)
    assert len(numbers) == 38
    assert {k: v for k, v in numbers.items() if v} == {"Sumatera Barat": 4, "Bengkulu": 1}
    svg = html.split('<svg class="tile-map-svg"', 1)[1].split("</svg>", 1)[0]
    assert svg.count("<rect ") == 38
    links = dict(re.findall(r'<a class="tile-link" href="([^"]+)" aria-label="([^"]+)">', svg))
    assert links == {
        "/provinsi/sumatera-barat/": "SB, Sumatera Barat: 4 artikel",
        "/provinsi/bengkulu/": "BE, Bengkulu: 1 artikel",
    }
    for href in links:
        assert (site / href.strip("/") / "index.html").exists()
    # The most articles get the strongest colour; a province without articles the lightest.
    assert re.search(r'<g class="map-4"><rect[^>]*><title>SB, Sumatera Barat: 4 artikel', svg)
    assert re.search(r'<g class="map-1"><rect[^>]*><title>BE, Bengkulu: 1 artikel', svg)
    assert re.search(r'<g class="map-0" aria-hidden="true"><rect[^>]*><title>AC, Aceh', svg)


def test_a_province_page_lists_its_kabupaten_kota_with_counts(site: Path) -> None:
    html = main_of(site, "provinsi/sumatera-barat/index.html")
    assert "<h1>Provinsi Sumatera Barat</h1>" in html
    assert "4 artikel · 3 dari 19 kabupaten/kota" in html
    tiles = re.findall(
        r'<li class="map-(\d)">(?:<a href="([^"]+)">([^<]+)</a>|<span>([^<]+)</span>) '
        r'<span class="tile-count">([^<]+)</span>',
        html,
    )
    assert len(tiles) == 19
    linked = {name: (step, href, count) for step, href, name, _, count in tiles if href}
    assert linked == {
        "Kota Bukittinggi": ("4", "/daerah/kota-bukittinggi/", "2 artikel"),
        "Kota Padang": ("2", "/daerah/kota-padang/", "1 artikel"),
        "Kabupaten Padang Pariaman": ("2", "/daerah/kabupaten-padang-pariaman/", "1 artikel"),
    }
    assert ("0", "", "", "Kabupaten Agam", "belum ada artikel") in tiles
    # Its articles, newest first; no article of another province.
    titles = re.findall(r'class="article-item-title"><a href="[^"]+">([^<]+)</a>', html)
    assert len(titles) == 4 and titles[0].startswith("Pjs Wali Kota Bukittinggi")
    assert "Bengkulu Selatan" not in html
    # Region pages link their province.
    assert 'href="/provinsi/sumatera-barat/"' in main_of(site, "daerah/kota-padang/index.html")


# --------------------------------------------------------------------------- regulations


def test_regulation_pages_on_the_seeds(site: Path) -> None:
    from arsip.regulations import regulations

    assert sorted(p.parent.name for p in (site / "regulasi").glob("*/index.html")) == sorted(
        r.slug for r in regulations()
    )
    cited = re.findall(
        r'<a href="/(regulasi/[^"]+)">[^<]+</a> <span class="term-detail">[^<]+</span> '
        r'<span class="count">1 artikel</span>',
        main_of(site, "regulasi/index.html"),
    )
    assert cited == ["regulasi/se-b-2708-kasn-9-2020/", "regulasi/uu-20-2023/"]
    uu = main_of(site, "regulasi/uu-20-2023/index.html")
    assert "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara" in uu
    assert "Pjs Bupati Bengkulu Selatan Ingatkan ASN Netral dalam Pilkada 2024" in uu
    assert "Sisardi menambahkan di dalam UU No 20 Tahun 2023 Pasal 9 ayat 2" in unescape(uu)
    se = main_of(site, "regulasi/se-b-2708-kasn-9-2020/index.html")
    assert "Gelar Apel Ikrar" in se and "Nomor B-2708/KASN/9/2020" in se
    article = main_of(
        site,
        "artikel/2020/gelar-apel-ikrar-pjs-bupati-padang-pariaman-asn-padang-pariaman-harus-jaga-netralitas/index.html",
    )
    assert 'href="/regulasi/se-b-2708-kasn-9-2020/"' in article


# --------------------------------------------------------------------------- sharing, trust

ARTICLE = "artikel/2024/pjs-wali-kota-bukittinggi-tegaskan-asn-wajib-jaga-netralitas/index.html"


def test_every_page_says_what_it_is(site: Path) -> None:
    for page in sorted(site.rglob("*.html")):
        if "pagefind" in page.parts:
            continue
        head = page.read_text(encoding="utf-8").split("</head>", 1)[0]
        for name in (
            'name="description"',
            'property="og:title"',
            'property="og:description"',
            'name="twitter:card"',
            'rel="icon"',
        ):
            assert name in head, (page, name)
        description = re.search(r'<meta name="description" content="([^"]+)">', head)
        assert description and len(description[1]) > 20, page
        # A local preview (SITEURL empty) has no absolute address to share.
        assert "og:url" not in head and 'rel="canonical"' not in head, page


def test_list_pages_describe_themselves(site: Path) -> None:
    def description(path: str) -> str:
        head = read(site, path).split("</head>", 1)[0]
        return unescape(re.search(r'<meta name="description" content="([^"]+)">', head)[1])

    assert description("pejabat/sisardi/index.html") == (
        "1 artikel dengan pernyataan Sisardi (Pjs Bupati) tentang netralitas ASN."
    )
    assert description("provinsi/sumatera-barat/index.html") == (
        "4 artikel tentang netralitas ASN di Provinsi Sumatera Barat, dari 3 kabupaten/kota."
    )
    assert description("tag/apel/index.html") == (
        "Pernyataan yang disampaikan dalam apel pagi atau apel gabungan."
    )
    assert description("arsip/2024/08/index.html") == (
        "Arsip Agustus 2024: 1 artikel tentang netralitas ASN."
    )


def test_article_page_has_share_button_provenance_and_json_ld(site: Path) -> None:
    html = read(site, ARTICLE)
    # One script for the whole site (theme/js/site.js) shows the button; nothing inline.
    assert '<script type="module" src="/theme/js/site.js"></script>' in html
    assert '<script type="module">' not in html
    assert (
        '<p class="share" data-pagefind-ignore hidden><button type="button" class="share-button"'
        in html
    )
    script = read(site, "theme/js/site.js")
    assert '"share": "Bagikan"' in script and '"copied": "Tautan disalin."' in script
    block = html.split('class="provenance"', 1)[1].split("</section>", 1)[0]
    assert "Sumber tidak diketahui" in block
    assert '<time datetime="2026-11-23">23 November 2026</time>' in block
    assert 'href="/tentang/#koreksi"' in block
    assert '"@type":"NewsArticle"' in html.split("</head>", 1)[0]


def test_about_page_states_licence_rights_contact_and_citation(site: Path, tmp_path: Path) -> None:
    html = main_of(site, "tentang/index.html")
    for anchor in ('id="lisensi"', 'id="koreksi"', 'id="mengutip"'):
        assert anchor in html
    assert 'rel="license noopener"' in html and "CC BY 4.0" in html
    assert "Teks berita tetap milik media yang menerbitkannya" in html
    # No contact in the settings: the page says so rather than inventing one.
    assert "Kontak redaksi belum dicantumkan" in html
    other = build(output=tmp_path / "out", CORRECTIONS_CONTACT="redaksi@contoh.id")
    about = main_of(other, "tentang/index.html")
    assert '<a href="mailto:redaksi@contoh.id">redaksi@contoh.id</a>' in about
    assert "belum dicantumkan" not in about


def test_icons_are_at_the_root(site: Path) -> None:
    ico = (site / "favicon.ico").read_bytes()
    assert ico[:4] == b"\x00\x00\x01\x00" and b"PNG" in ico[:64]
    assert (site / "apple-touch-icon.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (site / "theme/favicon.svg").exists()


# --------------------------------------------------------------------------- small things


def test_menu_has_elections_and_regulations(site: Path) -> None:
    nav = read(site, "index.html").split('<nav class="site-nav"', 1)[1].split("</nav>", 1)[0]
    labels = re.findall(r'<a href="[^"]+"[^>]*>([^<]+)</a>', nav)
    assert "Pemilihan" in labels and "Regulasi" in labels
    assert 'href="/pemilihan/"' in nav and 'href="/regulasi/"' in nav


def test_tag_page_has_back_link_definition_and_feed(site: Path) -> None:
    html = read(site, "tag/apel/index.html")
    main = html.split("<main", 1)[1]
    assert '<nav class="breadcrumb" aria-label="Jejak navigasi"><a href="/tag/">' in main
    assert "Pernyataan yang disampaikan dalam apel pagi atau apel gabungan." in main
    feed = re.search(r'<a class="feed-link" href="/(feeds/tag/apel\.atom\.xml)">', main)
    assert feed and (site / feed[1]).exists()
    assert (
        'type="application/atom+xml" title="Umpan Atom tag apel" href="/feeds/tag/apel.atom.xml"'
        in html
    )


def test_month_and_year_pages_link_back(site: Path) -> None:
    month = main_of(site, "arsip/2024/08/index.html")
    assert '<nav class="breadcrumb" aria-label="Jejak navigasi"><a href="/arsip/2024/">' in month
    year = main_of(site, "arsip/2024/index.html")
    assert '<nav class="breadcrumb" aria-label="Jejak navigasi"><a href="/arsip/">' in year


# --------------------------------------------------------------------------- in Chromium


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_timeline_fits_a_phone_and_uses_the_desktop_width(
    served_site: str, page, artifacts: Path, scheme: str
) -> None:
    page.emulate_media(color_scheme=scheme)
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{served_site}/lini-masa/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    charts = page.locator(".timeline-chart")
    assert charts.count() == 2  # 2020 and 2024; the empty years between are not drawn
    for i in range(2):
        box = charts.nth(i).bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 360
        assert charts.nth(i).evaluate(
            "e => e.parentElement.scrollWidth <= e.parentElement.clientWidth"
        )
    # Stacked: the second year below the first.
    assert charts.nth(1).bounding_box()["y"] > charts.nth(0).bounding_box()["y"] + 100
    page.screenshot(path=str(artifacts / f"timeline-360-{scheme}.png"), full_page=True)
    # A bar is a keyboard-reachable link to its month's archive.
    bar = page.locator('a.tl-link[aria-label="Oktober 2020: 1 artikel"]')
    bar.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/arsip/2020/10/")
    # On a desktop the charts sit side by side and fill the page's width.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{served_site}/lini-masa/")
    first, second = (charts.nth(i).bounding_box() for i in range(2))
    assert abs(first["y"] - second["y"]) < 2
    main = page.locator("main").bounding_box()
    assert second["x"] + second["width"] > main["x"] + main["width"] * 0.85
    page.screenshot(path=str(artifacts / f"timeline-1280-{scheme}.png"), full_page=True)


@pytest.mark.browser
def test_region_cards_show_their_count_the_same_way(served_site: str, page) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{served_site}/daerah/")
    placements = page.evaluate(
        """() => [...document.querySelectorAll('.term-list li')].map(li => {
            const name = li.querySelector('a').getBoundingClientRect();
            const count = li.querySelector('.count').getBoundingClientRect();
            return count.top >= name.bottom - 1 && Math.abs(count.left - name.left) < 1;
        })"""
    )
    assert len(placements) == 4 and all(placements), placements


@pytest.mark.browser
def test_header_search_placeholder_fits_on_a_phone(served_site: str, page) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{served_site}/")
    room, needed = page.evaluate(
        """() => {
            const input = document.getElementById('header-q');
            const s = getComputedStyle(input);
            const ctx = document.createElement('canvas').getContext('2d');
            ctx.font = `${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
            const room = input.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
            return [room, ctx.measureText(input.placeholder).width];
        }"""
    )
    # With a margin: text measured on a canvas and text laid out in a box differ by a few px.
    assert needed <= room - 12, f"placeholder needs {needed}px, the box has {room}px"


@pytest.mark.browser
def test_share_button_copies_the_page_address(browser, served_site: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    try:
        context.grant_permissions(["clipboard-read", "clipboard-write"])
        page = context.new_page()
        page.goto(f"{served_site}/{ARTICLE.removesuffix('index.html')}?pagefind-highlight=asn")
        button = page.locator(".share-button")
        assert button.is_visible()
        if page.evaluate("'share' in navigator"):
            pytest.skip("this Chromium has the Web Share API: the share sheet cannot be tested")
        assert button.inner_text() == "Salin tautan"
        button.click()
        page.wait_for_function("document.querySelector('.share-status').textContent !== ''")
        assert page.locator(".share-status").inner_text() == "Tautan disalin."
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == f"{served_site}/{ARTICLE.removesuffix('index.html')}"
    finally:
        context.close()
