"""Where a built site's bytes go, and how much each article adds (``invoke bench``).

:func:`breakdown` sums the output's bytes and files per folder (the first path segment; two
for ``feeds/``, ``pagefind/`` and ``cari/``, the year folders of the search index taken
together as ``pagefind/<year>``) and per kind of file (its extension). One build says what a
site of N articles weighs, not what the next article adds: the constant part (theme, search
runtime, indexes of a few hundred regions) is in it. :func:`add_growth` compares a run with
the largest smaller run of the same seed kept in ``bench-results/`` and gives the growth per
article, in all and per folder and kind: the figure GitHub Pages' 1 GB is divided by
(docs/benchmarks.md, "Output size").
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

#: Folders whose sub-folders are reported apart (feeds per topic, search index per slice).
_SPLIT = {"feeds", "pagefind", "cari"}


def _folder(parts: tuple[str, ...]) -> str:
    if len(parts) == 1:
        return "(root)"
    if parts[0] in _SPLIT and len(parts) > 2:
        sub = "<year>" if parts[1].isdigit() else parts[1]
        return f"{parts[0]}/{sub}"
    return parts[0]


def _kind(name: str) -> str:
    if name.endswith(".atom.xml"):
        return ".atom.xml"
    return Path(name).suffix or "(none)"


def breakdown(site: Path, n: int) -> dict[str, Any]:
    """Bytes and files of ``site`` in all, per folder and per kind, and bytes per article."""
    folders: dict[str, Counter[str]] = {}
    kinds: dict[str, Counter[str]] = {}
    total = Counter[str]()
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        parts = path.relative_to(site).parts
        size = path.stat().st_size
        for table, key in ((folders, _folder(parts)), (kinds, _kind(path.name))):
            table.setdefault(key, Counter())["bytes"] += size
            table[key]["files"] += 1
        total["bytes"] += size
        total["files"] += 1

    def rows(table: dict[str, Counter[str]]) -> dict[str, dict[str, int]]:
        ordered = sorted(table.items(), key=lambda kv: (-kv[1]["bytes"], kv[0]))
        return {k: {"bytes": v["bytes"], "files": v["files"]} for k, v in ordered}

    return {
        "bytes": total["bytes"],
        "files": total["files"],
        "bytes_per_article": round(total["bytes"] / n) if n else None,
        "folders": rows(folders),
        "kinds": rows(kinds),
    }


def growth(small: dict[str, Any], large: dict[str, Any]) -> dict[str, Any]:
    """What one more article adds between two runs' ``size`` sections (``n`` in each)."""
    span = large["n"] - small["n"]
    if span <= 0:
        raise ValueError(f"growth needs a larger run: {small['n']} -> {large['n']}")
    a, b = small["size"], large["size"]

    def per_article(table: str) -> dict[str, dict[str, float]]:
        keys = sorted(set(a[table]) | set(b[table]))
        out = {}
        for key in keys:
            old = a[table].get(key, {"bytes": 0, "files": 0})
            new = b[table].get(key, {"bytes": 0, "files": 0})
            out[key] = {
                "bytes": round((new["bytes"] - old["bytes"]) / span),
                "files": round((new["files"] - old["files"]) / span, 3),
            }
        return dict(sorted(out.items(), key=lambda kv: (-kv[1]["bytes"], kv[0])))

    return {
        "from_n": small["n"],
        "to_n": large["n"],
        "bytes_per_article": round((b["bytes"] - a["bytes"]) / span),
        "files_per_article": round((b["files"] - a["files"]) / span, 3),
        "folders": per_article("folders"),
        "kinds": per_article("kinds"),
    }


def add_growth(result: dict[str, Any], results: Path) -> None:
    """Put the growth per article since the largest smaller run of the same seed (a
    ``bench-<n>.json`` in ``results`` with a ``size`` section) into ``result["growth"]``."""
    best: dict[str, Any] | None = None
    for path in results.glob("bench-*.json"):
        try:
            other = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if (
            "size" in other
            and other.get("seed") == result["seed"]
            and other["n"] < result["n"]
            and (best is None or other["n"] > best["n"])
        ):
            best = other
    if best is not None:
        result["growth"] = growth(best, result)


def summary(result: dict[str, Any], rows: int = 12) -> str:
    """The size lines of the benchmark's summary: per article, then per folder."""
    size = result["size"]
    lines = [
        f"  site size       {size['bytes'] / 1e6:.1f} MB in {size['files']} files, "
        f"{size['bytes_per_article']} bytes per article (search index and feeds included)"
    ]
    grown = result.get("growth")
    if grown:
        lines.append(
            f"  growth          {grown['bytes_per_article']} bytes and "
            f"{grown['files_per_article']} files per article "
            f"(from {grown['from_n']} to {grown['to_n']} articles); per folder:"
        )
        for name, row in list(grown["folders"].items())[:rows]:
            total = size["folders"].get(name, {"bytes": 0})["bytes"]
            lines.append(f"    {name:24} {row['bytes']:7} B/article   {total / 1e6:8.2f} MB now")
    else:
        lines.append("  per folder (no smaller run of this seed in bench-results/ to compare):")
        for name, row in list(size["folders"].items())[:rows]:
            lines.append(f"    {name:24} {row['bytes'] / 1e6:8.2f} MB  {row['files']:6} files")
    return "\n".join(lines)
