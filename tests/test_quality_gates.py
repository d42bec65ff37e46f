"""Quality gates on the real site, built as it is published: under a sub-path, with an absolute
site URL, into a temporary folder and served on 127.0.0.1.

- HTML: the Nu Html Checker (npm ``vnu-jar``, run with Java) finds no error on any page.
- Links: LinkChecker (PyPI ``linkchecker``) crawls the site from its home page and finds no
  broken internal link; every article is reached.
- Accessibility: axe-core (npm ``axe-core``) in headless Chromium finds no violation on every
  page type, in light and in dark mode.
- Feeds are well-formed, valid Atom (feedparser, no bozo, required elements); sitemap.xml is
  valid against the sitemaps.org schema (tests/schemas/sitemap.xsd), and so are an index of
  its parts (tests/schemas/siteindex.xsd) and the parts when it is split (plugins/sitemap_index).

All checkers are installed by ``./dev test`` (Debian Java/Chromium, npm packages) and the
``test`` extra of pyproject.toml.
"""

from __future__ import annotations

import csv
import functools
import io
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tools.changes import html_errors

ROOT = Path(__file__).resolve().parent.parent
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SITEMAP_XSD = Path(__file__).resolve().parent / "schemas" / "sitemap.xsd"
SITEINDEX_XSD = Path(__file__).resolve().parent / "schemas" / "siteindex.xsd"
SUBPATH = "/arsip-gates"

pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class Published:
    url: str  # e.g. http://127.0.0.1:PORT/arsip-gates (no trailing slash)
    path: Path  # the built files


def serve_for_linkchecker(directory: Path, prefix: str) -> ThreadingHTTPServer:
    """A server for ``directory`` under ``prefix`` (tools.serve, the one ./dev serve uses)
    whose answers carry a ``LinkChecker`` header: LinkChecker then allows itself more than
    10 requests a second to it (its documented opt-in for one's own server). Bound at once,
    so its port is known before the site is built; not yet serving."""
    from tools.serve import make_server

    server = make_server(directory, 0, prefix, quiet=True)
    base = server.RequestHandlerClass  # functools.partial(handler class, directory=...)

    class Handler(base.func):  # type: ignore[name-defined, misc]
        def end_headers(self) -> None:
            self.send_header("LinkChecker", "allowed")
            super().end_headers()

    server.RequestHandlerClass = functools.partial(Handler, *base.args, **base.keywords)
    return server


@contextmanager
def serving(server: ThreadingHTTPServer) -> Iterator[None]:
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Published]:
    """The real content built for, and served under, a sub-path with an absolute URL."""
    from tools.build import build

    out = tmp_path_factory.mktemp("published")
    server = serve_for_linkchecker(out, SUBPATH)
    url = f"http://127.0.0.1:{server.server_address[1]}{SUBPATH}"
    build(siteurl=url, output=out)
    with serving(server):
        yield Published(url, out)


def _html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "pagefind" not in p.parts)


# --------------------------------------------------------------------------- HTML


def vnu_errors(pages: list[Path], root: Path) -> list[str]:
    """The Nu Html Checker's errors on ``pages``, as ``page:line: message`` (the checker the
    publish workflow runs on changed pages, tools/changes.py)."""
    if not shutil.which("java") or not VNU.exists():
        pytest.fail("Java or vnu-jar is missing: run the tests with ./dev test")
    return html_errors(root, [str(p.relative_to(root)) for p in pages])


def test_nu_html_checker_finds_no_error(published: Published) -> None:
    pages = _html_pages(published.path)
    assert len(pages) > 10
    errors = vnu_errors(pages, published.path)
    assert not errors, f"{len(errors)} HTML error(s):\n" + "\n".join(errors[:60])


def test_nu_html_checker_reports_a_broken_page(tmp_path: Path) -> None:
    page = tmp_path / "rusak.html"
    page.write_text(
        '<!doctype html><html lang="id"><head><title>x</title></head>'
        "<body><p><div>rusak</p></body></html>",
        encoding="utf-8",
    )
    assert any("rusak.html:1:" in e for e in vnu_errors([page], tmp_path))


# --------------------------------------------------------------------------- links


def linkcheck(start: str, tmp_path: Path) -> tuple[list[dict[str, str]], list[str]]:
    """Crawl from ``start`` with LinkChecker; every checked URL and the broken ones.

    Other hosts (the archived articles' sources) are outside the crawl: tests run offline."""
    exe = Path(sys.executable).parent / "linkchecker"
    if not exe.exists():
        pytest.fail("linkchecker is missing: run the tests with ./dev test (pyproject test extra)")
    config = tmp_path / "linkcheckerrc"
    config.write_text(
        "[checking]\nmaxrequestspersecond=200\nthreads=4\ntimeout=20\n[output]\nignoreerrors=\n",
        encoding="utf-8",
    )
    proc = subprocess.run(
        [
            str(exe),
            "--config",
            str(config),
            "--no-status",
            "--no-warnings",
            "--verbose",  # every checked URL in the output, not only failures
            "--output",
            "csv",
            start,
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
        check=False,
    )
    rows = list(
        csv.DictReader(
            io.StringIO("\n".join(x for x in proc.stdout.splitlines() if not x.startswith("#"))),
            delimiter=";",
        )
    )
    assert rows, proc.stdout[-2000:] + proc.stderr[-2000:]
    broken = [
        f"{r['url']} (linked from {r['parentname']}, line {r['line']}): {r['result']}"
        for r in rows
        if r["valid"] != "True"
    ]
    assert bool(broken) == bool(proc.returncode), proc.stdout[-2000:] + proc.stderr[-2000:]
    return rows, broken


def test_linkchecker_finds_no_broken_internal_link(published: Published, tmp_path: Path) -> None:
    rows, broken = linkcheck(f"{published.url}/", tmp_path)
    assert not broken, "broken links:\n" + "\n".join(broken[:60])
    # The crawl really went through the site: every article page was reached.
    reached = {urlsplit(r["url"]).path for r in rows}
    articles = {
        f"{SUBPATH}/{p.parent.relative_to(published.path).as_posix()}/"
        for p in (published.path / "artikel").rglob("index.html")
    }
    assert articles and not articles - reached, sorted(articles - reached)


def test_linkchecker_reports_a_broken_link(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "ada").mkdir(parents=True)
    (site / "ada" / "index.html").write_text("<title>ada</title><p>ada</p>", encoding="utf-8")
    (site / "index.html").write_text(
        '<title>x</title><a href="/p/ada/">ada</a> <a href="/p/hilang/">hilang</a>',
        encoding="utf-8",
    )
    server = serve_for_linkchecker(site, "/p")
    with serving(server):
        rows, broken = linkcheck(f"http://127.0.0.1:{server.server_address[1]}/p/", tmp_path)
    assert len(broken) == 1 and "/p/hilang/" in broken[0], broken
    assert any(r["url"].endswith("/p/ada/") and r["valid"] == "True" for r in rows)


# --------------------------------------------------------------------------- accessibility


def _first_child_page(site: Path, folder: str) -> str:
    """The URL path of the first page one level below ``folder`` (e.g. one region page)."""
    pages = sorted(
        p
        for p in (site / folder).glob("*/index.html")
        if p.parent.name not in {"halaman"} and p.parent.name != "index.html"
    )
    if not pages:
        pytest.fail(f"no page under {folder}/ in the built site")
    return f"{folder}/{pages[0].parent.name}/"


PAGE_TYPES = (
    "home",
    "article",
    "regions",
    "region",
    "provinces",
    "province",
    "regulations",
    "regulation",
    "official",
    "quotes",
    "quote-list",
    "quote-people",
    "quote-regions",
    "source",
    "tag",
    "archive-year",
    "archive-month",
    "timeline",
    "search",
    "about",
    "404",
)


def _page_path(site: Path, kind: str) -> str:
    if kind == "home":
        return ""
    if kind == "article":
        first = sorted((site / "artikel").glob("*/*/index.html"))[0]
        return first.parent.relative_to(site).as_posix() + "/"
    folder = {
        "region": "daerah",
        "province": "provinsi",
        "regulation": "regulasi",
        "official": "pejabat",
        "source": "sumber",
        "tag": "tag",
    }
    if kind in folder:
        return _first_child_page(site, folder[kind])
    if kind == "quote-list":
        return _first_child_page(site, "kutipan/pemilihan")
    indexes = {
        "regions": "daerah/",
        "provinces": "provinsi/",
        "regulations": "regulasi/",
        "quotes": "kutipan/",
        "quote-people": "kutipan/pejabat/",
        "quote-regions": "kutipan/daerah/",
    }
    if kind in indexes:
        return indexes[kind]
    if kind == "archive-year":
        year = sorted(p for p in (site / "arsip").iterdir() if p.name.isdigit())[-1]
        return f"arsip/{year.name}/"
    if kind == "archive-month":
        month = sorted((site / "arsip").glob("[0-9]*/[0-9]*/index.html"))[-1]
        return month.parent.relative_to(site).as_posix() + "/"
    if kind == "timeline":
        return "lini-masa/"
    if kind == "search":
        return "cari/"
    if kind == "about":
        return "tentang/"
    if kind == "404":
        return "halaman-yang-tidak-ada/"
    raise AssertionError(kind)


AXE_RUN = """async () => {
    const r = await axe.run(document, {resultTypes: ["violations"]});
    return r.violations.map(v => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + " :: " +
            (n.failureSummary || "").replace(/\\s+/g, " ").slice(0, 300)),
    }));
}"""


def axe_violations(page, url: str, expected_status: int = 200) -> list[str]:
    """axe-core's violations on the page at ``url``, one text block each."""
    if not AXE.exists():
        pytest.fail("axe-core is missing: run the tests with ./dev test")
    response = page.goto(url, wait_until="load")
    assert response is not None and response.status == expected_status, url
    page.wait_for_load_state("networkidle")
    page.add_script_tag(path=str(AXE))
    return [
        f"- {v['id']} [{v['impact']}] {v['help']}\n    " + "\n    ".join(v["nodes"])
        for v in page.evaluate(AXE_RUN)
    ]


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_axe_finds_no_violation(published: Published, page, kind: str, scheme: str) -> None:
    path = _page_path(published.path, kind)
    if kind not in {"home", "404"}:
        assert (published.path / path / "index.html").exists(), f"{path} was not built"
    page.emulate_media(color_scheme=scheme)
    found = axe_violations(page, f"{published.url}/{path}", 404 if kind == "404" else 200)
    assert not found, f"axe violations on {kind} ({scheme}) /{path}:\n" + "\n".join(found)


@pytest.mark.browser
def test_axe_reports_an_inaccessible_page(published: Published, page) -> None:
    """axe really runs: a copy of the home page with an unlabeled field and an image
    without alternative text has violations."""
    home = (published.path / "index.html").read_text(encoding="utf-8")
    broken = home.replace(
        "</main>", '<img src="x.png"><input type="text" name="tanpa-label"></main>', 1
    )
    assert broken != home, "the home page has no <main>"
    (published.path / "uji-axe.html").write_text(broken, encoding="utf-8")
    try:
        found = "\n".join(axe_violations(page, f"{published.url}/uji-axe.html"))
    finally:
        (published.path / "uji-axe.html").unlink()
    assert "image-alt" in found and "label" in found, found


# --------------------------------------------------------------------------- feeds, sitemap


def test_atom_feeds_are_valid(published: Published) -> None:
    import feedparser
    from lxml import etree

    feeds = sorted((published.path / "feeds").rglob("*.xml"))
    assert feeds, "no feed was built"
    problems = []
    for path in feeds:
        name = path.relative_to(published.path).as_posix()
        raw = path.read_bytes()
        etree.fromstring(raw)  # well-formed XML, or this raises
        feed = feedparser.parse(raw)
        if feed.bozo:
            problems.append(f"{name}: {feed.bozo_exception}")
            continue
        if feed.version != "atom10":
            problems.append(f"{name}: not Atom 1.0 ({feed.version!r})")
        for key in ("id", "title", "updated"):
            if not feed.feed.get(key):
                problems.append(f"{name}: feed has no <{key}>")
        if not any(link.get("rel") == "self" for link in feed.feed.get("links", [])):
            problems.append(f"{name}: no rel=self link")
        if not feed.entries:
            problems.append(f"{name}: no entry")
        for entry in feed.entries:
            for key in ("id", "title", "updated", "link"):
                if not entry.get(key):
                    problems.append(f"{name}: entry {entry.get('link')} has no <{key}>")
            if not entry.get("link", "").startswith(published.url + "/"):
                problems.append(f"{name}: entry link {entry.get('link')} is not absolute")
    assert not problems, "\n".join(problems)


def sitemap_urls(folder: Path, url: str) -> list[str]:
    """The page URLs of ``folder/sitemap.xml``, each file checked against the sitemaps.org
    schemas: one urlset, or an index (absolute locs under ``url``) of urlset parts."""
    from lxml import etree

    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urlset = etree.XMLSchema(etree.parse(str(SITEMAP_XSD)))
    doc = etree.parse(str(folder / "sitemap.xml"))
    files = [doc]
    if doc.getroot().tag == f"{{{ns['s']}}}sitemapindex":
        siteindex = etree.XMLSchema(etree.parse(str(SITEINDEX_XSD)))
        assert siteindex.validate(doc), "\n".join(str(e) for e in siteindex.error_log)
        files = []
        for loc in doc.xpath("//s:sitemap/s:loc/text()", namespaces=ns):
            assert loc.startswith(url + "/"), loc
            files.append(etree.parse(str(folder / loc[len(url) + 1 :])))
    locs = []
    for part in files:
        assert urlset.validate(part), "\n".join(str(e) for e in urlset.error_log)
        locs += part.xpath("//s:url/s:loc/text()", namespaces=ns)
    return locs


def test_sitemap_is_valid_against_the_sitemaps_org_schema(published: Published) -> None:
    locs = sitemap_urls(published.path, published.url)
    assert len(locs) > 10
    for loc in locs:
        assert loc.startswith(published.url + "/"), loc
        rel = loc[len(published.url) + 1 :]
        target = published.path / rel
        assert (target / "index.html").exists() or target.is_file(), f"{loc} has no page"


def test_the_sitemap_split_in_parts_is_valid_too(published: Published, tmp_path: Path) -> None:
    """The site's own sitemap, split as above 50,000 URLs: an index of valid parts, same URLs."""
    from sitemap_index.sitemap_index import Config, split_sitemap

    shutil.copy(published.path / "sitemap.xml", tmp_path / "sitemap.xml")
    whole = sitemap_urls(tmp_path, published.url)
    parts = split_sitemap(tmp_path, published.url, Config(max_urls=7, max_bytes=52_428_800))
    assert len(parts) >= 2
    assert sitemap_urls(tmp_path, published.url) == whole


def test_sitemap_schema_rejects_a_bad_sitemap() -> None:
    """The shipped schema is really applied: a relative URL and a bad changefreq fail."""
    from lxml import etree

    schema = etree.XMLSchema(etree.parse(str(SITEMAP_XSD)))
    bad = etree.fromstring(
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>/a/</loc>'
        b"<changefreq>sometimes</changefreq></url></urlset>"
    )
    assert not schema.validate(bad)
