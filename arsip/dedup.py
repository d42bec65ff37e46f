"""Near-duplicate text: the same article pasted twice, from another page or with small edits.

Word shingles (runs of ``k`` words) and their Jaccard similarity: two texts that share most of
their five-word runs are the same article even when page furniture, a credit line or a few
words differ. Used by the ingest command (refuse an article already archived) and available to
``invoke check``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

#: Similarity from which two bodies count as the same article.
THRESHOLD = 0.6
SHINGLE_WORDS = 5


def shingles(text: str, k: int = SHINGLE_WORDS) -> frozenset[int]:
    """Hashes of every run of ``k`` words, ignoring case and punctuation."""
    words = re.findall(r"\w+", text.lower())
    if len(words) < k:
        return frozenset({hash(" ".join(words))}) if words else frozenset()
    return frozenset(hash(" ".join(words[i : i + k])) for i in range(len(words) - k + 1))


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    """|a & b| / |a | b|, 0.0 for two empty sets."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def containment(a: frozenset[int], b: frozenset[int]) -> float:
    """How much of the smaller text lies inside the larger one: catches a trimmed copy."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


@dataclass(frozen=True)
class Match:
    key: str  # the other article's path (or any identifier)
    similarity: float


def most_similar(
    text: str, others: Iterable[tuple[str, str]], threshold: float = THRESHOLD
) -> Match | None:
    """The most similar of ``others`` ((key, text) pairs) at or above ``threshold``.

    Similarity is the larger of Jaccard and containment, so a copy with a paragraph cut off
    still counts as the same article."""
    mine = shingles(text)
    best: Match | None = None
    for key, other in others:
        theirs = shingles(other)
        sim = max(jaccard(mine, theirs), containment(mine, theirs) if len(theirs) > 20 else 0.0)
        if sim >= threshold and (best is None or sim > best.similarity):
            best = Match(key, sim)
    return best
