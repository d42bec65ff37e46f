"""Regulations cited in article texts: recognised, normalised to one key, looked up.

Articles cite the rules ASN neutrality rests on in many spellings: ``Undang-Undang Nomor 20
Tahun 2023``, ``UU No 20 Tahun 2023``, ``Surat Edaran Ketua KASN Nomor B-2708/KASN/9/2020``,
``SKB 5 Menteri``, ``Perbawaslu``... :func:`find` reads them in plain text and gives each one
key (``UU 20/2023``, ``SE B-2708/KASN/9/2020``, ``SKB``) with the sentence around it.
:func:`vocabulary` reads ``data/regulations.yml`` (short name, full title, issuer, year,
official address): a key found there gets a page on the site; a key that is not is a
candidate for the vocabulary, which ``invoke check`` lists (never an error, never dropped).

Used by the build (plugins/regulations), by ingest (the draft's report) and by the check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from arsip.schema import DATA_DIR

#: Kinds of numbered regulation: the ways articles name them -> the key's prefix.
_ACT_NAMES: tuple[tuple[str, str], ...] = (
    (r"undang[- ]undang|uu", "UU"),
    (r"peraturan\s+pemerintah\s+pengganti\s+undang[- ]undang|perppu", "Perppu"),
    (r"peraturan\s+pemerintah|pp", "PP"),
    (r"peraturan\s+presiden|perpres", "Perpres"),
    (r"peraturan\s+(?:badan\s+pengawas\s+pemilihan\s+umum|bawaslu)|perbawaslu", "Perbawaslu"),
    (r"peraturan\s+(?:komisi\s+pemilihan\s+umum|kpu)|pkpu", "PKPU"),
    (r"peraturan\s+menteri\s+dalam\s+negeri|permendagri", "Permendagri"),
    (
        r"peraturan\s+menteri\s+(?:pendayagunaan\s+aparatur\s+negara\s+dan\s+reformasi\s+"
        r"birokrasi|panrb|pan-rb|pan\s+rb)|permenpan(?:\s*-?\s*rb)?",
        "PermenPANRB",
    ),
    (r"peraturan\s+(?:badan\s+kepegawaian\s+negara|bkn)|perban|perbkn", "Peraturan BKN"),
)
_NUMBER = r"(?:\s*(?:republik\s+indonesia|ri))?\s*(?:\(\w+\)\s*)?(?:nomor|nomer|no\.?)?\s*:?\s*"
_ACT = re.compile(
    r"\b(?P<kind>"
    + "|".join(f"(?:{pattern})" for pattern, _ in _ACT_NAMES)
    + r")\b"
    + _NUMBER
    + r"(?P<number>\d{1,4})\s*(?:tahun|thn\.?|th\.?|/)\s*(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_ACT_PREFIX = [(re.compile(rf"^(?:{p})$", re.IGNORECASE), key) for p, key in _ACT_NAMES]

#: A circular (surat edaran) with a registration number: "Surat Edaran ... Nomor B-2708/KASN/9/2020".
_CIRCULAR = re.compile(
    r"\b(?:surat\s+edaran|(?-i:SE))\b(?P<issuer>[^.;\n]{0,120}?)\s(?:nomor|nomer|no\.?)\s*:?\s*"
    r"(?P<number>[A-Z0-9][A-Za-z0-9.\-/]*\d[A-Za-z0-9\-/]*"
    r"(?:\s+tahun\s+(?:19|20)\d\d)?)",
    re.IGNORECASE,
)
#: Joint decree of the ministers and agencies (SKB), with or without its year.
_JOINT = re.compile(
    r"\b(?:SKB|surat\s+keputusan\s+bersama)\b(?:\s+(?:\d|lima|empat|enam)\s+"
    r"(?:menteri|lembaga|instansi|kementerian(?:/lembaga)?))?"
    # Its year, when written before the sentence, a comma or another regulation's name.
    r"(?:(?:(?!peraturan|undang|\bUU\b|\bPP\b|surat)[^.;,\n]){0,160}?"
    r"\btahun\s+(?P<year>(?:19|20)\d\d))?",
    re.IGNORECASE,
)
#: Names used without a number (a candidate for the vocabulary's aliases).
_BARE = re.compile(
    r"\b(?P<name>Perbawaslu|PKPU|Permendagri|PermenPANRB|Perppu)\b(?!\s*(?:nomor|no\b|\d))",
    re.IGNORECASE,
)

#: Sentence ends: a full stop, question or exclamation mark (a closing quote may follow)
#: before a capital or an opening quote. Good enough for a quote; abbreviations may cut early.
_SENTENCE_END = re.compile(r"(?<=[.!?])[”\"']?\s+(?=[A-Z“\"(])")
QUOTE_MAX = 320


@dataclass(frozen=True)
class Citation:
    """One citation in a text: its key, the words as written and the sentence around it."""

    key: str
    text: str
    start: int
    end: int
    quote: str


@dataclass(frozen=True)
class Regulation:
    """One regulation of the vocabulary (data/regulations.yml)."""

    key: str
    slug: str
    short: str
    title: str
    issuer: str
    year: int
    url: str = ""
    aliases: tuple[str, ...] = ()


class VocabularyError(ValueError):
    """data/regulations.yml is not as documented: the message names file, line and field."""


def slug_of(key: str) -> str:
    """The URL part of a key: ``UU 20/2023`` -> ``uu-20-2023``."""
    return re.sub(r"[^a-z0-9]+", "-", key.lower()).strip("-")


def _act_key(kind: str, number: str, year: str) -> str:
    prefix = next(key for pattern, key in _ACT_PREFIX if pattern.match(" ".join(kind.split())))
    return f"{prefix} {int(number)}/{year}"


def _circular_key(number: str) -> str:
    number = number.rstrip(".-/")
    plain = re.fullmatch(r"(\d+)\s+tahun\s+(\d{4})", number, re.IGNORECASE)
    if plain:  # "Nomor 18 Tahun 2023": the issuer is not in the number; keep it generic
        return f"SE {int(plain.group(1))}/{plain.group(2)}"
    return f"SE {number.upper()}"


def quote_around(text: str, start: int, end: int, limit: int = QUOTE_MAX) -> str:
    """The sentence of ``text`` that holds ``text[start:end]``, cut to ``limit`` characters
    around the citation (with an ellipsis where it was cut)."""
    para_start = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", end)
    para_end = len(text) if para_end < 0 else para_end
    s0, s1 = para_start, para_end
    for m in _SENTENCE_END.finditer(text, para_start, para_end):
        if m.end() <= start:
            s0 = m.end()
        elif m.start() >= end:
            s1 = m.start()
            break
    sentence = text[s0:s1].strip()
    if len(sentence) <= limit:
        return sentence
    # Too long: a window centred on the citation, cut at spaces.
    offset = start - s0
    left = max(0, offset - (limit - (end - start)) // 2)
    right = min(len(sentence), left + limit)
    left = max(0, right - limit)
    piece = sentence[left:right]
    if left > 0:
        piece = "…" + piece[piece.find(" ") + 1 :]
    if right < len(sentence):
        piece = piece[: piece.rfind(" ")] + "…"
    return piece.strip()


#: Words without which a pattern cannot match (lower case): most texts cite nothing, and
#: looking for a few words is much cheaper than running the patterns (a build reads every
#: article).
_ACT_WORDS = ("undang", "uu", "pp", "peraturan", "perpres", "perbawaslu", "pkpu", "permen", "perb")
#: What every numbered act's citation holds: "20 Tahun 2023", "20/2023".
_NUMBER_YEAR = re.compile(r"\d\s*(?:tahun|thn\.?|th\.?|/)\s*(?:19|20)\d\d", re.IGNORECASE)
_BARE_WORDS = ("perbawaslu", "pkpu", "permendagri", "permenpan", "perppu")


def find(text: str) -> list[Citation]:
    """Every citation in ``text`` (plain text, paragraphs separated by newlines), in order;
    a citation inside a longer one (the year of an SKB's number) counts once."""
    found: list[tuple[int, int, str]] = []
    lower = text.lower()
    if any(word in lower for word in _ACT_WORDS) and _NUMBER_YEAR.search(text):
        for m in _ACT.finditer(text):
            found.append((m.start(), m.end(), _act_key(m["kind"], m["number"], m["year"])))
    if "surat edaran" in lower or "SE" in text:
        for m in _CIRCULAR.finditer(text):
            found.append((m.start(), m.end(), _circular_key(m["number"])))
    if "skb" in lower or "keputusan bersama" in lower:
        for m in _JOINT.finditer(text):
            found.append((m.start(), m.end(), f"SKB {m['year']}" if m["year"] else "SKB"))
    if any(word in lower for word in _BARE_WORDS):
        for m in _BARE.finditer(text):
            prefix = next(key for pattern, key in _ACT_PREFIX if pattern.match(m["name"]))
            found.append((m.start(), m.end(), prefix))
    found.sort(key=lambda f: (f[0], -f[1]))
    out: list[Citation] = []
    covered_to = -1
    for start, end, key in found:
        if start < covered_to:
            continue  # inside the previous (longer) citation
        covered_to = end
        out.append(Citation(key, text[start:end], start, end, quote_around(text, start, end)))
    return out


def keys(text: str) -> list[str]:
    """The distinct keys cited in ``text``, in order of first citation."""
    return list(dict.fromkeys(c.key for c in find(text)))


# --------------------------------------------------------------------------- vocabulary

_FIELDS = {"key": True, "short": True, "title": True, "issuer": True, "year": True}
_OPTIONAL = {"url", "aliases"}


def _error(path: Path, node: yaml.Node, field: str, message: str) -> VocabularyError:
    return VocabularyError(f"{path}:{node.start_mark.line + 1}: {field}: {message}")


def read_vocabulary(path: Path) -> dict[str, Regulation]:
    """Every regulation of ``path`` by key and by alias; a bad entry raises VocabularyError
    naming the file, line, field and the fix."""
    text = path.read_text(encoding="utf-8")
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        raise VocabularyError(f"{path}: not valid YAML: {exc}") from None
    if root is None:
        return {}
    if not isinstance(root, yaml.SequenceNode):
        raise _error(path, root, "-", "the file must be a list of entries (lines starting '- ')")
    out: dict[str, Regulation] = {}
    for node in root.value:
        if not isinstance(node, yaml.MappingNode):
            raise _error(path, node, "-", "each entry is a mapping: key, short, title, ...")
        values: dict[str, Any] = {}
        lines: dict[str, yaml.Node] = {}
        for k, v in node.value:
            name = k.value
            if name not in _FIELDS and name not in _OPTIONAL:
                allowed = ", ".join([*_FIELDS, *sorted(_OPTIONAL)])
                raise _error(path, k, name, f"unknown field: use one of {allowed}")
            values[name] = yaml.safe_load(yaml.serialize(v)) if v is not None else None
            lines[name] = v
        for name in _FIELDS:
            if values.get(name) in (None, ""):
                raise _error(path, node, name, "missing: every entry needs " + ", ".join(_FIELDS))
        if not isinstance(values["year"], int) or not 1945 <= values["year"] <= 2100:
            raise _error(path, lines["year"], "year", "write the year as a number, e.g. 2023")
        key = str(values["key"])
        if keys(_spelled(key)) != [key] and not key.startswith(("SKB", "SE ")):
            # A numbered act's key must be the normalised form, or no text would match it.
            hint = keys(_spelled(key))
            fix = f"write {hint[0]!r}" if hint else "write it as 'UU 20/2023', 'PP 94/2021', ..."
            raise _error(path, lines["key"], "key", f"{key!r} is not a normalised key: {fix}")
        url = str(values.get("url") or "")
        if url and not url.startswith("https://"):
            raise _error(path, lines["url"], "url", "the official address starts with https://")
        aliases = values.get("aliases") or []
        if not isinstance(aliases, list):
            raise _error(path, lines["aliases"], "aliases", "write a list: [SKB, ...]")
        regulation = Regulation(
            key=key,
            slug=slug_of(key),
            short=str(values["short"]),
            title=str(values["title"]),
            issuer=str(values["issuer"]),
            year=values["year"],
            url=url,
            aliases=tuple(str(a) for a in aliases),
        )
        for name in (key, *regulation.aliases):
            if name in out:
                raise _error(path, node, "key", f"{name!r} is listed twice: keep one entry")
            out[name] = regulation
    return out


def _spelled(key: str) -> str:
    """A key written as an article would (``UU 20/2023`` -> ``UU Nomor 20 Tahun 2023``), to
    check that the recogniser gives the key back."""
    m = re.fullmatch(r"(.+) (\d+)/(\d{4})", key)
    return f"{m[1]} Nomor {m[2]} Tahun {m[3]}" if m else key


@cache
def vocabulary(data_dir: Path = DATA_DIR) -> dict[str, Regulation]:
    """The regulations of data/regulations.yml by key and alias, read once per process."""
    return read_vocabulary(Path(data_dir) / "regulations.yml")


def regulations(data_dir: Path = DATA_DIR) -> list[Regulation]:
    """Each regulation once, in key order."""
    unique = {r.key: r for r in vocabulary(data_dir).values()}
    return [unique[k] for k in sorted(unique)]
