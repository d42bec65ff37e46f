"""The evaluation sets (tests/ingest_eval): per-field accuracy must stay high, and no field
may be wrong without being flagged for review."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "ingest_eval"))

from evaluate import SETS, evaluate, report


@pytest.mark.parametrize("name", list(SETS))
def test_accuracy(name: str) -> None:
    scores = evaluate(SETS[name])
    print(report(scores, verbose=True))
    assert sum(s.total for s in scores.values()) >= 10 * 10  # ten fields, ten articles or more
    for field, s in scores.items():
        assert s.right / s.total >= 0.9, report(scores, verbose=True)
        assert s.silent <= 1, f"{field}: {s.misses}"
