"""Make the built site searchable: a Pagefind index plus a compact metadata file.

Runs on Pelican's ``finalized`` signal (after every page is written), so ``pelican content``
alone produces a searchable site. Two outputs:

- ``pagefind/``: Pagefind's index of the article pages only (``artikel/**/*.html``; the
  article template marks the body, filters, metadata and the date sort key). The bundled
  Pagefind binary runs as a subprocess: Pagefind's Python API sleeps 0.1 s per response, and
  a separate process lets the benchmark measure Pagefind's memory on its own.
- ``cari/data/``: ``arsip.json``, one compact columnar file (date, region, province, official,
  source, election, tags of every article), ``pagefind.json`` (each article's Pagefind page
  id, to count a query's results per value) and ``judul-N.json`` chunks of titles and URLs. The search page filters, counts and sorts with these, and browses
  the whole archive with an empty query without downloading Pagefind's whole index (a
  filter-only Pagefind search fetched 12.7 MB at 10,000 articles).
"""

from __future__ import annotations

import datetime as dt
import gzip
import itertools
import json
import logging
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pelican import signals

log = logging.getLogger(__name__)

#: Facets of the browse data, in the order of the search page's filter panel.
FACETS = ("region", "province", "official", "source", "election", "tag")

DEFAULTS: dict[str, Any] = {
    "enabled": True,
    "glob": "artikel/**/*.html",  # article pages only: list pages are never indexed
    "bundle_dir": "pagefind",
    "data_dir": "cari/data",
    "chunk_size": 100,  # articles per title chunk: a page of results touches few chunks
    "pagefind_args": [],  # extra command-line options for Pagefind, e.g. ["--verbose"]
}


@dataclass(frozen=True)
class Config:
    """The plugin's settings: ``SEARCH_INDEX`` in pelicanconf.py over :data:`DEFAULTS`."""

    enabled: bool
    glob: str
    bundle_dir: str
    data_dir: str
    chunk_size: int
    pagefind_args: tuple[str, ...]


class SearchIndexError(RuntimeError):
    """Pagefind failed or indexed something else than the articles."""


def config(settings: dict[str, Any]) -> Config:
    """Read ``SEARCH_INDEX`` (the one place the plugin reads its settings)."""
    raw = {**DEFAULTS, **(settings.get("SEARCH_INDEX") or {})}
    unknown = set(raw) - set(DEFAULTS)
    if unknown:
        raise SearchIndexError(f"SEARCH_INDEX: unknown key(s) {sorted(unknown)}")
    return Config(
        enabled=bool(raw["enabled"]),
        glob=str(raw["glob"]),
        bundle_dir=str(raw["bundle_dir"]).strip("/"),
        data_dir=str(raw["data_dir"]).strip("/"),
        chunk_size=int(raw["chunk_size"]),
        pagefind_args=tuple(raw["pagefind_args"]),
    )


def pagefind_command(site: Path, cfg: Config) -> list[str]:
    """The Pagefind command line that indexes ``site`` (also used by the benchmark)."""
    from pagefind_bin import get_executable

    return [
        str(get_executable()),
        "--site",
        str(site),
        "--glob",
        cfg.glob,
        "--output-subdir",
        cfg.bundle_dir,
        "--quiet",
        *cfg.pagefind_args,
    ]


def run_pagefind(site: Path, cfg: Config) -> None:
    """Index ``site`` into a fresh bundle folder (old index files would otherwise linger)."""
    bundle = site / cfg.bundle_dir
    shutil.rmtree(bundle, ignore_errors=True)
    started = time.monotonic()
    proc = subprocess.run(
        pagefind_command(site, cfg), capture_output=True, text=True, encoding="utf-8"
    )
    if proc.returncode != 0 or not (bundle / "pagefind.js").exists():
        raise SearchIndexError(
            f"pagefind failed (exit {proc.returncode}):\n{proc.stdout}\n{proc.stderr}".strip()
        )
    log.info("search index: Pagefind took %.1f s", time.monotonic() - started)


def page_ids(bundle: Path) -> dict[str, str]:
    """Pagefind's page id (the fragment's name, e.g. ``id_2bfc29b``) of every indexed URL."""
    ids: dict[str, str] = {}
    for fragment in sorted((bundle / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(fragment.read_bytes())
        # Pagefind prefixes its decompressed files with a signature before the JSON.
        data = data[data.index(b"{") :]
        ids[json.loads(data)["url"]] = fragment.stem
    return ids


def _facet_values(article: Any, facet: str) -> list[str]:
    if facet == "tag":
        return [str(t) for t in getattr(article, "tags", [])]
    return [str(getattr(article, facet))]


def browse_data(articles: list[Any], ids: dict[str, str], chunk_size: int) -> dict[str, Any]:
    """The compact columnar metadata of every article, newest first, and the title chunks.

    Returns ``{"arsip.json": {...}, "pagefind.json": "...", "judul-0.json": [...], ...}``. Values of each facet are
    listed once, sorted, and every article refers to them by number; dates are days since
    1970-01-01, stored as the difference to the previous (newer) article, which stays small
    and compresses well. Every article must have been indexed by Pagefind.
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
        if facet == "tag":
            columns[facet] = [[index[facet][v] for v in _facet_values(a, facet)] for a in ordered]
        else:
            columns[facet] = [index[facet][_facet_values(a, facet)[0]] for a in ordered]
    # Pagefind's page id of each article, for queries only (browsing does without it).
    files: dict[str, Any] = {
        "arsip.json": columns,
        "pagefind.json": " ".join(ids["/" + a.url] for a in ordered),
    }
    for start in range(0, len(ordered), chunk_size):
        files[f"judul-{start // chunk_size}.json"] = [
            [a.url, a.title] for a in ordered[start : start + chunk_size]
        ]
    return files


def write_browse_data(folder: Path, files: dict[str, Any]) -> None:
    """Write the browse data into a fresh folder, compact and deterministic."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name, data in files.items():
        (folder / name).write_text(
            json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
        )


# Articles of each build, keyed by output path (two builds in one process must not mix).
_articles: dict[str, list[Any]] = {}


def _collect(generators: list[Any]) -> None:
    from pelican.generators import ArticlesGenerator

    for gen in generators:
        if isinstance(gen, ArticlesGenerator):
            _articles[gen.output_path] = list(gen.articles)


def _finalized(pelican: Any) -> None:
    cfg = config(pelican.settings)
    articles = _articles.pop(pelican.output_path, [])
    if not cfg.enabled:
        return
    site = Path(pelican.output_path)
    run_pagefind(site, cfg)
    files = browse_data(articles, page_ids(site / cfg.bundle_dir), cfg.chunk_size)
    write_browse_data(site / cfg.data_dir, files)


def _publish_paths(pelican: Any) -> None:
    """Give templates the bundle and data folders (search.html links them under SITEURL)."""
    cfg = config(pelican.settings)
    pelican.settings["SEARCH_PATHS"] = {"bundle": cfg.bundle_dir, "data": cfg.data_dir}


def register() -> None:
    signals.initialized.connect(_publish_paths)
    signals.all_generators_finalized.connect(_collect)
    signals.finalized.connect(_finalized)
