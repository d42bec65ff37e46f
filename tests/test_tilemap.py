"""The province tile map (arsip/tilemap.py): every province once, no two on one tile, and
colour steps that follow the counts."""

from __future__ import annotations

import pytest

from arsip import gazetteer, tilemap


def test_every_province_has_one_tile_and_no_tile_is_shared() -> None:
    assert set(tilemap.TILES) == set(gazetteer.provinces())
    assert len(tilemap.TILES) == 38
    places = [(c, r) for c, r, _ in tilemap.TILES.values()]
    assert len(set(places)) == len(places)
    labels = [label for _, _, label in tilemap.TILES.values()]
    assert len(set(labels)) == len(labels) and all(len(x) == 2 for x in labels)


def test_the_layout_reads_west_to_east() -> None:
    col = {name: c for name, (c, _, _) in tilemap.TILES.items()}
    assert col["Aceh"] < col["Jambi"] < col["Jawa Tengah"] < col["Bali"] < col["Papua"]
    assert col["Kalimantan Barat"] < col["Sulawesi Tengah"] < col["Maluku"]


@pytest.mark.parametrize(
    "count,top,expected", [(0, 5, 0), (1, 4, 1), (2, 4, 2), (4, 4, 4), (1, 100, 1), (99, 100, 4)]
)
def test_step(count: int, top: int, expected: int) -> None:
    assert tilemap.step(count, top) == expected


def test_legend_covers_every_count_once() -> None:
    for top in (1, 2, 3, 7, 40):
        entries = tilemap.legend(top)
        assert entries[0] == tilemap.LegendEntry(0, 0, 0)
        covered = [n for e in entries[1:] for n in range(e.low, e.high + 1)]
        assert covered == list(range(1, top + 1)), top
        for e in entries[1:]:
            assert tilemap.step(e.low, top) == tilemap.step(e.high, top) == e.step


def test_province_map_places_counts_and_links() -> None:
    m = tilemap.province_map(
        {"Sumatera Barat": 4, "Bengkulu": 1}, {"Sumatera Barat": "provinsi/sb/", "Bengkulu": "p/b/"}
    )
    by_name = {t.name: t for t in m.tiles}
    assert len(m.tiles) == 38 and m.total == 5
    assert (by_name["Sumatera Barat"].count, by_name["Sumatera Barat"].step) == (4, 4)
    assert (by_name["Bengkulu"].count, by_name["Bengkulu"].step) == (1, 1)
    assert by_name["Aceh"].count == 0 and by_name["Aceh"].url is None
    assert by_name["Sumatera Barat"].url == "provinsi/sb/"
    assert [t.name for t in m.with_articles] == ["Sumatera Barat", "Bengkulu"]  # north first
    # Tiles fit the picture.
    assert all(0 <= t.x <= m.width - m.tile and 0 <= t.y <= m.height - m.tile for t in m.tiles)
    with pytest.raises(ValueError, match="not provinces"):
        tilemap.province_map({"Sumatra Barat": 1}, {})


def test_regency_tiles_list_every_kabupaten_kota_of_the_province() -> None:
    m = tilemap.regency_tiles("Sumatera Barat", {"Kota Bukittinggi": 2, "Kota Padang": 1}, {})
    names = [t.name for t in m.tiles]
    assert len(names) == 19 and "Kabupaten Agam" in names
    counts = {t.name: (t.count, t.step) for t in m.tiles}
    assert counts["Kota Bukittinggi"] == (2, 4) and counts["Kota Padang"] == (1, 2)
    assert counts["Kabupaten Agam"] == (0, 0)
