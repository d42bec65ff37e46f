"""What person and region pages show beside their articles (plugins/taxonomies/people.py)."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from taxonomies import people
from taxonomies.taxonomies import people_of


def art(day: str, region: str, *named: tuple[str, str], election: str = "Pilkada 2024"):
    """An article naming ``named`` (id, role) pairs, the first as its main official."""
    return SimpleNamespace(
        date=dt.datetime.fromisoformat(day),
        region=region,
        election=election,
        people=[
            {"id": i, "name": i.title(), "role": role, "main": n == 0}
            for n, (i, role) in enumerate(named)
        ],
    )


def test_role_spans_per_role_and_region_most_recent_first_with_registry_terms() -> None:
    arts = [
        art("2024-10-03", "Kota Padang", ("andre", "Pj Wali Kota")),
        art("2024-07-04", "Kota Padang", ("budi", "Bupati"), ("andre", "Pj Wali Kota")),
        art("2020-10-13", "Kabupaten Agam", ("andre", "Sekretaris Daerah")),
    ]
    term = SimpleNamespace(slug="andre", articles=arts)
    padang = SimpleNamespace(name="Kota Padang")
    registry = [
        {
            "role": "Pj Wali Kota",
            "region": "Kota Padang",
            "start": dt.date(2024, 6, 1),
            "end": None,
        },
        {
            "role": "Camat",
            "region": "Kota Solok",
            "start": dt.date(2015, 1, 1),
            "end": dt.date(2016, 1, 1),
        },
    ]
    spans = people.role_spans(term, people_of, {"Kota Padang": padang}, registry)
    assert [(s.role, s.region_name, s.count) for s in spans] == [
        ("Pj Wali Kota", "Kota Padang", 2),
        ("Sekretaris Daerah", "Kabupaten Agam", 1),
        ("Camat", "Kota Solok", 0),  # known from the registry only
    ]
    first = spans[0]
    assert (first.first, first.last) == (dt.date(2024, 7, 4), dt.date(2024, 10, 3))
    assert (first.start, first.end, first.region) == (dt.date(2024, 6, 1), None, padang)
    assert spans[1].region is None  # no page for a region without articles


def test_mini_timeline_counts_years_and_months_with_bars_relative_to_the_busiest() -> None:
    arts = [art(d, "Kota Padang", ("a", "Bupati")) for d in (
        "2020-10-13", "2024-07-04", "2024-07-20", "2024-08-01", "2024-10-03",
        "2024-10-04", "2024-10-05", "2024-10-06", "2024-10-07", "2024-10-08", "2024-10-09",
    )]  # fmt: skip
    years = people.mini_timeline(arts)
    assert [(y.year, y.count, y.step) for y in years] == [(2020, 1, 1), (2024, 10, 10)]
    assert years[1].months == [("Jul", 2), ("Agu", 1), ("Okt", 7)]
    assert people.mini_timeline([]) == []


def test_speakers_of_a_region_most_named_first_with_their_roles() -> None:
    arts = [
        art("2024-10-03", "Kota Padang", ("budi", "Sekretaris Daerah"), ("andre", "Pj Wali Kota")),
        art("2024-07-04", "Kota Padang", ("andre", "Pj Wali Kota"), ("andre", "Pj Wali Kota")),
        art("2024-06-01", "Kota Padang", ("citra", "Camat"), ("budi", "Plh Sekretaris Daerah")),
    ]
    terms = {i: SimpleNamespace(name=i.title()) for i in ("andre", "budi", "citra")}
    found = people.speakers(SimpleNamespace(articles=arts), people_of, terms)
    # An article that names a person twice counts once.
    assert [(s.person.name, s.roles, s.count) for s in found] == [
        ("Andre", ["Pj Wali Kota"], 2),
        ("Budi", ["Sekretaris Daerah", "Plh Sekretaris Daerah"], 2),
        ("Citra", ["Camat"], 1),
    ]


def test_election_counts_and_neighbours() -> None:
    arts = [
        art("2024-10-03", "Kota Padang", ("a", "Bupati")),
        art("2020-10-03", "Kota Padang", ("a", "Bupati"), election="Pilkada 2020"),
        art("2024-09-03", "Kota Padang", ("a", "Bupati")),
    ]
    e2020 = SimpleNamespace(name="Pilkada 2020", latest=arts[1])
    e2024 = SimpleNamespace(name="Pilkada 2024", latest=arts[0])
    term = SimpleNamespace(articles=arts)
    counts = people.election_counts(term, {"Pilkada 2020": e2020, "Pilkada 2024": e2024})
    assert counts == [(e2024, 2), (e2020, 1)]
    other = SimpleNamespace()
    assert people.neighbours(term, [other, term]) == [other]
    assert people.neighbours(term, [term]) == []
