"""The evaluation sets (tests/ingest_eval): per-field accuracy must stay high, and no field
may be wrong without being flagged for review. Every set's table is printed in the test
run's summary (see conftest.py), the blind set's included."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "ingest_eval"))

from evaluate import SETS, evaluate, report

#: The tables of the sets evaluated in this run, printed at the end of it.
REPORTS: dict[str, str] = {}

# The blind sets are held to no silent error at all and to the ingest's targets: 98 % of all
# fields right, 95 % of each (source and role included); the floor of every other field is
# what the first blind set measured when it was first run against the rules
# (tests/ingest_eval/README.md), not a target.
BLIND = ("blind", "blind 2", "blind 3", "blind 4", "blind 5")
FLOOR = dict.fromkeys(BLIND, 0.85)
TARGET_ALL, TARGET_FIELD = 0.98, 0.95


#: Sets the ingest does not meet its targets on yet, and why; strict: once it does, the
#: test says so and the entry goes.
SHORT_OF_TARGET = {
    "blind": "source 15/16 (94 %, under 95 %): 'TIMIKA - Seputar Papua, ...' (a town the "
    "gazetteer does not know, then the outlet after the dash) gives 'Tidak diketahui', flagged",
    "blind 4": "235/240 (97.9 %, under 98 %; first run 227/240, no longer blind for mastheads, "
    "unseparated menus and no-copying notices): title 23/24 (1 silent: 'ANTARA News Makassar' "
    "above the headline), body 23/24 (1 silent: 'Penulis: Lukas' kept), official and role "
    "23/24 (1 silent each: a Ketua Bawaslu taken for the Asisten Pemerintahan the headline is "
    "about); source 23/24 flagged",
    "blind 5": "first run 193/240 (80.4 %, under 98 %), two articles refused (no official "
    "found: an Inspektur, an Asisten; each field below counts them as 2 silent misses): title 8/24 (33 %, 13 silent: mastheads and taglines "
    "above the headline, 'MEULABOH RAYA', 'Berita Negeri Junjungan', menus with dashes or "
    "none, 'Beranda Barito Utara Barito Selatan ...'), date 21/24 (a statement's day taken for "
    "the publication day), region and province 22/24, official 19/24 (a place kept in the "
    "name, 'Halsel Abdurrahman Kadir'), role 21/24 (a Ketua KPU read as 'Pjs Bupati'), source 19/24 ('Tidak diketahui', a "
    "domain for the outlet), election 22/24, body 18/24 (credits kept: 'Reporter:', "
    "'Dibaca 1.204 kali', 'Oleh ...', 'Penulis : ...')",
}


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=SHORT_OF_TARGET[n]))
        if n in SHORT_OF_TARGET
        else n
        for n in SETS
    ],
)
def test_accuracy(name: str) -> None:
    scores = evaluate(SETS[name])
    REPORTS[name] = report(scores)
    print(report(scores, verbose=True))
    assert sum(s.total for s in scores.values()) >= 10 * 10  # ten fields, ten articles or more
    for field, s in scores.items():
        assert s.right / s.total >= FLOOR.get(name, 0.9), report(scores, verbose=True)
        assert s.silent <= (0 if name in BLIND else 1), f"{field}: {s.misses}"
    if name in BLIND:
        right = sum(s.right for s in scores.values())
        assert right / sum(s.total for s in scores.values()) >= TARGET_ALL, report(scores, True)
        short = {
            f: f"{s.right}/{s.total}" for f, s in scores.items() if s.right / s.total < TARGET_FIELD
        }
        assert not short, short
