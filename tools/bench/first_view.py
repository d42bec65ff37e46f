"""What the search page downloads before its first title, per view, as a browser fetches it.

``measure(site_dir)`` serves a built site on 127.0.0.1 (gzip for text files, as GitHub Pages
does; :mod:`tools.bench.measure`'s server), opens each view of the search page in headless
Chromium with an empty cache and adds up every response that ended before the first result
appeared on screen, by the page's own Resource Timing (in the clock of the first title's
time): ``gzip`` (bytes transferred: each body as the server compressed it, which the test
server does with gzip's level 6 for text files, and the response's headers) and ``raw`` (the
bodies decoded, as stored). The bodies are computed from the stored files: Chromium reports
a transfer size of 0 now and then for a response the page has read (``arsip.json`` fetched
by the page's head and read by its script, in Resource Timing as in Playwright's sizes). Views:
``browse`` (``/cari/``), ``query`` (a one-word query), ``region`` (browsing filtered to the
archive's most frequent region), ``year`` (to its newest year), ``region_year`` (the region
and its newest year: a view the build does not precompute) and ``query_region`` (the word, filtered to the region).
The benchmark (``invoke bench``) calls it; so can a person::

    python -m tools.bench.first_view output/ [--query netralitas]
"""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import gzip
import json
import os
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlencode, urlsplit

from tools.bench.measure import _DONE, _OBSERVER, CHROMIUM, COMPRESSIBLE, _GzipHandler, _serve

#: Header bytes of a response whose transfer size the browser did not report (the test
#: server's are about 100).
HEADERS = 120

#: Budget of a view's first title (the search page's goal), in bytes transferred.
BUDGET = 300 * 1024


def views(site: Path, query: str = "netralitas") -> dict[str, dict[str, str]]:
    """The address parameters of each view, from the site's own browse data."""
    data = json.loads((site / "cari" / "data" / "arsip.json").read_text(encoding="utf-8"))
    regions = Counter(data["region"])
    number = min(regions, key=lambda r: (-regions[r], r))
    region = data["values"]["region"][number]
    slices = json.loads((site / "cari" / "data" / "slices.json").read_text(encoding="utf-8"))
    year = slices["years"][0][0]
    # The region's newest year (articles are newest first; dates are days since 1970, each
    # stored as the difference to the newer article).
    day = 0
    for i, delta in enumerate(data["date"]):
        day = delta if i == 0 else day - delta
        if data["region"][i] == number:
            break
    region_year = str((dt.date(1970, 1, 1) + dt.timedelta(days=day)).year)
    return {
        "browse": {},
        "query": {"q": query},
        "region": {"daerah": region},
        "year": {"tahun": year},
        "region_year": {"daerah": region, "tahun": region_year},
        "query_region": {"q": query, "daerah": region},
    }


def measure(
    site_dir: str | os.PathLike[str], query: str = "netralitas", chromium: str = CHROMIUM
) -> dict[str, Any]:
    """Serve ``site_dir`` and measure each view (see the module's docstring), cold cache.

    Returns ``{"query": ..., "views": {name: {"url", "gzip", "raw", "requests", "status",
    "files": {path: [gzip, raw]}}}}``; ``gzip`` and ``raw`` count what had arrived when the
    first title showed (``None`` when none did).
    """
    from playwright.sync_api import sync_playwright

    site = Path(site_dir)
    params = views(site, query)
    base, stop = _serve(site, _GzipHandler)
    out: dict[str, Any] = {"query": query, "budget": BUDGET, "views": {}}

    def visit_all() -> None:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=chromium,
                headless=True,
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            try:
                for name, view in params.items():
                    url = f"{base}/cari/?{urlencode(view)}".rstrip("?")
                    out["views"][name] = _visit(browser, url, site, base)
            finally:
                browser.close()

    try:
        # Playwright's sync API refuses a thread that already runs one (a test's browser).
        with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
            pool.submit(visit_all).result()
    finally:
        stop()
    return out


# Every file the page fetched (the document too), in the page's own clock, with the first
# title's time: Resource Timing, the browser's own count of each response.
_FILES = """() => ({
  first: window.__firstResult,
  files: [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")]
    .map((e) => [e.name, e.responseEnd, e.transferSize - e.encodedBodySize]),
})"""


def _visit(browser: Any, url: str, site: Path, base: str) -> dict[str, Any]:
    context = browser.new_context()  # an empty cache
    page = context.new_page()
    page.add_init_script(_OBSERVER)
    page.add_init_script("performance.setResourceTimingBufferSize(5000)")  # not 250
    try:
        page.goto(url)
        page.wait_for_function(_DONE, timeout=120_000)
        status = page.inner_text("#cari-status")
        page.wait_for_load_state("networkidle")
        seen = page.evaluate(_FILES)
    finally:
        context.close()
    first = seen["first"]
    files: dict[str, list[int]] = {}
    for address, end, headers in seen["files"]:
        if first is None or end > first:
            continue
        path = unquote(urlsplit(address).path).removeprefix(urlsplit(base).path)
        stored = site / path.lstrip("/")
        stored = stored / "index.html" if stored.is_dir() else stored
        body = stored.read_bytes() if stored.is_file() else b""  # not found: headers only
        # The body as the server sends it (it compresses text files with gzip's level 6).
        sent = len(gzip.compress(body, 6)) if stored.suffix in COMPRESSIBLE else len(body)
        files[path] = [sent + (headers if headers > 0 else HEADERS), len(body)]
    return {
        "url": url.removeprefix(base),
        "gzip": None if first is None else sum(g for g, _ in files.values()),
        "raw": None if first is None else sum(r for _, r in files.values()),
        "requests": len(files),
        "status": status,
        "files": files,
    }


def summary(result: dict[str, Any]) -> list[str]:
    """One line per view: bytes before the first title, compressed and raw."""
    lines = []
    for name, v in result["views"].items():
        if v["gzip"] is None:
            lines.append(f"  first title {name:12} none shown ({v['status']})")
            continue
        lines.append(
            f"  first title {name:12} {v['gzip'] / 1024:6.1f} KB gzip, {v['raw'] / 1024:6.1f} KB "
            f"raw, {v['requests']} requests"
        )
    return lines


def main(argv: list[str] | None = None) -> None:
    """Command line: print the figures of a built site as JSON, then a summary."""
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", help="a built site, e.g. output/")
    parser.add_argument("--query", default="netralitas")
    args = parser.parse_args(argv)
    result = measure(args.site, args.query)
    print(json.dumps(result, indent=2, ensure_ascii=False))
    print("\n".join(summary(result)))


if __name__ == "__main__":
    main()
