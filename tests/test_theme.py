"""The theme in a browser: phone width, dark mode, print, keyboard, and screenshots.

The real content is built once (fixture ``site``) and opened in Debian's Chromium. These
tests check what the HTML checkers cannot: that a 360 px wide phone never scrolls sideways,
that the dark palette really applies, that paper gets no navigation chrome but does get the
sources' addresses, and that the skip link and tap targets work. Screenshots of the home, an
article, a person and a region (light/dark, 360/1280 px) go to test-artifacts/ for a person
to look at.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 360, "height": 800}
DESKTOP = {"width": 1280, "height": 900}

#: One page of every type: (name, glob under the built site). The first match is used.
PAGE_TYPES = [
    ("home", "index.html"),
    (
        "article",
        "artikel/2024/pjs-wali-kota-bukittinggi-tegaskan-asn-wajib-jaga-netralitas/index.html",
    ),
    ("regions", "daerah/index.html"),
    ("region", "daerah/kota-bukittinggi/index.html"),
    ("officials", "pejabat/index.html"),
    ("official", "pejabat/adib-alfikri/index.html"),
    ("quotes", "kutipan/index.html"),
    ("quote-list", "kutipan/pemilihan/*/index.html"),
    ("sources", "sumber/index.html"),
    ("source", "sumber/*/index.html"),
    ("elections", "pemilihan/index.html"),
    ("election", "pemilihan/*/index.html"),
    ("tags", "tag/index.html"),
    ("tag", "tag/*/index.html"),
    ("archives", "arsip/index.html"),
    ("year", "arsip/2024/index.html"),
    ("month", "arsip/2024/*/index.html"),
    ("timeline", "lini-masa/index.html"),
    ("provinces", "provinsi/index.html"),
    ("province", "provinsi/sumatera-barat/index.html"),
    ("regulations", "regulasi/index.html"),
    ("regulation", "regulasi/uu-20-2023/index.html"),
    ("search", "cari/index.html"),
    ("about", "tentang/index.html"),
    ("404", "404.html"),
]


def url_path(site: Path, pattern: str) -> str:
    """The URL path (after the site root) of the first built file matching ``pattern``."""
    matches = sorted(site.glob(pattern))
    assert matches, f"no page {pattern} in the built site"
    rel = matches[0].relative_to(site).as_posix()
    return rel.removesuffix("index.html")


def open_page(browser, base: str, path: str, viewport: dict, scheme: str = "light"):
    """A new page at ``base/path`` with the given viewport and colour scheme."""
    context = browser.new_context(viewport=viewport, color_scheme=scheme, locale="id-ID")
    page = context.new_page()
    response = page.goto(f"{base}/{path}")
    assert response is not None
    if path != "404.html":
        assert response.ok, f"/{path}: HTTP {response.status}"
    return context, page


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind,pattern", PAGE_TYPES, ids=[k for k, _ in PAGE_TYPES])
def test_page_fits_a_360px_phone(site, served_site, browser, kind, pattern, scheme) -> None:
    """No sideways scrolling of the page on a 360 px wide phone, light or dark."""
    context, page = open_page(browser, served_site, url_path(site, pattern), PHONE, scheme)
    try:
        width = page.evaluate("document.scrollingElement.scrollWidth")
        wide = page.evaluate(
            """() => [...document.querySelectorAll('body *')]
                 .filter(e => e.getBoundingClientRect().right > 360.5
                              && !e.closest('.visually-hidden, .map-table'))
                 .slice(0, 5).map(e => e.tagName + '.' + e.className)"""
        )
    finally:
        context.close()
    assert width <= 360, f"{kind} is {width}px wide at 360px; too wide: {wide}"
    assert not wide, f"{kind}: elements stick out past 360px: {wide}"


def _colours(browser, base: str, path: str, scheme: str) -> dict[str, str]:
    context, page = open_page(browser, base, path, DESKTOP, scheme)
    try:
        return page.evaluate(
            """() => {
                const s = e => getComputedStyle(document.querySelector(e));
                return {bg: s('body').backgroundColor, fg: s('body').color,
                        link: s('main a').color, header: s('.site-header').backgroundColor};
            }"""
        )
    finally:
        context.close()


def _luminance(css: str) -> float:
    """Relative luminance (WCAG) of an ``rgb(r, g, b)`` colour."""
    r, g, b = (int(v) for v in css[css.index("(") + 1 : css.index(")")].split(",")[:3])

    def lin(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)


def test_dark_mode_changes_the_colours(site, served_site, browser) -> None:
    """prefers-color-scheme: dark gives a dark background with light text, and other links."""
    path = url_path(site, PAGE_TYPES[1][1])
    light = _colours(browser, served_site, path, "light")
    dark = _colours(browser, served_site, path, "dark")
    assert light["bg"] != dark["bg"] and light["fg"] != dark["fg"] and light["link"] != dark["link"]
    assert _luminance(light["bg"]) > 0.8 > 0.05 > _luminance(dark["bg"])
    assert _luminance(dark["fg"]) > 0.7 > 0.05 > _luminance(light["fg"])
    for colours in (light, dark):  # body text contrast well above AA (4.5:1)
        hi, lo = sorted((_luminance(colours["bg"]), _luminance(colours["fg"])), reverse=True)
        assert (hi + 0.05) / (lo + 0.05) >= 7, colours


@pytest.fixture(scope="module")
def site_with_source_url(tmp_path_factory: pytest.TempPathFactory):
    """The real content with a source URL added to one article (no seed has one), served."""
    from conftest import copy_content

    from tools.build import build
    from tools.serve import serve_in_thread

    content = copy_content(tmp_path_factory.mktemp("content") / "content")
    article = next(iter(sorted(content.glob("articles/2024/pjs-bupati-bengkulu-selatan-*.md"))))
    text = article.read_text(encoding="utf-8")
    text = text.replace(
        "\nsource: ", "\nsource_url: https://radarbengkulu.example/berita/123\nsource: ", 1
    )
    article.write_text(text, encoding="utf-8")
    out = build(output=tmp_path_factory.mktemp("site-url"), content=content)
    url, server = serve_in_thread(out)
    path = next(iter(out.glob("artikel/2024/pjs-bupati-bengkulu-selatan-*/index.html")))
    yield url, path.relative_to(out).as_posix().removesuffix("index.html")
    server.shutdown()


def test_print_hides_the_chrome_and_shows_source_addresses(site_with_source_url, browser) -> None:
    """On paper: no nav, search box, footer or prev/next; black text; the source URL written out."""
    base, path = site_with_source_url
    context, page = open_page(browser, base, path, DESKTOP)
    try:
        page.emulate_media(media="print")
        shown = page.evaluate(
            """sels => Object.fromEntries(sels.map(s => {
                const e = document.querySelector(s);
                return [s, e ? getComputedStyle(e).display : 'missing'];
            }))""",
            [".site-nav", ".header-search", ".site-footer", ".prev-next", ".skip-link"],
        )
        body = page.evaluate(
            "[getComputedStyle(document.body).color, getComputedStyle(document.body).backgroundColor]"
        )
        # What is printed after the link: the text of the page as laid out for print.
        printed = page.evaluate("document.querySelector('.meta-panel').innerText")
        after = page.evaluate(
            "getComputedStyle(document.querySelector('.source-link'), '::after').content"
        )
        page.emulate_media(media="screen")
        on_screen = page.evaluate("getComputedStyle(document.querySelector('.site-nav')).display")
    finally:
        context.close()
    assert on_screen != "none"
    assert all(v in ("none", "missing") for v in shown.values()), shown
    assert shown[".site-nav"] == "none"
    assert body == ["rgb(0, 0, 0)", "rgb(255, 255, 255)"]
    assert after == '" <https://radarbengkulu.example/berita/123>"', (after, printed)


def test_skip_link_is_the_first_tab_stop_and_shows(site, served_site, browser) -> None:
    """Tab once: the skip link gets focus, becomes visible, and leads to the main content."""
    context, page = open_page(browser, served_site, "", PHONE)
    try:
        page.keyboard.press("Tab")
        # It slides in (0.15 s, unless reduced motion is asked for): wait until it is in view.
        page.wait_for_function(
            "document.activeElement.getBoundingClientRect().top >= 0", timeout=2000
        )
        focused = page.evaluate(
            """() => { const e = document.activeElement, r = e.getBoundingClientRect();
                return {cls: e.className, top: r.top, bottom: r.bottom,
                        outline: getComputedStyle(e).outlineStyle}; }"""
        )
        page.keyboard.press("Enter")
        target = page.evaluate("document.activeElement.id")
    finally:
        context.close()
    assert focused["cls"] == "skip-link"
    assert focused["top"] >= 0 and focused["bottom"] <= PHONE["height"], focused
    assert focused["outline"] != "none"
    assert target == "isi"


def test_controls_are_big_enough_to_tap_on_a_phone(site, served_site, browser) -> None:
    """Header search and main navigation: every control at least 24 x 24 px (WCAG 2.5.8)."""
    context, page = open_page(browser, served_site, "", PHONE)
    try:
        sizes = page.evaluate(
            """() => [...document.querySelectorAll('.header-search input, .header-search button, .site-nav a')]
                 .map(e => { const r = e.getBoundingClientRect();
                             return [e.tagName + ' ' + e.textContent.trim(), r.width, r.height, r.right]; })"""
        )
    finally:
        context.close()
    assert len(sizes) >= 8
    small = [s for s in sizes if s[1] < 24 or s[2] < 24 or s[3] > 360]
    assert not small, small
    search_input = sizes[0]
    assert search_input[1] >= 150, f"the search box is too narrow to use: {search_input}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(
    "kind",
    [
        "home",
        "article",
        "timeline",
        "region",
        "regions",
        "province",
        "regulation",
        "official",
        "quotes",
        "quote-list",
    ],
)
def test_axe_finds_nothing_at_phone_width(site, served_site, browser, kind, scheme) -> None:
    """axe-core at 360 px (reflow, target sizes, contrast of the phone layout), light and dark."""
    if not AXE.exists():
        pytest.fail("axe-core is missing: run the tests with ./dev test")
    pattern = dict(PAGE_TYPES)[kind]
    context, page = open_page(browser, served_site, url_path(site, pattern), PHONE, scheme)
    try:
        page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
        violations = page.evaluate(
            """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
                 .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))"""
        )
    finally:
        context.close()
    assert not violations, violations


@pytest.mark.parametrize("kind", ["home", "article", "official", "region"])
def test_screenshots(site, served_site, browser, artifacts, kind) -> None:
    """Full-page screenshots, light and dark, phone and desktop, for a person to review."""
    path = url_path(site, dict(PAGE_TYPES)[kind])
    for scheme in ("light", "dark"):
        for viewport in (PHONE, DESKTOP):
            context, page = open_page(browser, served_site, path, viewport, scheme)
            try:
                out = artifacts / f"theme-{kind}-{scheme}-{viewport['width']}.png"
                page.screenshot(path=str(out), full_page=True)
            finally:
                context.close()
            assert out.stat().st_size > 10_000


def test_stylesheets_pass_the_nu_css_checker() -> None:
    """Every stylesheet of the theme is valid CSS for the Nu checker (vnu --css)."""
    import shutil
    import subprocess

    vnu = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    java = shutil.which("java")
    if not java or not vnu.exists():
        pytest.fail("Java or vnu-jar is missing: run the tests with ./dev test")
    sheets = sorted((ROOT / "theme" / "static" / "css").glob("*.css"))
    assert sheets
    proc = subprocess.run(
        [java, "-jar", str(vnu), "--css", "--errors-only", *map(str, sheets)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
    assert proc.returncode == 0 and not proc.stderr.strip(), proc.stderr
