"""A web editor for non-technical editors at ``/admin/``: Sveltia CMS with the GitHub backend.

``python -m arsip.admin OUTPUT --repo OWNER/NAME`` (run by the publish workflow after the
build) writes ``OUTPUT/admin/``: the page (``admin/index.html``), the CMS itself (copied from
the npm package ``@sveltia/cms`` that ``./dev test`` installs, so the site serves it) and its
configuration, generated here from :data:`arsip.schema.FIELDS` and ``data/``: every
vocabulary becomes a drop-down (people and outlets from the registries), so the editor
offers only values the schema accepts; people and quotes are lists of such fields.

Limits (see CONTRIBUTING.md): the CMS commits straight to ``main``; the publish workflow
checks the article and does not publish while it has a problem. Articles are grouped by year
folder (one collection per ``content/articles/<year>/``), because a new file's folder must
be the year of its date and the CMS cannot derive a folder from a field.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

from arsip import gazetteer, registry, schema
from arsip.messages import field_hint

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "admin" / "index.html"
BUNDLE = ROOT / "node_modules" / "@sveltia" / "cms" / "dist" / "sveltia-cms.js"
ARTICLES = ROOT / "content" / "articles"


def _field(name: str) -> dict[str, Any]:
    """The CMS widget for one schema field."""
    spec = schema.FIELDS[name]
    voc = schema.vocabulary()
    # The form is for Indonesian editors whatever the build machine's locale.
    hint = field_hint(name, spec.help, lang="id")
    out: dict[str, Any] = {"name": name, "label": spec.label, "hint": hint}
    if not spec.required:
        out["required"] = False
    if name in ("date", "archived"):
        out |= {"widget": "datetime", "format": "YYYY-MM-DD", "time_format": False}
    elif name == "title_editorial":
        out |= {"widget": "boolean", "default": False}
    elif name == "region":
        names = sorted(gazetteer.regencies()) + sorted(gazetteer.provinces())
        out |= {"widget": "select", "options": names}
    elif name == "province":
        out |= {"widget": "select", "options": sorted(gazetteer.provinces())}
    elif name == "role":
        out |= {"widget": "select", "options": sorted(voc.canonical_roles())}
    elif name == "official":
        out |= {"widget": "select", "options": person_options()}
    elif name == "source":
        outlets = sorted(o.name for o in registry.load().outlets)
        out |= {"widget": "select", "options": [schema.UNKNOWN_SOURCE, *outlets]}
    elif name == "people":
        out |= {
            "widget": "list",
            "fields": [
                {
                    "name": "person",
                    "label": "Orang",
                    "widget": "select",
                    "options": person_options(),
                },
                {
                    "name": "role",
                    "label": "Jabatan",
                    "widget": "select",
                    "options": sorted(voc.canonical_roles()),
                },
            ],
        }
    elif name == "quotes":
        out |= {
            "widget": "list",
            "fields": [
                {
                    "name": "speaker",
                    "label": "Pembicara",
                    "widget": "select",
                    "options": person_options(),
                },
                {"name": "text", "label": "Kata-kata di antara tanda kutip", "widget": "text"},
            ],
        }
    elif name == "election":
        out |= {"widget": "select", "options": list(voc.elections)}
    elif name == "tags":
        out |= {"widget": "select", "multiple": True, "min": 1, "options": list(voc.tags)}
    elif name == "summary":
        out |= {"widget": "text"}
    elif name == "review":
        out |= {"widget": "list"}
    elif name == "source_url":
        out |= {"widget": "string", "pattern": ["^https?://\\S+$", "Alamat diawali https://"]}
    else:
        out |= {"widget": "string"}
    return out


def person_options() -> list[str]:
    """How an article may name each person of the registry: the canonical name, or the id
    of each person whose name another shares."""
    reg = registry.load()
    return sorted(p.name if len(reg.people_named(p.name)) == 1 else p.id for p in reg.people)


def years(articles: Path = ARTICLES) -> list[int]:
    """Year folders to offer: those in the archive, the elections' years and this year."""
    found = {int(p.name) for p in articles.iterdir() if p.is_dir() and p.name.isdigit()}
    for name in schema.vocabulary().elections:
        found.update(int(w) for w in name.split() if w.isdigit() and len(w) == 4)
    found.add(dt.date.today().year)
    return sorted(found, reverse=True)


def config(
    repo: str, branch: str = "main", site_url: str = "", articles: Path = ARTICLES
) -> dict[str, Any]:
    """The CMS configuration: the GitHub backend and one collection per year folder."""
    fields = [_field(name) for name in schema.FIELD_ORDER]
    fields.append({"name": "body", "label": "Teks artikel", "widget": "markdown"})
    rel = articles.relative_to(ROOT) if articles.is_relative_to(ROOT) else Path("content/articles")
    out: dict[str, Any] = {
        "backend": {
            "name": "github",
            "repo": repo,
            "branch": branch,
            "commit_messages": {
                "create": "Tambah artikel {{slug}} (lewat /admin/)",
                "update": "Perbarui artikel {{slug}} (lewat /admin/)",
                "delete": "Hapus artikel {{slug}} (lewat /admin/)",
            },
        },
        # Images are not archived (the schema refuses them); the CMS requires the setting.
        "media_folder": "content/media",
        # An emptied optional field disappears: `review: []` or `source_url: ''` left in a
        # file would fail the schema.
        "output": {"omit_empty_optional_fields": True},
        "collections": [
            {
                "name": f"artikel-{year}",
                "label": f"Artikel {year}",
                "label_singular": f"Artikel {year}",
                "folder": f"{rel.as_posix()}/{year}",
                "extension": "md",
                "format": "frontmatter",
                "create": True,
                "slug": "{{slug}}",
                "identifier_field": "title",
                "summary": "{{date}} · {{title}}",
                "sortable_fields": ["date", "title", "region"],
                "fields": fields,
            }
            for year in years(articles)
        ],
    }
    if site_url:
        out["site_url"] = site_url  # the CMS links to the published site
    return out


def install(output: Path, repo: str, branch: str = "main", site_url: str = "") -> Path:
    """Write ``output/admin/``: the page, the CMS bundle and its configuration."""
    if not BUNDLE.exists():
        raise FileNotFoundError(
            f"{BUNDLE.relative_to(ROOT)} is missing: run ./dev test (it installs package.json)"
        )
    dest = output / "admin"
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(PAGE, dest / "index.html")
    shutil.copyfile(BUNDLE, dest / "sveltia-cms.js")
    text = yaml.safe_dump(
        config(repo, branch, site_url), allow_unicode=True, sort_keys=False, width=100
    )
    (dest / "config.yml").write_text(text, encoding="utf-8")
    return dest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m arsip.admin", description=__doc__)
    parser.add_argument("output", help="the built site (e.g. output)")
    parser.add_argument("--repo", required=True, help="OWNER/NAME on GitHub")
    parser.add_argument("--branch", default="main")
    parser.add_argument("--site-url", default="", help="the published site's absolute URL")
    args = parser.parse_args(argv)
    dest = install(Path(args.output), args.repo, args.branch, args.site_url)
    print(f"Web editor written to {dest}/ for {args.repo} ({args.branch})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
