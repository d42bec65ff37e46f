"""The one definition of an archive article: its fields, their types and allowed values.

Everything that reads or writes an article goes through here: the ingest command (to write a
draft), ``invoke check`` (to validate without building) and the Pelican build (the
``validation`` plugin). Nothing here imports Pelican.

A problem is reported as ``path:line: field: message``, where the message says what is wrong
and how to fix it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import hashlib
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from arsip import gazetteer, links

DATA_DIR = Path(os.environ.get("ARSIP_DATA_DIR", Path(__file__).resolve().parent.parent / "data"))

#: The value of ``source`` when the outlet is not known. The site says so explicitly.
UNKNOWN_SOURCE = "Tidak diketahui"

FRONT_MATTER_FENCE = "---"

#: Bounds of what is read: an article is a few pages of text and a dozen short fields.
MAX_FILE_BYTES = 1_000_000
MAX_FRONT_MATTER_CHARS = 8_000

#: Control characters (C0 but tab and line feed, DEL, C1) and the line and paragraph
#: separators: never part of an article's text. They arrive pasted from PDFs and terminals,
#: are invisible in most editors, and some cannot be written into XML (feeds, sitemap).
CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
#: Bidirectional-text controls: they reorder what a reader sees ("Trojan source"), and
#: Indonesian text never needs them.
BIDI_RE = re.compile(r"[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
#: Characters that show nothing: format characters (zero-width space, joiners, byte-order
#: mark, soft hyphen...) and white space of any kind.
INVISIBLE_RE = re.compile(
    r"[\s\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u2060-\u206f"
    r"\u3164\ufeff\uffa0\ufe00-\ufe0f]"
)
#: Format characters (zero width) refused inside one-line fields: a name with one looks the
#: same as the name without it, yet is another official, region or source.
ZERO_WIDTH_RE = re.compile(r"[\u00ad\u180e\u200b-\u200d\u2060-\u2064\ufeff]")

_ESCAPES = {
    c: f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}"
    for c in (
        *range(0x20),
        *range(0x7F, 0xA0),
        0x2028,
        0x2029,
        0x061C,
        0x200E,
        0x200F,
        *range(0x202A, 0x202F),
        *range(0x2066, 0x206A),
    )
}
_ESCAPES.update({ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t"})


def escape_controls(text: str) -> str:
    """``text`` with control, line-separator and bidi characters written as escapes."""
    return text.translate(_ESCAPES)


def excerpt(value: Any, limit: int = 40) -> str:
    """A short, escaped quotation of a contributor's value for a message: at most
    ``limit`` characters, invisible and control characters as escapes, other types named."""
    if isinstance(value, str):
        short = value if len(value) <= limit else value[:limit]
        text = repr(short)
        return text if short is value else f"{text[:-1]}...{text[-1]}"
    if isinstance(value, (bool, int, float)) or value is None:
        return excerpt(str(value), limit)
    return f"a {type(value).__name__}"


def character_problem(text: str, multiline: bool = False) -> str | None:
    """What is wrong with the characters of a text: control, bidi or (in a one-line field)
    zero-width characters, with the first one named and located; None when all are fine."""
    m = CONTROL_RE.search(text) if multiline else _FIELD_CONTROL_RE.search(text)
    kind = "a control character"
    if m is None:
        m, kind = BIDI_RE.search(text), "a bidirectional-text control"
    if m is None and not multiline:
        m, kind = ZERO_WIDTH_RE.search(text), "an invisible (zero-width) character"
    if m is None:
        return None
    ch = m.group()
    if ch == "\n":
        return "must be on one line"
    column = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
    place = f"column {column}" if multiline else f"position {column}"
    return (
        f"contains {kind}, U+{ord(ch):04X} at {place} (often pasted from a PDF, a terminal or "
        "a web page): delete it, e.g. retype the words around it"
    )


_FIELD_CONTROL_RE = re.compile(CONTROL_RE.pattern[:-1] + r"\t\n]")


def is_invisible(text: str) -> bool:
    """True when ``text`` shows nothing: only white space and format characters."""
    return not INVISIBLE_RE.sub("", text)


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One thing wrong with one article, located to a line."""

    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        # Every part may carry a contributor's text (a file name, an unknown field's name):
        # control characters are shown escaped, so one problem is always one line and never
        # a terminal escape sequence or a CI workflow command.
        return (
            f"{escape_controls(self.path)}:{self.line}: {escape_controls(self.field)}: "
            f"{escape_controls(self.message)}"
        )


class ArticleError(ValueError):
    """Raised with every problem of one or more articles."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


# --------------------------------------------------------------------------- vocabularies


@dataclass(frozen=True)
class Vocabulary:
    """Allowed values read from ``data/``: tags, elections (with milestones) and roles."""

    tags: dict[str, str]  # name -> description
    elections: dict[str, list[dict[str, Any]]]  # name -> milestones
    role_prefixes: tuple[str, ...]
    roles: tuple[str, ...]
    role_abbreviations: dict[str, str]

    def canonical_roles(self) -> set[str]:
        """Every allowed role: each base role, alone or after a prefix."""
        out = set(self.roles)
        out.update(f"{p} {r}" for p in self.role_prefixes for r in self.roles)
        return out

    @cached_property
    def _canonical_roles(self) -> frozenset[str]:
        # Checked for every article: built once per vocabulary.
        return frozenset(self.canonical_roles())


def _read_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_Loader)


def current_data_dir() -> Path:
    """The folder of the vocabularies and registries: ``ARSIP_DATA_DIR`` as it is now (a
    generated archive or a test points it at its own data), else :data:`DATA_DIR`."""
    return Path(os.environ.get("ARSIP_DATA_DIR") or DATA_DIR)


def vocabulary(data_dir: Path | None = None) -> Vocabulary:
    """The vocabularies of ``data_dir`` (by default :func:`current_data_dir`), read once."""
    return _vocabulary(Path(data_dir or current_data_dir()))


@cache
def _vocabulary(data_dir: Path) -> Vocabulary:
    tags = {t["name"]: t.get("description", "") for t in _read_yaml(data_dir / "tags.yml")}
    elections = {
        e["name"]: [
            {**m, "date": _as_date(m["date"]), "end": _as_date(m.get("end"))}
            for m in e.get("milestones", [])
        ]
        for e in _read_yaml(data_dir / "elections.yml")
    }
    roles = _read_yaml(data_dir / "roles.yml")
    return Vocabulary(
        tags=tags,
        elections=elections,
        role_prefixes=tuple(roles["prefixes"]),
        roles=tuple(roles["roles"]),
        role_abbreviations=dict(roles.get("abbreviations", {})),
    )


def preload() -> None:
    """Load the vocabularies and the gazetteer now rather than at the first article: a
    process that prepares articles in forked workers calls this before forking, so that the
    workers share one copy instead of each loading its own."""
    vocabulary()
    gazetteer.regencies()
    gazetteer.provinces()
    from arsip import registry

    registry.load()


def _as_date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


# --------------------------------------------------------------------------- YAML loading

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """libyaml's safe loader (C, about 10x faster than PyYAML's pure-Python one) that keeps
    dates as strings, so a date such as 2024-13-01 reaches the schema, which can say what is
    wrong with it, instead of failing inside YAML."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}

_KEY_LINE = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:", re.MULTILINE)
#: Fields whose value is a list of mappings, and the start of one of their items.
LIST_FIELDS = ("people", "quotes")
_ITEM_LINE = re.compile(r"^([ \t]*)-(?:[ \t]|$)")


@dataclass
class Parsed:
    """An article file split into its metadata and body, with the line of each field."""

    path: str
    meta: dict[str, Any]
    body: str
    body_line: int  # line number of the body's first line in the file
    lines: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    #: The line of each item of a block list (``people``, ``quotes``), by field.
    item_lines: dict[str, list[int]] = field(default_factory=dict)

    def line_of(self, name: str) -> int:
        """The line of a field, or of the front-matter's opening fence when it is absent."""
        return self.lines.get(name, 1)

    def line_of_item(self, name: str, number: int) -> int:
        """The line of item ``number`` (1-based) of a list field, else the field's line."""
        items = self.item_lines.get(name, [])
        return items[number - 1] if 0 < number <= len(items) else self.line_of(name)


def parse(text: str, path: str | os.PathLike[str]) -> Parsed:
    """Split an article into YAML front-matter and Markdown body; report syntax problems."""
    path = str(path)
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != FRONT_MATTER_FENCE:
        return Parsed(
            path,
            {},
            text,
            1,
            problems=[
                Problem(
                    path,
                    1,
                    "front-matter",
                    "missing: the file must start with a line '---', then the fields "
                    "(title, date, region, ...), then another '---' line",
                )
            ],
        )
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "..."))
    except StopIteration:
        return Parsed(
            path,
            {},
            "",
            len(lines),
            problems=[
                Problem(
                    path,
                    1,
                    "front-matter",
                    "not closed: add a line '---' after the last field",
                )
            ],
        )
    body = "\n".join(lines[end + 1 :])
    parsed = Parsed(path, {}, body, end + 2)
    size = sum(len(line) + 1 for line in lines[1:end])
    if size > MAX_FRONT_MATTER_CHARS:
        parsed.problems.append(
            Problem(
                path,
                1,
                "front-matter",
                f"is {size} characters long, at most {MAX_FRONT_MATTER_CHARS}: the fields are "
                "a dozen short lines; the text goes below the second '---'",
            )
        )
        return parsed
    for i, line in enumerate(lines[1:end], start=1):
        if CONTROL_RE.search(line):
            # Before YAML reads it: YAML takes some of these (U+0085, U+2028) for line breaks
            # and others for errors, and would name neither.
            key = _KEY_RE.match(line)
            parsed.problems.append(
                Problem(
                    path,
                    i + 1,
                    key.group(1) if key else "front-matter",
                    character_problem(line) or "",
                )
            )
    if parsed.problems:
        return parsed
    current, indent = "", -1
    for i, line in enumerate(lines[1:end], start=2):
        m = _KEY_LINE.match(line)
        if not m:
            if current in LIST_FIELDS and (item := _ITEM_LINE.match(line)):
                # An item of a block list: the first item's indentation is the list's.
                indent = len(item.group(1)) if indent < 0 else indent
                if len(item.group(1)) == indent:
                    parsed.item_lines.setdefault(current, []).append(i)
            continue
        key = m.group(1)
        current, indent = key, -1
        if key in parsed.lines:
            parsed.problems.append(
                Problem(
                    path,
                    i,
                    key,
                    f"appears twice (also on line {parsed.lines[key]}): keep one of them",
                )
            )
        else:
            parsed.lines[key] = i
    try:
        source = "\n".join(lines[1:end])
        reference = _anchor_or_alias(source)
        if reference is not None:
            parsed.problems.append(
                Problem(
                    path,
                    reference + 2,
                    "front-matter",
                    "uses a YAML anchor (&name), alias (*name) or merge key (<<), which articles "
                    "never need: write each value out in full (quote a value that starts with "
                    "&, * or <<)",
                )
            )
            return parsed
        meta = yaml.load(source, Loader=_Loader)
    except yaml.YAMLError as exc:
        # Where the broken construct began (an unclosed quote) is more useful than where the
        # parser gave up (often the end of the front-matter); plain errors only have the latter.
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        context = getattr(exc, "context", None)
        detail = f"{context}, {reason}" if context else reason
        if isinstance(exc, yaml.constructor.ConstructorError) and "for the tag" in reason:
            message = (
                "uses a YAML tag (such as !!python/...), which articles never need: remove it "
                "and write the value as text"
            )
        else:
            # The parser's words may quote the contributor's text: a short part of them.
            message = (
                f"malformed YAML ({excerpt(detail, 120)[1:-1]}); quote values that contain ':' "
                'or start with a special character, e.g. title: "Jelang Pilkada: ..."'
            )
        parsed.problems.append(Problem(path, line, "front-matter", message))
        return parsed
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        parsed.problems.append(
            Problem(
                path,
                2,
                "front-matter",
                "must be a list of 'field: value' lines",
            )
        )
        return parsed
    parsed.meta = {str(k): v for k, v in meta.items()}
    return parsed


_KEY_RE = re.compile(r"^([A-Za-z_][A-Za-z0-9_]{0,39}):")


def _anchor_or_alias(source: str) -> int | None:
    """The 0-based line of the first YAML anchor or alias in ``source``, or None.

    Read from the parser's events, before anything is built: aliases repeat a value without
    copying it, and nine nested ones make a value of hundreds of megabytes once printed."""
    if "&" not in source and "*" not in source and "<<" not in source:
        return None
    for event in yaml.parse(source, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            return event.start_mark.line
        # A merge key (<<) copies a mapping's fields in without their lines.
        if isinstance(event, yaml.ScalarEvent) and event.value == "<<" and event.implicit[0]:
            return event.start_mark.line
    return None


# --------------------------------------------------------------------------- field rules

# An HTML tag, comment or declaration. Article text and fields are plain text and Markdown:
# refusing markup here (and escaping it in the Markdown renderer) keeps contributors' text
# from injecting script, frames or event handlers into pages.
HTML_RE = re.compile(r"<\s*/?\s*[A-Za-z!?][^>]*>|<!--")
_BAD_SCHEME_RE = re.compile(r"(?i)\b(?:javascript|vbscript|data|file)\s*:")
# An off-site address written as such (links.classify also finds disguised ones).
_ABSOLUTE_URL_RE = re.compile(r"(?i)^(?:https?://[^\\/]|mailto:)")
# A Markdown link or image target: [text](target) or ![alt](target).
_MD_LINK_RE = re.compile(r"(!?)\[[^\]]*\]\(\s*<?([^)\s>]*)")

# Honorifics and academic degrees that stay out of an official's name.
_HONORIFIC_WORDS = {"h", "hj", "drs", "dra", "dr", "ir", "prof", "kh", "tgk", "bapak", "ibu"}
_DEGREE_WORDS = {
    "se", "sh", "mm", "mh", "st", "mt", "msi", "mpd", "spd", "ssos", "sip", "skom", "map",
    "mkes", "skm", "sstp", "mag", "sag", "shi", "sp", "mp", "msc", "phd", "mba", "ak", "ba",
    "ma", "spdi", "ssi", "msos", "mkn", "sked", "dipl", "ipu", "ipm",
}  # fmt: skip


def honorifics_in(name: str) -> list[str]:
    """The honorifics, degrees and titles in a person's name ("H.", "S.Pd.", "M.Si")."""
    found = []
    if "," in name:
        found.append(name[name.index(",") :].strip())
        name = name[: name.index(",")]
    for token in name.split():
        bare = token.replace(".", "").lower()
        dotted = "." in token
        if (
            (bare in _HONORIFIC_WORDS and (dotted or bare in {"bapak", "ibu"}))
            or (bare in _DEGREE_WORDS and (dotted or token.isupper() or len(bare) > 2))
            or re.fullmatch(r"[SMD]\.[A-Za-z]{1,4}\.?", token)
        ):
            found.append(token)
    return found


_CODE_SPAN_RE = re.compile(r"`[^`]*`")
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def _plain_text(value: Any, what: str, min_len: int, max_len: int) -> str | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return (
            f"is a number ({excerpt(value)}), not text: write {what}, or put the value in "
            'double quotes ("...") if it really is that'
        )
    if not isinstance(value, str):
        return f"must be text ({what}), got {excerpt(value)}"
    problem = character_problem(value)
    if problem:
        return problem
    if is_invisible(value):
        return f"is empty or shows nothing (only invisible characters): write {what}"
    value = value.strip()
    if len(value) < min_len:
        return f"is too short: write {what}"
    if len(value) > max_len:
        return f"is too long ({len(value)} characters, at most {max_len})"
    if HTML_RE.search(value) or _TAG_START_RE.search(value):
        return "contains HTML markup, which is not allowed: write plain text"
    return None


# The start of an HTML tag, closed or not ("<img src=x"): a field is text, and a "<" before
# a letter is never needed in one (an unclosed tag still becomes markup where text is decoded
# as HTML, e.g. a feed reader).
_TAG_START_RE = re.compile(r"<\s*/?\s*[A-Za-z!?]")


def check_title(value: Any, voc: Vocabulary) -> str | None:
    return _plain_text(value, "the article's headline", 5, 250)


def check_title_editorial(value: Any, voc: Vocabulary) -> str | None:
    if not isinstance(value, bool):
        return "must be true (the title was written by an editor) or false"
    return None


def check_date(value: Any, voc: Vocabulary) -> str | None:
    if isinstance(value, dt.date):
        value = value.isoformat()[:10]
    if not isinstance(value, str) or not DATE_RE.match(value.strip()):
        return f"{excerpt(value)} is not a date in the form YYYY-MM-DD, e.g. 2024-08-19"
    y, m, d = (int(x) for x in DATE_RE.match(value.strip()).groups())  # type: ignore[union-attr]
    if not 1 <= m <= 12:
        return f"{value} has no month {m}: write YYYY-MM-DD with a month from 01 to 12"
    try:
        date = dt.date(y, m, d)
    except ValueError:
        return f"{value} is not a day of the calendar (month {m:02d} of {y} has no day {d})"
    if not dt.date(1998, 1, 1) <= date <= dt.date(2100, 1, 1):
        return f"{value} is outside the archive's range (1998 onwards)"
    return None


def check_region(value: Any, voc: Vocabulary) -> str | None:
    problem = _plain_text(value, "a kabupaten/kota name such as 'Kota Bukittinggi'", 3, 80)
    if problem:
        return problem
    if gazetteer.lookup(value.strip()) is None:
        hint = gazetteer.suggest(value.strip())
        did_you_mean = f"; did you mean {' or '.join(repr(h) for h in hint)}?" if hint else ""
        return (
            f"unknown region {excerpt(value)}: use the Kemendagri name of a kabupaten, kota or "
            f"province, e.g. 'Kota Bukittinggi', 'Kabupaten Bengkulu Selatan'{did_you_mean}"
        )
    return None


def check_province(value: Any, voc: Vocabulary) -> str | None:
    problem = _plain_text(value, "a province name such as 'Sumatera Barat'", 3, 80)
    if problem:
        return problem
    if value.strip() not in gazetteer.provinces():
        hint = difflib.get_close_matches(value.strip(), list(gazetteer.provinces()), 2, 0.6)
        did_you_mean = f"; did you mean {' or '.join(repr(h) for h in hint)}?" if hint else ""
        return f"unknown province {excerpt(value)}{did_you_mean}"
    return None


def check_official(value: Any, voc: Vocabulary) -> str | None:
    problem = _plain_text(value, "the name of the person who made the statement", 2, 80)
    if problem:
        return problem
    found = honorifics_in(value)
    if found:
        return (
            f"write the name without honorifics or degrees ({', '.join(found)}): "
            "e.g. 'Hani Syopiar Rustam', not 'H. Hani Syopiar Rustam, S.H.'"
        )
    return None


def check_role(value: Any, voc: Vocabulary) -> str | None:
    problem = _plain_text(value, "the official's role such as 'Pjs Wali Kota'", 2, 80)
    if problem:
        return problem
    value = " ".join(value.replace(".", " ").split())
    if value in voc._canonical_roles:
        return None
    words = value.split(" ", 1)
    prefix, rest = (
        (words[0], words[1])
        if words[0] in voc.role_prefixes and len(words) > 1
        else (
            "",
            value,
        )
    )
    expanded = voc.role_abbreviations.get(rest)
    if expanded:
        fixed = f"{prefix} {expanded}".strip()
        return f"write the role in full: {fixed!r} instead of {excerpt(value)}"
    return (
        f"unknown role {excerpt(value)}: use one of {', '.join(voc.roles)}, optionally after "
        f"{'/'.join(voc.role_prefixes)} (e.g. 'Pjs Bupati'); add new roles to data/roles.yml"
    )


def check_source(value: Any, voc: Vocabulary) -> str | None:
    return _plain_text(
        value,
        f"the outlet's name as it names itself, or '{UNKNOWN_SOURCE}' when the text names none",
        2,
        100,
    )


_URL_BAD_CHAR_RE = re.compile(r"[\s\"'<>`\\]")


def check_source_url(value: Any, voc: Vocabulary) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return "must be the article's web address, starting with https:// or http://"
    problem = character_problem(value)
    if problem:
        return problem
    value = value.strip()
    if len(value) > 2000:
        return f"is too long ({len(value)} characters, at most 2000): copy the address again"
    if _URL_BAD_CHAR_RE.search(value):
        return "must be a single web address without spaces, quotes, backslashes or angle brackets"
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return f"{excerpt(value)} is not an http(s) address: it must start with https:// or http://"
    return None


def check_election(value: Any, voc: Vocabulary) -> str | None:
    if not isinstance(value, str) or value.strip() not in voc.elections:
        return (
            f"{excerpt(value)} is not a known election: use one of {', '.join(voc.elections)} "
            "(add new ones to data/elections.yml)"
        )
    return None


def check_tags(value: Any, voc: Vocabulary) -> str | None:
    if isinstance(value, str):
        return "must be a list, e.g. tags: [netralitas ASN, apel]"
    if not isinstance(value, list) or not value:
        return "needs at least one tag from data/tags.yml, e.g. tags: [netralitas ASN]"
    seen: set[str] = set()
    for tag in value:
        if not isinstance(tag, str):
            return f"tag {excerpt(tag)} must be text"
        if tag in seen:
            return f"tag {excerpt(tag)} is listed twice"
        seen.add(tag)
        if tag not in voc.tags:
            hint = difflib.get_close_matches(tag, list(voc.tags), 1, 0.6)
            did_you_mean = f" (did you mean {hint[0]!r}?)" if hint else ""
            return (
                f"{excerpt(tag)} is not in the tag vocabulary{did_you_mean}: use the tags listed in "
                "data/tags.yml, or add it there with a description"
            )
    return None


def check_summary(value: Any, voc: Vocabulary) -> str | None:
    return _plain_text(value, "a one-sentence summary", 10, 400)


def check_review(value: Any, voc: Vocabulary) -> str | None:
    items = value if isinstance(value, list) else [value]
    fields = ", ".join(excerpt(v, 20).strip("'\"") for v in items[:12])
    fields += ", ..." if len(items) > 12 else ""
    return (
        f"the draft still needs review ({fields}): check those fields against the source, "
        "correct them, then delete the 'review' line"
    )


def check_quote_text(value: Any, voc: Vocabulary) -> str | None:
    """The words of a quote: text of a few lines at most, no markup, no invisible controls."""
    from arsip.messages import t

    if not isinstance(value, str):
        return t("quotes.text_type", value=excerpt(value))
    problem = character_problem(value, multiline=True)
    if problem:
        return problem
    if is_invisible(value):
        return t("quotes.text_empty")
    if len(value.strip()) > MAX_QUOTE_CHARS:
        return t("quotes.text_long", length=len(value.strip()), limit=MAX_QUOTE_CHARS)
    if HTML_RE.search(value) or _TAG_START_RE.search(value):
        return t("quotes.text_html")
    return None


MAX_QUOTE_CHARS = 3000

#: The fields of one item of ``people`` and of ``quotes``, each with its rule (a person or a
#: speaker is written like the official: the registry then decides who it is).
ITEM_FIELDS: dict[str, dict[str, Callable[[Any, Vocabulary], str | None]]] = {
    "people": {"person": check_official, "role": check_role},
    "quotes": {"speaker": check_official, "text": check_quote_text},
}


def item_problems(name: str, value: Any, voc: Vocabulary) -> list[tuple[int, str]]:
    """Problems of the structure of a list field (``people``, ``quotes``): (item number, or
    0 for the whole list, message). Names are checked against the registry elsewhere."""
    from arsip.messages import t

    if not isinstance(value, list) or not value:
        return [(0, t(f"{name}.not_list"))]
    rules = ITEM_FIELDS[name]
    out = []
    for number, item in enumerate(value, start=1):
        if not isinstance(item, dict) or set(item) != set(rules):
            out.append((number, t(f"{name}.item", number=number)))
            continue
        for key, rule in rules.items():
            empty = item[key] is None or item[key] == ""
            message = t("list.empty") if empty else rule(item[key], voc)
            if message:
                out.append((number, t(f"{name}.field", number=number, field=key, message=message)))
    return out


def check_people(value: Any, voc: Vocabulary) -> str | None:
    problems = item_problems("people", value, voc)
    return problems[0][1] if problems else None


def check_quotes(value: Any, voc: Vocabulary) -> str | None:
    problems = item_problems("quotes", value, voc)
    return problems[0][1] if problems else None


@dataclass(frozen=True)
class Field:
    """One front-matter field."""

    name: str
    required: bool
    check: Callable[[Any, Vocabulary], str | None]
    label: str  # Indonesian label shown on the site and in the data exports' documentation
    help: str  # English help for editors and error messages


FIELDS: dict[str, Field] = {
    f.name: f
    for f in (
        Field("title", True, check_title, "Judul", "headline as published, plain text"),
        Field(
            "title_editorial",
            False,
            check_title_editorial,
            "Judul dari redaksi",
            "true when the text had no headline and an editor wrote the title",
        ),
        Field("date", True, check_date, "Tanggal", "date of the statement/article, YYYY-MM-DD"),
        Field("region", True, check_region, "Daerah", "Kemendagri kabupaten/kota name"),
        Field("province", True, check_province, "Provinsi", "the region's province"),
        Field("official", True, check_official, "Pejabat", "who made the statement, no titles"),
        Field("role", True, check_role, "Jabatan", "expanded role: Pjs Wali Kota, Sekretaris..."),
        Field("source", True, check_source, "Sumber", f"outlet, or '{UNKNOWN_SOURCE}'"),
        Field("source_url", False, check_source_url, "Tautan sumber", "http(s) address"),
        Field(
            "archived",
            False,
            check_date,
            "Diarsipkan",
            "date the archive saved the text, YYYY-MM-DD (ingest writes it)",
        ),
        Field("election", True, check_election, "Pemilihan", "Pilkada 2020, Pilkada 2024, ..."),
        Field("tags", True, check_tags, "Tag", "list of tags from data/tags.yml"),
        Field("summary", False, check_summary, "Ringkasan", "optional one-sentence summary"),
        Field(
            "people",
            False,
            check_people,
            "Orang lain",
            "everyone else quoted or named as acting: list of person (name or id) and role",
        ),
        Field(
            "quotes",
            False,
            check_quotes,
            "Kutipan",
            "direct quotes in article order: speaker (the official or one of people), text",
        ),
        Field("review", False, check_review, "Perlu diperiksa", "fields ingest was unsure of"),
    )
}

#: Fields in the order they are written to a draft and shown on the site.
FIELD_ORDER: tuple[str, ...] = tuple(FIELDS)


def validate(parsed: Parsed, voc: Vocabulary | None = None, registry: Any = None) -> list[Problem]:
    """Every problem of one parsed article: syntax, fields, cross-field rules, the names it
    gives (against ``registry``, by default :func:`arsip.registry.load`) and body."""
    voc = voc or vocabulary()
    problems = list(parsed.problems)
    if any(p.field in ("front-matter", "file") for p in problems) or (problems and not parsed.meta):
        return problems  # nothing was read: every field would be "missing"
    meta, path = parsed.meta, parsed.path
    for name, value in meta.items():
        spec = FIELDS.get(name)
        if spec is None:
            hint = difflib.get_close_matches(name, list(FIELDS), 1, 0.7)
            did_you_mean = f"did you mean {hint[0]!r}? " if hint else ""
            problems.append(
                Problem(
                    path,
                    parsed.line_of(name),
                    name if len(name) <= 40 else name[:40] + "...",
                    f"unknown field: {did_you_mean}allowed fields are {', '.join(FIELDS)}",
                )
            )
            continue
        if value is None or value == "":
            if spec.required:
                problems.append(Problem(path, parsed.line_of(name), name, f"is empty: {spec.help}"))
            continue
        if name in LIST_FIELDS:
            problems.extend(
                Problem(path, parsed.line_of_item(name, number), name, message)
                for number, message in item_problems(name, value, voc)
            )
            continue
        message = spec.check(value, voc)
        if message:
            problems.append(Problem(path, parsed.line_of(name), name, message))
    for spec in FIELDS.values():
        if spec.required and spec.name not in meta:
            problems.append(
                Problem(path, 1, spec.name, f"missing: add a line '{spec.name}: ...' ({spec.help})")
            )
    region = gazetteer.lookup(str(meta.get("region", "")).strip())
    province = str(meta.get("province", "")).strip()
    if region and province in gazetteer.provinces() and region.province != province:
        problems.append(
            Problem(
                path,
                parsed.line_of("province"),
                "province",
                f"{meta['region']} lies in {region.province}, not {province}",
            )
        )
    problems = check_references(parsed, problems, registry)
    problems.extend(check_body(parsed))
    problems.extend(check_location(parsed))
    return problems


def check_references(
    parsed: Parsed, problems: list[Problem], registry: Any = None
) -> list[Problem]:
    """``problems`` with those of the names an article gives: ``official``, ``source`` (and
    the outlet of ``source_url``), each person of ``people`` and each quote's speaker must be
    an entry of the registry, written as the registry writes it (:mod:`arsip.registry`); a
    quote's speaker is the official or one of ``people``, and its words are in the text.

    A draft (an article with a ``review`` line, which fails the check by itself) may name
    people and outlets that are near no entry: their entries are written for review beside
    it, and its names are checked against them once the ``review`` line is deleted."""
    from arsip import registry as registries
    from arsip.messages import t

    reg = registry or registries.load()
    meta, path = parsed.meta, parsed.path
    bad = {p.field for p in problems}
    out = list(problems)
    draft = bool(meta.get("review"))

    def key(found: Any, ref: str) -> str | None:
        """Who a name stands for: an entry's id, a draft's new name as written, or None."""
        if found.entry is not None:
            return found.entry.id
        return f"new:{ref.strip()}" if draft and found.kind == "unknown" else None

    official = meta.get("official")
    official_id = None
    if isinstance(official, str) and "official" not in bad:
        found = registries.resolve_person(reg, official)
        official_id = key(found, official)
        if official_id is None:
            out.append(Problem(path, parsed.line_of("official"), "official", found.message or ""))
    elif isinstance(official, str) and honorifics_in(official):
        # The name with its titles: say which entry it is, beside the titles to remove.
        near = reg.suggest_person(official)[:3]
        if near:
            choices = t("registry.or").join(registries._person_choice(reg, p) for p in near)
            out = [
                dataclasses.replace(
                    p, message=f"{p.message}; {t('registry.did_you_mean', choices=choices)}"
                )
                if p.field == "official"
                else p
                for p in out
            ]
    source = meta.get("source")
    if isinstance(source, str) and "source" not in bad:
        outlet = None
        if source.strip() != UNKNOWN_SOURCE:
            found = registries.resolve_outlet(reg, source)
            if key(found, source) is None:
                out.append(Problem(path, parsed.line_of("source"), "source", found.message or ""))
            outlet = found.entry
        url = meta.get("source_url")
        if (
            isinstance(url, str)
            and "source_url" not in bad
            and (outlet or source.strip() == UNKNOWN_SOURCE)
        ):
            site = reg.outlet_for_url(url)
            if site is not None and site != outlet:
                domain = (urlsplit(url.strip()).hostname or "").lower()
                out.append(
                    Problem(
                        path,
                        parsed.line_of("source"),
                        "source",
                        t("registry.url_outlet", domain=domain, outlet=site.name),
                    )
                )
    present = {official_id} if official_id else set()
    people = meta.get("people")
    people_ok = "people" not in bad  # else a speaker may be missing from people for that
    if isinstance(people, list) and people_ok:
        first: dict[str, int] = {}
        for number, item in enumerate(people, start=1):
            line = parsed.line_of_item("people", number)
            found = registries.resolve_person(reg, item["person"])
            pid = key(found, item["person"])
            if pid is None:
                out.append(
                    Problem(
                        path,
                        line,
                        "people",
                        t("people.field", number=number, field="person", message=found.message),
                    )
                )
                people_ok = False
                continue
            ref = excerpt(item["person"])
            if pid == official_id:
                out.append(
                    Problem(path, line, "people", t("people.is_official", number=number, ref=ref))
                )
            elif pid in first:
                out.append(
                    Problem(
                        path,
                        line,
                        "people",
                        t("people.duplicate", number=number, ref=ref, first=first[pid]),
                    )
                )
            else:
                first[pid] = number
                present.add(pid)
    quotes = meta.get("quotes")
    if isinstance(quotes, list) and "quotes" not in bad:
        text = " ".join(_QUOTE_MARKS_RE.sub('"', parsed.body).split())
        for number, item in enumerate(quotes, start=1):
            line = parsed.line_of_item("quotes", number)
            found = registries.resolve_person(reg, item["speaker"])
            sid = key(found, item["speaker"])
            if sid is None:
                out.append(
                    Problem(
                        path,
                        line,
                        "quotes",
                        t("quotes.field", number=number, field="speaker", message=found.message),
                    )
                )
            elif sid not in present and official_id and people_ok:
                out.append(
                    Problem(
                        path,
                        line,
                        "quotes",
                        t("quotes.speaker", number=number, ref=excerpt(item["speaker"])),
                    )
                )
            words = " ".join(_QUOTE_MARKS_RE.sub('"', item["text"]).split())
            if words not in text:
                out.append(Problem(path, line, "quotes", t("quotes.not_in_body", number=number)))
    return out


# Curly and straight double quote marks are one mark when a quote's words are looked up in
# the text (an editor's front-matter may use straight marks for the text's curly ones).
_QUOTE_MARKS_RE = re.compile(r"[\u201c\u201d\u201e\u201f\u00ab\u00bb\"]")


#: A page (content/pages/<name>.md, about the archive) has a title, Markdown text and at most
#: the choice of one of the theme's page templates; Pelican's other fields (slug, url,
#: save_as, status...) would change where or how it is written, so they are refused like any
#: unknown field.
PAGE_FIELDS = ("title", "template")
#: The theme's templates a page may name (theme/templates/<name>.html).
PAGE_TEMPLATES = ("page", "about")


def validate_page(parsed: Parsed) -> list[Problem]:
    """Every problem of one parsed page: syntax, its title, and the same body rules as an
    article's."""
    problems = list(parsed.problems)
    if any(p.field in ("front-matter", "file") for p in problems) or (problems and not parsed.meta):
        return problems
    for name, value in parsed.meta.items():
        if name not in PAGE_FIELDS:
            problems.append(
                Problem(
                    parsed.path,
                    parsed.line_of(name),
                    name if len(name) <= 40 else name[:40] + "...",
                    f"unknown field: a page has only {', '.join(PAGE_FIELDS)}; remove this line",
                )
            )
        elif name == "template":
            if value not in PAGE_TEMPLATES:
                problems.append(
                    Problem(
                        parsed.path,
                        parsed.line_of(name),
                        name,
                        f"{excerpt(value)} is not a page template: use one of "
                        f"{', '.join(PAGE_TEMPLATES)}, or remove this line",
                    )
                )
        else:
            message = _plain_text(value, "the page's title", 2, 120)
            if message:
                problems.append(Problem(parsed.path, parsed.line_of(name), name, message))
    if "title" not in parsed.meta:
        problems.append(Problem(parsed.path, 1, "title", "missing: add a line 'title: ...'"))
    problems.extend(check_body(parsed))
    return problems


def check_body(parsed: Parsed) -> list[Problem]:
    """The body is Markdown text: no raw HTML, no images, no script links."""
    problems = []
    if is_invisible(parsed.body):
        problems.append(Problem(parsed.path, parsed.body_line, "body", "is empty: paste the text"))
    message = character_problem(parsed.body, multiline=True)
    if message:
        m = CONTROL_RE.search(parsed.body) or BIDI_RE.search(parsed.body)
        line = parsed.body_line + parsed.body.count("\n", 0, m.start() if m else 0)
        problems.append(Problem(parsed.path, line, "body", message))
    # Markup needs a "<", a link or an image a "](": most bodies have neither, and most
    # lines of the others neither (each line is looked at only when it has one).
    if "<" not in parsed.body and "](" not in parsed.body:
        return problems
    for offset, line in enumerate(parsed.body.split("\n")):
        lineno = parsed.body_line + offset
        # Inside a code span, markup is shown as text (Markdown escapes it): not a problem.
        if "<" in line and HTML_RE.search(_CODE_SPAN_RE.sub("", line)):
            problems.append(
                Problem(
                    parsed.path,
                    lineno,
                    "body",
                    "contains HTML markup, which is not allowed: remove the tag or write "
                    "the text in Markdown",
                )
            )
        for bang, target in _MD_LINK_RE.findall(line) if "](" in line else ():
            if bang:
                problems.append(
                    Problem(
                        parsed.path,
                        lineno,
                        "body",
                        "contains an image: images are not archived; remove it",
                    )
                )
            elif (
                target
                and links.classify(target) == "offsite"
                and not _ABSOLUTE_URL_RE.match(target)
            ):
                problems.append(
                    Problem(
                        parsed.path,
                        lineno,
                        "body",
                        f"link target {excerpt(target)} leads to another site without saying "
                        "so: write the full address, starting with https://",
                    )
                )
            elif target and not re.match(
                r"(?i)^(https?://|/|#|\.{0,2}/|[\w-]+(/|\.html|$))", target
            ):
                problems.append(
                    Problem(
                        parsed.path,
                        lineno,
                        "body",
                        f"link target {excerpt(target)} is not allowed: use an http(s) address",
                    )
                )
            elif _BAD_SCHEME_RE.match(target):
                problems.append(
                    Problem(parsed.path, lineno, "body", "javascript: and data: links are refused")
                )
    return problems


def check_location(parsed: Parsed) -> list[Problem]:
    """An article lives at ``articles/<year>/<slug>.md``: its URL derives from that path."""
    path = Path(parsed.path)
    problems = []
    if path.suffix != ".md":
        return problems
    if not SLUG_RE.match(path.stem):
        problems.append(
            Problem(
                parsed.path,
                1,
                "file name",
                f"{excerpt(path.name)} must be lower-case words joined by hyphens (a slug of the title), "
                "e.g. sekda-ingatkan-asn-jaga-netralitas.md",
            )
        )
    date = str(parsed.meta.get("date", ""))
    folder = path.parent.name
    if DATE_RE.match(date) and folder.isdigit() and len(folder) == 4 and folder != date[:4]:
        problems.append(
            Problem(
                parsed.path,
                parsed.line_of("date"),
                "date",
                f"the file is in folder {folder}/ but dated {date}: move it to "
                f"articles/{date[:4]}/ or correct the date",
            )
        )
    return problems


# --------------------------------------------------------------------------- whole archive


def body_fingerprint(body: str) -> str:
    """A hash of the body's words, ignoring case, punctuation and white space."""
    words = re.findall(r"\w+", body.lower())
    return hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Identity:
    """What makes an article the same as another: its file name, source URL and text."""

    path: str
    source_url: str
    fingerprint: str
    source_url_line: int = 1

    @classmethod
    def of(cls, parsed: Parsed) -> Identity:
        url = parsed.meta.get("source_url")
        return cls(
            parsed.path,
            url.strip() if isinstance(url, str) else "",
            body_fingerprint(parsed.body),
            parsed.line_of("source_url"),
        )


def cross_check(articles: Iterable[Identity]) -> list[Problem]:
    """Problems between articles: the same source URL, file name or text in two files."""
    problems: list[Problem] = []
    seen: dict[tuple[str, str], Identity] = {}
    what = {
        "slug": ("file name", "the same file name (and so the same URL)"),
        "text": ("body", "the same text"),
        "source_url": ("source_url", "the same source_url"),
    }
    for art in sorted(articles, key=lambda a: a.path):
        keys = [("slug", Path(art.path).stem), ("text", art.fingerprint)]
        if art.source_url:
            keys.append(("source_url", art.source_url.rstrip("/")))
        for kind, key in keys:
            first = seen.setdefault((kind, key), art)
            if first is art:
                continue
            problems.append(
                Problem(
                    art.path,
                    art.source_url_line if kind == "source_url" else 1,
                    what[kind][0],
                    f"duplicate article: {first.path} has {what[kind][1]}; remove one of them "
                    "or correct this one",
                )
            )
    return problems


def read_article(path: str | os.PathLike[str]) -> Parsed:
    """Read and parse one article file; unreadable or non-UTF-8 files become problems."""
    try:
        with open(path, "rb") as fh:  # not Path(path).read_bytes(): the same, without a Path
            # One byte more than the bound tells a file over it (and a device never ends).
            raw = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        return Parsed(
            str(path),
            {},
            "",
            1,
            problems=[Problem(str(path), 1, "file", f"unreadable: {exc.strerror}")],
        )
    if len(raw) > MAX_FILE_BYTES:
        return Parsed(
            str(path),
            {},
            "",
            1,
            problems=[
                Problem(
                    str(path),
                    1,
                    "file",
                    f"is larger than {MAX_FILE_BYTES // 1_000_000} MB: an article is a few pages "
                    "of text; keep only the article's own text",
                )
            ],
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return Parsed(
            str(path),
            {},
            "",
            line,
            problems=[Problem(str(path), line, "file", "is not UTF-8 text: save it as UTF-8")],
        )
    return parse(text.replace("\r\n", "\n"), path)


def check_paths(paths: Iterable[str | os.PathLike[str]]) -> list[Problem]:
    """Validate article files one by one and against each other (``invoke check``)."""
    voc = vocabulary()
    parsed = [read_article(p) for p in paths]
    problems = [p for art in parsed for p in validate(art, voc)]
    problems.extend(cross_check(Identity.of(a) for a in parsed if not a.problems))
    return sorted(problems)
