"""Hook the archive schema (``arsip.schema``) into the Pelican build.

The reader extends ``pelican-yaml-metadata``'s: it parses the front-matter with the schema's
loader (libyaml, dates kept as text), validates every article, and skips an invalid one
instead of letting Pelican log and drop it. The names an article gives (official, source, people,
quotes' speakers) are resolved in the registry of people and outlets (arsip.registry): the
article's metadata carries the canonical names, their ids, ``people`` and ``quotes``. Once
all articles are read, every problem of the whole run is raised at once as ``path:line: field: message`` lines, so the build stops with a
non-zero exit before anything is written.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import re
import sys
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup
from pelican import signals
from pelican.generators import ArticlesGenerator
from pelican.plugins.yaml_metadata import yaml_metadata
from pelican.plugins.yaml_metadata.yaml_metadata import YAMLMetadataReader
from pelican.utils import (
    SafeDatetime,
    slugify,
    strip_toc_elements_from_html,
    truncate_html_paragraphs,
    truncate_html_words,
)

from arsip import registry, schema, sources

log = logging.getLogger(__name__)

# Problems found while reading, keyed by the Pelican instance's content path so that two
# builds in one process (tests) do not mix. Reset when a build starts.
_problems: dict[str, list[schema.Problem]] = {}


def _relative(absolute: str, base: str) -> str:
    """``os.path.relpath(absolute, base)`` of two absolute, normalised paths (abspath's).

    Below ``base``, that is the rest of the path after it (relpath splits and compares
    both paths: a good part of the time spent preparing an article went there)."""
    if absolute.startswith(base + os.sep):
        return absolute[len(base) + 1 :]
    return os.path.relpath(absolute, base)


def _display_path(source_path: str, settings: dict[str, Any]) -> str:
    """The path as an editor sees it: relative to the project, e.g. content/articles/..."""
    cwd = os.getcwd()
    absolute = os.path.abspath(source_path)
    return _relative(absolute, cwd) if absolute.startswith(cwd + os.sep) else absolute


def _is_article(source_path: str, settings: dict[str, Any]) -> bool:
    rel = _relative(os.path.abspath(source_path), os.path.abspath(settings["PATH"]))
    return any(rel == p or rel.startswith(p.rstrip("/") + "/") for p in settings["ARTICLE_PATHS"])


@dataclass
class Prepared:
    """What :meth:`ArchiveReader.prepare` makes of one file: plain, picklable data.

    Splitting reading this way lets a parallel reader prepare files in other processes
    (parsing, validation and Markdown are most of the reading time); Pelican's own metadata
    processing, which makes objects tied to this process, stays in :meth:`ArchiveReader.read`.
    """

    shown: str
    is_article: bool
    problems: list[schema.Problem]
    meta: dict[str, Any] = field(default_factory=dict)
    fingerprint: str = ""
    html: str = ""
    #: ``meta["date"]`` as Pelican's reader makes it (a naive ``SafeDatetime``), parsed here
    #: rather than in :meth:`ArchiveReader.read`, which runs in one process for every file;
    #: None when left to ``read`` (pages, which are not validated).
    date: Any = None
    #: What Pelican's ``Content.summary`` would compute from ``html`` (truncating the HTML,
    #: the render processes' main cost in feeds); None when the article has a summary of its
    #: own or when its HTML has links Pelican rewrites (then the summary depends on them).
    summary: str | None = None
    #: The slug Pelican's ``Content`` would make of the file name (SLUGIFY_SOURCE
    #: "basename"), given to it as the ``slug`` field so that it does not make it again in
    #: the one process that reads; None when the settings could give the slug another way.
    slug: str | None = None
    #: The names the article gives, resolved in the registry (arsip.registry.
    #: article_references): canonical official and source with their ids, people, quotes.
    references: dict[str, Any] = field(default_factory=dict)


def pelican_summary(html: str, settings: dict[str, Any]) -> str:
    """The summary Pelican's ``Content.get_summary`` makes of ``html`` (with no ``summary``
    field), computed the same way: the same functions, in the same order."""
    content = html
    max_paragraphs = settings.get("SUMMARY_MAX_PARAGRAPHS")
    if max_paragraphs is not None:
        content = truncate_html_paragraphs(html, max_paragraphs)
    if settings["SUMMARY_MAX_LENGTH"] is None:
        summary = content
    else:
        summary = truncate_html_words(
            content, settings["SUMMARY_MAX_LENGTH"], settings["SUMMARY_END_SUFFIX"]
        )
    return strip_toc_elements_from_html(summary)


_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")


def reader_date(value: Any, settings: dict[str, Any]) -> Any:
    """``date`` as Pelican's YAML reader makes it (``SafeDatetime``, naive).

    The reader hands the text to dateutil with today's midnight as the default; for a whole
    YYYY-MM-DD date that is that day at midnight, made here directly (dateutil took about a
    tenth of the time spent preparing an article). Any other text goes to the reader's own
    function."""
    m = _ISO_DATE.fullmatch(value) if isinstance(value, str) else None
    if m is not None:
        try:
            return SafeDatetime(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:  # not a day of the calendar: the reader's own error
            pass
    return yaml_metadata.YAML_METADATA_PROCESSORS["date"](value, settings)


def basename_slug(source_path: str, settings: dict[str, Any]) -> str:
    """The slug ``Content.__init__`` makes of a file's name (SLUGIFY_SOURCE "basename")."""
    return slugify(
        os.path.basename(os.path.splitext(source_path)[0]),
        regex_subs=settings.get("SLUG_REGEX_SUBSTITUTIONS", []),
        preserve_case=settings.get("SLUGIFY_PRESERVE_CASE", False),
        use_unicode=settings.get("SLUGIFY_USE_UNICODE", False),
    )


class ArchiveReader(YAMLMetadataReader):
    """Markdown with YAML front-matter, validated against the archive schema."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        #: Files prepared ahead (by a parallel reader such as plugins/pelican_speed), keyed by
        #: absolute path; each is used once by :meth:`read`.
        self.prepared: dict[str, Prepared] = {}
        #: Summaries computed while preparing, by absolute path: (the HTML they were computed
        #: from, the summary); a speed layer may hand them to Pelican.
        self.summaries: dict[str, tuple[str, str]] = {}
        # Links Pelican may rewrite in an article's HTML ({filename}, {static}...): a summary
        # is made ahead only for an HTML without anything that looks like one.
        self._intrasite = re.compile(self.settings["INTRASITE_LINK_REGEX"])
        # Load the vocabularies and the gazetteer now: the processes that prepare files are
        # forked after this and share them, instead of each loading its own copy.
        schema.preload()
        # Pelican slugifies the file name only when nothing else gives the slug: no path or
        # file-name pattern with a slug group, no extra or default metadata.
        self._slug_from_basename = (
            self.settings.get("SLUGIFY_SOURCE") == "basename"
            and "slug" not in (self.settings.get("FILENAME_METADATA") or "")
            and "slug" not in (self.settings.get("PATH_METADATA") or "")
            and not self.settings.get("EXTRA_PATH_METADATA")
            and "slug" not in (self.settings.get("DEFAULT_METADATA") or {})
        )

    def prepare(self, source_path: str) -> Prepared:
        """Parse, validate and render one file (no Pelican objects: may run in a worker)."""
        shown = _display_path(source_path, self.settings)
        parsed = schema.read_article(source_path)
        parsed.path = shown
        # Problems found while reading name the file as it was opened: as shown, like the rest.
        parsed.problems = [dataclasses.replace(p, path=shown) for p in parsed.problems]
        article = _is_article(source_path, self.settings)
        problems = schema.validate(parsed) if article else schema.validate_page(parsed)
        if problems:
            return Prepared(shown, article, problems)
        html = self._md.reset().convert(parsed.body)
        prepared = Prepared(shown, article, [], dict(parsed.meta), "", html)
        if article:
            prepared.fingerprint = schema.body_fingerprint(parsed.body)
            prepared.references = registry.article_references(parsed.meta)
            # Here rather than in read(): see Prepared.date.
            prepared.date = reader_date(parsed.meta["date"], self.settings)
            if parsed.meta.get("summary") is None and not self._intrasite.search(html):
                prepared.summary = pelican_summary(html, self.settings)
            if self._slug_from_basename:
                prepared.slug = basename_slug(source_path, self.settings)
        return prepared

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        prepared = self.prepared.pop(os.path.abspath(source_path), None)
        if prepared is None:
            prepared = self.prepare(source_path)
        if prepared.problems:
            _problems.setdefault(self.settings["PATH"], []).extend(prepared.problems)
            # Pelican skips a document whose status is "skip" without logging it as a crash.
            return "", {"status": "skip", "title": prepared.shown}
        if prepared.date is None:
            metadata = self._parse_yaml_metadata(dict(prepared.meta), source_path)
        else:
            # The date is parsed already: the rest as the base reader does it, then every
            # field back in the front-matter's order, the date in its place.
            rest = {k: v for k, v in prepared.meta.items() if k != "date"}
            parsed = self._parse_yaml_metadata(rest, source_path)
            metadata = {
                k: prepared.date if k == "date" else parsed[k]
                for k in prepared.meta
                if k == "date" or k in parsed
            }
        if prepared.is_article:
            if isinstance(metadata.get("summary"), str):
                # Pelican treats a summary as HTML (feeds send it as type="html"); the field
                # is plain text, so it is given as the HTML that shows that text, marked safe
                # for the templates (which would escape it a second time).
                metadata["summary"] = Markup.escape(metadata["summary"])
            metadata["fingerprint"] = prepared.fingerprint
            metadata["source_path_shown"] = prepared.shown
            if prepared.slug is not None:
                metadata["slug"] = prepared.slug
            if prepared.summary is not None:
                self.summaries[os.path.abspath(source_path)] = (prepared.html, prepared.summary)
            # Canonical names and ids instead of the names as written (an id for a shared name).
            metadata.update(prepared.references)
        self._md.Meta = {k: [str(v)] for k, v in prepared.meta.items()}
        return prepared.html, metadata


def _add_reader(readers: Any) -> None:
    for ext in ArchiveReader.file_extensions:
        readers.reader_classes[ext] = ArchiveReader


def _start(pelican: Any) -> None:
    _problems.pop(pelican.settings["PATH"], None)


def _refuse_bad_registry(generator: ArticlesGenerator) -> None:
    """Stop before anything is read when the registries of people and outlets have
    problems (arsip.registry validates them as ``invoke check`` does)."""
    problems = registry.load().problems
    if problems:
        error = schema.ArticleError(problems)
        print(error, file=sys.stderr, flush=True)
        raise BuildStopped(len(error.problems))


def _refuse_unreadable(generator: ArticlesGenerator) -> None:
    """Stop before anything is read when ``content/`` holds files the build must not read
    (links out of the repository, loops, devices, other extensions, misplaced articles):
    the same listing as ``invoke check`` (arsip.sources), at the start of every run."""
    found = sources.scan(generator.settings["PATH"])
    if found.problems:
        error = schema.ArticleError(found.problems)
        print(error, file=sys.stderr, flush=True)
        raise BuildStopped(len(error.problems))


def _cross_check(generator: ArticlesGenerator) -> None:
    """Raise every problem of the run: per-article ones and duplicates between articles."""
    problems = _problems.pop(generator.settings["PATH"], [])
    everything = generator.articles + generator.drafts + generator.hidden_articles
    problems.extend(
        schema.cross_check(
            schema.Identity(
                a.metadata["source_path_shown"],
                a.metadata.get("source_url") or "",
                a.metadata["fingerprint"],
            )
            for a in everything
        )
    )
    if problems:
        error = schema.ArticleError(problems)
        # One plain line per problem on stderr, `path:line: field: message`, unwrapped (Pelican's
        # log handler wraps long lines to the terminal's width), for editors and CI annotations.
        print(error, file=sys.stderr, flush=True)
        raise BuildStopped(len(error.problems))


def _refuse_pages(generator: Any) -> None:
    """Stop when a page is invalid: pages are read after the articles, before anything is
    written."""
    problems = _problems.pop(generator.settings["PATH"], [])
    if problems:
        error = schema.ArticleError(problems)
        print(error, file=sys.stderr, flush=True)
        raise BuildStopped(len(error.problems))


class BuildStopped(Exception):
    """The build stops: some articles are invalid (each problem was printed to stderr)."""

    def __init__(self, count: int):
        super().__init__(
            f"{count} problem(s) in the articles (listed above as path:line: field: message); "
            "fix them and build again"
        )


def register() -> None:
    signals.initialized.connect(_start)
    signals.article_generator_init.connect(_refuse_unreadable)
    signals.article_generator_init.connect(_refuse_bad_registry)
    signals.readers_init.connect(_add_reader)
    signals.article_generator_pretaxonomy.connect(_cross_check)
    signals.page_generator_finalized.connect(_refuse_pages)
