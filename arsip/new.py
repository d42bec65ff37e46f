"""``invoke new``: write a new article by hand, from flags or, at a terminal, from prompts.

Every value is checked with the schema's own rule (:data:`arsip.schema.FIELDS`) as it is
given; the file is written with the ingest's writer (:mod:`arsip.ingest.write`: fields in
the schema's order, YAML quoting, never overwriting) and then checked like ``invoke check``
against the rest of the archive. A file that would repeat an archived article is not kept.

Without a terminal (CI, scripts, pre-commit) nothing is asked: missing required values are
listed, with the flag that gives each, and the command exits with status 2.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from arsip import check, gazetteer, schema
from arsip.ingest import write
from arsip.messages import field_hint, t

ARTICLES = check.ARTICLES

#: Fields asked for, in order; province and election are derived when not given.
ASKED = ("title", "date", "region", "official", "role", "source", "source_url", "tags")
OPTIONAL = ("source_url", "summary", "title_editorial", "province", "election")


class NewError(ValueError):
    """Input that cannot make a valid article; the message says which and why."""


def _choices(name: str) -> str:
    """The allowed values of a field with a vocabulary, for prompts and --help."""
    voc = schema.vocabulary()
    if name == "role":
        return f"{', '.join(voc.roles)} (boleh diawali {'/'.join(voc.role_prefixes)})"
    if name == "election":
        return ", ".join(voc.elections)
    if name == "tags":
        return ", ".join(voc.tags)
    return ""


def normalise(name: str, raw: str) -> Any:
    """A value as typed on a command line or at a prompt, in the schema's types."""
    raw = raw.strip()
    if name == "tags":
        return [t.strip() for t in raw.split(",") if t.strip()]
    if name == "title_editorial":
        return raw.lower() in {"1", "true", "ya", "y", "yes"}
    return raw


def problem_with(name: str, value: Any) -> str | None:
    """The schema's message for one value, or None when it is allowed."""
    spec = schema.FIELDS[name]
    if value in (None, "", []):
        return None if not spec.required else t("schema.empty", hint=field_hint(name, spec.help))
    return spec.check(value, schema.vocabulary())


def derive(meta: dict[str, Any], body: str) -> dict[str, Any]:
    """Fill the province from the region, the election from the date (and the text), and
    ``archived`` with today (the day the archive saves the text)."""
    meta = dict(meta)
    if not meta.get("archived"):
        meta["archived"] = dt.date.today().isoformat()
    region = gazetteer.lookup(str(meta.get("region", "")))
    if region and not meta.get("province"):
        meta["province"] = region.province if region.kind != "provinsi" else region.name
    if not meta.get("election") and schema.DATE_RE.match(str(meta.get("date", ""))):
        from arsip.ingest.core import IngestError, election_for

        try:
            meta["election"] = election_for(int(str(meta["date"])[:4]), body)[0]
        except IngestError as exc:
            raise NewError(str(exc)) from None
    return meta


def ask(
    meta: dict[str, Any],
    body: str,
    prompt: Callable[[str], str],
    out: TextIO,
) -> tuple[dict[str, Any], str]:
    """Ask for every missing value, checking each answer with the schema until it passes."""
    meta = dict(meta)
    for name in ASKED:
        if meta.get(name) not in (None, "", []):
            continue
        spec = schema.FIELDS[name]
        choices = _choices(name)
        print(f"\n{spec.label} ({name}): {field_hint(name, spec.help)}", file=out)
        if choices:
            print("  " + t("new.choices", choices=choices), file=out)
        default = dt.date.today().isoformat() if name == "date" else ""
        while True:
            suffix = (
                f" [{default}]"
                if default
                else (" " + t("new.optional") if not spec.required else "")
            )
            answer = prompt(f"{spec.label}{suffix}: ") or default
            value = normalise(name, answer)
            message = problem_with(name, value)
            if not message:
                if value not in ("", []):
                    meta[name] = value
                break
            print(f"  {name}: {message}", file=out)
    if not body.strip():
        print("\n" + t("new.body_prompt"), file=out)
        lines = []
        while (line := prompt("")) != ".":
            lines.append(line)
        body = "\n".join(lines)
    return meta, body


def build_text(meta: dict[str, Any], body: str) -> str:
    """The file's text: front-matter in the schema's order, then the body's paragraphs."""
    paragraphs = [p.strip() for p in body.replace("\r\n", "\n").split("\n\n") if p.strip()]
    return write.render(meta, paragraphs)


def create(
    meta: dict[str, Any], body: str, dest: Path = ARTICLES
) -> tuple[Path, list[schema.Problem]]:
    """Write the article under ``dest/<year>/<slug>.md`` (a free name, never overwriting).

    Returns the path and its problems; a file with problems is removed again."""
    meta = derive(meta, body)
    text = build_text(meta, body)
    date = str(meta.get("date", ""))
    year = int(date[:4]) if schema.DATE_RE.match(date) else dt.date.today().year
    path = write.free_path(dest, year, write.slug_for(str(meta.get("title", ""))))
    problems = schema.validate(schema.parse(text, path))
    if problems:
        return path, problems
    write.write_new(path, text)
    context = [p for p in dest.glob("*/*.md") if p != path]
    problems = check.check_files([path], context)
    if problems:
        path.unlink()
    return path, problems


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="invoke new",
        description="Write a new article file. Missing values are asked for at a terminal.",
    )
    for name in (*ASKED, "summary", "election", "province"):
        spec = schema.FIELDS[name]
        choices = _choices(name)
        parser.add_argument(
            f"--{name.replace('_', '-')}",
            dest=name,
            default=None,
            help=spec.help + (f"; one of: {choices}" if choices else ""),
        )
    parser.add_argument("--title-editorial", action="store_true", default=None)
    parser.add_argument("--body", help="the article's text (paragraphs separated by blank lines)")
    parser.add_argument("--body-file", help="read the text from this file ('-': standard input)")
    parser.add_argument("--dest", default=str(ARTICLES), help=argparse.SUPPRESS)
    return parser


def main(
    argv: list[str] | None = None,
    stdin: TextIO | None = None,
    out: TextIO | None = None,
    interactive: bool | None = None,
) -> int:
    """Create one article; 0 on success, 1 when it has problems, 2 when values are missing."""
    stdin, out = stdin or sys.stdin, out or sys.stdout
    args = _parser().parse_args(sys.argv[1:] if argv is None else argv)
    if interactive is None:
        interactive = stdin.isatty()
    meta: dict[str, Any] = {}
    for name in (*ASKED, *OPTIONAL):
        raw = getattr(args, name, None)
        if raw is None or raw is False:
            continue
        value = raw if isinstance(raw, bool) else normalise(name, raw)
        message = problem_with(name, value)
        if message:
            print(f"new: {name}: {message}", file=out)
            return 1
        meta[name] = value
    body = args.body or ""
    if args.body_file:
        body = stdin.read() if args.body_file == "-" else Path(args.body_file).read_text("utf-8")
    if interactive:

        def prompt(text: str) -> str:
            print(text, end="", file=out, flush=True)
            line = stdin.readline()
            if not line:
                raise NewError(t("new.input_ended"))
            return line.rstrip("\n")

        try:
            meta, body = ask(meta, body, prompt, out)
        except (NewError, KeyboardInterrupt) as exc:
            print("\n" + t("new.stopped", reason=exc), file=out)
            return 2
    missing = [n for n in ASKED if schema.FIELDS[n].required and n not in meta]
    if not body.strip():
        missing.append("body")
    if missing:
        flags = ", ".join(
            f"--{n.replace('_', '-')}" + ("/--body-file" if n == "body" else "") for n in missing
        )
        print(t("new.missing", flags=flags), file=out)
        return 2
    try:
        path, problems = create(meta, body, Path(args.dest))
    except NewError as exc:
        print(f"new: {exc}", file=out)
        return 1
    if problems:
        for problem in problems:
            print(problem, file=out)
        print(t("new.not_written"), file=out)
        return 1
    print(t("new.written", path=check._shown(path)), file=out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
