"""The files of ``content/`` that the site is made of, listed the same way for every reader.

``invoke check``, the pre-commit hook and the build (plugins/validation, before Pelican
reads anything) all list the content through :func:`scan`, so what the build would read is
what ``check`` has checked. It walks ``content/articles`` and ``content/pages`` without
trusting what it finds there, and turns everything the build must not read into a
:class:`~arsip.schema.Problem` instead of a hang, a crash or a published file:

- symbolic links leading outside the repository, broken ones, and folders linking back to
  one of their own parents (a loop);
- anything that is not a regular file or a folder (a device such as ``/dev/zero``, a pipe);
- files other than ``.md`` (Pelican would also read ``.markdown``, ``.mkd`` and ``.mdown``,
  which no rule of the archive looks at);
- articles outside a year folder (``articles/<year>/<slug>.md`` is the only place), pages
  outside ``pages/`` itself or named like a part of the site (``cari``, ``pejabat``...: two
  files would be written at one address), and file names with control characters.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from arsip.messages import t
from arsip.schema import CONTROL_RE, SLUG_RE, Problem

#: The documented extension, and the folders the build reads (pelicanconf ARTICLE_PATHS,
#: PAGE_PATHS).
EXTENSION = ".md"
ARTICLES, PAGES = "articles", "pages"
#: Files that may sit in the folders without being read (git keeps empty folders with it).
IGNORED = frozenset({".gitkeep"})


@dataclass
class Sources:
    """What :func:`scan` found: the files to read, and why others are refused."""

    articles: list[Path] = field(default_factory=list)
    pages: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _shown(path: Path) -> str:
    """The path as an editor knows it: relative to the working directory when below it."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _inside(path: Path, boundary: Path) -> bool:
    return path == boundary or boundary in path.parents


def scan(
    content: str | os.PathLike[str], boundary: str | os.PathLike[str] | None = None
) -> Sources:
    """The articles and pages under ``content`` that the build reads, and the problems of
    everything else there. Symbolic links must resolve inside ``boundary`` (by default the
    folder holding ``content``: the repository)."""
    content = Path(os.path.abspath(content))
    limit = Path(boundary).resolve() if boundary is not None else content.parent.resolve()
    found = Sources()
    for kind in (ARTICLES, PAGES):
        top = content / kind
        if top.is_dir() and not top.is_symlink():
            _walk(top, (), kind, limit, {top.resolve()}, found)
        elif top.exists() or top.is_symlink():
            found.problems.append(Problem(_shown(top), 1, "file", t("sources.not_plain_folder")))
    found.articles.sort()
    found.pages.sort()
    return found


def _walk(
    folder: Path,
    prefix: tuple[str, ...],
    kind: str,
    limit: Path,
    parents: set[Path],
    found: Sources,
) -> None:
    """Visit one folder (``prefix``: its path below articles/ or pages/); ``parents`` holds
    the real paths of the folders above it."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        found.problems.append(
            Problem(_shown(folder), 1, "file", t("schema.unreadable", reason=exc.strerror))
        )
        return
    for entry in entries:
        # The entry's type comes from the folder listing (no system call) unless it is a
        # symbolic link: an archive of 10,000 articles is listed in a few tens of ms.
        problem, is_dir = _entry_problem(entry, limit)
        if problem:
            found.problems.append(Problem(_shown(Path(entry.path)), 1, "file", problem))
            continue
        if is_dir:
            real = Path(entry.path).resolve()
            if real in parents:
                found.problems.append(
                    Problem(
                        _shown(Path(entry.path)),
                        1,
                        "file",
                        t("sources.loop"),
                    )
                )
                continue
            _walk(Path(entry.path), (*prefix, entry.name), kind, limit, parents | {real}, found)
            continue
        if entry.name in IGNORED:
            continue
        problem = _place_problem((*prefix, entry.name), kind)
        if problem:
            found.problems.append(Problem(_shown(Path(entry.path)), 1, "file", problem))
        else:
            (found.articles if kind == ARTICLES else found.pages).append(Path(entry.path))


def _entry_problem(entry: os.DirEntry[str], limit: Path) -> tuple[str | None, bool]:
    """Why a folder entry must not be read at all (its name, its kind, where it leads), and
    whether it is a folder (a link's target when it is a link)."""
    if _NAME_CONTROL_RE.search(entry.name):
        return t("sources.control_name"), False
    try:
        if entry.is_symlink():
            try:
                target = Path(entry.path).resolve(strict=True)
            except (OSError, RuntimeError):
                return t("sources.dangling"), False
            if not _inside(target, limit):
                return t("sources.outside"), False
            mode = os.stat(target).st_mode
            is_dir, is_file = stat.S_ISDIR(mode), stat.S_ISREG(mode)
        else:
            is_dir = entry.is_dir(follow_symlinks=False)
            is_file = not is_dir and entry.is_file(follow_symlinks=False)
    except OSError as exc:
        return t("schema.unreadable", reason=exc.strerror), False
    if not (is_file or is_dir):
        return t("sources.special"), False
    return None, is_dir


def _place_problem(parts: tuple[str, ...], kind: str) -> str | None:
    """Why a regular file at ``parts`` (below articles/ or pages/) is not an article or page."""
    name = parts[-1]
    stem, ext = os.path.splitext(name)
    if ext != EXTENSION:
        fix = (
            t("sources.rename", name=f"{stem}{EXTENSION}")
            if ext.lower() in _MARKDOWN
            else t("sources.remove")
        )
        shown = ext or t("sources.no_extension")
        return t("sources.extension", extension=EXTENSION, ext=shown, fix=fix)
    if kind == ARTICLES and (len(parts) != 2 or not _is_year(parts[0])):
        return t("sources.year_folder")
    if kind == PAGES and len(parts) != 1:
        return t("sources.page_folder", name=name)
    if kind == PAGES and not SLUG_RE.match(stem):
        return t("sources.page_name")
    if kind == PAGES and stem in RESERVED:
        return t("sources.reserved", stem=stem, reserved=", ".join(sorted(RESERVED)))
    return None


#: The site's own top-level addresses (pelicanconf URLs, the plugins' folders, the form
#: editor): a page is published at /<file name>/ and must not take one of them.
RESERVED = frozenset(
    {
        "404",
        "admin",
        "arsip",
        "artikel",
        "cari",
        "daerah",
        "data",
        "feeds",
        "index",
        "lini-masa",
        "pagefind",
        "pejabat",
        "pemilihan",
        "robots",
        "sitemap",
        "sumber",
        "tag",
        "theme",
    }
)


#: Control characters in a file name, line breaks and tabs included: a name is shown in
#: messages and CI annotations, where a line break would start another line (or command).
_NAME_CONTROL_RE = re.compile(CONTROL_RE.pattern[:-1] + r"\t\n]")

_MARKDOWN = frozenset({".markdown", ".mkd", ".mdown", ".mdwn", ".txt", ".md~"})


def _is_year(name: str) -> bool:
    return len(name) == 4 and name.isascii() and name.isdigit()
