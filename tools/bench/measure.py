"""What a visitor's browser downloads and waits for on the search page of a built site.

``measure_search(site_dir)`` serves the site on 127.0.0.1 (gzip for text files, as GitHub
Pages does; Pagefind's own index files are already compressed), opens the search page in
headless Chromium with an empty cache for each scenario and returns, per scenario, the bytes
transferred, the number of requests and the milliseconds from navigation to the first result
on screen; for a query typed on the page (``typed_query``), from its submission. The
benchmark (``invoke bench``) calls it; so can a person::

    python -m tools.bench.measure output/ [--query netralitas]
"""

from __future__ import annotations

import concurrent.futures
import fcntl
import functools
import gzip
import http.server
import io
import json
import multiprocessing
import os
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Text types a static host compresses on the fly (GitHub Pages does for these).
COMPRESSIBLE = {".html", ".js", ".mjs", ".css", ".json", ".xml", ".svg", ".txt"}

# Marks when the first result appears and when the search is complete (the page drops
# aria-busy once the count and the filter panel's counts are final), from navigation start;
# a query submitted on the page starts both again (``__submit``: when).
_OBSERVER = """
(() => {
  window.__submit = null;
  document.addEventListener("submit", () => {
    window.__submit = performance.now();
    window.__firstResult = window.__complete = null;
  }, true);  // before the page's own handler
  const watch = () => {
    const list = document.getElementById("cari-hasil");
    const app = document.getElementById("cari");
    if (!list || !app) return setTimeout(watch, 5);
    new MutationObserver((records) => {
      if (window.__firstResult == null && records.some((r) => r.addedNodes.length)) {
        window.__firstResult = performance.now();
      }
    }).observe(list, { childList: true });
    new MutationObserver(() => {
      if (!app.hidden && !app.hasAttribute("aria-busy")) window.__complete = performance.now();
    }).observe(app, { attributes: true, attributeFilter: ["aria-busy", "hidden"] });
  };
  document.addEventListener("DOMContentLoaded", watch);
})();
"""
_DONE = (
    "() => { const a = document.getElementById('cari');"
    " return a && !a.hidden && !a.hasAttribute('aria-busy')"
    " && document.getElementById('cari-status').textContent.trim() !== ''"
    " && window.__complete != null }"
)


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    gzip = True

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path.split("?", 1)[0]))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.gzip and accepts and path.suffix in COMPRESSIBLE and path.is_file()):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def end_headers(self) -> None:
        # What GitHub Pages sends with every file: a fresh cache for ten minutes (a page's
        # files fetched ahead, e.g. by the header's search box, are then used from it).
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        # A browser context closed with downloads under way (a visit is over): not an error.
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)


def _serve(site: Path, handler: type[_GzipHandler]) -> tuple[str, Callable[[], None]]:
    """Serve ``site`` on 127.0.0.1 from a process of its own; the base URL and a stop function.

    Not a thread of this process: the server then shared the interpreter with Playwright's
    driver thread, which handles an event for every request, and answered ten fragment
    requests in up to 100 ms on this machine (a real host is not slowed by the browser's
    test driver)."""
    context = multiprocessing.get_context("fork")
    ours, theirs = context.Pipe()

    def run() -> None:
        server = _Server(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
        theirs.send(server.server_address[1])
        server.serve_forever()

    process = context.Process(target=run, daemon=True)
    process.start()
    port = ours.recv()

    def stop() -> None:
        process.terminate()
        process.join()

    return f"http://127.0.0.1:{port}", stop


def _scenarios(site: Path, query: str) -> dict[str, dict[str, list[str] | str]]:
    """One-word query, filtered query, empty-query browse (whole archive and one region), and
    the word typed on the page opened without a query or filtered to the region (``typed``:
    not a URL parameter)."""
    data = json.loads((site / "cari" / "data" / "arsip.json").read_text(encoding="utf-8"))
    counts: dict[int, int] = {}
    for r in data["region"]:
        counts[r] = counts.get(r, 0) + 1
    region = data["values"]["region"][max(counts, key=lambda r: (counts[r], -r))]
    return {
        "query": {"q": query},
        "filtered_query": {"q": query, "daerah": region},
        "browse": {},
        "browse_filtered": {"daerah": region},
        "typed_query": {"typed": query},
        # The archive filtered to the region first (browsing it), then the word typed.
        "typed_filtered_query": {"daerah": region, "typed": query},
        # The word typed into the header's search box of the newest article's page.
        "header_query": {"header": query, "from": data_first_url(site)},
    }


def data_first_url(site: Path) -> str:
    """The site-relative address of the newest article (the browse data's first title)."""
    titles = json.loads((site / "cari" / "data" / "titles-0.json").read_text(encoding="utf-8"))
    return titles[0][0]


def measure_search(
    site_dir: str | os.PathLike[str],
    query: str = "netralitas",
    compress: bool = True,
    chromium: str = CHROMIUM,
) -> dict[str, Any]:
    """Serve ``site_dir`` and measure the search page in headless Chromium, cold cache.

    Returns ``{"query": "...", "region": "...", "compressed": bool, "scenarios": {name: {
    "url", "bytes", "search_bytes", "requests", "bytes_to_first_result",
    "requests_to_first_result", "ms_to_first_result", "ms_to_complete", "status", "files"}}}``
    for the scenarios ``query`` (one word), ``filtered_query`` (the word and the most frequent
    region), ``browse`` (empty query), ``browse_filtered`` (empty query, one region),
    ``typed_query``: the page opened without a query, left until the network is idle (its
    browse list shown, Pagefind made ready), then the word typed into the query box and
    submitted, and ``typed_filtered_query``: the same on the page filtered to the region
    (``browse_filtered``'s address); their figures count from the submission (``*_to_first_result``,
    ``ms_to_complete``, ``search_bytes``: what the query itself downloaded), ``bytes`` and
    ``requests`` the whole visit, ``bytes_before_submit`` the page's load.
    ``bytes`` and ``requests`` count every transfer of the visit (page, styles, scripts, data),
    the ``*_to_first_result`` figures what had arrived when the first result showed;
    ``search_bytes`` only the search's own files (Pagefind bundle, browse data, the search
    script). ``ms_to_complete``: until the result count and the filter panel's counts are
    final (the search page searches the years of the index one after another).
    """
    from playwright.sync_api import sync_playwright

    site = Path(site_dir)
    scenarios = _scenarios(site, query)
    handler = type("Handler", (_GzipHandler,), {"gzip": compress})
    base, stop = _serve(site, handler)
    out: dict[str, Any] = {
        "query": query,
        "region": scenarios["filtered_query"]["daerah"],
        "compressed": compress,
        "scenarios": {},
    }

    def visit_all() -> None:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=chromium,
                headless=True,
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            try:
                for name, params in scenarios.items():
                    typed = params.pop("typed", None)
                    if "header" in params:
                        out["scenarios"][name] = _measure_one(
                            browser, f"{base}/{params['from']}", header=params["header"]
                        )
                        continue
                    out["scenarios"][name] = _measure_one(
                        browser, f"{base}/cari/?{urlencode(params)}".rstrip("?"), typed
                    )
            finally:
                browser.close()

    try:
        # Playwright's sync API refuses to start in a thread that already runs one (a test
        # session's browser, for instance): a thread of its own always works.
        with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
            pool.submit(visit_all).result()
    finally:
        stop()
    return out


def _measure_one(
    browser: Any, url: str, typed: str | None = None, header: str | None = None
) -> dict[str, Any]:
    context = browser.new_context()  # a new context: empty cache
    page = context.new_page()
    # Playwright reports the Pagefind web worker's requests on the page too.
    sizes: dict[str, int] = {}
    starts: dict[str, float] = {}  # when each request started, ms since the epoch
    ends: dict[str, float] = {}  # when each response ended, ms since the epoch

    def finished(request: Any) -> None:
        size = request.sizes()
        sizes[request.url] = (
            sizes.get(request.url, 0) + size["responseBodySize"] + size["responseHeadersSize"]
        )
        timing = request.timing
        starts.setdefault(request.url, timing["startTime"])
        ends[request.url] = timing["startTime"] + max(timing["responseEnd"], 0)

    page.on("requestfinished", finished)
    page.add_init_script(_OBSERVER)
    submit_at = None  # ms since the epoch
    try:
        page.goto(url)
        if header is not None:
            # On another page: the word typed into the header's box, key by key as a person
            # types (the page fetches the search page's files ahead meanwhile), then Enter;
            # the figures count from the search page's navigation.
            page.wait_for_load_state("networkidle")
            before = sum(sizes.values())
            page.type("#header-q", header, delay=60)
            submit_at = page.evaluate("performance.timeOrigin + performance.now()")
            with page.expect_navigation():
                page.press("#header-q", "Enter")
        page.wait_for_function(_DONE, timeout=60_000)
        if typed is not None:
            # A person opens the page, looks at it, types and submits: the page has been idle.
            page.wait_for_load_state("networkidle")
            before = sum(sizes.values())
            page.fill("#cari-q", typed)
            page.press("#cari-q", "Enter")
            page.wait_for_function(f"() => window.__submit != null && ({_DONE})()", timeout=60_000)
            submit_at = page.evaluate("performance.timeOrigin + window.__submit")
        since = page.evaluate("window.__submit ?? 0")
        ms = page.evaluate("window.__firstResult ?? null")
        complete_ms = page.evaluate("window.__complete ?? null")
        first_at = page.evaluate(
            "window.__firstResult == null ? null : performance.timeOrigin + window.__firstResult"
        )
        status = page.inner_text("#cari-status")
        page.wait_for_load_state("networkidle")
    finally:
        context.close()
    search = ("/pagefind/", "/cari/data/", "/theme/js/cari.js")
    site_base = url.split("/cari/")[0] if "/cari/" in url else url.rsplit("/artikel/", 1)[0]
    # The visit's own downloads; for a typed query, those it started after the submission.
    own = {u: n for u, n in sizes.items() if submit_at is None or starts[u] >= submit_at - 1}
    early = {
        u: n for u, n in own.items() if first_at is not None and ends.get(u, 0) <= first_at + 1
    }
    out = {
        "url": url,
        "bytes": sum(sizes.values()),
        "search_bytes": sum(n for u, n in own.items() if any(s in u for s in search)),
        "files": {u.split("?")[0].removeprefix(site_base): n for u, n in sizes.items()},
        "requests": len(sizes),
        # What had arrived when the first result showed (the filter panel's counts come after).
        "bytes_to_first_result": None if first_at is None else sum(early.values()),
        "requests_to_first_result": None if first_at is None else len(early),
        "ms_to_first_result": None if ms is None else round(ms - since),
        "ms_to_complete": None if complete_ms is None else round(complete_ms - since),
        "status": status,
    }
    if typed is not None or header is not None:
        out["typed"] = typed if typed is not None else header
        out["bytes_before_submit"] = before
    return out


class _DevToolsPipe:
    """Chromium driven over ``--remote-debugging-pipe`` with nothing but the DevTools commands
    sent here: no Network domain (Playwright follows every request through it, which costs
    the page's main thread 1-3 ms per request on this machine)."""

    def __init__(self, chromium: str) -> None:
        self.profile = tempfile.mkdtemp(prefix="arsip-chromium-")
        to_browser, self._theirs_in = os.pipe()
        self._theirs_out, from_browser = os.pipe()
        # Above 4, so that the redirections cannot overwrite one with the other.
        to_browser, from_browser = (_above(fd, 10) for fd in (to_browser, from_browser))
        # Chromium reads commands from fd 3 and writes answers to fd 4; a shell puts them
        # there (no preexec_fn: this process may run threads).
        self.process = subprocess.Popen(
            [
                "bash",  # dash takes one-digit descriptors only
                "-c",
                f'exec "$0" "$@" 3<&{to_browser} 4>&{from_browser}',
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--no-first-run",
                "--remote-debugging-pipe",
                f"--user-data-dir={self.profile}",
                "about:blank",
            ],
            pass_fds=(to_browser, from_browser),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_browser)
        os.close(from_browser)
        self._sent = 0
        self._buffer = b""

    def send(self, method: str, params: dict[str, Any] | None = None, session: str = "") -> Any:
        """Send one command and return its result (events in between are dropped)."""
        self._sent += 1
        message: dict[str, Any] = {"id": self._sent, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._theirs_in, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + 60
        while True:
            while b"\0" not in self._buffer:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise RuntimeError(f"Chromium did not answer {method}")
                ready, _, _ = select.select([self._theirs_out], [], [], 1)
                if ready:
                    self._buffer += os.read(self._theirs_out, 1 << 16)
            raw, self._buffer = self._buffer.split(b"\0", 1)
            answer = json.loads(raw)
            if answer.get("id") == self._sent:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer["result"]

    def close(self) -> None:
        self.process.kill()
        self.process.wait()
        os.close(self._theirs_in)
        os.close(self._theirs_out)
        shutil.rmtree(self.profile, ignore_errors=True)


def _above(fd: int, lowest: int) -> int:
    """``fd`` moved to a number of at least ``lowest`` (the old one closed)."""
    moved = fcntl.fcntl(fd, fcntl.F_DUPFD, lowest)
    os.close(fd)
    return moved


# Resolves once the search is complete: first result and completion times (ms from
# navigation start), and the bytes the visit transferred (Resource Timing: the document and
# every file; all requests of the search page are made by the page itself, no worker).
_BARE_RESULT = """
new Promise((resolve) => {
  const check = () => {
    if (window.__complete == null) return setTimeout(check, 50);
    const files = performance.getEntriesByType("resource");
    resolve(JSON.stringify({
      first: window.__firstResult, complete: window.__complete,
      bytes: files.reduce((n, e) => n + e.transferSize, 0)
        + performance.getEntriesByType("navigation")[0].transferSize,
      requests: files.length + 1,
      status: document.getElementById("cari-status").textContent.trim(),
    }));
  };
  check();
})
"""


def measure_cold_links(
    site_dir: str | os.PathLike[str],
    query: str = "netralitas",
    runs: int = 5,
    chromium: str = CHROMIUM,
) -> dict[str, Any]:
    """The search page opened from a link, cold, as a visitor's browser opens it: without a
    test driver's network instrumentation (see :class:`_DevToolsPipe`).

    Three scenarios, each visited ``runs`` times in a new browser context (an empty cache)
    of one Chromium, after a first visit that is not counted (a new browser's first page is
    slower): ``query`` (the word in the address), ``header`` (the word typed into the header's
    box of the newest article's page, which fetches the search page's first files ahead, then
    submitted; from the search page's navigation) and ``browse`` (no query: the browse data
    only, no Pagefind; what any page of data costs this machine). Returns ``{"runs": n,
    "scenarios": {name: {"url", "ms_to_first_result", "ms_to_complete" (medians),
    "ms_to_first_result_runs", "bytes", "requests", "status"}}}``; ``bytes`` and
    ``requests`` of the search page (files it found in the cache transfer nothing).
    """
    site = Path(site_dir)
    handler = type("Handler", (_GzipHandler,), {"gzip": True})
    base, stop = _serve(site, handler)
    paths = {
        "query": (f"cari/?{urlencode({'q': query})}", None),
        "header": (data_first_url(site), query),
        "browse": ("cari/", None),
    }
    browser = _DevToolsPipe(chromium)
    out: dict[str, Any] = {"runs": runs, "scenarios": {}}
    try:
        for name, (path, typed) in paths.items():
            url = f"{base}/{path}"
            seen = [_bare_visit(browser, url, typed) for _ in range(runs + 1)][1:]
            firsts = [v["first"] for v in seen if v["first"] is not None]
            out["scenarios"][name] = {
                "url": f"/{path}",
                "ms_to_first_result": round(statistics.median(firsts)) if firsts else None,
                "ms_to_first_result_runs": [round(f) for f in firsts],
                "ms_to_complete": round(statistics.median(v["complete"] for v in seen)),
                "bytes": seen[-1]["bytes"],
                "requests": seen[-1]["requests"],
                "status": seen[-1]["status"],
            }
    finally:
        browser.close()
        stop()
    return out


# A page's load event, then (with the word typed) its fetches ahead done (at most 5 s).
_LOADED = """
new Promise((resolve) => document.readyState === "complete"
  ? resolve(1) : addEventListener("load", () => resolve(1)))
"""
_PREFETCHED = """
new Promise((resolve) => {
  const start = performance.now();
  const check = () => {
    const links = [...document.querySelectorAll("link[rel=prefetch]")].map((l) => l.href);
    const done = new Set(performance.getEntriesByType("resource")
      .filter((e) => e.responseEnd > 0).map((e) => e.name));
    if ((links.length && links.every((h) => done.has(h))) || performance.now() - start > 5000)
      resolve(links.length);
    else setTimeout(check, 50);
  };
  check();
})
"""


def _evaluate(browser: _DevToolsPipe, session: str, expression: str) -> Any:
    """The value of ``expression`` (a promise is awaited) in the page's current document,
    retried while a navigation replaces it."""
    for _ in range(200):
        try:
            answer = browser.send(
                "Runtime.evaluate",
                {"expression": expression, "awaitPromise": True, "returnByValue": True},
                session,
            )
        except RuntimeError:  # the document was replaced by the navigation
            time.sleep(0.02)
            continue
        if "exceptionDetails" not in answer:
            return answer["result"]["value"]
        time.sleep(0.02)
    raise RuntimeError(f"the page did not answer {expression[:40]!r}")


def _bare_visit(browser: _DevToolsPipe, url: str, typed: str | None = None) -> dict[str, Any]:
    context = browser.send("Target.createBrowserContext")["browserContextId"]
    target = browser.send(
        "Target.createTarget", {"url": "about:blank", "browserContextId": context}
    )
    try:
        session = browser.send(
            "Target.attachToTarget", {"targetId": target["targetId"], "flatten": True}
        )["sessionId"]
        browser.send("Page.enable", session=session)
        browser.send("Page.addScriptToEvaluateOnNewDocument", {"source": _OBSERVER}, session)
        browser.send("Page.navigate", {"url": url}, session)
        if typed is not None:
            _evaluate(browser, session, _LOADED)
            _evaluate(browser, session, "document.getElementById('header-q').focus() ?? 1")
            browser.send("Input.insertText", {"text": typed}, session)
            _evaluate(browser, session, _PREFETCHED)
            browser.send(
                "Runtime.evaluate",
                {"expression": "document.getElementById('header-q').form.requestSubmit()"},
                session,
            )
            # Until the search page has replaced this one (its figures count from there).
            _evaluate(
                browser,
                session,
                "new Promise((resolve, reject) => location.pathname.includes('/cari/')"
                " ? resolve(1) : setTimeout(() => reject(new Error('not yet')), 20))",
            )
        return json.loads(_evaluate(browser, session, _BARE_RESULT))
    finally:
        browser.send("Target.closeTarget", {"targetId": target["targetId"]})
        browser.send("Target.disposeBrowserContext", {"browserContextId": context})


def main(argv: list[str] | None = None) -> None:
    """Command line: print the figures of a built site as JSON."""
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", help="a built site, e.g. output/")
    parser.add_argument("--query", default="netralitas")
    parser.add_argument("--no-gzip", action="store_true", help="serve without compression")
    args = parser.parse_args(argv)
    result = measure_search(args.site, args.query, compress=not args.no_gzip)
    result["cold_links"] = measure_cold_links(args.site, args.query)
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
