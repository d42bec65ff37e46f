"""Make the built site searchable: a Pagefind index per year plus compact metadata files.

Pagefind starts as soon as every page is written (plugins/pelican_speed's
``arsip_pages_written`` signal; else on Pelican's ``finalized``) and runs in the background
while the build does its last steps; the ``finalized`` receiver waits for it and writes the
browse data, so ``pelican content`` alone produces a searchable site. Two outputs:

- ``pagefind/``: Pagefind's index of the article pages only, in slices: one Pagefind run per
  year of the articles (``artikel/<year>/**/*.html``) into ``pagefind/<year>/``. The article
  template marks the body, filters, metadata and the date sort key. Slices keep Pagefind's
  memory to that of one year (one run over 10,000 pages peaked at 1.4-1.6 GB, a year at
  about 240 MB) and its search fast: Pagefind's search time grows faster than the number of
  pages that match (a word on 93 % of 10,000 pages took 1-2.7 s, on one year's 1,300 pages
  about 40 ms), and the search page needs only the newest (or oldest) year for its first
  page of results when sorting by date. Pagefind's runtime (``pagefind.js``, the highlight
  script, the WebAssembly) is the same for every slice: it is moved to ``pagefind/`` once,
  and each slice keeps only its index and the WebAssembly (which a Pagefind instance fetches
  from its own folder; the search page fetches it once). The bundled Pagefind binary runs as
  a subprocess: Pagefind's Python API sleeps 0.1 s per response, and a process of its own
  gives its time and memory (``LAST_RUN``). Two more small slices, ``pagefind/terbaru/`` and
  ``pagefind/terlama/`` (the newest and the oldest ``lead`` articles, whole days; see
  leading.py), serve the first page of a date-sorted query in a few milliseconds.
- ``cari/data/``: ``arsip.json``, one compact columnar file (date, region, province, official,
  source, election, tags and quoted people of every article), ``pagefind.json`` (each article's Pagefind page
  id within its year's slice, to count a query's results per value), ``slices.json`` (the
  slices, newest first, with their number of articles, and the ids of the leading slices'
  first articles), ``titles-N.json`` chunks of the rows a result shows (URL, title, date,
  region, official, outlet), ``nama.json``, the archive's names (regions with and without
  their kind, provinces, officials, outlets) from which the search page suggests a
  correction of a misspelled name after an empty answer, and the first view
  (``overview.json``, ``values.json``, ``facet/<facet>/<hash>.json``: see first_view.py), a
  payload of constant size for opening the page without a query, unfiltered or filtered to
  one value. The search page filters, counts and sorts with these, and browses the whole
  archive with an empty query without downloading Pagefind's index (a filter-only Pagefind
  search fetched 12.7 MB at 10,000 articles).

Templates get ``SEARCH_PATHS``: the bundle and data folders, the leading slices and the files
the header's search box fetches ahead (:func:`prefetch_paths`).
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import datetime as dt
import functools
import gzip
import hashlib
import itertools
import json
import logging
import os
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import blinker
from pelican import signals

from arsip import gazetteer, schema

from . import first_view, leading

log = logging.getLogger(__name__)

#: Facets of the browse data, in the order of the search page's filter panel.
FACETS = ("region", "province", "official", "source", "election", "tag", "quote")
#: Facets with several values per article (a list per article in the browse data): its tags,
#: the people it quotes (``quote_speakers``, set by plugins/quotes).
MULTI = {"tag": "tags", "quote": "quote_speakers"}

DEFAULTS: dict[str, Any] = {
    "enabled": True,
    # Article pages of one year (list pages are never indexed): one Pagefind run per year.
    "glob": "artikel/{year}/**/*.html",
    "bundle_dir": "pagefind",
    "data_dir": "cari/data",
    "chunk_size": 100,  # articles per title chunk: a page of results touches few chunks
    # Pagefind runs at a time. One run already keeps both cores of the build machine busy
    # for part of its time (three threads); two at once were not faster at 10,000 articles
    # (all years: 31.0 s against 20.3 s, 24.6 s against 36.8 s; a loaded machine) and hold
    # twice the memory.
    "jobs": 1,
    "pagefind_args": [],  # extra command-line options for Pagefind, e.g. ["--verbose"]
    # Articles in each leading slice (leading.py: the newest and the oldest, whole days), for
    # the first page of a date-sorted query; 0: none. A common word costs a cold search of
    # about 36 ms at 250 and 47 ms at 500 (a year's 1,400 pages: 130-250 ms). 250, not 500:
    # the two slices then cost the build about nothing (10,000 articles on tmpfs, Pagefind
    # 13.5 s / 23.3 CPU-s against 13.5 s / 23.4 without them, 14.7-15.1 s / 25.4-26.3 at 500);
    # a filtered query uses the slice only when ten of its articles pass the filters.
    "lead": 250,
    # Pagefind ids of the first articles of each leading slice (newest, oldest) that
    # slices.json lists: a search page opened with a query fetches their fragments while it
    # loads, before Pagefind has found them. A page of results shows ten, and a common word
    # is in nearly every article: its first ten results are among these, and they no longer
    # wait for a round trip after the search (0: none).
    "early_fragments": 12,
    # The search page's first view (first_view.py): rows of the first page of titles, newest
    # and oldest, and values per facet listed with their counts before "show all" (the
    # page's SHOWN_VALUES, theme/static/js/cari.js).
    "first_page": 10,
    "shown_values": 8,
    # A folder kept between builds (tools/build.py sets it for a build with a cache): a slice
    # whose pages have the same bytes as in an earlier build is copied from there instead of
    # being indexed again (:class:`SliceCache`). "": no cache.
    "cache": "",
    # Regular expressions of page regions that Pagefind does not read (outside the element
    # marked data-pagefind-body): left out of a slice's cache key, so that a new article does
    # not make every year's slice stale through the related-article lists of other pages. A
    # region that mentions Pagefind or holds a heading, image, title or meta element counts
    # all the same (:data:`_READ_MARKERS`).
    "cache_ignore": [],
}

# What a slice keeps of Pagefind's output (the index); the rest is Pagefind's runtime, moved
# to the bundle folder once. The WebAssembly stays too: Pagefind fetches it from the folder
# of the index it searches.
_INDEX_FILES = ("pagefind-entry.json", "pagefind.*.pf_meta", "wasm.*.pagefind")
_INDEX_DIRS = ("index", "filter", "fragment")

#: Figures of the last build's Pagefind runs, for the benchmark: ``wall_s`` (all runs, from
#: the first start), ``waited_s`` (of that, the time the build waited for them at the end),
#: ``cpu_s`` (their user + system time), ``peak_mb`` (the largest run's peak resident
#: memory; with ``jobs`` above 1, that many runs may hold it at once), ``runs``, ``jobs`` and
#: ``pages`` (pages indexed). Of each Pagefind process alone (``os.wait4``, /proc), so
#: other children of the build process do not count.
LAST_RUN: dict[str, float | int] = {}


@dataclass(frozen=True)
class Config:
    """The plugin's settings: ``SEARCH_INDEX`` in pelicanconf.py over :data:`DEFAULTS`."""

    enabled: bool
    glob: str
    bundle_dir: str
    data_dir: str
    chunk_size: int
    jobs: int
    pagefind_args: tuple[str, ...]
    lead: int
    early_fragments: int
    first_page: int
    shown_values: int
    cache: str
    cache_ignore: tuple[str, ...]


class SearchIndexError(RuntimeError):
    """Pagefind failed or indexed something else than the articles."""


def config(settings: dict[str, Any]) -> Config:
    """Read ``SEARCH_INDEX`` (the one place the plugin reads its settings)."""
    raw = {**DEFAULTS, **(settings.get("SEARCH_INDEX") or {})}
    unknown = set(raw) - set(DEFAULTS)
    if unknown:
        raise SearchIndexError(f"SEARCH_INDEX: unknown key(s) {sorted(unknown)}")
    glob = str(raw["glob"])
    if "{year}" not in glob:
        raise SearchIndexError(
            f"SEARCH_INDEX: glob {glob!r} must contain {{year}} (one index per year), "
            "e.g. 'artikel/{year}/**/*.html'"
        )
    if int(raw["jobs"]) < 1:
        raise SearchIndexError(f"SEARCH_INDEX: jobs must be at least 1, not {raw['jobs']!r}")
    for key in ("lead", "early_fragments"):
        if int(raw[key]) < 0:
            raise SearchIndexError(f"SEARCH_INDEX: {key} must be 0 or more, not {raw[key]!r}")
    for key in ("first_page", "shown_values", "chunk_size"):
        if int(raw[key]) < 1:
            raise SearchIndexError(f"SEARCH_INDEX: {key} must be 1 or more, not {raw[key]!r}")
    return Config(
        enabled=bool(raw["enabled"]),
        glob=glob,
        bundle_dir=str(raw["bundle_dir"]).strip("/"),
        data_dir=str(raw["data_dir"]).strip("/"),
        chunk_size=int(raw["chunk_size"]),
        jobs=int(raw["jobs"]),
        pagefind_args=tuple(raw["pagefind_args"]),
        lead=int(raw["lead"]),
        early_fragments=int(raw["early_fragments"]),
        first_page=int(raw["first_page"]),
        shown_values=int(raw["shown_values"]),
        cache=str(raw["cache"] or ""),
        cache_ignore=tuple(str(r) for r in raw["cache_ignore"]),
    )


def pagefind_command(site: Path, glob: str, output: Path, extra: Iterable[str] = ()) -> list[str]:
    """The Pagefind command line that indexes the pages of ``site`` matching ``glob`` into
    the slice folder ``output``."""
    from pagefind_bin import get_executable

    return [
        str(get_executable()),
        "--site",
        str(site),
        "--glob",
        glob,
        "--output-path",
        str(output.resolve()),
        "--quiet",
        *extra,
    ]


def _peak_kib(pid: int) -> int:
    """The process's peak resident memory so far (VmHWM), in KiB; 0 once it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    except OSError:
        return 0
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def _run_one(command: list[str], output: Path) -> tuple[float, float]:
    """Run one Pagefind ``command`` that writes the slice folder ``output``; return its CPU
    seconds and peak memory (MB)."""
    # Output to files, not pipes: the process is reaped with os.wait4 for its own CPU time
    # (RUSAGE_CHILDREN would mix in every other child of the build), so nothing reads pipes.
    # Its ru_maxrss is no use: Linux counts in it the memory of the build process it was
    # started from (before exec), so the peak is Pagefind's own high-water mark, read from
    # /proc every 20 ms while it runs.
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen(command, stdout=out, stderr=out)
        peak = 0
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            peak = max(peak, _peak_kib(proc.pid))
            time.sleep(0.02)
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode("utf-8", "replace").strip()
    if proc.returncode != 0 or not (output / "pagefind.js").exists():
        raise SearchIndexError(
            f"pagefind failed for {output.name} (exit {proc.returncode}):\n{text}"
        )
    return usage.ru_utime + usage.ru_stime, peak / 1024


@functools.cache
def _pagefind_digest() -> bytes:
    """The digest of the Pagefind program's bytes (another version makes other slices)."""
    from pagefind_bin import get_executable

    return hashlib.sha256(Path(get_executable()).read_bytes()).digest()


def _static_prefix(glob: str) -> str:
    """The folder part of ``glob`` before its first wildcard ("artikel/2024/**/*.html" ->
    "artikel/2024"): every file the glob can match lies under it."""
    parts = []
    for part in glob.split("/"):
        if any(c in part for c in "*?[{"):
            break
        parts.append(part)
    return "/".join(parts)


#: What Pagefind may read outside the data-pagefind-body element: its own attributes, the
#: page's title, first heading and image (its default metadata), the language and meta
#: elements. A region holding any of them is never left out of a cache key.
_READ_MARKERS = re.compile(r"pagefind|<h1|<img|<title|<html|<meta|<body", re.I)


def search_bytes(page: bytes, ignore: Iterable[re.Pattern[str]]) -> bytes:
    """``page`` without the regions matching ``ignore`` that Pagefind does not read (see
    :data:`_READ_MARKERS`): what a slice's cache key is made of."""
    patterns = list(ignore)
    if not patterns:
        return page
    text = page.decode("utf-8", "surrogateescape")

    def drop(match: re.Match[str]) -> str:
        return match.group(0) if _READ_MARKERS.search(match.group(0)) else ""

    for pattern in patterns:
        text = pattern.sub(drop, text)
    return text.encode("utf-8", "surrogateescape")


class SliceCache:
    """Pagefind slices of earlier builds, by what they were made from.

    A slice's key is the digest of Pagefind (the program's bytes), its command line without
    the folders of one build, and every file under the glob's folder (``artikel/2024/``: a
    superset of the pages Pagefind reads), names and bytes; of an HTML page, only what
    Pagefind may read (``cache_ignore``: :func:`search_bytes`). The same key means Pagefind
    would be given the very same input, so the slice it made of it then is used instead of a
    new run. Entries that no slice of the last build used are removed, so the cache holds
    one build's slices."""

    def __init__(self, folder: Path, ignore: Iterable[str] = ()):
        self.folder = folder
        self.ignore = [re.compile(r, re.S) for r in ignore]
        self.used: set[str] = set()
        self.hits = self.misses = 0

    def key(self, site: Path, glob: str, extra: Iterable[str]) -> str:
        digest = hashlib.sha256(_pagefind_digest())
        digest.update(repr([glob, *extra, *(r.pattern for r in self.ignore)]).encode())
        top = site / _static_prefix(glob)
        for path in sorted(top.rglob("*")) if top.is_dir() else []:
            if path.is_file():
                data = path.read_bytes()
                if path.suffix == ".html":
                    data = search_bytes(data, self.ignore)
                digest.update(f"\n{path.relative_to(site).as_posix()}\n".encode())
                digest.update(hashlib.sha256(data).digest())
        return digest.hexdigest()[:24]

    def fetch(self, name: str, key: str, output: Path) -> bool:
        """Copy the slice ``name`` made from ``key`` to ``output``; False when there is none."""
        entry = self.folder / f"{name}-{key}"
        self.used.add(entry.name)
        if not (entry / "pagefind-entry.json").is_file():
            self.misses += 1
            return False
        shutil.rmtree(output, ignore_errors=True)
        shutil.copytree(entry, output)
        self.hits += 1
        return True

    def store(self, name: str, key: str, output: Path) -> None:
        """Keep the slice Pagefind just wrote to ``output`` (before its runtime is shared)."""
        entry = self.folder / f"{name}-{key}"
        staging = self.folder / f".{entry.name}.tmp"
        shutil.rmtree(staging, ignore_errors=True)
        staging.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(output, staging)
        shutil.rmtree(entry, ignore_errors=True)
        staging.rename(entry)  # whole or not at all: a killed build leaves no half slice

    def prune(self) -> None:
        """Remove every entry the last build did not use."""
        if self.folder.is_dir():
            for child in self.folder.iterdir():
                if child.name not in self.used and child.is_dir():
                    shutil.rmtree(child)


class IndexRun:
    """The Pagefind runs of one build, under way in background threads.

    Started as soon as the article pages are on disk (see :func:`_pages_written`), so that
    they overlap the build's last steps (theme files, sitemap, exports...); each thread also
    reads its slice's page ids once its run is done, while the other runs still work.
    :meth:`join` waits for all of them, shares the runtime and sets :data:`LAST_RUN`.
    """

    def __init__(
        self,
        site: Path,
        cfg: Config,
        years: Iterable[str],
        leads: dict[str, list[str]] | None = None,
    ):
        self.site, self.cfg = site, cfg
        # Newest first: the order of the search page's slices (and of the figures).
        self.years = sorted(set(years), reverse=True)
        self.leads = leads or {}  # leading slice -> URLs of its articles (see leading.py)
        self.bundle = site / cfg.bundle_dir
        self.cache = SliceCache(Path(cfg.cache), cfg.cache_ignore) if cfg.cache else None
        shutil.rmtree(self.bundle, ignore_errors=True)  # old index files would linger
        LAST_RUN.clear()
        self.started = time.monotonic()
        self._pool = concurrent.futures.ThreadPoolExecutor(max_workers=cfg.jobs)
        self._futures = [self._pool.submit(self._one, year) for year in self.years]
        self._futures += [self._pool.submit(self._lead, *lead) for lead in self.leads.items()]

    def _indexed(self, name: str, site: Path, glob: str, folder: Path) -> tuple[float, float]:
        """Index ``glob`` of ``site`` into the slice ``folder`` (or take it from the cache);
        Pagefind's CPU seconds and peak memory (zeros when cached)."""
        key = self.cache.key(site, glob, self.cfg.pagefind_args) if self.cache else ""
        if self.cache and self.cache.fetch(name, key, folder):
            return 0.0, 0.0
        cpu, peak = _run_one(pagefind_command(site, glob, folder, self.cfg.pagefind_args), folder)
        if self.cache:
            self.cache.store(name, key, folder)
        return cpu, peak

    def _one(self, year: str) -> tuple[float, float, dict[str, tuple[str, str]]]:
        glob = self.cfg.glob.replace("{year}", year)
        folder = self.bundle / year
        cpu, peak = self._indexed(year, self.site, glob, folder)
        return cpu, peak, slice_page_ids(folder)

    def _lead(self, name: str, urls: list[str]) -> tuple[float, float, dict[str, tuple[str, str]]]:
        # Staged inside the bundle folder: the same file system (hard links, the site's
        # directory order), and emptied by the next build if this one is killed.
        self.bundle.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix=f".{name}-", dir=self.bundle) as staging:
            leading.stage(self.site, urls, Path(staging))
            # The year slices' glob, for any year.
            glob = self.cfg.glob.replace("{year}", "*")
            folder = self.bundle / name
            cpu, peak = self._indexed(name, Path(staging), glob, folder)
        leading.name_meta(self.bundle / name)
        return cpu, peak, {}  # its pages' ids are the years' (the browse data's)

    def join(self) -> dict[str, tuple[str, str]]:
        """Wait for every run; return the slice and page id of every URL (see
        :func:`slice_page_ids`; ids are unique within a slice only)."""
        waiting = time.monotonic()
        try:
            figures = [future.result() for future in self._futures]
        finally:
            self._pool.shutdown(wait=True, cancel_futures=True)
        waited = time.monotonic() - waiting
        if self.cache:
            self.cache.prune()
        if not self.years:
            return {}
        _share_runtime(self.bundle, self.years + list(self.leads))
        ids = _merge_ids(slice_ids for _, _, slice_ids in figures)
        LAST_RUN.update(
            wall_s=round(time.monotonic() - self.started, 2),
            # How long the build waited for Pagefind at the end (the rest of wall_s overlapped
            # the build's last steps).
            waited_s=round(waited, 2),
            cpu_s=round(sum(cpu for cpu, _, _ in figures), 2),
            peak_mb=round(max(peak for _, peak, _ in figures), 1),
            runs=len(figures),
            jobs=self.cfg.jobs,
            pages=sum(_page_count(self.bundle / year) for year in self.years),
            cached=self.cache.hits if self.cache else 0,
        )
        log.info(
            "search index: %d Pagefind runs (%d pages) took %.1f s, peak %.0f MB",
            len(self.years),
            LAST_RUN["pages"],
            LAST_RUN["wall_s"],
            LAST_RUN["peak_mb"],
        )
        return ids


def _page_count(folder: Path) -> int:
    entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
    return sum(lang["page_count"] for lang in entry["languages"].values())


def _is_index_file(path: Path) -> bool:
    if path.is_dir():
        return path.name in _INDEX_DIRS
    return any(path.match(pattern) for pattern in _INDEX_FILES)


def _share_runtime(bundle: Path, years: list[str]) -> None:
    """Move Pagefind's runtime files of the slices to ``bundle`` (they are the same files)."""
    first = bundle / years[0]
    runtime = sorted(p.name for p in first.iterdir() if not _is_index_file(p))
    wasm = sorted(p.name for p in first.glob("wasm.*.pagefind"))
    for year in years:
        for name in runtime + wasm:
            if (bundle / year / name).read_bytes() != (first / name).read_bytes():
                raise SearchIndexError(f"{bundle / year / name} differs from {first / name}")
    for name in runtime:
        (first / name).rename(bundle / name)
        for year in years[1:]:
            (bundle / year / name).unlink()
    for name in wasm:
        shutil.copyfile(first / name, bundle / name)


def slice_page_ids(folder: Path) -> dict[str, tuple[str, str]]:
    """Slice and Pagefind page id (the fragment's name, e.g. ``id_2bfc29b``) of every URL
    indexed in one slice folder."""
    ids: dict[str, tuple[str, str]] = {}
    for fragment in sorted(folder.glob("fragment/*.pf_fragment")):
        data = gzip.decompress(fragment.read_bytes())
        # Pagefind prefixes its decompressed files with a signature before the JSON.
        data = data[data.index(b"{") :]
        ids[json.loads(data)["url"]] = (folder.name, fragment.stem)
    return ids


def _merge_ids(slices: Iterable[dict[str, tuple[str, str]]]) -> dict[str, tuple[str, str]]:
    """The ids of every slice in one mapping; a page indexed in several slices (a glob that
    does not select by year) gets them all joined by "+", which :func:`browse_data` refuses."""
    ids: dict[str, tuple[str, str]] = {}
    for slice_ids in slices:
        for url, (name, page_id) in slice_ids.items():
            if url in ids:
                name = "+".join(sorted({*ids[url][0].split("+"), name}))
            ids[url] = (name, page_id)
    return ids


def _facet_values(article: Any, facet: str) -> list[str]:
    if facet in MULTI:
        return [str(t) for t in getattr(article, MULTI[facet], [])]
    return [str(getattr(article, facet))]


def _year(article: Any) -> str:
    return f"{article.date.year:04d}"


def browse_data(
    articles: list[Any],
    ids: dict[str, tuple[str, str]],
    chunk_size: int,
    leads: dict[str, int] | None = None,
    early: int = 0,
    page: int = DEFAULTS["first_page"],
    shown: int = DEFAULTS["shown_values"],
) -> dict[str, Any]:
    """The compact columnar metadata of every article, newest first, the title chunks and
    the first view (first_view.py).

    Returns ``{"arsip.json": {...}, "pagefind.json": "...", "slices.json": {...},
    "titles-0.json": [...], "overview.json": {...}, "facet/region/<hash>.json": {...},
    ...}``; a title chunk's rows are :func:`first_view.row` (what a result shows). ``slices.json`` has the slices (``years``: years, newest
    first, with their number of articles) and, for each leading slice of ``leads`` (name ->
    number of articles, see leading.describe), the Pagefind ids of its first ``early``
    articles in the order of its sort (``lead``). Values of each facet are listed once,
    sorted, and every article refers to them by number; dates are days since 1970-01-01, stored as the
    difference to the previous (newer) article, which stays small and compresses well.
    Every article must have been indexed by Pagefind, in the slice of its year.
    """
    ordered = sorted(articles, key=lambda a: (-a.date.toordinal(), a.url))
    values = {f: sorted({v for a in ordered for v in _facet_values(a, f)}) for f in FACETS}
    index = {f: {v: i for i, v in enumerate(vals)} for f, vals in values.items()}
    epoch = dt.date(1970, 1, 1).toordinal()
    days = [a.date.toordinal() - epoch for a in ordered]
    missing = [a.url for a in ordered if "/" + a.url not in ids]
    if missing:
        raise SearchIndexError(
            f"{len(missing)} article(s) missing from the Pagefind index, e.g. {missing[0]}: "
            "check the SEARCH_INDEX glob and the article template's data-pagefind-body"
        )
    misplaced = [a.url for a in ordered if ids["/" + a.url][0] != _year(a)]
    if misplaced:
        raise SearchIndexError(
            f"{len(misplaced)} article(s) indexed in another year's slice, e.g. {misplaced[0]} "
            f"in {ids['/' + misplaced[0]][0]}: the SEARCH_INDEX glob must select by the year "
            "of the article's date"
        )
    # A region lies in one province: the province column is derived from the region's.
    province_of = {a.region: index["province"][a.province] for a in ordered}
    columns: dict[str, Any] = {
        "version": 1,
        "count": len(ordered),
        "chunk": chunk_size,
        "values": values,
        "region_province": [province_of[r] for r in values["region"]],
        "date": days[:1] + [newer - older for newer, older in itertools.pairwise(days)],
    }
    for facet in FACETS:
        if facet == "province":
            continue
        if facet in MULTI:
            columns[facet] = [[index[facet][v] for v in _facet_values(a, facet)] for a in ordered]
        else:
            columns[facet] = [index[facet][_facet_values(a, facet)[0]] for a in ordered]
    # The first articles of each leading slice, in the order of its sort: the newest slice
    # holds the first articles of `ordered`, the oldest its last.
    first = {"desc": ordered[:early], "asc": ordered[::-1][:early]}
    # Pagefind's page id of each article, for queries only (browsing does without it). Ids
    # are unique within a slice: the page finds an article by its year and id.
    files: dict[str, Any] = {
        "arsip.json": columns,
        "pagefind.json": " ".join(ids["/" + a.url][1] for a in ordered),
        "slices.json": {
            # The slices (years), newest first, and their number of articles.
            "years": [[y, len(list(group))] for y, group in itertools.groupby(ordered, _year)],
            "lead": {
                name: [ids["/" + a.url][1] for a in first[leading.LEADS[name]][:size]]
                for name, size in sorted((leads or {}).items())
            },
        },
    }
    files["nama.json"] = names(ordered)
    for start in range(0, len(ordered), chunk_size):
        files[f"titles-{start // chunk_size}.json"] = [
            first_view.row(a) for a in ordered[start : start + chunk_size]
        ]
    # The positions of each leading slice's articles in `ordered`.
    n = len(ordered)
    spans = {
        name: (0, size) if leading.LEADS[name] == "desc" else (n - size, n)
        for name, size in (leads or {}).items()
    }
    files.update(first_view.first_view(ordered, (*FACETS, "year"), _values, page, shown, spans))
    files["overview.json"]["chunk"] = chunk_size  # the rest of the list: titles-N.json
    return files


def _values(article: Any, facet: str) -> list[str]:
    """An article's values of a facet of the search page (the year too)."""
    return [_year(article)] if facet == "year" else _facet_values(article, facet)


def names(articles: Iterable[Any]) -> list[str]:
    """The names a query may misspell: regions (``Kota Bukittinggi`` and ``Bukittinggi``),
    provinces, officials and outlets (not the unknown outlet's placeholder), sorted."""
    found: set[str] = set()
    for a in articles:
        region = str(a.region)
        found.update((region, str(a.province), str(a.official), str(a.source)))
        place = gazetteer.lookup(region)
        if place is not None:
            found.add(place.short_name)
    found.discard(schema.UNKNOWN_SOURCE)
    return sorted(found)


def write_browse_data(folder: Path, files: dict[str, Any]) -> None:
    """Write the browse data into a fresh folder, compact and deterministic."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(
            json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
        )


# Articles and settings of each build, keyed by output path (two builds in one process must
# not mix).
_articles: dict[str, list[Any]] = {}
_settings: dict[str, dict[str, Any]] = {}
_leads: dict[str, dict[str, list[str]]] = {}  # leading slice -> its URLs, per build


def _collect(generators: list[Any]) -> None:
    from pelican.generators import ArticlesGenerator

    for gen in generators:
        if isinstance(gen, ArticlesGenerator):
            _articles[gen.output_path] = list(gen.articles)
            _settings[gen.output_path] = gen.settings
            # The leading slices, before the pages are rendered: the search page names them.
            cfg = config(gen.settings)
            plan = leading.plan(gen.articles, cfg.lead) if cfg.enabled else {}
            _leads[gen.output_path] = {n: [a.url for a in arts] for n, arts in plan.items()}
            gen.settings["SEARCH_PATHS"]["leads"] = leading.describe(plan)
            gen.settings["SEARCH_PATHS"]["modules"] = script_modules(gen.settings)
            gen.settings["SEARCH_PATHS"]["prefetch"] = prefetch_paths(gen.settings, cfg, plan)


def script_modules(settings: dict[str, Any]) -> list[str]:
    """The modules cari.js imports before it runs (its ``import ... from "./search/x.js"``
    lines; not those it loads when needed), site-relative and sorted: the search page
    preloads them, and pages fetch them ahead with it."""
    static = settings["THEME_STATIC_DIR"].strip("/")
    script = Path(settings["THEME"]) / "static" / "js" / "cari.js"
    names = re.findall(
        r'^import .* from "\./(search/[\w-]+\.js)";$', script.read_text("utf-8"), re.M
    )
    return [f"{static}/js/{name}" for name in sorted(set(names))]


def prefetch_paths(settings: dict[str, Any], cfg: Config, leads: dict[str, Any]) -> list[str]:
    """What the search page needs before its first results, site-relative: pages fetch it
    ahead (``<link rel="prefetch">``) once something is typed into their header's search box,
    so that the search page finds it in the browser's cache after the submit."""
    static = settings["THEME_STATIC_DIR"].strip("/")
    paths = [
        settings["SEARCH_URL"],
        f"{static}/css/search.css",
        f"{static}/js/cari.js",
        *script_modules(settings),
        f"{cfg.bundle_dir}/pagefind.js",
        f"{cfg.bundle_dir}/wasm.{settings['DEFAULT_LANG'].lower()}.pagefind",
        f"{cfg.data_dir}/slices.json",
    ]
    if "terbaru" in leads:  # newest first, the default sort: the leading slice's start
        paths += [
            f"{cfg.bundle_dir}/terbaru/pagefind-entry.json",
            f"{cfg.bundle_dir}/terbaru/{leading.META}",
        ]
    return paths


# Pagefind runs under way, keyed by output path: started when the pages are written.
_runs: dict[str, IndexRun] = {}


def _start(output_path: str, cfg: Config) -> None:
    articles = _articles.get(output_path, [])
    leads = _leads.pop(output_path, {})
    _runs[output_path] = IndexRun(Path(output_path), cfg, {_year(a) for a in articles}, leads)


def _pages_written(output_path: str, **_: Any) -> None:
    """``arsip_pages_written`` (sent by plugins/pelican_speed, with the output path, once
    every page is on disk, before the last generators and ``finalized``): start Pagefind
    now, in the background."""
    settings = _settings.get(output_path)
    if settings is None:
        return
    cfg = config(settings)
    if cfg.enabled and output_path not in _runs:
        _start(output_path, cfg)


def _finalized(pelican: Any) -> None:
    cfg = config(pelican.settings)
    if not cfg.enabled:
        _articles.pop(pelican.output_path, None)
        _settings.pop(pelican.output_path, None)
        _leads.pop(pelican.output_path, None)
        LAST_RUN.clear()
        return
    if pelican.output_path not in _runs:  # nobody said the pages were written: start now
        _start(pelican.output_path, cfg)
    run = _runs.pop(pelican.output_path)
    articles = _articles.pop(pelican.output_path, [])
    _settings.pop(pelican.output_path, None)
    site = Path(pelican.output_path)
    ids = run.join()
    leads = {name: len(urls) for name, urls in run.leads.items()}
    files = browse_data(
        articles, ids, cfg.chunk_size, leads, cfg.early_fragments, cfg.first_page, cfg.shown_values
    )
    write_browse_data(site / cfg.data_dir, files)


def _forget(pelican: Any) -> None:
    """A new build: a run left by a failed earlier build in this process is waited for."""
    stale = _runs.pop(pelican.output_path, None)
    if stale is not None:
        with contextlib.suppress(SearchIndexError):  # that build has failed already
            stale.join()


def _publish_paths(pelican: Any) -> None:
    """Give templates the bundle and data folders (search.html links them under SITEURL)."""
    cfg = config(pelican.settings)
    pelican.settings["SEARCH_PATHS"] = {"bundle": cfg.bundle_dir, "data": cfg.data_dir}


def register() -> None:
    signals.initialized.connect(_forget)
    signals.initialized.connect(_publish_paths)
    # A custom signal, by name: plugins/pelican_speed'sends it (without that plugin, or
    # when it is off, Pagefind starts on ``finalized``).
    blinker.signal("arsip_pages_written").connect(_pages_written)
    signals.all_generators_finalized.connect(_collect)
    signals.finalized.connect(_finalized)
