"""Helpers for tests that build a tiny site (the plugins' tests and the whole-site tests)."""

from __future__ import annotations

#: A valid set of front-matter fields, in the order editors write them.
DEFAULT_FIELDS: dict[str, str] = {
    "title": "Judul artikel",
    "date": "2024-10-03",
    "region": "Kota Padang",
    "province": "Sumatera Barat",
    "official": "Andree Algamar",
    "role": "Pj Wali Kota",
    "source": "Langgam.id",
    "election": "Pilkada 2024",
    "tags": "[netralitas ASN]",
}


def article(body: str = "Isi artikel.", **fields: str) -> str:
    """The text of an article file: ``fields`` over :data:`DEFAULT_FIELDS`, then ``body``.

    Values are written as they are (no quoting), so a test can also write invalid YAML.
    """
    lines = [f"{name}: {value}" for name, value in {**DEFAULT_FIELDS, **fields}.items()]
    return "---\n" + "\n".join(lines) + "\n---\n" + body + "\n"
