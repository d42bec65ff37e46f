"""``invoke ingest PATH [--dest content/articles]`` and ``python -m arsip.ingest PATH --dest DIR``.

Each raw file becomes one draft at ``<dest>/<year>/<slug>.md``; a file that cannot (empty,
binary, not UTF-8, no date, already archived) gets a clear error and the others go on. The
exit code is 1 when any file failed.
"""

from __future__ import annotations

import argparse
import sys
from contextlib import nullcontext
from pathlib import Path
from typing import TextIO

from arsip import dedup, schema
from arsip.ingest import write
from arsip.ingest.core import Draft, IngestError, extract
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
        raise IngestError(f"cannot read the file: {exc.strerror}") from None
    if not raw.strip():
        raise IngestError("the file is empty")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise IngestError("the text is UTF-16, not UTF-8: save it as UTF-8")
    sample = raw[:4096]
    controls = sum(b < 32 and b not in (9, 10, 12, 13) for b in sample)
    if b"\x00" in sample or controls > len(sample) // 100 + 2:
        raise IngestError(
            "this is a binary file, not text: paste the article's text into a .txt file"
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise IngestError(
            f"line {line}: the text is not UTF-8 (byte 0x{raw[exc.start]:02x}): save it as UTF-8"
        ) from None
    if not text.strip():
        raise IngestError("the file is empty")
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


def duplicate_of(draft: Draft, archive: list[schema.Parsed]) -> str | None:
    """Why the draft is already archived (naming the file), or None."""
    url = str(draft.meta.get("source_url", "")).rstrip("/")
    for art in archive:
        other = art.meta.get("source_url")
        if url and isinstance(other, str) and other.strip().rstrip("/") == url:
            return f"already archived: {art.path} has the same source_url {url}"
    match = dedup.most_similar(
        "\n".join(draft.paragraphs), ((a.path, a.body) for a in archive if a.body.strip())
    )
    if match:
        return (
            f"already archived: {match.key} has nearly the same text ({match.similarity:.0%} alike)"
        )
    return None


def ingest_file(path: Path, dest: Path, archive: list[schema.Parsed], out: TextIO) -> Path:
    """Make one draft; print what was extracted and what needs review. Raises IngestError."""
    draft = extract(read_raw(path))
    dup = duplicate_of(draft, archive)
    if dup:
        raise IngestError(dup)
    year = int(str(draft.meta["date"])[:4])
    target = write.free_path(dest, year, write.slug_for(str(draft.meta["title"])))
    text = write.render(draft.front_matter(), draft.paragraphs)
    # The draft must pass the schema apart from its review list: check before writing.
    parsed = schema.parse(text, target)
    problems = [p for p in schema.validate(parsed) if p.field != "review"]
    if problems:
        raise IngestError(
            "the draft would not be valid: "
            + "; ".join(f"{p.field}: {p.message}" for p in problems)
        )
    outside = write.leaves(dest, target)
    if outside:
        raise IngestError(outside)
    try:
        write.write_new(target, text)
    except FileExistsError:
        raise IngestError(f"{target} exists: not overwritten") from None
    archive.append(parsed)
    print(f"{path}: wrote {target}", file=out)
    for name in _SHOWN:
        value = draft.meta.get(name)
        shown = ", ".join(value) if isinstance(value, list) else value
        mark = "  REVIEW" if name in draft.review else ""
        note = draft.notes.get(name, "")
        extra = f"  [{note}]" if note and note != shown else ""
        print(f"  {name + ':':10} {shown}{extra}{mark}", file=out)
    if draft.review:
        print(f"  review: {', '.join(draft.front_matter()['review'])}", file=out)
        for name, reason in draft.review.items():
            print(f"    - {name}: {reason}", file=out)
    print(
        f"  body: {len(draft.paragraphs)} paragraph(s); {len(draft.dropped)} line(s) dropped",
        file=out,
    )
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
        print(f"error: {problem}", file=err)
        return 1
    files = raw_files([Path(p) for p in paths])
    missing = [str(p) for p in paths if not Path(p).exists()]
    failed = len(missing)
    for p in missing:
        print(f"{p}: error: no such file or folder", file=err)
    if not files and not missing:
        print("no files to ingest", file=err)
        return 1
    archive = _archive(dest)
    written = 0
    # A folder of many files shows its progress (a bar in a terminal, plain lines in CI).
    with (
        progress(len(files), "Mengolah artikel", stream=err)
        if len(files) >= PROGRESS_FROM
        else (nullcontext()) as bar
    ):
        for path in files:
            try:
                ingest_file(path, dest, archive, out)
                written += 1
            except IngestError as exc:
                failed += 1
                print(f"{path}: error: {exc}", file=err)
            except Exception as exc:  # a bug must not stop the other files, nor pass unseen
                failed += 1
                print(
                    f"{path}: error: unexpected {type(exc).__name__}: {exc} (a bug: please report)",
                    file=err,
                )
            if bar is not None:
                bar.advance()
    print(f"{written} draft(s) written to {dest}, {failed} file(s) failed", file=err)
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
