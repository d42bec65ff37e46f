"""The search page's first view, computed at build time (first_view.py), on articles in memory."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from search_index import first_view

# The same values and hashes as tests/js/state.test.mjs (the page's valueHash).
HASHES = {
    "Kota Padang": "279482e3",
    "2024": "422940b9",
    "Pilkada 2024": "e0ad23f3",
    "Ngayogyakarta – Ñ ü": "6a470205",
    "": "811c9dc5",
}


def test_value_hash_is_the_pages() -> None:
    assert {v: first_view.value_hash(v) for v in HASHES} == HASHES
    assert first_view.value_path("region", "Kota Padang") == "facet/region/279.json"
    assert first_view.value_path("year", "2024", full=True) == "facet/year/422.all.json"


def article(n: int, region: str, tags: list[str]) -> SimpleNamespace:
    date = dt.date(2024, 1, 1) - dt.timedelta(days=n + 1)  # article 0 is the newest
    return SimpleNamespace(
        url=f"artikel/{date.year}/a-{n}/",
        title=f"Judul {n}",
        date=date,
        region=region,
        official=f"Pejabat {n % 3}",
        source="Antara",
        tags=tags,
    )


def values_of(a: SimpleNamespace, facet: str) -> list[str]:
    if facet == "tag":
        return list(a.tags)
    if facet == "year":
        return [str(a.date.year)]
    return [str(getattr(a, facet))]


ORDERED = [
    article(n, "Kota Padang" if n % 4 else "Kota Solok", ["a", "b"][: 1 + n % 2]) for n in range(30)
]
FACETS = ("region", "official", "tag", "year")


def test_overview_is_the_same_size_whatever_the_archive() -> None:
    small = first_view.first_view(ORDERED[:12], FACETS, values_of, 3, 2, {})
    large = first_view.first_view(ORDERED, FACETS, values_of, 3, 2, {})
    for files, n in ((small, 12), (large, 30)):
        overview = files["overview.json"]
        assert overview["count"] == n
        assert [r[1] for r in overview["newest"]] == ["Judul 0", "Judul 1", "Judul 2"]
        assert [r[1] for r in overview["oldest"]] == [
            f"Judul {n - 1}",
            f"Judul {n - 2}",
            f"Judul {n - 3}",
        ]
        assert overview["newest"][0] == ["artikel/2023/a-0/", "Judul 0", "2023-12-31", "Kota Solok", "Pejabat 0", "Antara"]  # fmt: skip
        # The `shown` most frequent values only, and how many there are.
        assert overview["facets"]["official"]["values"] == 3
        assert len(overview["facets"]["official"]["top"]) == 2
    assert len(small["values.json"]["official"]) == 3
    assert large["overview.json"]["facets"]["region"]["top"] == [
        ["Kota Padang", 22],
        ["Kota Solok", 8],
    ]


def test_one_values_view() -> None:
    files = first_view.first_view(
        ORDERED, FACETS, values_of, 3, 2, {"terbaru": (0, 5), "terlama": (25, 30)}
    )
    solok = files[first_view.value_path("region", "Kota Solok")]["Kota Solok"]
    # Articles 0, 4, ..., 28: the first three and the last three, once each.
    assert solok["count"] == 8
    assert [r[1] for r in solok["rows"]] == [f"Judul {n}" for n in (0, 4, 8, 20, 24, 28)]
    # Counts of the other facets among its articles (those with n % 4 == 0 have tag "a"): the
    # `shown` most frequent, and every count in the .all.json file.
    assert solok["counts"]["tag"] == {"values": 1, "top": [["a", 8]]}
    assert solok["counts"]["official"] == {
        "values": 3,
        "top": [["Pejabat 0", 3], ["Pejabat 1", 3]],
    }
    assert "region" not in solok["counts"]
    every = files[first_view.value_path("region", "Kota Solok", full=True)]["Kota Solok"]
    assert every == {"official": [["Pejabat 0", 3], ["Pejabat 1", 3], ["Pejabat 2", 2]]}
    # No such file for a value whose view lists every count.
    assert first_view.value_path("official", "Pejabat 0", full=True) not in files
    assert solok["years"] == [["2023", 8]]
    # Leading slices: articles 0 and 4 among the newest five, 28 among the oldest five.
    assert solok["lead"] == {"terbaru": 2, "terlama": 1}
    # A value with few articles: all its rows.
    b = files[first_view.value_path("tag", "b")]["b"]
    assert b["count"] == 15 and len(b["rows"]) == 6
    few = first_view.first_view(ORDERED[:4], FACETS, values_of, 3, 2, {})
    b = few[first_view.value_path("tag", "b")]["b"]
    assert [r[1] for r in b["rows"]] == ["Judul 1", "Judul 3"]


def test_values_with_one_hash_share_a_file(monkeypatch) -> None:
    monkeypatch.setattr(first_view, "value_hash", lambda value: "00000000")
    files = first_view.first_view(ORDERED, FACETS, values_of, 3, 2, {})
    shared = files["facet/region/000.json"]
    assert sorted(shared) == ["Kota Padang", "Kota Solok"]
    assert shared["Kota Padang"]["count"] == 22
