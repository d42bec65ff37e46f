"""``invoke ingest PATH [--dest content/articles]`` and ``python -m arsip.ingest PATH --dest DIR``.

Each raw file becomes one draft at ``<dest>/<year>/<slug>.md``; a file that cannot (empty,
binary, not UTF-8, no date, already archived) gets a clear error and the others go on. The
exit code is 1 when any file failed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from contextlib import nullcontext
from pathlib import Path
from typing import TextIO

from arsip import dedup, registry, regulations, schema
from arsip.ingest import write
from arsip.ingest.core import Draft, IngestError, extract
from arsip.messages import t
from arsip.progress import progress

#: From this many raw files on, ingest shows its progress on stderr.
PROGRESS_FROM = 20

ROOT = Path(__file__).resolve().parent.parent.parent
DEFAULT_DEST = ROOT / "content" / "articles"
_SHOWN = ("title", "date", "region", "province", "official", "role", "source", "election", "tags")


def read_raw(path: Path) -> str:
    """The file's text, or an IngestError saying why it is not a raw article."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise IngestError(t("ingest.unreadable", reason=exc.strerror)) from None
    if not raw.strip():
        raise IngestError(t("ingest.empty"))
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise IngestError(t("ingest.utf16"))
    sample = raw[:4096]
    controls = sum(b < 32 and b not in (9, 10, 12, 13) for b in sample)
    if b"\x00" in sample or controls > len(sample) // 100 + 2:
        raise IngestError(t("ingest.binary"))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise IngestError(t("ingest.not_utf8", line=line, byte=f"{raw[exc.start]:02x}")) from None
    if not text.strip():
        raise IngestError(t("ingest.empty"))
    return text


def raw_files(paths: list[Path]) -> list[Path]:
    """The files named, and every non-hidden file under the folders named, sorted."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(
                sorted(
                    f
                    for f in p.rglob("*")
                    if f.is_file()
                    and not any(part.startswith(".") for part in f.relative_to(p).parts)
                )
            )
        else:
            out.append(p)
    return out


def _archive(dest: Path) -> list[schema.Parsed]:
    return [schema.read_article(p) for p in sorted(dest.glob("*/*.md"))] if dest.is_dir() else []


def registry_dir(dest: Path) -> Path | None:
    """Where new people are written: the data folder (``ARSIP_DATA_DIR`` when set), if the
    drafts go into its repository; None for drafts written elsewhere (a scratch folder),
    which leave the repository's registry as it is."""
    data = schema.current_data_dir()
    if os.environ.get("ARSIP_DATA_DIR"):
        return data
    try:
        dest.resolve().relative_to(data.resolve().parent)
    except ValueError:
        return None
    return data


def duplicate_of(draft: Draft, archive: list[schema.Parsed]) -> str | None:
    """Why the draft is already archived (naming the file), or None."""
    url = str(draft.meta.get("source_url", "")).rstrip("/")
    for art in archive:
        other = art.meta.get("source_url")
        if url and isinstance(other, str) and other.strip().rstrip("/") == url:
            return t("ingest.dup_url", path=art.path, url=url)
    match = dedup.most_similar(
        "\n".join(draft.paragraphs), ((a.path, a.body) for a in archive if a.body.strip())
    )
    if match:
        return t("ingest.dup_text", path=match.key, similarity=f"{match.similarity:.0%}")
    return None


def ingest_file(
    path: Path,
    dest: Path,
    archive: list[schema.Parsed],
    out: TextIO,
    today: str | None = None,
) -> Path:
    """Make one draft; print what was extracted, the regulations it cites and what needs
    review. Raises IngestError. ``today``: the ``archived`` date (default: today)."""
    draft = extract(read_raw(path))
    dup = duplicate_of(draft, archive)
    if dup:
        raise IngestError(dup)
    year = int(str(draft.meta["date"])[:4])
    target = write.free_path(dest, year, write.slug_for(str(draft.meta["title"])))
    meta = draft.front_matter()
    meta.setdefault("archived", today or dt.date.today().isoformat())  # when it was saved
    text = write.render(meta, draft.paragraphs)
    # The draft must pass the schema apart from its review list: check before writing.
    parsed = schema.parse(text, target)
    problems = [p for p in schema.validate(parsed) if p.field != "review"]
    if problems:
        raise IngestError(
            t("ingest.invalid", problems="; ".join(f"{p.field}: {p.message}" for p in problems))
        )
    outside = write.leaves(dest, target)
    if outside:
        raise IngestError(outside)
    try:
        write.write_new(target, text)
    except FileExistsError:
        raise IngestError(t("ingest.exists", target=target)) from None
    archive.append(parsed)
    # People the registry lacks: appended to data/people.yml for review beside the draft
    # (existing entries are never rewritten), when the drafts go to this repository.
    data = registry_dir(dest)
    region, start = str(draft.meta.get("region", "")), str(draft.meta["date"])
    entries = []
    for name, role in draft.new_people:
        if data is None:
            entries.append(t("ingest.registry_elsewhere", name=name, role=role))
        elif registry.load(data).person(name) is None:  # not added by an earlier draft
            note = t("ingest.registry_review", path=target)
            registry.append_person(name, role, region, start, data_dir=data, review=note)
            entries.append(t("ingest.registry_added", name=name, role=role))
    print(t("ingest.wrote", path=path, target=target), file=out)
    for name in _SHOWN:
        value = draft.meta.get(name)
        shown = ", ".join(value) if isinstance(value, list) else value
        mark = "  " + t("ingest.review_mark") if name in draft.review else ""
        note = draft.notes.get(name, "")
        extra = f"  [{note}]" if note and note != shown else ""
        print(f"  {name + ':':10} {shown}{extra}{mark}", file=out)
    for name in ("people", "quotes"):
        items = draft.meta.get(name, [])
        if items:
            shown = ", ".join(
                f"{i['person']} ({i.get('role', '?')})"
                if name == "people"
                else f"{i.get('speaker', '?')}"
                for i in items
            )
            mark = "  " + t("ingest.review_mark") if name in draft.review else ""
            print(f"  {name + ':':10} {len(items)}: {shown}{mark}", file=out)
    if draft.review:
        print("  " + t("ingest.review", fields=", ".join(draft.front_matter()["review"])), file=out)
        for name, reason in draft.review.items():
            print(f"    - {name}: {reason}", file=out)
    for line in entries:
        print("  " + line, file=out)
    print(
        "  " + t("ingest.body", paragraphs=len(draft.paragraphs), dropped=len(draft.dropped)),
        file=out,
    )
    cited = regulations.keys("\n".join(draft.paragraphs))
    if cited:
        known = regulations.vocabulary()
        shown = [k if k in known else f"{k} (not in data/regulations.yml)" for k in cited]
        print(f"  regulations: {', '.join(shown)}", file=out)
    return target


def ingest_paths(
    paths: list[str | Path],
    dest: str | Path = DEFAULT_DEST,
    out: TextIO = sys.stdout,
    err: TextIO = sys.stderr,
) -> int:
    """Ingest every file; return 0 when all became drafts, 1 otherwise."""
    dest = Path(dest)
    problem = write.dest_problem(dest)
    if problem:
        print(t("ingest.dest_error", problem=problem), file=err)
        return 1
    files = raw_files([Path(p) for p in paths])
    missing = [str(p) for p in paths if not Path(p).exists()]
    failed = len(missing)
    for p in missing:
        print(t("ingest.error", path=p, reason=t("ingest.missing")), file=err)
    if not files and not missing:
        print(t("ingest.nothing"), file=err)
        return 1
    archive = _archive(dest)
    written = 0
    # A folder of many files shows its progress (a bar in a terminal, plain lines in CI).
    with (
        progress(len(files), t("ingest.progress"), stream=err)
        if len(files) >= PROGRESS_FROM
        else (nullcontext()) as bar
    ):
        for path in files:
            try:
                ingest_file(path, dest, archive, out)
                written += 1
            except IngestError as exc:
                failed += 1
                print(t("ingest.error", path=path, reason=exc), file=err)
            except Exception as exc:  # a bug must not stop the other files, nor pass unseen
                failed += 1
                reason = t("ingest.bug", kind=type(exc).__name__, reason=exc)
                print(t("ingest.error", path=path, reason=reason), file=err)
            if bar is not None:
                bar.advance()
    print(t("ingest.summary", written=written, dest=dest, failed=failed), file=err)
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m arsip.ingest",
        description="Turn raw news text into draft articles with front-matter for review.",
    )
    parser.add_argument(
        "paths", nargs="+", help="raw article files (UTF-8 text) or folders of them"
    )
    parser.add_argument(
        "--dest", default=str(DEFAULT_DEST), help="articles folder (default: content/articles)"
    )
    args = parser.parse_args(argv)
    return ingest_paths(args.paths, args.dest)
