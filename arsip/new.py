"""``invoke new``: write a new article by hand, from flags or, at a terminal, from prompts.

Every value is checked with the schema's own rule (:data:`arsip.schema.FIELDS`) as it is
given; the file is written with the ingest's writer (:mod:`arsip.ingest.write`: fields in
the schema's order, YAML quoting, never overwriting) and then checked like ``invoke check``
against the rest of the archive. A file that would repeat an archived article is not kept.

The official and the source must be entries of the registries (:mod:`arsip.registry`): a
spelling variant or a near match of an entry is refused with "did you mean"; a name that
is near no entry is a new person (or outlet), whose entry is appended to
``data/people.yml`` (``data/outlets.yml``) for review once the article is written.
``--new-person``/``--new-outlet`` add one even when its name is near an entry's (two people
with near names), the entry then listing those in ``distinct_from``.

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
from urllib.parse import urlsplit

from arsip import check, gazetteer, registry, schema
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


def problem_with(name: str, value: Any, new_entries: bool = False) -> str | None:
    """The schema's message for one value, or None when it is allowed. An official or
    source that is no registry entry is allowed when it is near none (a new entry), or
    with ``new_entries`` (the editor said it is new)."""
    spec = schema.FIELDS[name]
    if value in (None, "", []):
        return None if not spec.required else f"is empty: {spec.help}"
    message = spec.check(value, schema.vocabulary())
    if message or name not in ("official", "source") or value == schema.UNKNOWN_SOURCE:
        return message
    reg = registry.load()
    if name == "official":
        found = registry.resolve_person(reg, value)
        near = reg.people_named(value) or reg.suggest_person(value)
    else:
        found = registry.resolve_outlet(reg, value)
        near = reg.suggest_outlet(value)
    if found.entry is not None or (new_entries and not reg.people_named(value)) or not near:
        return None
    return found.message


def new_entries(meta: dict[str, Any]) -> tuple[registry.Person | None, registry.Outlet | None]:
    """The registry entries an article needs and the registry lacks: its official, its
    outlet (each as it would be appended, not written yet)."""
    reg = registry.load()
    person = outlet = None
    official = str(meta.get("official", "")).strip()
    if official and reg.person(official) is None:
        region, date = str(meta.get("region", "")), str(meta.get("date", ""))
        start = registry._date(date) or dt.date.today()
        role = registry.Role(" ".join(str(meta.get("role", "")).split()), region, start)
        pid = registry.slug_id(official, (p.id for p in reg.people), region)
        person = registry.Person(pid, official, (), (role,))
    source = str(meta.get("source", "")).strip()
    if source and source != schema.UNKNOWN_SOURCE and reg.outlet(source) is None:
        url = str(meta.get("source_url") or "")
        domain = (urlsplit(url).hostname or "").removeprefix("www.") if url else ""
        outlet = registry.Outlet(
            registry.slug_id(source, (o.id for o in reg.outlets)),
            source,
            (),
            (domain,) if domain and reg.outlet_for_url(url) is None else (),
        )
    return person, outlet


def _with_entries(person: registry.Person | None, outlet: registry.Outlet | None):
    """The registry as it will be once ``person`` and ``outlet`` are appended."""
    reg = registry.load()
    if person is None and outlet is None:
        return reg
    return registry.Registry(
        reg.people + ((person,) if person else ()),
        reg.outlets + ((outlet,) if outlet else ()),
        people_path=reg.people_path,
        outlets_path=reg.outlets_path,
    )


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
    force: bool = False,
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
            message = problem_with(name, value, new_entries=force)
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
    person, outlet = new_entries(meta)
    problems = schema.validate(schema.parse(text, path), registry=_with_entries(person, outlet))
    if problems:
        return path, problems
    write.write_new(path, text)
    # The new entries, for review with the article: appended, existing ones stay as they are.
    files = [schema.current_data_dir() / registry.PEOPLE_FILE]
    files.append(schema.current_data_dir() / registry.OUTLETS_FILE)
    saved = {f: f.read_bytes() if f.exists() else None for f in files}
    review = t("new.registry_review", path=check._shown(path))
    if person is not None:
        role = person.roles[0]
        registry.append_person(person.name, role.role, role.region, role.start, review=review)
    if outlet is not None:
        registry.append_outlet(outlet.name, outlet.domains, review=review)
    context = [p for p in dest.glob("*/*.md") if p != path]
    problems = check.check_files([path], context)
    if problems:
        path.unlink()
        for f, data in saved.items():  # the article is not kept: nor are its entries
            if data is None:
                f.unlink(missing_ok=True)
            else:
                f.write_bytes(data)
        registry._load.cache_clear()
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
    parser.add_argument(
        "--new-person",
        action="store_true",
        help="the official is a new person even if the name is near a registry entry's",
    )
    parser.add_argument(
        "--new-outlet",
        action="store_true",
        help="the source is a new outlet even if the name is near a registry entry's",
    )
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
        force = args.new_person if name == "official" else args.new_outlet
        message = problem_with(name, value, new_entries=force)
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
            meta, body = ask(meta, body, prompt, out, force=args.new_person)
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
