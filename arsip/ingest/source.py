"""The dateline ("BUKITTINGGI, hantaran.co –", "Makassar (ANTARA) -", "Langgam.id -") and the
outlet named in it or in the credits ("Sumber: ...")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlparse

from arsip import gazetteer
from arsip.ingest import people
from arsip.messages import t

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
        if re.fullmatch(r"\([^()]{2,30}\)", part):
            continue  # "(Sultra Kini)": an outlet in parentheses, however many words
        words = part.split()
        if len(words) > 4 or not all(_WORD_RE.fullmatch(w) for w in words):
            return None
    return parts


# "TENGGARONG – Kukar Pos, Sekretaris ...": the outlet after the dash, ended by a comma.
_OUTLET_AFTER_DASH_RE = re.compile(r"^(?P<outlet>[^,()\n]{2,40}?),\s+(?P<rest>\S.*)$")


def _person_named(words: str, text: str) -> bool:
    """Whether ``words`` are a person the text quotes ("kata Rahman", "Rahman mengatakan")."""
    for word in (w for w in words.split() if len(w) > 2):
        w = re.escape(word)
        if re.search(
            rf"(?i:\b(?:{people.SPEECH_VERBS})(?:nya)?\s+(?:\S+\s+){{0,3}}?){w}\b", text
        ) or re.search(rf"\b{w}\s+(?i:{people.SAYS_AFTER_NAME})\b", text):
            return True
    return False


def _outlet_after_dash(rest: str, text: str) -> tuple[str, str] | None:
    """``("Kukar Pos", "Sekretaris ...")`` when the text after the dash opens with an outlet's
    name and a comma, or None (a person's name, a role, a place, or prose)."""
    m = _OUTLET_AFTER_DASH_RE.match(rest)
    if not m:
        return None
    words = m.group("outlet").split()
    if not 1 <= len(words) <= 4 or not all(_WORD_RE.fullmatch(w) for w in words):
        return None
    outlet = " ".join(words)
    if people.mentions_role(outlet) or gazetteer.resolve_place(outlet):
        return None
    if words[0].lower().rstrip(".") in people.STOP_WORDS:
        return None  # "Pemko Padang, melalui ...", "Dinas Kominfo, ...": the text's subject
    if not _is_outlet(outlet) and _person_named(outlet, text):
        return None  # "KENDARI - Rahman Saleh, Pjs Wali Kota ...": a person, not an outlet
    return outlet, m.group("rest")


def parse_dateline(line: str, text: str = "") -> Dateline | None:
    """Read the dateline at the start of a line, or None when the line does not start with one.
    ``text`` (the whole article) tells an outlet after the dash from a person's name."""
    m = DATELINE_RE.match(line)
    if not m:
        return None
    parts = _head_parts(m.group("head"))
    if parts is None:
        return None
    rest = m.group("rest")
    place, outlet, regions = "", "", ()
    unknown: list[str] = []  # parts neither outlet-like nor a place the gazetteer knows
    for part in parts:
        if _is_outlet(part):
            outlet = outlet or part
            continue
        found = gazetteer.resolve_place(part)
        if found and not place:
            place, regions = part, found
        else:
            unknown.append(part)
    if len(unknown) > 1 or (unknown and place and outlet):
        return None
    if unknown and outlet:
        # "JAKARTA, KOMPAS.com", "PUTUSSIBAU (Kapuas Post)": beside an outlet-like part, the
        # other part is the place, even one the gazetteer does not know.
        place = unknown[0]
    elif unknown:
        outlet = unknown[0]
    if len(parts) == 1 and not place and not _is_outlet(parts[0]):
        if not re.fullmatch(r"[A-Z][\w.]*( [A-Z][\w.]*)*", parts[0]):
            return None  # prose ("Sementara itu - ...")
        # One capitalised name the gazetteer does not know ("Jakarta -"): a place as often as
        # an outlet, so neither is assumed; the source is then looked for in the credits.
        outlet = ""
    if place and not outlet:
        after = _outlet_after_dash(rest, text)
        if after:
            outlet, rest = after
    return Dateline(place, outlet, regions, rest)


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
    dateline, "Kompas.com" in the credits): datelines shout, credits spell. A web address
    ("https://prianganpos.com/...") is no spelling: host names are lower case whatever the
    outlet calls itself."""
    forms = [
        m.group(0)
        for m in re.finditer(rf"(?i)(?<![\w./]){re.escape(name)}(?![\w])(?!/)", text)
        if m.group(0) != name and not m.group(0).isupper()
    ]
    return max(set(forms), key=forms.count) if forms else name


# Outlets the ingest knows by name: wire agencies and national newsrooms, spelt as they name
# themselves, with their web domains. A dateline's outlet outside this list is kept as written
# and flagged for review (the archive has no registry of regional outlets yet).
KNOWN_OUTLETS = {
    "ANTARA": "antaranews.com", "Kompas.com": "kompas.com", "detikcom": "detik.com",
    "detikNews": "news.detik.com", "Tempo.co": "tempo.co", "Liputan6.com": "liputan6.com",
    "Okezone.com": "okezone.com", "iNews.id": "inews.id", "Sindonews.com": "sindonews.com",
    "Republika.co.id": "republika.co.id", "RRI": "rri.co.id", "TVRI": "tvri.go.id",
    "JPNN.com": "jpnn.com", "Merdeka.com": "merdeka.com", "VIVA.co.id": "viva.co.id",
    "CNN Indonesia": "cnnindonesia.com", "kumparan": "kumparan.com", "Suara.com": "suara.com",
    "Beritasatu.com": "beritasatu.com", "Tribunnews.com": "tribunnews.com",
    "JawaPos.com": "jawapos.com", "Media Indonesia": "mediaindonesia.com",
    "IDN Times": "idntimes.com", "Bisnis.com": "bisnis.com", "Medcom.id": "medcom.id",
}  # fmt: skip
_SUFFIX_RE = re.compile(r"(?i)\.(co\.id|or\.id|web\.id|go\.id|com|co|id|net|org|news|tv)$")
# The Tribun network's regional sites ("Tribunjateng.com", "TribunKaltim.co").
_TRIBUN_RE = re.compile(r"(?i)^tribun[a-z]+\.(com|co)$")


def _compact(name: str) -> str:
    return "".join(ch for ch in _SUFFIX_RE.sub("", name.strip()).lower() if ch.isalnum())


def _site(domain: str) -> str:
    """The name part of a domain: "news.detik.com" -> "detik", "rri.co.id" -> "rri"."""
    return _compact(_SUFFIX_RE.sub("", domain.lower()).rsplit(".", 1)[-1])


@cache
def _known() -> dict[str, str]:
    out: dict[str, str] = {}
    for name, domain in KNOWN_OUTLETS.items():
        out[_compact(name)] = name
        out.setdefault(_site(domain), name)
    return out


def known_outlet(name: str) -> str:
    """The known outlet ``name`` means ("KOMPAS.com" -> "Kompas.com"), or ""."""
    if _TRIBUN_RE.match(name.strip()):
        return name.strip()
    return _known().get(_compact(name), "")


def domain_of(url: str) -> str:
    """The address's host without "www." / "m.": "https://www.pacitanku.com/..." -> ..."""
    host = (urlparse(url).hostname or "").lower()
    return re.sub(r"^(www|m|amp)\.", "", host)


def _matches_domain(name: str, domain: str) -> bool:
    """Whether the outlet's name is its domain's: "Papua Barat News" and papuabaratnews.co."""
    own = _compact(name)
    return bool(own) and own in (_site(domain), _compact(domain))


@dataclass(frozen=True)
class OutletFound:
    name: str
    sure: bool
    note: str


def find_outlet(
    dateline: Dateline | None, credits: list[str], paragraphs: list[str], url: str, text: str
) -> OutletFound | None:
    """The outlet: the address's domain decides when there is one; then the dateline's outlet
    (a known one, else the words as written, flagged); then the credits ("Sumber: ...")."""
    written = ""
    if dateline and dateline.outlet:
        written = outlet_name(as_written_elsewhere(dateline.outlet.strip("()"), text))
    credited = source_from_credits(credits, paragraphs)
    domain = domain_of(url) if url else ""
    if domain:
        for name, how in ((written, "source.dateline"), (credited, "source.credits")):
            if name and _matches_domain(name, domain):
                note = t(how) + ", " + t("source.domain_agrees", domain=domain)
                return OutletFound(known_outlet(name) or name, True, note)
        for name, site in KNOWN_OUTLETS.items():
            if domain == site or domain.endswith("." + site):
                return OutletFound(name, True, t("source.domain", domain=domain))
        also = t("source.also", name=written or credited) if written or credited else ""
        return OutletFound(domain, False, t("source.domain_unknown", domain=domain, also=also))
    if written:
        known = known_outlet(written)
        if known:
            return OutletFound(known, True, t("source.known"))
        note = t("source.unlisted", written=repr(written))
        if credited and _compact(credited) == _compact(written):
            # The credits repeating the dateline confirm the words, not that an outlet of that
            # name exists as spelt: an outlet in no list is still the editor's to check.
            note = t("source.dateline_credits") + "; " + note
        return OutletFound(written, False, note)
    if credited:
        return OutletFound(known_outlet(credited) or credited, True, t("source.credits"))
    return None
