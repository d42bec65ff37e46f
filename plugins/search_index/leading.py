"""Leading slices: two small Pagefind indexes, of the newest and of the oldest articles.

Sorted by date, the first page of a query's results needs only the first ten matching
articles; the year slices hold all of them but cost their whole year: a word on most pages
takes Pagefind 170-250 ms of the page's main thread in one year's 1,400 pages (it scores and
sorts every hit), against a few milliseconds in a slice of a few hundred. So the build adds
``pagefind/terbaru/`` (the newest ``lead`` articles) and ``pagefind/terlama/`` (the oldest),
whole days only: a leading slice holds every article of its days, so its results for any
query are exactly the first results of the years (the search page shows them at once, then
completes the list from the years, which also give the count and the filter counts).

Pagefind names a page by its path under ``--site``, so a slice of arbitrary pages is indexed
from a staging folder of hard links (copies on another file system) that mirrors their paths.
Pagefind orders pages of the same date by the order it walks the folders (the file system's
directory order), so the staging folders are created in the site's directory order: the
slices then order ties as the years do (the search page checks it, and keeps the years'
order if not).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

#: Folder of each leading slice under the bundle folder, and the date sort it serves.
LEADS = {"terbaru": "desc", "terlama": "asc"}


def plan(articles: Sequence[Any], size: int) -> dict[str, list[Any]]:
    """The articles of each leading slice: about ``size`` of the newest and of the oldest.

    Whole days only (Pagefind orders by day: a slice with part of a day could list another
    article of that day first than the years do): the slice stops before the day it would
    cut, or takes that whole day when it is its first. No slices (``{}``) when the archive
    has at most ``size`` articles or ``size`` is 0: then the years are small enough.
    """
    if size <= 0 or len(articles) <= size:
        return {}
    newest = sorted(articles, key=lambda a: (-a.date.toordinal(), a.url))
    oldest = sorted(articles, key=lambda a: (a.date.toordinal(), a.url))
    return {"terbaru": _whole_days(newest, size), "terlama": _whole_days(oldest, size)}


def _whole_days(ordered: list[Any], size: int) -> list[Any]:
    cut = ordered[size].date.toordinal()  # the first day that does not fit
    head = [a for a in ordered[:size] if a.date.toordinal() != cut]
    if not head:  # the first day alone has more than `size` articles
        head = [a for a in ordered if a.date.toordinal() == cut]
    return head


def stage(site: Path, urls: Sequence[str], folder: Path) -> int:
    """Mirror the pages of ``urls`` (``artikel/2024/slug/``) from ``site`` under ``folder``.

    Hard links, or copies where ``folder`` is on another file system. Folders are created in
    the order ``site``'s folders list them (see the module's docstring). Returns the number
    of pages staged.
    """
    wanted: dict[Path, set[str]] = {}  # parent folder -> names of the page folders in it
    for url in urls:
        page = Path(url.strip("/"))
        wanted.setdefault(page.parent, set()).add(page.name)
    count = 0
    for parent in sorted(wanted):
        target = folder / parent
        target.mkdir(parents=True, exist_ok=True)
        for name in os.listdir(site / parent):  # the site's directory order
            if name not in wanted[parent]:
                continue
            (target / name).mkdir()
            for src in sorted((site / parent / name).glob("*.html")):
                _link(src, target / name / src.name)
                count += 1
    return count


def _link(src: Path, dst: Path) -> None:
    try:
        os.link(src, dst)
    except OSError:  # another file system, or links not allowed: a copy does the same
        shutil.copyfile(src, dst)


#: A leading slice's metadata under a fixed name (besides Pagefind's, named by its hash,
#: which only the slice's ``pagefind-entry.json`` tells): the search page's head fetches
#: both at once, rather than one after the other.
META = "pagefind.lead.pf_meta"


def name_meta(folder: Path) -> None:
    """Link the slice's metadata under :data:`META` (the same file)."""
    (meta,) = (p for p in folder.glob("pagefind.*.pf_meta") if p.name != META)
    _link(meta, folder / META)


def describe(slices: dict[str, list[Any]]) -> dict[str, int]:
    """What the search page needs to know of the leading slices: their number of articles.

    The newest slice holds the first ``n`` articles of the browse data (newest first), the
    oldest one its last ``n``.
    """
    return {name: len(articles) for name, articles in slices.items()}
