"""The dateline ("BUKITTINGGI, hantaran.co –", "Makassar (ANTARA) -", "Langgam.id -") and the
outlet named in it or in the credits ("Sumber: ...")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from arsip import gazetteer

# "HEAD - text": HEAD is one to three comma-separated parts of a few capitalised words, a
# domain name or a parenthesised outlet; the dash may be -, --, – or —.
DATELINE_RE = re.compile(r"^(?P<head>[^\s\-–—][^–—\n]{0,80}?)\s*(?:--|[-–—])\s*(?P<rest>\S.*)$")
_DOMAIN_RE = re.compile(
    r"(?i)\b[\w-]+(\.[\w-]+)*\.(com|co|id|net|org|news|tv|co\.id|or\.id|web\.id)\b"
)
# Words outlets put in their names; a dateline part with one of them is the outlet, not a place.
_OUTLET_WORDS = {
    "radar", "tribun", "pos", "post", "times", "news", "rakyat", "media", "ekspres", "express",
    "harian", "koran", "kabar", "berita", "online", "tv", "antara", "kompas", "detik", "jubi",
    "suara", "tempo", "liputan6", "okezone", "inews", "sindonews", "republika", "rri", "tvri",
    "jpnn", "merdeka", "viva", "cnn", "kumparan", "metro", "sumut", "info", "terkini", "today",
    "daily", "pikiran", "haluan", "serambi", "fajar", "bisnis", "independen", "warta",
    "channel", "pers", "portal", "network", "group", "indonesia", "nusantara",
}  # fmt: skip
_WORD_RE = re.compile(r"[A-Z0-9][\w.'’&-]*|\([^)]*\)|[\w-]+\.[\w.]+|[a-z]+[A-Z][\w.]*")


@dataclass(frozen=True)
class Dateline:
    place: str  # as written ("MANNA"), or ""
    outlet: str  # as written ("RADAR BENGKULU"), or ""
    regions: tuple[gazetteer.Region, ...]  # what the place can mean
    rest: str  # the line after the dateline


def _is_outlet(part: str) -> bool:
    if _DOMAIN_RE.search(part) or part.startswith("("):
        return True
    words = {w.lower().strip("().") for w in part.split()}
    return bool(words & _OUTLET_WORDS)


def _head_parts(head: str) -> list[str] | None:
    """The comma-separated parts of a dateline head, or None when it is prose."""
    # "Makassar (ANTARA)" is place and outlet without a comma.
    head = re.sub(r"\s*(\([^)]{2,30}\))", r", \1", head)
    parts = [p.strip() for p in head.split(",") if p.strip()]
    if not 1 <= len(parts) <= 3:
        return None
    for part in parts:
        words = part.split()
        if len(words) > 4 or not all(_WORD_RE.fullmatch(w) for w in words):
            return None
    return parts


def parse_dateline(line: str) -> Dateline | None:
    """Read the dateline at the start of a line, or None when the line does not start with one."""
    m = DATELINE_RE.match(line)
    if not m:
        return None
    parts = _head_parts(m.group("head"))
    if parts is None:
        return None
    place, outlet, regions = "", "", ()
    for part in parts:
        if _is_outlet(part):
            outlet = outlet or part
            continue
        found = gazetteer.resolve_place(part)
        if found and not place:
            place, regions = part, found
        elif not outlet:
            outlet = part
        else:
            return None
    if len(parts) == 1 and not place and not _is_outlet(parts[0]):
        if not re.fullmatch(r"[A-Z][\w.]*( [A-Z][\w.]*)*", parts[0]):
            return None  # prose ("Sementara itu - ...")
        # One capitalised name the gazetteer does not know ("Jakarta -"): a place as often as
        # an outlet, so neither is assumed; the source is then looked for in the credits.
        outlet = ""
    return Dateline(place, outlet, regions, m.group("rest"))


def outlet_name(written: str) -> str:
    """The outlet as it names itself: "(ANTARA)" -> "ANTARA", "RADAR BENGKULU" -> "Radar
    Bengkulu"; mixed-case names ("KOMPAS.com", "hantaran.co") stay as written."""
    name = written.strip().strip("()").strip()
    if name.isupper() and (" " in name or "." in name):
        # Shouting capitals are the dateline's style, not the outlet's name.
        words = []
        for w in name.split():
            head, dot, tail = w.partition(".")
            words.append(head.capitalize() + dot + tail.lower())
        name = " ".join(words)
    return name


_CREDIT_SOURCE_RE = re.compile(
    r"(?i)^\W*(sumber|source|dikutip dari|disadur dari)\s*[:\-–]?\s*(?P<name>[^|,]{2,80}?)\s*\.?$"
)


_PUBLISHED_AT_RE = re.compile(
    r"(?i:\bartikel ini (?:telah )?(?:tayang|terbit|dimuat) di )(?P<name>\S+(?: [A-Z]\w+)?)"
)


def source_from_credits(credits: list[str], paragraphs: list[str]) -> str:
    """The outlet in a "Sumber: ..." or "Artikel ini telah tayang di ..." credit, or ""."""
    for line in reversed(credits + paragraphs[-2:]):
        m = _CREDIT_SOURCE_RE.match(line)
        if m and not re.match(r"https?://", m.group("name")):
            return m.group("name").strip()
        m = _PUBLISHED_AT_RE.search(line)
        if m:
            return m.group("name").strip(" .,")
    # A closing "(detikNews)" / "(Kompas.com)": one outlet-like name in parentheses.
    for line in reversed(credits):
        m = re.fullmatch(r"\((?P<name>[A-Za-z][\w.]{3,40})\)\.?", line)
        if m and (_is_outlet(m.group("name")) or re.search(r"[a-z][A-Z]", m.group("name"))):
            return m.group("name")
    return ""


def as_written_elsewhere(name: str, text: str) -> str:
    """The outlet's name as the text spells it outside the dateline ("KOMPAS.com" in the
    dateline, "Kompas.com" in the credits): datelines shout, credits spell."""
    forms = [
        m.group(0)
        for m in re.finditer(rf"(?i)(?<![\w.]){re.escape(name)}(?![\w])", text)
        if m.group(0) != name and not m.group(0).isupper()
    ]
    return max(set(forms), key=forms.count) if forms else name
