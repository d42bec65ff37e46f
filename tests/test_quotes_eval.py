"""The quote evaluation sets (tests/quotes_eval): quotes found, their speakers, the people and
their roles, each with precision and recall. Every set's table is printed in the test run's
summary (see conftest.py), the blind set's included."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

# Loaded under its own name: tests/ingest_eval/evaluate.py is "evaluate" in the same run.
_spec = importlib.util.spec_from_file_location(
    "quotes_evaluate", Path(__file__).resolve().parent / "quotes_eval" / "evaluate.py"
)
assert _spec and _spec.loader
ev = importlib.util.module_from_spec(_spec)
sys.modules["quotes_evaluate"] = ev
_spec.loader.exec_module(ev)
HERE, SETS, evaluate, report = ev.HERE, ev.SETS, ev.evaluate, ev.report

#: The tables of the sets evaluated in this run, printed at the end of it.
REPORTS: dict[str, str] = {}

#: Targets: speaker attribution (the issue's target, on articles not used to write the rules)
#: and the other fields' precision and recall, per set.
TARGETS = {
    "development": {"quotes": 0.95, "speaker": 0.95, "people": 0.9, "roles": 0.9},
    "blind": {"speaker": 0.95},
    "blind2": {"speaker": 0.95},
}

#: Sets the extraction does not meet its targets on yet, and why; strict: once it does, the
#: test says so and the entry goes.
SHORT_OF_TARGET: dict[str, str] = {
    "development": "q18: 'Wetipo' for Frans Lokobal Wetipo, a short name after a title outside "
    "data/roles.yml (one silent wrong speaker); q14 refused by the ingest (nobody introduced "
    "with a role of data/roles.yml)",
    "blind": "first run 66/76 speakers right (86.8 %, target 95 %): a short name not joined to "
    "the full one introduced earlier ('Idris' for Muhammad Idris, 'Zaini Ramli' for Akhmad "
    "Zaini Ramli), an outlet's abbreviation taken into a name ('SBB Ferdinand Sopacua'), "
    "unattributed slogans and pledges given the previous speaker, pronouns and role-only "
    "attributions pointed at the wrong person (6 of the 10 flagged); two quotes over two "
    "paragraphs, one entry in the extraction and one per paragraph in the truth "
    "(tests/quotes_eval/README.md)",
    "blind2": "first run 49/63 speakers right (77.8 %, target 95 %; 7 wrong flagged, 7 silent), "
    "one article refused by the ingest (no person introduced with a role of data/roles.yml) "
    "(tests/quotes_eval/README.md)",
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
def test_quote_extraction(name: str) -> None:
    if not (HERE / SETS[name]).is_file():
        pytest.skip(f"no {SETS[name]} in tests/quotes_eval")
    result = evaluate(SETS[name])
    REPORTS[name] = report(result)
    print(report(result, verbose=True))
    assert result.scores["quotes"].expected >= 20, "too few quotes to measure"
    assert result.attribution >= TARGETS[name]["speaker"], report(result, verbose=True)
    for field, target in TARGETS[name].items():
        s = result.scores[field]
        assert s.precision >= target and s.recall >= target, f"{field}: {s.misses}"
    # A wrong speaker must be flagged for review on the articles the rules were written on.
    if name == "development":
        assert result.scores["speaker"].silent == 0, result.scores["speaker"].misses


def test_a_wrong_truth_is_noticed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The evaluator can fail: a truth with a wrong speaker, a missing quote and an invented
    person scores below 100 % on each of those fields."""
    truth = {
        "02_makassar_antara.txt": {
            "people": [{"name": "Andi Rahmat Hidayat", "role": "Wali Kota"}, {"name": "Nobody"}],
            "quotes": [
                {
                    "speaker": "Someone Else",
                    "text": "Kami minta seluruh ASN tidak terlibat "
                    "politik praktis, baik secara langsung maupun melalui media sosial,",
                },
                {"speaker": None, "text": "A quote the article does not have."},
            ],
        }
    }
    import yaml

    (tmp_path / "t.yml").write_text(yaml.safe_dump(truth), encoding="utf-8")
    monkeypatch.setattr(ev, "HERE", tmp_path)
    result = ev.evaluate("t.yml")
    s = result.scores
    assert (s["quotes"].found, s["quotes"].expected, s["quotes"].predicted) == (1, 2, 2)
    assert result.speaker_right == 0 and s["speaker"].silent == 1
    assert s["people"].recall == 0.5 and s["roles"].found == 0
