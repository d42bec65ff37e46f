"""The headline, when the pasted text has one; otherwise a working title for the editor."""

from __future__ import annotations

import re

from arsip.ingest.clean import BYLINE_RE, is_caption, is_furniture, looks_like_headline


def headline(above: list[str]) -> str:
    """The first line above the article proper that reads like a headline, or ""."""
    for line in above:
        if is_furniture(line) or is_caption(line) or BYLINE_RE.search(line):
            continue
        if looks_like_headline(line):
            return line
    return ""


def working_title(lead: str, limit: int = 12) -> str:
    """The lead's first clause, cut at ``limit`` words: a stand-in the editor must rewrite.

    It comes from the article's own words, so nothing is invented; the draft marks it
    ``title_editorial: true`` and lists ``title`` for review."""
    sentence = re.split(r"(?<=[.!?])\s", lead, maxsplit=1)[0]
    words = sentence.split()
    text = " ".join(words[:limit]).rstrip(",.;:")
    return text + ("…" if len(words) > limit else "")
