"""Shared fixtures: the real site built once per session, a local server, a browser.

Whole-site tests build the real ``content/`` with the project's settings into a temporary
folder (never into output/) and assert on the files; browser tests open them in Debian's
Chromium through Playwright (``playwright install`` is never used).
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SUBPATH = "/arsip"


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real content built at the site root (root-relative URLs)."""
    from tools.build import build

    return build(output=tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def served_site(site: Path) -> Iterator[str]:
    """Base URL of the root build, served on 127.0.0.1."""
    from tools.serve import serve_in_thread

    url, server = serve_in_thread(site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def served_subpath_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real content built for, and served under, a sub-path (GitHub project pages)."""
    from tools.build import build
    from tools.serve import make_server

    server = make_server(tmp_path_factory.mktemp("placeholder"), 0, SUBPATH, quiet=True)
    port = server.server_address[1]
    server.server_close()
    out = tmp_path_factory.mktemp("subsite")
    build(siteurl=f"http://127.0.0.1:{port}{SUBPATH}", output=out)
    import threading

    server = make_server(out, port, SUBPATH, quiet=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{port}{SUBPATH}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium driven by Playwright."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run the tests with ./dev test, which installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield b
        b.close()


@pytest.fixture
def page(browser):
    """A fresh page; requests to any host but 127.0.0.1 fail the test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="id-ID")
    foreign: list[str] = []

    def guard(route):
        url = route.request.url
        if url.startswith(("http://127.0.0.1", "data:", "about:", "blob:")):
            route.continue_()
        else:
            foreign.append(url)
            route.abort()

    context.route("**/*", guard)
    pg = context.new_page()
    yield pg
    context.close()
    assert not foreign, f"requests to other hosts: {foreign}"


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Where screenshots go (test-artifacts/, git-ignored) for a person to look at."""
    out = ROOT / "test-artifacts"
    out.mkdir(exist_ok=True)
    return out


def copy_content(dest: Path) -> Path:
    """A writable copy of the real content/ for tests that add broken articles."""
    shutil.copytree(ROOT / "content", dest)
    return dest


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Per-field accuracy of every ingest and quote evaluation set run
    (tests/test_ingest_eval.py, tests/test_quotes_eval.py)."""
    module = sys.modules.get("test_ingest_eval") or sys.modules.get("tests.test_ingest_eval")
    reports = getattr(module, "REPORTS", {})
    if reports:
        terminalreporter.section("ingest accuracy per field")
        for name, table in reports.items():
            terminalreporter.write_line(f"{name} set:")
            terminalreporter.write_line(table)
    # The same for the quote evaluation sets (tests/test_quotes_eval.py).
    module = sys.modules.get("test_quotes_eval") or sys.modules.get("tests.test_quotes_eval")
    reports = getattr(module, "REPORTS", {})
    if reports:
        terminalreporter.section("quotes and people: precision and recall per field")
        for name, table in reports.items():
            terminalreporter.write_line(f"{name} set:")
            terminalreporter.write_line(table)
