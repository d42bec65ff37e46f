"""Per-field accuracy of the ingest on the evaluation set (raw/ and expected.yml).

Run: ``PYTHONUTF8=1 .venv/bin/python tests/ingest_eval/evaluate.py [-v] [SET...]`` (prints a
table per set, or only the sets named; -v lists every miss). A field is right when the draft's value equals the expected one; for an article
without a headline, when the draft flags ``title`` for review. A wrong value is "flagged" when
the draft lists that field for review, "silent" otherwise (the bad kind of error).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from arsip.ingest.core import IngestError, extract  # noqa: E402
from arsip.ingest.write import safe_body  # noqa: E402

FIELDS = ("title", "date", "region", "province", "official", "role", "source", "election")


@dataclass
class Score:
    right: int = 0
    flagged: int = 0  # wrong, but listed for review
    silent: int = 0  # wrong and not flagged
    needless: int = 0  # right, but flagged for review all the same (an editor's extra check)
    misses: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.right + self.flagged + self.silent


SETS = {
    "development": "expected.yml",
    "held-out": "heldout.yml",
    "held-out 2": "heldout2.yml",
    "blind": "blind.yml",  # never used to write or tune a rule (README.md)
    "blind 2": "blind2.yml",  # the same, written after the rules the first blind set measured
    "blind 3": "blind3.yml",  # the same, written by someone who had not read the rules
    "blind 4": "blind4.yml",  # the same, in regions no other set uses
    "blind 5": "blind5.yml",  # the same, written after the rules blind 4 measured
}


def evaluate(expected_file: str = "expected.yml") -> dict[str, Score]:
    """Score every article listed in ``expected_file`` (a file beside this script)."""
    expected = yaml.safe_load((HERE / expected_file).read_text(encoding="utf-8"))
    scores = {name: Score() for name in (*FIELDS, "review", "body")}
    for name, want in expected.items():
        text = (HERE / "raw" / name).read_text(encoding="utf-8")
        try:
            draft = extract(text)
        except IngestError as exc:
            for f in scores:
                scores[f].silent += 1
                scores[f].misses.append(f"{name}: error {exc}")
            continue
        for f in FIELDS:
            got = draft.meta.get(f)
            exp = want.get(f)
            if f == "title" and exp is None:
                ok = "title" in draft.review and draft.meta.get("title_editorial") is True
            else:
                ok = str(got) == str(exp)
            s = scores[f]
            if ok:
                s.right += 1
                s.needless += f in draft.review and f != "title"
            else:
                if f in draft.review:
                    s.flagged += 1
                else:
                    s.silent += 1
                s.misses.append(f"{name}: {f} = {got!r}, expected {exp!r}")
        must = set(want.get("review", []))
        missing = must - set(draft.review)
        if missing:
            scores["review"].silent += 1
            scores["review"].misses.append(f"{name}: not flagged: {sorted(missing)}")
        else:
            scores["review"].right += 1
        body = safe_body(draft.paragraphs)
        bad = [s for s in want.get("body_has", []) if s not in body]
        bad += [f"(boilerplate) {s}" for s in want.get("body_not", []) if s in body]
        if bad:
            scores["body"].silent += 1
            scores["body"].misses.append(f"{name}: body {bad}")
        else:
            scores["body"].right += 1
    return scores


def report(scores: dict[str, Score], verbose: bool = False) -> str:
    lines = [f"{'field':10} {'right':>7} {'flagged':>8} {'silent':>7}  accuracy  right but flagged"]
    for name, s in scores.items():
        lines.append(
            f"{name:10} {s.right:>3}/{s.total:<3} {s.flagged:>8} {s.silent:>7}  {s.right / s.total:>8.0%}"
            + (f"  {s.needless:>17}" if name in FIELDS else "")
        )
    total = sum(s.right for s in scores.values()), sum(s.total for s in scores.values())
    lines.append(
        f"{'all':10} {total[0]:>3}/{total[1]:<3} {'':>8} {'':>7}  {total[0] / total[1]:.1%}"
    )
    if verbose:
        lines += [m for s in scores.values() for m in s.misses]
    return "\n".join(lines)


if __name__ == "__main__":
    # `evaluate.py [-v] [SET...]`: only the sets named (e.g. development), else every set.
    wanted = [a for a in sys.argv[1:] if not a.startswith("-")]
    for label, filename in SETS.items():
        if wanted and label not in wanted:
            continue
        print(f"== {label} set ({filename})")
        print(report(evaluate(filename), verbose="-v" in sys.argv))
