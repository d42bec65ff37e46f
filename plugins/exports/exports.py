"""Write the archive as open data: ``data/articles.json`` and ``data/articles.csv``, described
with their licence by ``data/datapackage.json``.

One row per article with every field of the schema (``arsip.schema.FIELD_ORDER`` without
``review``, which never reaches a published article), the date as ISO text and the article's
URL (absolute when SITEURL is set). Rows are in chronological order, ties broken by URL, and
nothing depends on the build time, so two builds write the same bytes.
"""

from __future__ import annotations

import csv
import html
import io
import json
import os
from typing import Any

from pelican import signals
from pelican.generators import ArticlesGenerator
from pelican.writers import Writer

from arsip import dates
from arsip.schema import FIELD_ORDER, LIST_FIELDS

#: Settings (``EXPORTS`` in pelicanconf.py overrides any of them); a path set to "" or None
#: turns that export off.
DEFAULTS: dict[str, Any] = {
    "json": "data/articles.json",
    "csv": "data/articles.csv",
    "csv_tag_separator": "; ",
    # A Frictionless Data Package describing both files and their licence (DATA_LICENSE).
    "datapackage": "data/datapackage.json",
}

#: The exported columns, in order (people and quotes are lists: not columns of an article).
COLUMNS: tuple[str, ...] = (
    *(f for f in FIELD_ORDER if f != "review" and f not in LIST_FIELDS),
    "url",
)


def plugin_settings(settings: dict[str, Any]) -> dict[str, Any]:
    """The plugin's settings: DEFAULTS overridden by the EXPORTS setting."""
    return {**DEFAULTS, **(settings.get("EXPORTS") or {})}


def row(article: Any, siteurl: str) -> dict[str, Any]:
    """One article as a flat record: schema fields, ISO date, URL."""
    meta = article.metadata
    out: dict[str, Any] = {}
    for name in COLUMNS:
        if name == "url":
            out[name] = f"{siteurl}/{article.url}"
        elif name == "date":
            out[name] = dates.iso_date(article.date)
        elif name == "tags":
            out[name] = [str(t) for t in meta.get("tags", [])]
        elif name == "title_editorial":
            out[name] = bool(meta.get("title_editorial", False))
        elif name == "summary":
            # The text itself: the build keeps it as HTML (plugins/validation).
            out[name] = html.unescape(str(meta.get("summary") or ""))
        else:
            value = meta.get(name)
            out[name] = "" if value is None else str(value)
    return out


def rows(articles: list[Any], siteurl: str) -> list[dict[str, Any]]:
    """Every article's record, oldest first, ties in URL order."""
    ordered = sorted(articles, key=lambda a: (a.date, a.url))
    return [row(a, siteurl) for a in ordered]


def to_json(records: list[dict[str, Any]]) -> str:
    """UTF-8 JSON text (not ASCII-escaped): an array with one article per line, compact
    enough for 100,000 articles and still readable and diffable line by line."""
    lines = ",\n".join(json.dumps(r, ensure_ascii=False) for r in records)
    return f"[\n{lines}\n]\n" if records else "[]\n"


#: First characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection):
#: = + - @, and tab and carriage return, which some spreadsheets skip before one of those.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """A CSV cell a spreadsheet shows as text: one that would start a formula gets a
    leading apostrophe, as the OWASP CSV-injection guidance describes (the csv module
    quotes the cell and doubles its quotes when it holds a quote or a comma)."""
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def to_csv(records: list[dict[str, Any]], tag_separator: str = "; ") -> str:
    """CSV text with a header row; tags joined, booleans as true/false, and cells that a
    spreadsheet would evaluate written as text (:func:`neutralise`). The JSON keeps the
    values exactly."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for record in records:
        flat = dict(record)
        flat["tags"] = tag_separator.join(record["tags"])
        flat["title_editorial"] = "true" if record["title_editorial"] else "false"
        writer.writerow({k: neutralise(v) for k, v in flat.items()})
    return buffer.getvalue()


def datapackage(conf: dict[str, Any], settings: dict[str, Any]) -> str:
    """The data package (https://datapackage.org): title, licence and the two files, so that
    the licence travels with the downloads."""
    licence = settings.get("DATA_LICENSE") or {}
    base = os.path.dirname(conf["datapackage"])
    package = {
        "name": "arsip-netralitas-asn",
        "title": settings.get("SITENAME", ""),
        "description": settings.get("SITESUBTITLE", ""),
        "homepage": f"{settings.get('SITEURL', '')}/",
        "licenses": [
            {"name": licence["id"], "title": licence.get("title", ""), "path": licence["url"]}
        ]
        if licence
        else [],
        "resources": [
            {
                "name": f"articles-{kind}",
                "path": os.path.relpath(conf[kind], base),
                "format": kind,
                "mediatype": "application/json" if kind == "json" else "text/csv",
                "encoding": "utf-8",
            }
            for kind in ("json", "csv")
            if conf[kind]
        ],
    }
    return json.dumps(package, ensure_ascii=False, indent=2) + "\n"


def _write(generator: ArticlesGenerator, writer: Writer) -> None:
    conf = plugin_settings(generator.settings)
    records = rows(generator.articles, generator.settings.get("SITEURL", ""))
    outputs = {
        conf["json"]: lambda: to_json(records),
        conf["csv"]: lambda: to_csv(records, conf["csv_tag_separator"]),
        conf["datapackage"]: lambda: datapackage(conf, generator.settings),
    }
    for name, render in outputs.items():
        if not name:
            continue
        path = os.path.join(generator.output_path, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="") as fh:
            fh.write(render())


def _publish_paths(pelican: Any) -> None:
    """DATA_EXPORTS (json and csv paths) for the templates' links to the open data."""
    conf = plugin_settings(pelican.settings)
    pelican.settings["DATA_EXPORTS"] = {
        "json": conf["json"],
        "csv": conf["csv"],
        "datapackage": conf["datapackage"],
    }


def register() -> None:
    """Connect to Pelican: write the exports once the articles are known and written."""
    signals.initialized.connect(_publish_paths)
    signals.article_writer_finalized.connect(_write)
