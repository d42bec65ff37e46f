"""Hook the archive schema (``arsip.schema``) into the Pelican build.

The reader extends ``pelican-yaml-metadata``'s: it parses the front-matter with the schema's
loader (libyaml, dates kept as text), validates every article, and skips an invalid one
instead of letting Pelican log and drop it. Once all articles are read, every problem of the
whole run is raised at once as ``path:line: field: message`` lines, so the build stops with a
non-zero exit before anything is written.
"""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass, field
from typing import Any

from pelican import signals
from pelican.generators import ArticlesGenerator
from pelican.plugins.yaml_metadata.yaml_metadata import YAMLMetadataReader

from arsip import schema

log = logging.getLogger(__name__)

# Problems found while reading, keyed by the Pelican instance's content path so that two
# builds in one process (tests) do not mix. Reset when a build starts.
_problems: dict[str, list[schema.Problem]] = {}


def _display_path(source_path: str, settings: dict[str, Any]) -> str:
    """The path as an editor sees it: relative to the project, e.g. content/articles/..."""
    cwd = os.getcwd()
    absolute = os.path.abspath(source_path)
    return os.path.relpath(absolute, cwd) if absolute.startswith(cwd + os.sep) else absolute


def _is_article(source_path: str, settings: dict[str, Any]) -> bool:
    rel = os.path.relpath(os.path.abspath(source_path), os.path.abspath(settings["PATH"]))
    return any(rel == p or rel.startswith(p.rstrip("/") + "/") for p in settings["ARTICLE_PATHS"])


@dataclass
class Prepared:
    """What :meth:`ArchiveReader.prepare` makes of one file: plain, picklable data.

    Splitting reading this way lets plugins/parallel_build prepare files in other processes
    (parsing, validation and Markdown are most of the reading time); Pelican's own metadata
    processing, which makes objects tied to this process, stays in :meth:`ArchiveReader.read`.
    """

    shown: str
    is_article: bool
    problems: list[schema.Problem]
    meta: dict[str, Any] = field(default_factory=dict)
    fingerprint: str = ""
    html: str = ""


class ArchiveReader(YAMLMetadataReader):
    """Markdown with YAML front-matter, validated against the archive schema."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        #: Files prepared ahead (by plugins/parallel_build), keyed by absolute path; each is
        #: used once by :meth:`read`.
        self.prepared: dict[str, Prepared] = {}

    def prepare(self, source_path: str) -> Prepared:
        """Parse, validate and render one file (no Pelican objects: may run in a worker)."""
        shown = _display_path(source_path, self.settings)
        parsed = schema.read_article(source_path)
        parsed.path = shown
        article = _is_article(source_path, self.settings)
        problems = schema.validate(parsed) if article else parsed.problems
        if problems:
            return Prepared(shown, article, problems)
        return Prepared(
            shown,
            article,
            [],
            dict(parsed.meta),
            schema.body_fingerprint(parsed.body) if article else "",
            self._md.reset().convert(parsed.body),
        )

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        prepared = self.prepared.pop(os.path.abspath(source_path), None)
        if prepared is None:
            prepared = self.prepare(source_path)
        if prepared.problems:
            _problems.setdefault(self.settings["PATH"], []).extend(prepared.problems)
            # Pelican skips a document whose status is "skip" without logging it as a crash.
            return "", {"status": "skip", "title": prepared.shown}
        metadata = self._parse_yaml_metadata(dict(prepared.meta), source_path)
        if prepared.is_article:
            metadata["fingerprint"] = prepared.fingerprint
            metadata["source_path_shown"] = prepared.shown
        self._md.Meta = {k: [str(v)] for k, v in prepared.meta.items()}
        return prepared.html, metadata


def _add_reader(readers: Any) -> None:
    for ext in ArchiveReader.file_extensions:
        readers.reader_classes[ext] = ArchiveReader


def _start(pelican: Any) -> None:
    _problems.pop(pelican.settings["PATH"], None)


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


class BuildStopped(Exception):
    """The build stops: some articles are invalid (each problem was printed to stderr)."""

    def __init__(self, count: int):
        super().__init__(
            f"{count} problem(s) in the articles (listed above as path:line: field: message); "
            "fix them and build again"
        )


def register() -> None:
    signals.initialized.connect(_start)
    signals.readers_init.connect(_add_reader)
    signals.article_generator_pretaxonomy.connect(_cross_check)
