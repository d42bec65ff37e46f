"""A tile-grid map of Indonesia's 38 provinces, and the colour step of each count.

Each province is one equal square placed roughly where it lies (the layout election maps
use): Sumatra runs down the west, Java and Nusa Tenggara along the south, Kalimantan and
Sulawesi in the middle, Maluku and the six Papua provinces in the east. Labels are the ISO
3166-2:ID codes (``SB`` for Sumatera Barat). This module computes positions, colour steps and
the legend; the theme draws them as inline SVG with a table of the same numbers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from arsip import gazetteer

#: Province (Kemendagri name) -> (column, row, ISO 3166-2:ID code).
TILES: dict[str, tuple[int, int, str]] = {
    "Aceh": (0, 0, "AC"),
    "Sumatera Utara": (1, 1, "SU"),
    "Riau": (2, 1, "RI"),
    "Kepulauan Riau": (3, 1, "KR"),
    "Sumatera Barat": (1, 2, "SB"),
    "Jambi": (2, 2, "JA"),
    "Bengkulu": (2, 3, "BE"),
    "Sumatera Selatan": (3, 3, "SS"),
    "Kepulauan Bangka Belitung": (4, 3, "BB"),
    "Lampung": (3, 4, "LA"),
    "Banten": (4, 5, "BT"),
    "Daerah Khusus Ibukota Jakarta": (5, 4, "JK"),
    "Jawa Barat": (5, 5, "JB"),
    "Jawa Tengah": (6, 5, "JT"),
    "Daerah Istimewa Yogyakarta": (6, 6, "YO"),
    "Jawa Timur": (7, 5, "JI"),
    "Bali": (8, 5, "BA"),
    "Nusa Tenggara Barat": (9, 5, "NB"),
    "Nusa Tenggara Timur": (10, 5, "NT"),
    "Kalimantan Barat": (5, 2, "KB"),
    "Kalimantan Tengah": (6, 2, "KT"),
    "Kalimantan Selatan": (7, 3, "KS"),
    "Kalimantan Timur": (7, 2, "KI"),
    "Kalimantan Utara": (7, 1, "KU"),
    "Gorontalo": (9, 1, "GO"),
    "Sulawesi Utara": (10, 1, "SA"),
    "Sulawesi Barat": (8, 2, "SR"),
    "Sulawesi Tengah": (9, 2, "ST"),
    "Sulawesi Selatan": (8, 3, "SN"),
    "Sulawesi Tenggara": (9, 3, "SG"),
    "Maluku Utara": (11, 1, "MU"),
    "Maluku": (11, 3, "MA"),
    "Papua Barat Daya": (12, 1, "PD"),
    "Papua Barat": (13, 1, "PB"),
    "Papua": (15, 1, "PA"),
    "Papua Tengah": (14, 2, "PT"),
    "Papua Pegunungan": (15, 2, "PE"),
    "Papua Selatan": (15, 3, "PS"),
}

#: Colour steps above "no article": the theme defines ``.map-0`` to ``.map-4``.
STEPS = 4
TILE = 40  # px, the side of a tile in the SVG's own units
GAP = 4


def step(count: int, top: int, steps: int = STEPS) -> int:
    """The colour step of ``count`` when the largest count is ``top``: 0 for none, else
    1..steps in equal parts of 1..top."""
    if count <= 0 or top <= 0:
        return 0
    return max(1, min(steps, math.ceil(steps * count / top)))


@dataclass(frozen=True)
class LegendEntry:
    """One colour step and the counts it stands for."""

    step: int
    low: int
    high: int


def legend(top: int, steps: int = STEPS) -> list[LegendEntry]:
    """The colour steps used for counts 0..top, each with its range (steps that no count can
    reach, when top is small, are left out)."""
    out = [LegendEntry(0, 0, 0)]
    for k in range(1, steps + 1):
        counts = [n for n in range(1, top + 1) if step(n, top, steps) == k]
        if counts:
            out.append(LegendEntry(k, counts[0], counts[-1]))
    return out


@dataclass(frozen=True)
class Tile:
    """One place on a map: its name, label, count, colour step, position and page."""

    name: str
    label: str
    count: int
    step: int
    url: str | None  # None when the place has no article (and so no page)
    x: int = 0
    y: int = 0


@dataclass(frozen=True)
class TileMap:
    """Tiles with their positions in a ``width`` x ``height`` picture, and the legend."""

    tiles: list[Tile]
    width: int
    height: int
    tile: int
    legend: list[LegendEntry]
    total: int

    @property
    def with_articles(self) -> list[Tile]:
        return [t for t in self.tiles if t.count]


def province_map(counts: dict[str, int], urls: dict[str, str]) -> TileMap:
    """The 38 provinces with the number of articles of each (``counts``, by name) and the
    address of each province's page (``urls``, for those with articles)."""
    names = set(gazetteer.provinces())
    if names != set(TILES):
        # The gazetteer changed (a new province): the layout must place it.
        raise ValueError(
            "arsip/tilemap.py TILES does not match the gazetteer's provinces: "
            f"missing {sorted(names - set(TILES))}, unknown {sorted(set(TILES) - names)}"
        )
    unknown = set(counts) - names
    if unknown:
        raise ValueError(f"not provinces of the gazetteer: {sorted(unknown)}")
    top = max(counts.values(), default=0)
    pitch = TILE + GAP
    tiles = [
        Tile(
            name,
            label,
            counts.get(name, 0),
            step(counts.get(name, 0), top),
            urls.get(name) if counts.get(name) else None,
            col * pitch,
            row * pitch,
        )
        for name, (col, row, label) in sorted(TILES.items(), key=lambda i: (i[1][1], i[1][0]))
    ]
    columns = 1 + max(c for c, _, _ in TILES.values())
    rows = 1 + max(r for _, r, _ in TILES.values())
    return TileMap(
        tiles,
        columns * pitch - GAP,
        rows * pitch - GAP,
        TILE,
        legend(top),
        sum(counts.values()),
    )


def regency_tiles(province: str, counts: dict[str, int], urls: dict[str, str]) -> TileMap:
    """Every kabupaten/kota of ``province`` (from the gazetteer), in name order, with the
    number of articles of each; no geography here, the same colours as the province map."""
    names = sorted(
        (r for r in gazetteer.regencies().values() if r.province == province),
        key=lambda r: (r.short_name, r.name),
    )
    top = max((counts.get(r.name, 0) for r in names), default=0)
    tiles = [
        Tile(
            r.name,
            r.short_name,
            counts.get(r.name, 0),
            step(counts.get(r.name, 0), top),
            urls.get(r.name) if counts.get(r.name) else None,
        )
        for r in names
    ]
    return TileMap(tiles, 0, 0, 0, legend(top), sum(t.count for t in tiles))
