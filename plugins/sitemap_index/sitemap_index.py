"""Keep the sitemap within the sitemap protocol's limits at any number of articles.

A sitemap file may list at most 50,000 URLs and weigh at most 50 MB uncompressed
(https://www.sitemaps.org/protocol.html). The site writes about 1.7 pages per article, so
pelican-sitemap's single sitemap.xml breaks the limit from about 22,000 articles on.

Above a limit, pelican-sitemap's output is cut into parts ``sitemap-1.xml``, ``sitemap-2.xml``,
... (its own entries, in its own URL order, a new part whenever the next entry would take a
part over a limit) and ``sitemap.xml`` becomes a ``<sitemapindex>`` listing them, so robots.txt
and every link to sitemap.xml stay valid. A part's lastmod is the newest lastmod in it. Below
the limits sitemap.xml stays exactly as pelican-sitemap wrote it.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from pelican.plugins.sitemap import sitemap

log = logging.getLogger(__name__)

DEFAULTS: dict[str, Any] = {
    "max_urls": 50_000,  # URLs per sitemap file (the protocol's limit)
    "max_bytes": 52_428_800,  # bytes per sitemap file, uncompressed (the protocol's 50 MB)
}

#: Sitemaps per index file (the protocol's limit; 2.5 billion URLs, never reached here).
INDEX_MAX_SITEMAPS = 50_000

INDEX_HEADER = (
    '<?xml version="1.0" encoding="utf-8"?>\n'
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
)
INDEX_ENTRY = "<sitemap>\n<loc>{loc}</loc>\n{lastmod}</sitemap>\n"
INDEX_FOOTER = "</sitemapindex>\n"

PART_NAME = "sitemap-{}.xml"
_PART = re.compile(r"sitemap-[1-9][0-9]*\.xml")
# One <url> element as pelican-sitemap writes it (sitemap.XML_URL): the parts reuse it as is.
_ENTRY = re.compile(r"\n<url>\n.*?</url>\n", re.S)
_LASTMOD = re.compile(r"<lastmod>([^<]+)</lastmod>")


class SitemapIndexError(RuntimeError):
    """The sitemap cannot be split within the limits, or is not pelican-sitemap's."""


@dataclass(frozen=True)
class Config:
    """The plugin's settings: ``SITEMAP_INDEX`` in pelicanconf.py over :data:`DEFAULTS`."""

    max_urls: int
    max_bytes: int


def config(settings: dict[str, Any]) -> Config:
    """Read ``SITEMAP_INDEX`` (the one place the plugin reads its settings)."""
    raw = {**DEFAULTS, **(settings.get("SITEMAP_INDEX") or {})}
    unknown = set(raw) - set(DEFAULTS)
    if unknown:
        raise SitemapIndexError(f"SITEMAP_INDEX: unknown key(s) {sorted(unknown)}")
    for key in DEFAULTS:
        if not isinstance(raw[key], int) or raw[key] < 1:
            raise SitemapIndexError(f"SITEMAP_INDEX: {key}: a positive integer, not {raw[key]!r}")
    return Config(max_urls=raw["max_urls"], max_bytes=raw["max_bytes"])


def _instant(value: str) -> dt.datetime:
    """A lastmod as a comparable instant (lastmods may carry different time zones)."""
    when = dt.datetime.fromisoformat(value)
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def _newest_lastmod(entries: list[str]) -> str | None:
    """The newest lastmod among ``entries``, written as in the entry (first one on a tie)."""
    best: tuple[dt.datetime, str] | None = None
    for entry in entries:
        found = _LASTMOD.search(entry)
        if found:
            when = _instant(found.group(1))
            if best is None or when > best[0]:
                best = (when, found.group(1))
    return best[1] if best else None


def _cut(entries: list[str], cfg: Config, path: Path) -> list[list[str]]:
    """``entries`` in order, cut into parts of at most max_urls entries and max_bytes bytes."""
    frame = len(sitemap.XML_HEADER.encode("utf-8")) + len(sitemap.XML_FOOTER.encode("utf-8"))
    parts: list[list[str]] = []
    part: list[str] = []
    size = frame
    for entry in entries:
        n = len(entry.encode("utf-8"))
        if frame + n > cfg.max_bytes:
            loc = re.search(r"<loc>([^<]*)</loc>", entry)
            raise SitemapIndexError(
                f"{path}: {loc.group(1) if loc else 'an entry'}: {n} bytes, a sitemap file "
                f"cannot hold it within max_bytes={cfg.max_bytes}"
            )
        if part and (len(part) == cfg.max_urls or size + n > cfg.max_bytes):
            parts.append(part)
            part, size = [], frame
        part.append(entry)
        size += n
    if part:
        parts.append(part)
    return parts


def _remove_stale_parts(output: Path, keep: int) -> None:
    # A build into a folder that was not emptied (pelican itself, local preview) may hold
    # parts of an earlier, larger site: they must not outlive it.
    for path in output.glob("sitemap-*.xml"):
        if _PART.fullmatch(path.name) and int(path.stem.split("-")[1]) > keep:
            path.unlink()


def split_sitemap(output: Path, siteurl: str, cfg: Config) -> list[str]:
    """Split ``output/sitemap.xml`` (as pelican-sitemap wrote it) when it is above a limit.

    Returns the names of the parts written; none (and sitemap.xml untouched) below the limits.
    """
    path = output / "sitemap.xml"
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    header, footer = sitemap.XML_HEADER, sitemap.XML_FOOTER
    if not (text.startswith(header) and text.endswith(footer)):
        raise SitemapIndexError(f"{path}: not pelican-sitemap's XML sitemap, cannot split it")
    body = text[len(header) : len(text) - len(footer)]
    entries = _ENTRY.findall(body)
    if sum(map(len, entries)) != len(body):
        # Never drop a URL silently: pelican-sitemap's format changed, this plugin must too.
        raise SitemapIndexError(f"{path}: unexpected text between <url> entries, cannot split")
    if len(entries) <= cfg.max_urls and len(raw) <= cfg.max_bytes:
        _remove_stale_parts(output, keep=0)
        return []

    parts = _cut(entries, cfg, path)
    if len(parts) > INDEX_MAX_SITEMAPS:
        raise SitemapIndexError(f"{path}: {len(parts)} parts, above {INDEX_MAX_SITEMAPS}")
    names = []
    index = [INDEX_HEADER]
    for number, part in enumerate(parts, 1):
        name = PART_NAME.format(number)
        (output / name).write_bytes((header + "".join(part) + footer).encode("utf-8"))
        names.append(name)
        lastmod = _newest_lastmod(part)
        index.append(
            INDEX_ENTRY.format(
                loc=escape(f"{siteurl}/{name}"),
                lastmod=f"<lastmod>{lastmod}</lastmod>\n" if lastmod else "",
            )
        )
    index.append(INDEX_FOOTER)
    data = "".join(index).encode("utf-8")
    if len(data) > cfg.max_bytes:
        raise SitemapIndexError(f"{path}: the index of {len(parts)} parts is above max_bytes")
    path.write_bytes(data)
    _remove_stale_parts(output, keep=len(parts))
    log.info("sitemap_index: %d URLs in %d parts listed by sitemap.xml", len(entries), len(parts))
    return names


def _write_out(pelican: Any) -> None:
    """pelican-sitemap's writer, then the split (installed on its generator by :func:`register`)."""
    sitemap.SitemapGenerator._write_out(sitemap.generator, pelican)
    output = Path(pelican.output_path)
    if (pelican.settings.get("SITEMAP") or {}).get("format", "xml") != "xml":
        # A text sitemap has no index format: only say that it is too long.
        lines = (output / "sitemap.txt").read_text(encoding="utf-8").count("\n")
        if lines > config(pelican.settings).max_urls:
            log.error("sitemap_index: sitemap.txt lists %d URLs; use the xml format", lines)
        return
    split_sitemap(output, pelican.settings["SITEURL"], config(pelican.settings))


def register() -> None:
    # pelican-sitemap writes on `finalized`, and blinker calls receivers in no set order, so
    # a receiver of our own could run before it. Wrapping its writer splits right after the
    # write, whatever the order. Pelican calls register() once per Pelican: idempotent.
    sitemap.generator._write_out = _write_out
