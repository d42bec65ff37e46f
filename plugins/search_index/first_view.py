"""The search page's first view, computed at build time: a constant-size payload.

Opening ``/cari/`` shows the archive's count, the first page of titles (newest or oldest
first) and the filter panel's counts. Computed in the page, these need every article's facets
(``arsip.json``: 111 KB gzipped at 10,000 articles, about 1 MB at 100,000). Computed here, the
page fetches instead:

- ``overview.json``: the number of articles, the ``page`` newest and oldest rows (URL, title,
  date, region, official, outlet: what a result shows), and per facet the number of values
  and the ``shown`` most frequent with their counts (the panel lists that many before "show
  all"). Its size does not depend on the archive's.
- ``values.json``: every value of every facet with its count, for "show all" (the number of
  regions, officials... grows with the archive's reach, not with its articles).
- ``facet/<facet>/<hash>.json``: per value of a facet (year included), the view filtered to
  that one value: its count, its first and last ``page`` rows, the other facets' values
  among its articles as the overview gives them (their number, the ``shown`` most frequent),
  its articles per year, and how many of them each leading slice holds (a query filtered to
  it searches a leading slice only when ten of them pass). ``<hash>.all.json`` has every
  count of the view, for "show all", where it lists only the most frequent. ``<hash>`` is the
  start of :func:`value_hash` of the value, so that the page finds the file from the address
  alone; the values with the same start share the file (keyed by value).

Any other view (two values, two facets) and the counts of a query still use the columns of
``arsip.json``, after the first titles are on screen.
"""

from __future__ import annotations

import bisect
import heapq
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from itertools import chain
from typing import Any

Row = list[str]


def value_hash(value: str) -> str:
    """FNV-1a (32 bits) of the value's UTF-8 bytes, as 8 hex digits: the name of its file.

    The search page computes the same (theme/static/js/search/state.js, ``valueHash``)."""
    h = 0x811C9DC5
    for byte in value.encode("utf-8"):
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return f"{h:08x}"


#: Hex digits of a value's hash that name its file: at most 4,096 files per facet, so that a
#: facet of tens of thousands of values (officials) shares files (a few values each) rather
#: than writing one per value.
HASH_DIGITS = 3


def value_path(facet: str, value: str, full: bool = False) -> str:
    """The file of a value's view (``full``: of every count of its view), relative to the
    browse data folder."""
    return f"facet/{facet}/{value_hash(value)[:HASH_DIGITS]}{'.all' if full else ''}.json"


def row(article: Any) -> Row:
    """What a result shows of an article, as the search page lists it without a query."""
    return [
        article.url,
        str(article.title),
        article.date.strftime("%Y-%m-%d"),
        str(article.region),
        str(article.official),
        str(article.source),
    ]


def _order(entry: tuple[str, int]) -> tuple[int, str, str]:
    # Most frequent first, then by name (the page sorts again with the Indonesian collation).
    return -entry[1], entry[0].casefold(), entry[0]


def _ranked(counter: Counter[str], first: int | None = None) -> list[list[Any]]:
    """The values and their counts in :func:`_order`; only the ``first`` ones if given."""
    if first is not None and first < len(counter):
        return [[v, n] for v, n in heapq.nsmallest(first, counter.items(), key=_order)]
    return [[v, n] for v, n in sorted(counter.items(), key=_order)]


def _edges(positions: Sequence[int], page: int) -> list[int]:
    """The first and the last ``page`` positions, once each, in order."""
    return list(positions[:page]) + list(positions[max(page, len(positions) - page) :])


def _summary(counter: Counter[str], shown: int) -> dict[str, Any]:
    """The number of values and the ``shown`` most frequent, with their counts."""
    return {"values": len(counter), "top": _ranked(counter, shown)}


def first_view(
    ordered: Sequence[Any],
    facets: Iterable[str],
    values_of: Callable[[Any, str], list[str]],
    page: int,
    shown: int,
    leads: dict[str, tuple[int, int]],
    year: str = "year",
) -> dict[str, Any]:
    """The files of the first view, by path under the browse data folder.

    ``ordered``: the articles newest first (the browse data's order); ``values_of(article,
    facet)``: its values of a facet; ``leads``: each leading slice's range of positions in
    ``ordered`` (start, end); ``year``: the facet of the years, whose counts a value's view
    gives in full (a query filtered to it searches only the years it has articles in).
    """
    facets = tuple(facets)
    # Each article's values per facet, once.
    table = [{f: values_of(a, f) for f in facets} for a in ordered]
    rows = [row(a) for a in ordered]
    totals = {f: Counter(v for vals in table for v in vals[f]) for f in facets}
    n = len(ordered)
    files: dict[str, Any] = {
        "overview.json": {
            "count": n,
            "page": page,
            "shown": shown,
            "facets": {f: _summary(totals[f], shown) for f in facets},
            "newest": rows[:page],
            "oldest": rows[::-1][:page],
        },
        "values.json": {f: _ranked(totals[f]) for f in facets},
    }
    buckets: dict[str, dict[str, Any]] = defaultdict(dict)
    for facet in facets:
        positions: dict[str, list[int]] = defaultdict(list)  # value -> its articles, in order
        for i, vals in enumerate(table):
            for v in vals[facet]:
                positions[v].append(i)
        for value, where in sorted(positions.items()):
            counts = {
                other: Counter(chain.from_iterable(table[i][other] for i in where))
                for other in facets
                if other != facet
            }
            years = counts[year] if year in counts else {value: len(where)} if facet == year else {}
            buckets[value_path(facet, value)][value] = {
                "count": len(where),
                "rows": [rows[i] for i in _edges(where, page)],
                # The other facets' counts among its articles, as the overview gives them.
                "counts": {other: _summary(c, shown) for other, c in counts.items()},
                "years": [[y, c] for y, c in sorted(years.items(), reverse=True)],  # newest first
                # How many of its articles each leading slice holds (positions start..end-1).
                "lead": {
                    name: bisect.bisect_left(where, end) - bisect.bisect_left(where, start)
                    for name, (start, end) in sorted(leads.items())
                },
            }
            # Every count, for "show all" (when the view lists only the most frequent).
            if any(len(c) > shown for c in counts.values()):
                buckets[value_path(facet, value, full=True)][value] = {
                    other: _ranked(c) for other, c in counts.items() if len(c) > shown
                }
    files.update(buckets)
    return files
