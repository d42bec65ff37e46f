"""Region (kabupaten/kota, or the province for a governor) and province of an article.

Evidence, strongest first: the place in the official's own role ("Pjs Bupati Bengkulu
Selatan"), the dateline when it names one region (``MANNA`` is a kecamatan of Kabupaten Bengkulu
Selatan), then every mention in the text ("Pemko Bukittinggi", "Kabupaten Solok", "Wako
Padang"). Same-name pairs (Kota/Kabupaten Solok) are told apart by what the text says; when
the evidence stays split, the region is flagged for review.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from arsip import gazetteer
from arsip.ingest.people import _region_at, region_mentions_in_roles
from arsip.ingest.source import Dateline
from arsip.messages import t

# Words before a place that say which kind of region it is.
_KIND_WORDS = {
    "pemko": "kota", "pemkot": "kota", "pemerintah kota": "kota", "kota": "kota",
    "balai kota": "kota", "setdako": "kota", "walikota": "kota", "wako": "kota",
    "pemkab": "kabupaten", "pemerintah kabupaten": "kabupaten", "kabupaten": "kabupaten",
    "kab.": "kabupaten", "setdakab": "kabupaten", "pemda": "", "pemprov": "provinsi",
    "pemerintah provinsi": "provinsi", "provinsi": "provinsi", "prov.": "provinsi",
}  # fmt: skip
_MENTION_RE = re.compile(
    r"\b(" + "|".join(re.escape(k) for k in sorted(_KIND_WORDS, key=len, reverse=True)) + r")\s+",
    re.IGNORECASE,
)
_ROLE_KIND = {
    "Wali Kota": "kota", "Wakil Wali Kota": "kota", "Bupati": "kabupaten",
    "Wakil Bupati": "kabupaten", "Gubernur": "provinsi", "Wakil Gubernur": "provinsi",
}  # fmt: skip


@dataclass(frozen=True)
class RegionFound:
    region: gazetteer.Region | None
    sure: bool
    note: str


def text_mentions(text: str) -> list[gazetteer.Region]:
    """Regions named with their kind: "Pemko Solok" -> Kota Solok, "Kab. Bogor" -> ..."""
    out: list[gazetteer.Region] = []
    for m in _MENTION_RE.finditer(text):
        kind = _KIND_WORDS[m.group(1).lower()]
        tokens = re.findall(r"[^\s,]+", text[m.end() : m.end() + 80].split("\n")[0])[:4]
        n, regions = _region_at(tokens)
        if not n:
            continue
        if kind:
            regions = [r for r in regions if r.kind == kind] or regions
        if len(regions) == 1:
            out.append(regions[0])
    return out


def find_region(
    text: str,
    dateline: Dateline | None,
    official_role: str = "",
    official_regions: tuple[gazetteer.Region, ...] = (),
) -> RegionFound:
    """Weigh every piece of evidence and say how sure the result is."""
    score: dict[str, float] = defaultdict(float)
    why: dict[str, list[str]] = defaultdict(list)

    def add(region: gazetteer.Region, weight: float, reason: str) -> None:
        score[region.name] += weight
        if reason not in why[region.name]:
            why[region.name].append(reason)

    base = official_role
    if official_role.split(" ")[0] in ("Pj", "Pjs", "Plt", "Plh"):
        base = official_role.split(" ", 1)[1]
    kind = _ROLE_KIND.get(base)
    own = [r for r in official_regions if not kind or r.kind == kind] or list(official_regions)
    for region in dict.fromkeys(own):
        add(
            region, 6 / len(set(own)), t("region.role", role=f"{official_role} {region.short_name}")
        )
    if dateline and dateline.regions:
        # Of several regions a dateline can mean, keep those the text names (short name).
        options = list(dateline.regions)
        named = [r for r in options if re.search(rf"\b{re.escape(r.short_name)}\b", text)]
        options = named or options
        for region in options:
            add(region, 5 / len(options), t("region.dateline", place=repr(dateline.place)))
    for region in text_mentions(text):
        add(region, 1, t("region.text"))
    for region in region_mentions_in_roles(text):
        add(region, 0.5, t("region.after_role"))
    if kind == "provinsi":
        # A governor speaks for the province: its name is the region.
        for name in list(score):
            region = gazetteer.lookup(name)
            if region and region.kind != "provinsi":
                add(gazetteer.provinces()[region.province], 0, "")
                score[region.province] += score[name] / 4
    if not score:
        return RegionFound(None, False, t("region.none"))
    ranked = sorted(score.items(), key=lambda kv: (-kv[1], kv[0]))
    best_name, best = ranked[0]
    runner = ranked[1][1] if len(ranked) > 1 else 0.0
    region = gazetteer.lookup(best_name)
    sure = best >= 4 and best >= 2 * runner
    if not sure and region is not None and region.kind == "provinsi" and region in own:
        # A provincial official (Gubernur Bali, Sekda NTB) speaks for the province named in
        # their role; the capital in the dateline and the places the text names lie in it.
        sure = len(set(own)) == 1 and all(
            (other := gazetteer.lookup(name)) is not None and other.province == region.name
            for name, _ in ranked[1:]
        )
    note = f"{best_name} ({', '.join(r for r in why[best_name] if r)})"
    if not sure:
        alts = ", ".join(n for n, s in ranked[1:3] if s > 0)
        note += t("region.weak") + (t("region.also", alts=alts) if alts else "")
    return RegionFound(region, sure, note)
