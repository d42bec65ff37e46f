"""The registries of people and outlets (``data/people.yml``, ``data/outlets.yml``).

One person is one entry with a stable id, however the news spells the name; one outlet is
one entry with its web domains. Articles name a person by the canonical name (or by the id
when two people share the name) and an outlet by its canonical name. Everything that reads
names goes through here: the schema refuses a spelling variant or a near match of an entry
with "did you mean", ingest maps variants to the entry, ``./dev new`` and ingest append new
entries for review.

Near matching compares *keys*: the name without honorifics and degrees, in lower case,
without punctuation or spaces ("Drs. H. Martias Wanto, M.Si" and "martias-wanto" have one
key). Two keys are near when they are equal or differ by one letter (keys shorter than
:data:`SHORT` letters) or two letters (longer keys). Finding them never compares a name
with the whole registry (see :class:`NearIndex`).

The registry validates itself; its problems are ``path:line: field: message`` like an
article's (:class:`arsip.schema.Problem`), reported by ``invoke check`` and the build.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from rapidfuzz.distance import Levenshtein

from arsip import gazetteer, schema
from arsip.messages import t
from arsip.schema import Problem

PEOPLE_FILE = "people.yml"
OUTLETS_FILE = "outlets.yml"

#: Keys shorter than this many letters are near only within one letter.
SHORT = 8

PERSON_FIELDS = ("id", "name", "spellings", "roles", "distinct_from")
ROLE_FIELDS = ("role", "region", "start", "end")
OUTLET_FIELDS = ("id", "name", "spellings", "domains")

_WORD_RE = re.compile(r"[^\W\d_]+\.?|\d+")
_DOMAIN_RE = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


# --------------------------------------------------------------------------- entries


@dataclass(frozen=True, slots=True)
class Role:
    """A role a person held: in a region, from ``start`` to ``end`` (None: still held or
    not known). Readable as attributes or as a mapping (``r.role`` or ``r["role"]``)."""

    role: str
    region: str
    start: dt.date
    end: dt.date | None = None

    def __getitem__(self, key: str) -> Any:
        if key not in ROLE_FIELDS:
            raise KeyError(key)
        return getattr(self, key)

    def get(self, key: str, default: Any = None) -> Any:
        return getattr(self, key) if key in ROLE_FIELDS else default


@dataclass(frozen=True, slots=True)
class Person:
    """One person: the page /pejabat/<id>/."""

    id: str
    name: str
    spellings: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    distinct_from: tuple[str, ...] = ()
    line: int = field(default=0, compare=False)

    def describe(self) -> str:
        """The person's last role and region, to tell two people with one name apart."""
        if not self.roles:
            return self.id
        last = max(self.roles, key=lambda r: r.start)
        return f"{last.role}, {last.region}"


@dataclass(frozen=True, slots=True)
class Outlet:
    """One outlet: the page /sumber/<id>/."""

    id: str
    name: str
    spellings: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    line: int = field(default=0, compare=False)


# --------------------------------------------------------------------------- name keys

_HONORIFICS = frozenset(
    {"h", "hj", "drs", "dra", "dr", "ir", "prof", "kh", "tgk", "bapak", "ibu", "pak", "bu"}
)


def name_key(name: str) -> str:
    """What two spellings of one name share: no honorifics or degrees (the part after a
    comma, dotted titles such as "H." or "Drs."), no case, punctuation or spaces."""
    base = name.split(",", 1)[0]
    words = []
    for token in _WORD_RE.findall(base):
        bare = token.rstrip(".").lower()
        dotted = token.endswith(".")
        if (bare in _HONORIFICS and (dotted or bare in {"bapak", "ibu"})) or schema.honorifics_in(
            token
        ):
            continue
        words.append(bare)
    return "".join(words)


def outlet_key(name: str) -> str:
    """An outlet's name without case, punctuation or spaces ("ANTARA" and "Antara")."""
    return "".join(ch for ch in name.lower() if ch.isalnum())


def _limit(key: str) -> int:
    return 1 if len(key) < SHORT else 2


def _deletions(key: str, depth: int) -> set[str]:
    """``key`` with up to ``depth`` (1 or 2) letters deleted, itself included."""
    size = len(key)
    out = {key[:i] + key[i + 1 :] for i in range(size)}
    out.add(key)
    if depth > 1:
        out.update(
            [
                key[:i] + key[i + 1 : j] + key[j + 1 :]
                for i in range(size)
                for j in range(i + 1, size)
            ]
        )
    return out


class NearIndex:
    """Keys of entries, found again from a near key (see the module's docstring).

    :meth:`near` looks a key up in an index of every key with up to its limit of letters
    deleted (built at its first use). :meth:`pairs` finds every near pair at once without
    it: two keys within two edits share one of the three segments of the shorter one, at a
    position at most two letters away (the partition filter of PassJoin, Li et al. 2011), so
    each key is indexed by three segments and probed with a few dozen substrings."""

    TAU = 2  # the largest limit (:func:`_limit`)

    def __init__(self) -> None:
        self.keys: list[str] = []
        self._variants: dict[str, list[int]] | None = None

    def add(self, key: str) -> int:
        self.keys.append(key)
        self._variants = None
        return len(self.keys) - 1

    def _close(self, a: str, b: str) -> int | None:
        """The distance of two keys when they are near, else None."""
        cutoff = min(_limit(a), _limit(b))
        distance = Levenshtein.distance(a, b, score_cutoff=cutoff)
        return distance if distance <= cutoff else None

    @staticmethod
    def _segments(size: int) -> list[tuple[int, int]]:
        """(start, length) of the three segments of a key of ``size`` letters."""
        base, extra = divmod(size, NearIndex.TAU + 1)
        out, start = [], 0
        for i in range(NearIndex.TAU + 1):
            length = base + (1 if i >= NearIndex.TAU + 1 - extra else 0)
            out.append((start, length))
            start += length
        return out

    def pairs(self) -> list[tuple[int, int]]:
        """Every pair (i, j), i < j, of near keys."""
        tau = self.TAU
        order = sorted(range(len(self.keys)), key=lambda n: (len(self.keys[n]), n))
        segments: dict[tuple[int, int, str], list[int]] = {}
        short: list[int] = []  # keys too short to split: compared with every key near in size
        found: set[tuple[int, int]] = set()
        for number in order:
            key = self.keys[number]
            size = len(key)
            candidates: set[int] = {n for n in short if len(self.keys[n]) >= size - tau}
            for length in range(max(size - tau, tau + 1), size + 1):
                for i, (start, width) in enumerate(self._segments(length)):
                    # Where that segment of a key of `length` letters can lie in this one.
                    low, high = max(0, start - tau), min(size - width, start + tau)
                    for q in range(low, high + 1):
                        hit = segments.get((length, i, key[q : q + width]))
                        if hit:
                            candidates.update(hit)
            for other in candidates:
                if self._close(key, self.keys[other]) is not None:
                    found.add((min(number, other), max(number, other)))
            if size <= tau:
                short.append(number)
            else:
                for i, (start, width) in enumerate(self._segments(size)):
                    segments.setdefault((size, i, key[start : start + width]), []).append(number)
        return sorted(found)

    def near(self, key: str) -> list[int]:
        """Numbers of the keys near ``key``, nearest first."""
        if not key:
            return []
        if self._variants is None:
            self._variants = {}
            for number, known in enumerate(self.keys):
                for variant in _deletions(known, _limit(known)):
                    self._variants.setdefault(variant, []).append(number)
        seen: set[int] = set()
        for variant in _deletions(key, _limit(key)):
            seen.update(self._variants.get(variant, ()))
        found = []
        for number in seen:
            distance = self._close(key, self.keys[number])
            if distance is not None:
                found.append((distance, number))
        return [n for _, n in sorted(found)]


# --------------------------------------------------------------------------- the registry


@dataclass
class Registry:
    """Every person and outlet, with the problems of the registry files themselves."""

    people: tuple[Person, ...]
    outlets: tuple[Outlet, ...]
    problems: list[Problem] = field(default_factory=list)
    people_path: str = "data/people.yml"
    outlets_path: str = "data/outlets.yml"

    def __post_init__(self) -> None:
        self._person_ids = {p.id: p for p in self.people}
        self._people_named: dict[str, list[Person]] = {}
        self._person_spellings: dict[str, Person] = {}
        for p in self.people:
            self._people_named.setdefault(p.name, []).append(p)
            for text in p.spellings:
                self._person_spellings.setdefault(text, p)
        self._outlet_ids = {o.id: o for o in self.outlets}
        self._outlet_names = {o.name: o for o in self.outlets}
        self._outlet_spellings: dict[str, Outlet] = {}
        self._domains: dict[str, Outlet] = {}
        for o in self.outlets:
            for text in o.spellings:
                self._outlet_spellings.setdefault(text, o)
            for domain in o.domains:
                self._domains.setdefault(domain, o)

    # The near-match indexes are built at the first name that is no entry's (a valid
    # archive never needs them).

    @cached_property
    def _person_index(self) -> tuple[NearIndex, list[Person]]:
        index, owners = NearIndex(), []
        for p in self.people:
            for text in (p.name, *p.spellings):
                index.add(name_key(text))
                owners.append(p)
        return index, owners

    @cached_property
    def _outlet_index(self) -> tuple[NearIndex, list[Outlet]]:
        index, owners = NearIndex(), []
        for o in self.outlets:
            for text in (o.name, *o.spellings):
                index.add(outlet_key(text))
                owners.append(o)
        return index, owners

    # -- people

    def person(self, ref: str) -> Person | None:
        """The person ``ref`` names: an id, or a canonical name no one else has."""
        found = self._person_ids.get(ref)
        if found is not None:
            return found
        named = self._people_named.get(ref, [])
        return named[0] if len(named) == 1 else None

    def people_named(self, name: str) -> list[Person]:
        """Every person whose canonical name is ``name`` (two or more: ask for the id)."""
        return list(self._people_named.get(name, []))

    def person_spelt(self, text: str) -> Person | None:
        """The person one of whose known spelling variants is ``text``."""
        return self._person_spellings.get(text)

    def suggest_person(self, text: str) -> list[Person]:
        """The people ``text`` may mean: spelling variant first, then near matches."""
        out: list[Person] = []
        spelt = self._person_spellings.get(text)
        if spelt is not None:
            out.append(spelt)
        index, owners = self._person_index
        for number in index.near(name_key(text)):
            person = owners[number]
            if person not in out:
                out.append(person)
        return out

    # -- outlets

    def outlet(self, ref: str) -> Outlet | None:
        """The outlet ``ref`` names: its canonical name or its id."""
        return self._outlet_names.get(ref) or self._outlet_ids.get(ref)

    def outlet_spelt(self, text: str) -> Outlet | None:
        return self._outlet_spellings.get(text)

    def outlet_for_url(self, url: str) -> Outlet | None:
        """The outlet whose domain (or a parent domain of it) is ``url``'s host."""
        try:
            host = (urlsplit(url.strip()).hostname or "").rstrip(".").lower()
        except ValueError:
            return None
        while host:
            found = self._domains.get(host)
            if found is not None:
                return found
            host = host.partition(".")[2]
        return None

    def suggest_outlet(self, text: str) -> list[Outlet]:
        """The outlets ``text`` may mean: spelling variant first, then near matches."""
        out: list[Outlet] = []
        spelt = self._outlet_spellings.get(text)
        if spelt is not None:
            out.append(spelt)
        index, owners = self._outlet_index
        for number in index.near(outlet_key(text)):
            outlet = owners[number]
            if outlet not in out:
                out.append(outlet)
        return out


# --------------------------------------------------------------------------- reading


def _shown(path: Path) -> str:
    """A registry file as an editor finds it: from the working folder, else from the
    repository (data/people.yml), else the whole path."""
    for base in (Path.cwd(), schema.DATA_DIR.parent):
        try:
            return str(path.resolve().relative_to(base.resolve()))
        except ValueError:
            continue
    return str(path)


@dataclass
class _Reader:
    """Reads one registry file into plain values, with the line of each entry and field."""

    path: Path
    shown: str
    problems: list[Problem] = field(default_factory=list)
    #: The line of each field of each entry, by the entry's line.
    field_lines: dict[int, dict[str, int]] = field(default_factory=dict)

    def problem(self, line: int, name: str, message: str) -> None:
        self.problems.append(Problem(self.shown, line, name, message))

    def entries(self) -> Iterator[tuple[int, dict[str, Any], dict[str, int]]]:
        """(line, fields, line of each field) of every entry of the file's list."""
        if not self.path.exists():
            return
        try:
            loader = schema._Loader(self.path.read_text(encoding="utf-8"))
            try:
                node = loader.get_single_node()
                data = _plain(loader, node) if node is not None else []
            finally:
                loader.dispose()
        except (yaml.YAMLError, UnicodeDecodeError, RecursionError) as exc:  # a self-alias
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark is not None else 1
            self.problem(line, "file", t("registry.yaml", reason=schema.excerpt(str(exc), 120)))
            return
        if data is None:
            return
        if not isinstance(data, list) or not isinstance(node, yaml.SequenceNode):
            self.problem(1, "file", t("registry.not_list"))
            return
        for item, value in zip(node.value, data, strict=True):
            line = item.start_mark.line + 1
            if not isinstance(value, dict) or not isinstance(item, yaml.MappingNode):
                self.problem(line, "entry", t("registry.not_mapping"))
                continue
            lines = {str(k.value): k.start_mark.line + 1 for k, _ in item.value}
            self.field_lines[line] = lines
            yield line, {str(k): v for k, v in value.items()}, lines


_STR_TAG = "tag:yaml.org,2002:str"


def _plain(loader: Any, node: yaml.Node) -> Any:
    """The Python value of a YAML node: as the safe constructor makes it, faster for the
    texts, lists and mappings a registry holds (a registry of thousands of entries)."""
    if isinstance(node, yaml.ScalarNode):
        return node.value if node.tag == _STR_TAG else loader.construct_object(node, deep=True)
    if isinstance(node, yaml.SequenceNode):
        return [_plain(loader, item) for item in node.value]
    if isinstance(node, yaml.MappingNode) and all(
        isinstance(k, yaml.ScalarNode) and k.value != "<<" for k, _ in node.value
    ):
        return {_plain(loader, k): _plain(loader, v) for k, v in node.value}
    return loader.construct_object(node, deep=True)


def _text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _text_list(reader: _Reader, value: Any, line: int, name: str) -> tuple[str, ...]:
    """A list of one-line texts (spellings, ids, domains); a problem and () when it is not."""
    if value is None:
        return ()
    if not isinstance(value, list) or not all(
        _text(v) and not schema.character_problem(v) for v in value
    ):
        reader.problem(line, name, t("registry.text_list"))
        return ()
    return tuple(v.strip() for v in value)


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and schema.DATE_RE.match(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def _check_name(reader: _Reader, value: Any, line: int, what: str) -> str | None:
    message = schema._plain_text(value, what, 2, 100)
    if message:
        reader.problem(line, "name", message)
        return None
    return value.strip()


def _unknown_fields(
    reader: _Reader, entry: dict[str, Any], lines: dict[str, int], allowed: tuple[str, ...]
) -> None:
    for key in entry:
        if key not in allowed:
            reader.problem(
                lines.get(key, 1), key, t("registry.unknown_field", allowed=", ".join(allowed))
            )


def _check_id(reader: _Reader, value: Any, line: int, seen: dict[str, int]) -> str | None:
    if not isinstance(value, str) or not schema.SLUG_RE.match(value):
        reader.problem(line, "id", t("registry.bad_id", value=schema.excerpt(value)))
        return None
    if value in seen:
        reader.problem(line, "id", t("registry.duplicate_id", value=value, line=seen[value]))
        return None
    seen[value] = line
    return value


def _read_roles(reader: _Reader, value: Any, line: int, voc: schema.Vocabulary) -> tuple[Role, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        reader.problem(line, "roles", t("registry.roles_list"))
        return ()
    roles = []
    for number, item in enumerate(value, start=1):
        if not isinstance(item, dict):
            reader.problem(
                line, "roles", f"{t('registry.item', number=number)}: {t('registry.roles_list')}"
            )
            continue
        extra = [k for k in item if k not in ROLE_FIELDS]
        if extra:
            reader.problem(
                line,
                "roles",
                t("registry.item", number=number)
                + ": "
                + t("registry.unknown_field", allowed=", ".join(ROLE_FIELDS))
                + f" ({', '.join(map(str, extra))})",
            )
            continue
        role_problem = schema.check_role(item["role"], voc) if item.get("role") else t("list.empty")
        if role_problem:
            reader.problem(
                line, "roles", t("registry.item", number=number) + f": role: {role_problem}"
            )
            continue
        region = _text(item.get("region"))
        if region is None or gazetteer.lookup(region) is None:
            reader.problem(
                line,
                "roles",
                t("registry.item", number=number)
                + ": "
                + t("registry.bad_region", value=schema.excerpt(item.get("region"))),
            )
            continue
        start = _date(item.get("start"))
        end = _date(item.get("end")) if item.get("end") is not None else None
        if start is None or (item.get("end") is not None and end is None):
            reader.problem(
                line,
                "roles",
                t("registry.item", number=number)
                + ": "
                + t(
                    "registry.bad_date",
                    start=schema.excerpt(item.get("start")),
                    end=schema.excerpt(item.get("end")),
                ),
            )
            continue
        if end is not None and end < start:
            reader.problem(
                line,
                "roles",
                t("registry.item", number=number) + ": " + t("registry.end_before_start"),
            )
            continue
        roles.append(Role(" ".join(item["role"].split()), region, start, end))
    return tuple(roles)


def read_people(path: Path, voc: schema.Vocabulary) -> tuple[list[Person], _Reader]:
    """The people of ``path``, and its reader (the problems of each entry on its own, the
    line of each field)."""
    reader = _Reader(path, _shown(path))
    seen: dict[str, int] = {}
    people = []
    for line, entry, lines in reader.entries():
        _unknown_fields(reader, entry, lines, PERSON_FIELDS)
        pid = _check_id(reader, entry.get("id"), lines.get("id", line), seen)
        name = _check_name(
            reader, entry.get("name"), lines.get("name", line), "the person's canonical name"
        )
        if name is not None and schema.honorifics_in(name):
            reader.problem(
                lines["name"],
                "name",
                t("registry.honorifics", found=", ".join(schema.honorifics_in(name))),
            )
            name = None
        spellings = _text_list(
            reader, entry.get("spellings"), lines.get("spellings", line), "spellings"
        )
        roles = _read_roles(reader, entry.get("roles"), lines.get("roles", line), voc)
        distinct = _text_list(
            reader, entry.get("distinct_from"), lines.get("distinct_from", line), "distinct_from"
        )
        if pid and name:
            people.append(Person(pid, name, spellings, roles, distinct, line))
    return people, reader


def read_outlets(path: Path) -> tuple[list[Outlet], _Reader]:
    """The outlets of ``path``, and its reader (problems of each entry, lines of fields)."""
    reader = _Reader(path, _shown(path))
    seen: dict[str, int] = {}
    outlets = []
    for line, entry, lines in reader.entries():
        _unknown_fields(reader, entry, lines, OUTLET_FIELDS)
        oid = _check_id(reader, entry.get("id"), lines.get("id", line), seen)
        name = _check_name(reader, entry.get("name"), lines.get("name", line), "the outlet's name")
        if name == schema.UNKNOWN_SOURCE:
            reader.problem(lines["name"], "name", t("registry.unknown_source_entry"))
            name = None
        spellings = _text_list(
            reader, entry.get("spellings"), lines.get("spellings", line), "spellings"
        )
        domains = _text_list(reader, entry.get("domains"), lines.get("domains", line), "domains")
        for domain in domains:
            if not _DOMAIN_RE.match(domain):
                reader.problem(
                    lines["domains"],
                    "domains",
                    t("registry.bad_domain", value=schema.excerpt(domain)),
                )
        if oid and name:
            outlets.append(Outlet(oid, name, spellings, domains, line))
    return outlets, reader


def _cross_people(people: list[Person], reader: _Reader) -> list[Problem]:
    """Problems between entries: shared spellings, unknown distinct_from ids, near names
    that do not say they are different people."""
    problems = []
    shown = reader.shown

    def at(entry: Person | Outlet, name: str) -> int:
        return reader.field_lines.get(entry.line, {}).get(name, entry.line)

    ids = {p.id: p for p in people}
    names: dict[str, Person] = {}
    for p in people:
        names.setdefault(p.name, p)
    owner: dict[str, Person] = {}
    for p in people:
        for spelling in p.spellings:
            if spelling == p.name:
                problems.append(
                    Problem(
                        shown,
                        at(p, "spellings"),
                        "spellings",
                        t("registry.spelling_is_name", value=spelling),
                    )
                )
            elif spelling in names:
                other = names[spelling]
                problems.append(
                    Problem(
                        shown,
                        at(p, "spellings"),
                        "spellings",
                        t(
                            "registry.spelling_is_other_name",
                            value=spelling,
                            other=other.id,
                            line=other.line,
                        ),
                    )
                )
            elif spelling in owner and owner[spelling] is not p:
                other = owner[spelling]
                problems.append(
                    Problem(
                        shown,
                        at(p, "spellings"),
                        "spellings",
                        t(
                            "registry.shared_spelling",
                            value=spelling,
                            other=other.id,
                            line=other.line,
                        ),
                    )
                )
            else:
                owner[spelling] = p
        for other_id in p.distinct_from:
            if other_id == p.id or other_id not in ids:
                problems.append(
                    Problem(
                        shown,
                        at(p, "distinct_from"),
                        "distinct_from",
                        t("registry.bad_distinct", value=other_id),
                    )
                )
    index = NearIndex()
    for p in people:
        index.add(name_key(p.name))
    for i, j in index.pairs():
        p, q = people[i], people[j]
        if q.id in p.distinct_from or p.id in q.distinct_from:
            continue
        problems.append(
            Problem(
                shown,
                at(q, "name"),
                "name",
                t(
                    "registry.near_names",
                    name=q.name,
                    id=q.id,
                    other_name=p.name,
                    other_id=p.id,
                    line=p.line,
                ),
            )
        )
    return problems


def _cross_outlets(outlets: list[Outlet], reader: _Reader) -> list[Problem]:
    problems = []
    shown = reader.shown

    def at(entry: Person | Outlet, name: str) -> int:
        return reader.field_lines.get(entry.line, {}).get(name, entry.line)

    owner: dict[str, Outlet] = {}
    domains: dict[str, Outlet] = {}
    for o in outlets:
        for text in (o.name, *o.spellings):
            first = owner.setdefault(text, o)
            if first is not o:
                name = "spellings" if text != o.name else "name"
                problems.append(
                    Problem(
                        shown,
                        at(o, name),
                        name,
                        t("registry.shared_spelling", value=text, other=first.id, line=first.line),
                    )
                )
        for domain in o.domains:
            first = domains.setdefault(domain, o)
            if first is not o:
                problems.append(
                    Problem(
                        shown,
                        at(o, "domains"),
                        "domains",
                        t("registry.shared_domain", value=domain, other=first.id, line=first.line),
                    )
                )
    return problems


def load(data_dir: Path | None = None) -> Registry:
    """The registry of ``data_dir`` (by default :func:`arsip.schema.current_data_dir`: the
    repository's data/, or ``ARSIP_DATA_DIR``), read and validated once per version of its
    files: a long-running process (the preview) sees an entry an editor has just added."""
    folder = Path(data_dir or schema.current_data_dir())
    return _load(folder, _stamp(folder))


def _stamp(folder: Path) -> tuple[tuple[int, int], ...]:
    """Size and modification time of the files a registry is read from."""
    stamps = []
    for name in (PEOPLE_FILE, OUTLETS_FILE):
        try:
            info = (folder / name).stat()
            stamps.append((info.st_size, info.st_mtime_ns))
        except OSError:
            stamps.append((-1, -1))
    return tuple(stamps)


@cache
def _load(data_dir: Path, stamp: tuple[tuple[int, int], ...] = ()) -> Registry:
    voc = schema.vocabulary(data_dir)
    people, people_reader = read_people(data_dir / PEOPLE_FILE, voc)
    outlets, outlets_reader = read_outlets(data_dir / OUTLETS_FILE)
    problems = people_reader.problems + outlets_reader.problems
    problems += _cross_people(people, people_reader)
    problems += _cross_outlets(outlets, outlets_reader)
    return Registry(
        tuple(people),
        tuple(outlets),
        sorted(set(problems)),
        people_reader.shown,
        outlets_reader.shown,
    )


def near_pairs(names: Iterable[str]) -> list[tuple[int, int]]:
    """Pairs (i, j), i < j, of near names among ``names`` (a generator of test archives
    uses it to write ``distinct_from``)."""
    index = NearIndex()
    for name in names:
        index.add(name_key(name))
    return index.pairs()


# --------------------------------------------------------------------------- writing entries


def slug_id(name: str, taken: Iterable[str], qualifier: str = "") -> str:
    """A free id for a new entry: the name's slug, else with the qualifier (a region)."""
    from slugify import slugify

    taken = set(taken)
    base = slugify(name) or "entri"
    if base not in taken:
        return base
    if qualifier:
        candidate = f"{base}-{slugify(qualifier)}"
        if candidate not in taken:
            return candidate
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


def _flow(value: str) -> str:
    """A YAML scalar for one value, quoted when plain text would not read back the same."""
    return (
        yaml.safe_dump(value, allow_unicode=True, default_style=None, width=1000)
        .rstrip("\n")
        .removesuffix("\n...")
    )


def _append(path: Path, lines: list[str]) -> None:
    """Append an entry's lines to a registry file, keeping every existing byte (an empty
    list, ``[]``, becomes the list of this one entry)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    existing = path.read_text(encoding="utf-8") if path.exists() else ""
    if existing.strip() == "[]":
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return
    with path.open("a", encoding="utf-8") as fh:
        fh.write(
            ("\n" if existing and not existing.endswith("\n") else "") + "\n".join(lines) + "\n"
        )


def append_person(
    name: str,
    role: str,
    region: str,
    start: dt.date | str,
    end: dt.date | str | None = None,
    spellings: Iterable[str] = (),
    data_dir: Path | None = None,
    review: str = "",
) -> Person:
    """Write a new person to ``data_dir/people.yml`` for review and return it.

    Existing entries are never rewritten: the entry is appended. Its id is the name's slug,
    else the slug with the region. ``distinct_from`` lists the existing people whose names
    are near this one (and so names who the reviewer should compare it with); ``review``, a
    note for the reviewer, is written as a comment."""
    data_dir = Path(data_dir or schema.current_data_dir())
    registry = load(data_dir)
    taken = {p.id for p in registry.people}
    pid = slug_id(name, taken, region)
    near = [p.id for p in registry.suggest_person(name) if name_key(p.name) and p.id != pid]
    start_text = start.isoformat() if isinstance(start, dt.date) else str(start)
    role_line = f"    - {{role: {_flow(role)}, region: {_flow(region)}, start: {start_text}"
    if end:
        role_line += f", end: {end.isoformat() if isinstance(end, dt.date) else end}"
    role_line += "}"
    lines = []
    if review:
        lines.append(f"# {review}")
    lines += [f"- id: {pid}", f"  name: {_flow(name)}"]
    spellings = [s for s in spellings if s != name]
    if spellings:
        lines.append("  spellings: [" + ", ".join(_flow(s) for s in spellings) + "]")
    lines += ["  roles:", role_line]
    if near:
        lines.append("  distinct_from: [" + ", ".join(near) + "]")
    _append(data_dir / PEOPLE_FILE, lines)
    _load.cache_clear()
    return Person(
        pid,
        name,
        tuple(spellings),
        (Role(role, region, _date(start_text) or dt.date.min),),
        tuple(near),
    )


def append_outlet(
    name: str,
    domains: Iterable[str] = (),
    spellings: Iterable[str] = (),
    data_dir: Path | None = None,
    review: str = "",
) -> Outlet:
    """Write a new outlet to ``data_dir/outlets.yml`` for review and return it (appended;
    existing entries are never rewritten)."""
    data_dir = Path(data_dir or schema.current_data_dir())
    registry = load(data_dir)
    oid = slug_id(name, {o.id for o in registry.outlets})
    domains = [d.lower().removeprefix("www.") for d in domains]
    spellings = [s for s in spellings if s != name]
    lines = []
    if review:
        lines.append(f"# {review}")
    lines += [f"- id: {oid}", f"  name: {_flow(name)}"]
    if spellings:
        lines.append("  spellings: [" + ", ".join(_flow(s) for s in spellings) + "]")
    lines.append("  domains: [" + ", ".join(domains) + "]")
    _append(data_dir / OUTLETS_FILE, lines)
    _load.cache_clear()
    return Outlet(oid, name, tuple(spellings), tuple(domains))


# --------------------------------------------------------------------------- articles' references


@dataclass(frozen=True)
class Resolved:
    """What a reference in an article means: the entry, or the message saying why not."""

    entry: Person | Outlet | None
    message: str | None = None
    #: Why there is no entry: "ambiguous", "spelling", "near" or "unknown" (no entry near).
    kind: str = ""


def _quote(text: str) -> str:
    return schema.excerpt(text, 60)


def _person_choice(registry: Registry, p: Person) -> str:
    """How an article should write ``p``: the name, or the id when the name is shared."""
    ref = p.name if len(registry.people_named(p.name)) == 1 else p.id
    return f"{_quote(ref)} ({p.describe()})"


def resolve_person(registry: Registry, ref: str) -> Resolved:
    """The person an article's ``official``, ``person`` or ``speaker`` names: by the
    canonical name, or by the id when two people share the name."""
    ref = ref.strip()
    found = registry.person(ref)
    shared = found is not None and len(registry.people_named(found.name)) > 1
    if found is not None and ref == found.id and ref != found.name and not shared:
        message = t("registry.id_for_name", ref=_quote(ref), name=_quote(found.name))
        return Resolved(None, message, "spelling")
    if found is not None:
        return Resolved(found)
    named = registry.people_named(ref)
    if len(named) > 1:
        choices = "; ".join(f"{p.id} ({p.describe()})" for p in named)
        return Resolved(
            None,
            t(
                "registry.ambiguous",
                ref=_quote(ref),
                count=len(named),
                file=registry.people_path,
                choices=choices,
            ),
            "ambiguous",
        )
    spelt = registry.person_spelt(ref)
    if spelt is not None:
        return Resolved(
            None,
            t(
                "registry.spelling",
                ref=_quote(ref),
                name=_quote(spelt.name),
                fix=_person_choice(registry, spelt),
            ),
            "spelling",
        )
    near = registry.suggest_person(ref)[:3]
    if near:
        choices = t("registry.or").join(_person_choice(registry, p) for p in near)
        return Resolved(
            None,
            t("registry.near_person", ref=_quote(ref), file=registry.people_path, choices=choices),
            "near",
        )
    return Resolved(
        None, t("registry.unknown_person", ref=_quote(ref), file=registry.people_path), "unknown"
    )


def resolve_outlet(registry: Registry, ref: str) -> Resolved:
    """The outlet an article's ``source`` names: by its canonical name."""
    ref = ref.strip()
    found = registry.outlet(ref)
    if found is not None and ref != found.name:
        message = t("registry.id_for_outlet", ref=_quote(ref), name=_quote(found.name))
        return Resolved(None, message, "spelling")
    if found is not None:
        return Resolved(found)
    spelt = registry.outlet_spelt(ref)
    if spelt is not None:
        return Resolved(
            None,
            t(
                "registry.spelling",
                ref=_quote(ref),
                name=_quote(spelt.name),
                fix=_quote(spelt.name),
            ),
            "spelling",
        )
    near = registry.suggest_outlet(ref)[:3]
    if near:
        choices = t("registry.or").join(_quote(o.name) for o in near)
        return Resolved(
            None,
            t("registry.near_outlet", ref=_quote(ref), file=registry.outlets_path, choices=choices),
            "near",
        )
    return Resolved(
        None,
        t(
            "registry.unknown_outlet",
            ref=_quote(ref),
            file=registry.outlets_path,
            unknown=schema.UNKNOWN_SOURCE,
        ),
        "unknown",
    )


def article_references(meta: dict[str, Any], registry: Registry | None = None) -> dict[str, Any]:
    """The names of a valid article as the build gives them to generators and templates:
    ``official`` (canonical name) and ``official_id``, ``source`` (canonical name, or
    ``Tidak diketahui``) and ``source_id`` (None for an unknown outlet), ``people`` (dicts
    ``id, name, role, main``: the official first) and ``quotes`` (dicts ``number,
    speaker_id, speaker, role, text``, in article order)."""
    reg = registry or load()
    official = reg.person(str(meta["official"]).strip())
    if official is None:
        raise ValueError(f"official {meta['official']!r} is not in the registry: validate first")
    source = str(meta["source"]).strip()
    outlet = reg.outlet(source) if source != schema.UNKNOWN_SOURCE else None
    people = [
        {"id": official.id, "name": official.name, "role": str(meta["role"]).strip(), "main": True}
    ]
    for item in meta.get("people") or []:
        person = reg.person(str(item["person"]).strip())
        if person is None:
            raise ValueError(f"person {item['person']!r} is not in the registry: validate first")
        people.append(
            {
                "id": person.id,
                "name": person.name,
                "role": " ".join(str(item["role"]).split()),
                "main": False,
            }
        )
    by_id = {p["id"]: p for p in people}
    quotes = []
    for number, item in enumerate(meta.get("quotes") or [], start=1):
        speaker = reg.person(str(item["speaker"]).strip())
        if speaker is None or speaker.id not in by_id:
            raise ValueError(f"speaker {item['speaker']!r} is not the official or one of people")
        quotes.append(
            {
                "number": number,
                "speaker_id": speaker.id,
                "speaker": speaker.name,
                "role": by_id[speaker.id]["role"],
                "text": " ".join(str(item["text"]).split()),
            }
        )
    return {
        "official": official.name,
        "official_id": official.id,
        "source": outlet.name if outlet else schema.UNKNOWN_SOURCE,
        "source_id": outlet.id if outlet else None,
        "people": people,
        "quotes": quotes,
    }
