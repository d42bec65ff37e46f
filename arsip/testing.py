"""Helpers for tests that build a tiny site (the plugins' tests and the whole-site tests)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

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


def data_dir(dest: Path, people: str = "", outlets: str = "") -> Path:
    """A data folder for a test at ``dest``: a copy of the repository's ``data/`` (the
    vocabularies and registries) with ``people`` and ``outlets`` (YAML list entries) appended
    to its registries. Point ``ARSIP_DATA_DIR`` at it for a check or build to read it."""
    from arsip import registry, schema

    shutil.copytree(schema.DATA_DIR, dest, dirs_exist_ok=True)
    for name, extra in ((registry.PEOPLE_FILE, people), (registry.OUTLETS_FILE, outlets)):
        if extra:
            with (dest / name).open("a", encoding="utf-8") as fh:
                fh.write("\n" + extra.strip("\n") + "\n")
    return dest


@contextmanager
def using_data(path: Path) -> Iterator[Path]:
    """Within the block, checks and builds (and the processes they start) read the data
    folder ``path`` (``ARSIP_DATA_DIR``); the previous value is restored after it."""
    before = os.environ.get("ARSIP_DATA_DIR")
    os.environ["ARSIP_DATA_DIR"] = str(path)
    try:
        yield path
    finally:
        if before is None:
            os.environ.pop("ARSIP_DATA_DIR", None)
        else:
            os.environ["ARSIP_DATA_DIR"] = before
