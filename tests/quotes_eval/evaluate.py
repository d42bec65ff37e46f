"""Precision and recall of the ingest's people and quotes on the evaluation sets.

Run: ``PYTHONUTF8=1 .venv/bin/python tests/quotes_eval/evaluate.py [-v] [SET...]`` (a table
per set, or only the sets named; -v lists every miss). Each article of a set (``dev.yml``,
``blind.yml``: see README.md) is ingested as a draft would be, and its ``official`` and
``people`` and its ``quotes`` are compared with the truth:

- quotes: a quote is found when its words equal the truth's once white space and quote
  characters are normalised (each truth quote matches at most one found quote);
- speaker: among the quotes found, the speaker equals the truth's (a name, or none);
  precision over the speakers the ingest named, recall over the speakers the truth names;
  a wrong speaker is "flagged" when the draft lists that quote for review, "silent" otherwise
  (quotes without a speaker, and those of people without a role, are left out of the draft's
  ``quotes`` and named in its review notes: they are scored all the same);
- people: the names of everyone quoted or named as acting (official included);
- roles: each person's name with their role.

Names are compared without case, full stops and commas, through the registry's canonical
names when the registry knows them.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))

from arsip.ingest.core import IngestError, extract  # noqa: E402

#: Where raw articles are looked for, in order: this folder's own, the ingest evaluation's,
#: and the seed articles (tests/fixtures/seeds).
RAW_DIRS = (
    HERE / "raw",
    ROOT / "tests" / "ingest_eval" / "raw",
    ROOT / "tests" / "fixtures" / "seeds",
)

SETS = {
    "development": "dev.yml",  # rules are written and tuned on it
    "blind": "blind.yml",  # never used to write or tune a rule (README.md)
    "blind2": "blind2.yml",  # second blind set (raw w*): never used to write or tune a rule
}
FIELDS = ("quotes", "speaker", "people", "roles")

_QUOTE_CHARS = str.maketrans({c: '"' for c in "“”„‟″"} | {c: "'" for c in "‘’‚‛"})


def normal_text(text: str) -> str:
    """A quote's words with white space collapsed and every quote character made straight."""
    return " ".join(text.translate(_QUOTE_CHARS).split())


def _registry_names() -> Callable[[str], str]:
    """Canonical name of a person (their id's name) when the registry knows the spelling."""
    try:
        from arsip import registry  # the people registry (data/people.yml), when present
    except ImportError:
        return lambda name: name
    reg = registry.load()

    def canonical(name: str) -> str:
        person = reg.person(name)
        if person is None:
            near = reg.suggest_person(name)
            person = near[0] if len(near) == 1 else None
        return person.name if person is not None else name

    return canonical


def normal_name(name: str | None, canonical: Callable[[str], str] = lambda n: n) -> str | None:
    if not name:
        return None
    return re.sub(r"[.,]", "", " ".join(canonical(str(name)).split())).casefold()


@dataclass
class Score:
    found: int = 0  # predictions that match the truth
    predicted: int = 0
    expected: int = 0
    flagged: int = 0  # wrong, but listed for review
    silent: int = 0  # wrong and not flagged
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.found / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0


@dataclass
class Result:
    scores: dict[str, Score]
    speaker_right: int = 0  # among quotes found: speaker equal to the truth's (none included)
    speaker_total: int = 0

    @property
    def attribution(self) -> float:
        """Share of the quotes found whose speaker is the truth's (none included)."""
        return self.speaker_right / self.speaker_total if self.speaker_total else 1.0


def raw_path(name: str) -> Path:
    for folder in RAW_DIRS:
        if (folder / name).is_file():
            return folder / name
    raise FileNotFoundError(f"{name}: no such raw article in {', '.join(map(str, RAW_DIRS))}")


def evaluate(truth_file: str = "dev.yml") -> Result:
    """Score every article listed in ``truth_file`` (a file beside this script)."""
    truth = yaml.safe_load((HERE / truth_file).read_text(encoding="utf-8"))
    canonical = _registry_names()
    result = Result({f: Score() for f in FIELDS})
    s = result.scores
    for name, want in truth.items():
        want_people = want.get("people") or []
        want_quotes = want.get("quotes") or []
        try:
            draft = extract(raw_path(name).read_text(encoding="utf-8"))
        except IngestError as exc:
            for f, items in (("quotes", want_quotes), ("people", want_people)):
                s[f].expected += len(items)
                s[f].misses.append(f"{name}: error {exc}")
            s["roles"].expected += len(want_people)
            continue
        # People: the official and everyone else the draft found (listed in its front-matter
        # or, without a role of the vocabulary, in its review notes).
        got_people = draft.all_people
        got_names = {normal_name(n, canonical) for n, _ in got_people if n}
        want_names = {normal_name(p["name"], canonical) for p in want_people}
        got_roles = {(normal_name(n, canonical), r or "") for n, r in got_people if n}
        want_roles = {(normal_name(p["name"], canonical), p.get("role") or "") for p in want_people}
        for f, got, exp in (("people", got_names, want_names), ("roles", got_roles, want_roles)):
            s[f].predicted += len(got)
            s[f].expected += len(exp)
            s[f].found += len(got & exp)
            for extra in sorted(got - exp, key=str):
                s[f].misses.append(f"{name}: {f}: not in the text's truth {extra}")
            for missing in sorted(exp - got, key=str):
                s[f].misses.append(f"{name}: {f}: missing {missing}")
        # Quotes, matched by their words; then the speaker of each quote found.
        # Quotes: every one found, one entry per paragraph, listed in the front-matter or not
        # (a slogan, a quote without speaker: in the review notes).
        got_quotes = [{"speaker": sp, "text": text} for sp, text, _ in draft.all_quotes]
        unsure = {i + 1 for i, (_, _, sure) in enumerate(draft.all_quotes) if not sure}
        s["quotes"].predicted += len(got_quotes)
        s["quotes"].expected += len(want_quotes)
        free = list(range(len(got_quotes)))
        for q in want_quotes:
            text = normal_text(q["text"])
            match = next((i for i in free if normal_text(got_quotes[i]["text"]) == text), None)
            if match is None:
                s["quotes"].misses.append(f"{name}: quote not found: {text[:60]!r}")
                continue
            free.remove(match)
            s["quotes"].found += 1
            got_speaker = normal_name(got_quotes[match].get("speaker"), canonical)
            want_speaker = normal_name(q.get("speaker"), canonical)
            result.speaker_total += 1
            sp = s["speaker"]
            sp.predicted += got_speaker is not None
            sp.expected += want_speaker is not None
            if got_speaker == want_speaker:
                result.speaker_right += 1
                sp.found += got_speaker is not None
            else:
                if match + 1 in unsure:
                    sp.flagged += 1
                else:
                    sp.silent += 1
                sp.misses.append(
                    f"{name}: speaker {got_speaker!r}, expected {want_speaker!r}"
                    f"{' (flagged)' if match + 1 in unsure else ''}: {text[:50]!r}"
                )
        for i in free:
            text = normal_text(got_quotes[i]["text"])
            s["quotes"].misses.append(f"{name}: quote not in the truth: {text[:60]!r}")
    return result


def report(result: Result, verbose: bool = False) -> str:
    lines = [f"{'field':9} {'precision':>16} {'recall':>16}  wrong: flagged silent"]
    for name, s in result.scores.items():
        wrong = f"  {s.flagged:>14} {s.silent:>6}" if name == "speaker" else ""
        lines.append(
            f"{name:9} {s.found:>4}/{s.predicted:<4} {s.precision:>6.1%} "
            f"{s.found:>4}/{s.expected:<4} {s.recall:>6.1%}{wrong}"
        )
    lines.append(
        f"speaker attribution (quotes found, no speaker included): "
        f"{result.speaker_right}/{result.speaker_total} {result.attribution:.1%}"
    )
    if verbose:
        lines += [m for s in result.scores.values() for m in s.misses]
    return "\n".join(lines)


if __name__ == "__main__":
    wanted = [a for a in sys.argv[1:] if not a.startswith("-")]
    for label, filename in SETS.items():
        if (wanted and label not in wanted) or not (HERE / filename).is_file():
            continue
        print(f"== {label} set ({filename})")
        print(report(evaluate(filename), verbose="-v" in sys.argv))
