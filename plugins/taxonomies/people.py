"""What person and region pages show beside their articles: who held which role where and
when, a small timeline, who spoke in a region, its counts per election and its neighbours.

Pure functions over the terms that :func:`taxonomies.build_terms` made (each term's articles
are newest first); the templates only render what they return. Every pass is linear in the
number of (article, person) pairs.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from arsip import dates

#: Steps of a timeline bar (CSS classes ``bar-1`` .. ``bar-10``: a tenth of the width each).
BAR_STEPS = 10


@dataclass
class RoleSpan:
    """One role a person held in one region: the dates of the archive's articles that name
    them in it (``first``, ``last``, ``count``) and, when the registry knows the role, its
    term of office (``start``, ``end``; ``end`` None while it lasts)."""

    role: str
    region_name: str
    region: Any = None  # the region's Term when the archive has articles there
    first: dt.date | None = None
    last: dt.date | None = None
    count: int = 0
    start: dt.date | None = None
    end: dt.date | None = None

    @property
    def sort_date(self) -> dt.date:
        return self.last or self.end or self.start or dt.date.min


@dataclass
class YearCount:
    """One year of a small timeline: its articles, its bar's step, its months with articles
    as (short month name, count), in calendar order."""

    year: int
    count: int
    step: int
    months: list[tuple[str, int]] = field(default_factory=list)


@dataclass
class Speaker:
    """A person named in a region's articles: the roles they had there and how many of the
    region's articles name them."""

    person: Any  # Term
    roles: list[str]
    count: int


def _day(value: Any) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def role_spans(
    term: Any, people_of: Any, region_terms: dict[str, Any], registry_roles: list[Any] = ()
) -> list[RoleSpan]:
    """The roles of a person (``term``) over time: one span per (role, region), from the
    articles and from the registry's ``registry_roles`` (objects or dicts with ``role``,
    ``region``, ``start``, ``end``), most recent first."""
    spans: dict[tuple[str, str], RoleSpan] = {}
    for article in term.articles:
        day = _day(article.date)
        region = str(article.region)
        for person in people_of(article):
            if person["id"] != term.slug:
                continue
            key = (person["role"], region)
            span = spans.get(key)
            if span is None:
                span = spans[key] = RoleSpan(person["role"], region, region_terms.get(region))
            span.count += 1
            span.first = day if span.first is None else min(span.first, day)
            span.last = day if span.last is None else max(span.last, day)
    for held in registry_roles:
        get = held.get if isinstance(held, dict) else lambda k, h=held: getattr(h, k, None)
        role, region = str(get("role") or ""), str(get("region") or "")
        if not role:
            continue
        span = spans.get((role, region))
        if span is None:
            span = spans[(role, region)] = RoleSpan(role, region, region_terms.get(region))
        span.start, span.end = get("start"), get("end")
    return sorted(spans.values(), key=lambda s: (s.sort_date, s.role, s.region_name), reverse=True)


def mini_timeline(articles: list[Any]) -> list[YearCount]:
    """Articles per year (oldest first) with their months, and a bar step per year relative
    to the busiest year (at least step 1 for a year with articles)."""
    per_month: Counter[tuple[int, int]] = Counter()
    for article in articles:
        per_month[(article.date.year, article.date.month)] += 1
    per_year: Counter[int] = Counter()
    for (year, _), n in per_month.items():
        per_year[year] += n
    if not per_year:
        return []
    top = max(per_year.values())
    out = []
    for year in sorted(per_year):
        months = [
            (dates.month_abbr(month), per_month[(year, month)])
            for month in range(1, 13)
            if per_month.get((year, month))
        ]
        step = max(1, math.ceil(BAR_STEPS * per_year[year] / top))
        out.append(YearCount(year, per_year[year], step, months))
    return out


def speakers(term: Any, people_of: Any, person_terms: dict[str, Any]) -> list[Speaker]:
    """Everyone a region's articles name, with their roles there (most recent first), the
    most often named first, then by name."""
    roles: dict[str, dict[str, None]] = {}
    counts: Counter[str] = Counter()
    for article in term.articles:
        seen = set()
        for person in people_of(article):
            roles.setdefault(person["id"], {}).setdefault(person["role"])
            if person["id"] not in seen:
                seen.add(person["id"])
                counts[person["id"]] += 1
    ordered = sorted(counts, key=lambda i: (-counts[i], person_terms[i].name, i))
    return [Speaker(person_terms[i], list(roles[i]), counts[i]) for i in ordered]


def election_counts(term: Any, election_terms: dict[str, Any]) -> list[tuple[Any, int]]:
    """A region's articles per election: (election Term, count), newest election first."""
    counts = Counter(str(a.election) for a in term.articles)
    return sorted(
        ((election_terms[name], n) for name, n in counts.items()),
        key=lambda pair: (pair[0].latest.date, pair[0].name),
        reverse=True,
    )


def neighbours(term: Any, same_province: list[Any]) -> list[Any]:
    """The other kabupaten/kota of the region's province that have articles, by name."""
    return [t for t in same_province if t is not term]
