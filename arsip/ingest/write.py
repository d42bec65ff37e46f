"""Write a draft: YAML front-matter in the schema's field order, then the cleaned body.

Values are untrusted text: every string is emitted by PyYAML (quoted when needed) and read
back through the schema's own loader before the file is written, so a headline such as
``Jelang Pilkada: "ASN" #netral`` stays text. Existing files are never overwritten.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import yaml
from slugify import slugify

from arsip import schema
from arsip.messages import t

_HTML_TAG = re.compile(r"<(?=\s*/?\s*[A-Za-z!?])")


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and schema.DATE_RE.match(value):
        return value  # the schema's loader keeps a date as text: no quotes needed
    if isinstance(value, list):
        return "[" + ", ".join(_scalar(v) for v in value) + "]"
    text = yaml.safe_dump(
        str(value), default_flow_style=True, allow_unicode=True, width=10_000
    ).strip()
    if text.endswith("\n..."):
        text = text[:-4].strip()
    text = text.removesuffix("...").strip()
    if isinstance(value, str) and (text != value or "," in value or "[" in value):
        # Plain only when it reads back as itself; quoted otherwise (and in lists).
        text = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return text


def _mapping_items(items: list[dict[str, Any]]) -> list[str]:
    """A list of small mappings (``people``, ``quotes``) in block style, one key a line."""
    out = []
    for item in items:
        for i, (key, value) in enumerate(item.items()):
            out.append(f"  {'- ' if i == 0 else '  '}{key}: {_scalar(value)}")
    return out


def front_matter(meta: dict[str, Any]) -> str:
    """The ``---`` block, fields in ``schema.FIELD_ORDER``."""
    lines = [schema.FRONT_MATTER_FENCE]
    for name in schema.FIELD_ORDER:
        if name in meta and meta[name] not in (None, "", []):
            value = meta[name]
            if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
                lines.append(f"{name}:")
                lines.extend(_mapping_items(value))
            else:
                lines.append(f"{name}: {_scalar(value)}")
    lines.append(schema.FRONT_MATTER_FENCE)
    return "\n".join(lines) + "\n"


def safe_body(paragraphs: list[str]) -> str:
    """Paragraphs as Markdown text: HTML-looking tags and image syntax made inert, quotes and
    wording left exactly as published."""
    out = []
    for para in paragraphs:
        # Raw text is not Markdown: a "[x](y)" in it would become a link (or an image).
        para = _HTML_TAG.sub("&lt;", para).replace("![", "!\\[").replace("](", "]\\(")
        para = re.sub(r"^(#{1,6})(?=\s)", r"\\\1", para)  # a leading "#" is not a heading here
        out.append(para)
    return "\n\n".join(out) + "\n"


def render(meta: dict[str, Any], paragraphs: list[str]) -> str:
    return front_matter(meta) + safe_body(paragraphs)


def slug_for(title: str) -> str:
    return slugify(title, max_length=80, word_boundary=True) or "artikel"


def free_path(dest: Path, year: int, slug: str) -> Path:
    """``dest/<year>/<slug>.md``, with ``-2``, ``-3``... when that name is taken in any year
    (the site's URL comes from the file name, so a name must be unique in the archive)."""
    taken = {p.stem for p in dest.glob("*/*.md")} if dest.is_dir() else set()
    name, n = slug, 1
    while name in taken or (dest / str(year) / f"{name}.md").exists():
        n += 1
        name = f"{slug}-{n}"
    return dest / str(year) / f"{name}.md"


def dest_problem(dest: Path) -> str | None:
    """Why ``dest`` cannot receive drafts (it is a file, or a link to one), or None."""
    if dest.exists() and not dest.is_dir():
        return t("ingest.dest_file", dest=dest)
    if dest.is_symlink() and not dest.exists():
        return t("ingest.dest_dangling", dest=dest)
    return None


def leaves(dest: Path, target: Path) -> str | None:
    """Why writing ``target`` (``dest/<year>/<slug>.md``) would leave ``dest``, or None: a
    year folder that is a symbolic link is never followed, wherever it leads."""
    folder = target.parent
    if folder.is_symlink():
        return t("ingest.year_link", folder=folder, dest=dest)
    if folder.exists() and folder.resolve().parent != dest.resolve():
        return t("ingest.year_outside", folder=folder, dest=dest)
    return None


def write_new(path: Path, text: str) -> None:
    """Create ``path`` with ``text``; fail if it exists (never overwrite, never through a
    symbolic link)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
