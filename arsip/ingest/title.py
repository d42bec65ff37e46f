"""The headline, when the pasted text has one; otherwise a working title for the editor."""

from __future__ import annotations

import re

from arsip.ingest.clean import BYLINE_RE, is_caption, is_furniture, looks_like_headline

# Words of a site's section menu: "Home News Sumbar Pessel Opini Video".
_NAV_WORDS = {
    "home", "beranda", "index", "indeks", "news", "berita", "opini", "video", "foto", "galeri",
    "daerah", "nasional", "politik", "ekonomi", "hukum", "kriminal", "olahraga", "terkini",
    "terpopuler", "lifestyle", "teknologi", "kesehatan", "pendidikan", "internasional",
}  # fmt: skip


def _is_masthead(line: str, lead: str) -> bool:
    """The outlet's name above its headline: a short line in capitals ("BANTEN RAYA NEWS"),
    or a short line the dateline repeats ("Muaro Jambi Terkini" ... "SENGETI, Muaro Jambi
    Terkini - ...")."""
    words = line.split()
    if len(words) > 6:
        return False
    if not re.search(r"[a-z]", line):
        return True
    return bool(lead) and line.lower() in lead[:200].lower()


def _is_run_menu(line: str) -> bool:
    """A section menu whose separators were lost in the paste: short capitalised words that
    open with the home link or are mostly section names."""
    words = line.split()
    if not 3 <= len(words) <= 12 or not all(w[:1].isupper() and w.isalpha() for w in words):
        return False
    nav = sum(w.lower() in _NAV_WORDS for w in words)
    return (words[0].lower() in {"home", "beranda"} and nav >= 2) or nav >= 3


def headline(above: list[str], lead: str = "") -> str:
    """The line above the article proper that reads like a headline, or "": the first one,
    unless it is the outlet's masthead or a menu and another candidate follows it."""
    found = [
        line
        for line in above
        if not (is_furniture(line) or is_caption(line) or BYLINE_RE.search(line))
        and looks_like_headline(line)
    ]
    for i, line in enumerate(found):
        if i + 1 < len(found) and (_is_masthead(line, lead) or _is_run_menu(line)):
            continue
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
