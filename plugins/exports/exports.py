"""Write the archive as open data, described with its licence by ``data/datapackage.json``:

- ``data/articles.json`` and ``.csv``: one row per article with every field of the schema
  (``arsip.schema.FIELD_ORDER`` without ``review``, which never reaches a published article),
  the date as ISO text and the article's URL (absolute when SITEURL is set); chronological,
  ties broken by URL;
- ``data/people.json`` and ``.csv``: one row per person (registry id, name, roles with
  region and dates, numbers of articles and quotes, page URL), by id;
- ``data/quotes.json`` and ``.csv``: one row per direct quote (a stable id made of the
  article's slug and the quote's number, the article's slug and URL, date, region, province,
  election, speaker id and name, role, words), in the order of the articles' rows.

People and quotes come from what plugins/taxonomies and plugins/quotes computed for the pages
(``taxonomies`` and ``quote_index`` in the context): the files say what the pages say. Nothing
depends on the build time, so two builds write the same bytes.
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
    "people_json": "data/people.json",
    "people_csv": "data/people.csv",
    "quotes_json": "data/quotes.json",
    "quotes_csv": "data/quotes.csv",
    # A Frictionless Data Package describing the files and their licence (DATA_LICENSE).
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


#: Columns of people.csv and quotes.csv (people.json has the roles as a list of records).
PEOPLE_COLUMNS: tuple[str, ...] = ("id", "name", "roles", "articles", "quotes", "url")
QUOTE_COLUMNS: tuple[str, ...] = (
    "id",
    "article_slug",
    "article_url",
    "date",
    "region",
    "province",
    "election",
    "speaker_id",
    "speaker",
    "role",
    "number",
    "text",
)
#: Frictionless field types of the CSV columns (the rest are strings).
FIELD_TYPES = {"articles": "integer", "quotes": "integer", "number": "integer", "date": "date"}


def _iso(value: Any) -> str:
    return dates.iso_date(value) if value else ""


def person_rows(taxonomies: Any, siteurl: str) -> list[dict[str, Any]]:
    """Every person the pages name, by id: roles over time (most recent first), counts."""
    out = []
    for term in sorted(taxonomies.official, key=lambda t: t.slug):
        roles = [
            {
                "role": span.role,
                "region": span.region_name,
                "start": _iso(span.start),
                "end": _iso(span.end),
                "first_article": _iso(span.first),
                "last_article": _iso(span.last),
                "articles": span.count,
            }
            for span in term.role_spans
        ]
        out.append(
            {
                "id": term.slug,
                "name": term.name,
                "roles": roles,
                "articles": term.count,
                "quotes": len(term.quotes),
                "url": f"{siteurl}/{term.url}",
            }
        )
    return out


def quote_rows(quote_index: Any, siteurl: str) -> list[dict[str, Any]]:
    """Every quote, oldest article first (ties by URL), each article's in its order."""
    ordered = sorted(quote_index.quotes, key=lambda q: (q.date, q.article.url, q.number))
    return [
        {
            "id": f"{q.article.slug}-{q.number}",
            "article_slug": q.article.slug,
            "article_url": f"{siteurl}/{q.article.url}",
            "date": dates.iso_date(q.date),
            "region": q.region.name,
            "province": str(q.article.province),
            "election": q.election.name,
            "speaker_id": q.speaker.slug,
            "speaker": q.speaker.name,
            "role": q.role,
            "number": q.number,
            "text": q.text,
        }
        for q in ordered
    ]


def table_csv(records: list[dict[str, Any]], columns: tuple[str, ...]) -> str:
    """CSV text of flat records (people's roles joined as "role, region; ..."), cells a
    spreadsheet would evaluate written as text."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for record in records:
        flat = {k: record[k] for k in columns}
        if "roles" in flat:
            flat["roles"] = "; ".join(f"{r['role']}, {r['region']}" for r in record["roles"])
        writer.writerow({k: neutralise(str(v)) for k, v in flat.items()})
    return buffer.getvalue()


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


#: What each data file holds (the data package's descriptions), by setting name.
DESCRIPTIONS = {
    "json": "Satu rekaman per artikel: semua keterangan artikel dan alamatnya.",
    "csv": "Satu baris per artikel: semua keterangan artikel dan alamatnya.",
    "people_json": "Satu rekaman per orang (id tetap): nama, jabatan per daerah dengan tanggalnya, "
    "jumlah artikel dan kutipan, alamat halamannya.",
    "people_csv": "Satu baris per orang (id tetap): nama, jabatan, jumlah artikel dan kutipan.",
    "quotes_json": "Satu rekaman per kutipan langsung: artikel, tanggal, daerah, pembicara (id), "
    "jabatan, dan kata-katanya.",
    "quotes_csv": "Satu baris per kutipan langsung: artikel, tanggal, daerah, pembicara (id), "
    "jabatan, dan kata-katanya.",
}
#: The columns of each CSV file (a Frictionless table schema describes them).
CSV_COLUMNS = {"csv": COLUMNS, "people_csv": PEOPLE_COLUMNS, "quotes_csv": QUOTE_COLUMNS}


def _resource(key: str, conf: dict[str, Any], base: str) -> dict[str, Any]:
    kind = "json" if key.endswith("json") else "csv"
    stem = {"json": "articles", "csv": "articles"}.get(key, key.rsplit("_", 1)[0])
    resource: dict[str, Any] = {
        "name": f"{stem}-{kind}",
        "path": os.path.relpath(conf[key], base),
        "format": kind,
        "mediatype": "application/json" if kind == "json" else "text/csv",
        "encoding": "utf-8",
        "description": DESCRIPTIONS[key],
    }
    if key in CSV_COLUMNS and key != "csv":
        resource["schema"] = {
            "fields": [{"name": c, "type": FIELD_TYPES.get(c, "string")} for c in CSV_COLUMNS[key]],
            "primaryKey": ["id"],
        }
    return resource


def datapackage(conf: dict[str, Any], settings: dict[str, Any]) -> str:
    """The data package (https://datapackage.org): title, licence and the files, so that
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
        "resources": [_resource(key, conf, base) for key in DESCRIPTIONS if conf[key]],
    }
    return json.dumps(package, ensure_ascii=False, indent=2) + "\n"


def _write(generator: ArticlesGenerator, writer: Writer) -> None:
    conf = plugin_settings(generator.settings)
    siteurl = generator.settings.get("SITEURL", "")
    records = rows(generator.articles, siteurl)
    outputs = {
        conf["json"]: lambda: to_json(records),
        conf["csv"]: lambda: to_csv(records, conf["csv_tag_separator"]),
    }
    taxonomies = generator.context.get("taxonomies")
    quote_index = generator.context.get("quote_index")
    if taxonomies is not None and quote_index is not None:
        people = person_rows(taxonomies, siteurl)
        quotes = quote_rows(quote_index, siteurl)
        outputs[conf["people_json"]] = lambda: to_json(people)
        outputs[conf["people_csv"]] = lambda: table_csv(people, PEOPLE_COLUMNS)
        outputs[conf["quotes_json"]] = lambda: to_json(quotes)
        outputs[conf["quotes_csv"]] = lambda: table_csv(quotes, QUOTE_COLUMNS)
    else:  # without the pages' plugins there is nothing to describe people and quotes by
        conf = {**conf, **dict.fromkeys(("people_json", "people_csv", "quotes_json", "quotes_csv"))}
    outputs[conf["datapackage"]] = lambda: datapackage(conf, generator.settings)
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
