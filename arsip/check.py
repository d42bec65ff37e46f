"""``invoke check``: validate articles without building the site.

One line per problem, ``path:line: field: message`` (or, with ``--format github``, a GitHub
Actions ``::error`` command that shows the problem on the changed file of a pull request).
Beyond the schema of each article (:mod:`arsip.schema`), it checks the archive as a whole:

- the same file name, source URL or text in two files (:func:`arsip.schema.cross_check`);
- nearly the same text, e.g. one article pasted twice from two sites (:mod:`arsip.dedup`);
- links from one article's body to another article, which must exist.

Given some files (as pre-commit does), it validates those and compares them with the rest of
their archive, so a new article that repeats an archived one is caught before the commit.
"""

from __future__ import annotations

import argparse
import os
import posixpath
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from arsip import dedup, registry, regulations, schema, sources
from arsip.schema import Parsed, Problem

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "content" / "articles"
FORMATS = ("text", "github")

# A Markdown link (not an image): [text](target "title"); the target up to a space or ")".
_LINK_RE = re.compile(r"(?<!!)\[[^\]]*\]\(\s*<?([^)\s>]+)")
_FILENAME = "{filename}"
# An article's URL (pelicanconf ARTICLE_URL = "artikel/{date:%Y}/{slug}/").
_ARTICLE_URL_RE = re.compile(r"^/artikel/(\d{4})/([^/]+)/?(?:index\.html)?$")


def article_files(paths: list[str]) -> list[Path]:
    """Markdown files named by ``paths`` (files or folders); the whole archive by default."""
    return select(paths)[0]


def _content_of(path: Path) -> Path | None:
    """The ``content/`` folder of a path inside its ``articles/`` or ``pages/``, if any."""
    for parent in (path, *path.parents):
        if parent.name in (sources.ARTICLES, sources.PAGES):
            return parent.parent
    return None


def _under(path: Path, top: Path) -> bool:
    return path == top or top in path.parents


def select(paths: list[str]) -> tuple[list[Path], list[Path], list[Problem]]:
    """The articles to check for ``paths`` (the whole archive by default), the rest of their
    archive to compare them with, and the problems of files the build would refuse to read.

    Inside a ``content/`` folder, files are listed by :func:`arsip.sources.scan`, exactly
    as the build lists them; a path elsewhere (a draft in another folder) is read as given.
    """
    if not paths:
        found = sources.scan(ARTICLES.parent)
        return found.articles + found.pages, [], found.problems
    files: list[Path] = []
    context: list[Path] = []
    problems: list[Problem] = []
    scans: dict[Path, sources.Sources] = {}
    for given in map(Path, paths):
        absolute = Path(os.path.abspath(given))
        content = _content_of(absolute)
        if content is None:
            if absolute.is_dir():
                files.extend(sorted(absolute.rglob("*.md")))
            else:
                files.append(given)
            continue
        if content not in scans:
            scans[content] = sources.scan(content)
        found = scans[content]
        mine = [f for f in found.articles + found.pages if _under(f, absolute)]
        refused = [p for p in found.problems if _under(Path(os.path.abspath(p.path)), absolute)]
        if not mine and not refused and not absolute.is_dir():
            refused.append(Problem(str(given), 1, "file", "no such article file"))
        files.extend(mine)
        problems.extend(refused)
    wanted = {Path(os.path.abspath(f)) for f in files}
    for found in scans.values():
        context.extend(f for f in found.articles if f not in wanted)
    return files, context, problems


def _shown(path: Path) -> str:
    if not path.is_absolute() and ".." not in path.parts:
        return str(path)  # already relative to the working directory (and no syscall)
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def articles_root(path: Path) -> Path | None:
    """The ``articles/`` folder a file lies in (``articles/<year>/<slug>.md``), if any."""
    for parent in path.resolve().parents:
        if parent.name == "articles":
            return parent
    return None


# --------------------------------------------------------------------------- links


def _link_problem(parsed: Parsed, target: str, root: Path | None) -> str | None:
    """What is wrong with one link target of an article body, or None."""
    bare = target.split("#", 1)[0].split("?", 1)[0]
    here = Path(parsed.path)
    if bare.startswith(_FILENAME):
        rel = bare[len(_FILENAME) :]
        if rel.startswith("/"):
            base = root.parent if root else here.parent
            dest = (base / rel.lstrip("/")).resolve()
        else:
            dest = (here.parent / rel).resolve()
        if not dest.is_file():
            return f"link {target!r} points to {rel!r}, which does not exist"
        return None
    if re.match(r"(?i)^[a-z][a-z0-9+.-]*:|^#|^$", bare):
        return None  # another site, mail, or a place on the same page
    if root is None:
        return None
    if bare.startswith("/"):
        url = bare
    else:
        # Relative to the article's own URL, /artikel/<year>/<slug>/.
        folder = here.resolve().parent.name
        page = f"/artikel/{folder}/{here.stem}/"
        url = posixpath.normpath(posixpath.join(page, bare)) + ("/" if bare.endswith("/") else "")
    if not url.startswith("/artikel/"):
        return None
    m = _ARTICLE_URL_RE.match(url)
    if not m:
        return f"link {target!r} is not an article address: write ../../<year>/<file name>/"
    if not (root / m.group(1) / f"{m.group(2)}.md").is_file():
        return (
            f"link {target!r} points to an article that does not exist "
            f"(no file articles/{m.group(1)}/{m.group(2)}.md)"
        )
    if bare.startswith("/"):
        return (
            f"link {target!r} starts with '/', which leads outside the site when it is "
            f"published under a sub-path: write it relative, e.g. ../../{m.group(1)}/{m.group(2)}/"
        )
    return None


def check_links(parsed: Parsed) -> list[Problem]:
    """Links in a body to another article must lead to an existing article."""
    if "](" not in parsed.body:
        return []
    root = articles_root(Path(parsed.path))
    problems = []
    for offset, line in enumerate(parsed.body.split("\n")):
        for target in _LINK_RE.findall(line):
            message = _link_problem(parsed, target, root)
            if message:
                problems.append(Problem(parsed.path, parsed.body_line + offset, "body", message))
    return problems


# --------------------------------------------------------------------------- near duplicates


#: One shingle in SAMPLE is indexed to find candidate pairs (hashes are uniform, so the share
#: of sampled shingles two texts have in common estimates the share of all of them).
SAMPLE = 8
MASK = SAMPLE - 1  # SAMPLE is a power of two: `h & MASK == 0` is `h % SAMPLE == 0`, faster


def near_duplicates(articles: list[Parsed]) -> list[Problem]:
    """Pairs of articles whose texts are nearly the same (:mod:`arsip.dedup`).

    Comparing every pair would take minutes for a large archive. An inverted index of a
    sample of each text's word shingles finds the few pairs that share a good part of them;
    only those are compared, with :func:`arsip.dedup.most_similar` (its threshold decides).
    The candidate bar is set at half the threshold, well under what a pair at the threshold
    shares, so sampling does not lose a near duplicate. Identical texts are left to
    :func:`arsip.schema.cross_check`."""
    arts = sorted(articles, key=lambda a: a.path)
    sets = [dedup.shingles(a.body) for a in arts]
    index: dict[int, list[int]] = {}
    problems = []
    for i, mine in enumerate(sets):
        sample = [sh for sh in mine if not sh & MASK] if len(mine) > 4 * SAMPLE else mine
        shared: dict[int, int] = {}
        for sh in sample:
            postings = index.setdefault(sh, [])
            for j in postings:
                shared[j] = shared.get(j, 0) + 1
            postings.append(i)
        best = None
        for j, count in shared.items():
            smaller = min(len(mine), len(sets[j]))
            expected = smaller / SAMPLE if smaller > 4 * SAMPLE else smaller
            if count < dedup.THRESHOLD / 2 * expected or sets[j] == mine:
                continue
            match = dedup.most_similar(arts[i].body, [(arts[j].path, arts[j].body)])
            if match and (best is None or match.similarity > best.similarity):
                best = match
        if best:
            problems.append(
                Problem(
                    arts[i].path,
                    arts[i].body_line,
                    "body",
                    f"nearly the same text as {best.key} ({best.similarity:.0%} alike): "
                    "the same article archived twice? remove one of them",
                )
            )
    return problems


# --------------------------------------------------------------------------- whole check


def _involves(problem: Problem, names: set[str]) -> bool:
    return problem.path in names or any(name in problem.message for name in names)


def check_files(files: Iterable[Path], context: Iterable[Path] = ()) -> list[Problem]:
    """Every problem of ``files``, compared with each other and with ``context`` (the rest
    of the archive): only problems that involve one of ``files`` are returned."""
    voc = schema.vocabulary()
    files = list(files)
    pages = [f for f in files if _is_page(f)]
    problems = [p for f in pages for p in schema.validate_page(schema.read_article(_shown(f)))]
    files = [f for f in files if f not in pages]
    mine = [schema.read_article(_shown(f)) for f in files]
    names = {a.path for a in mine}
    others = [schema.read_article(_shown(f)) for f in context]
    others = [a for a in others if a.path not in names]
    problems.extend(p for art in mine for p in schema.validate(art, voc))
    for art in mine:
        if not art.problems:
            problems.extend(check_links(art))
    sound = [a for a in mine + others if not a.problems]
    cross = schema.cross_check(schema.Identity.of(a) for a in sound)
    cross.extend(near_duplicates(sound))
    problems.extend(p for p in cross if not others or _involves(p, names))
    return sorted(set(problems))


@dataclass(frozen=True, order=True)
class Candidate:
    """A citation whose key is not in data/regulations.yml: a note, never a problem."""

    path: str
    line: int
    key: str
    cited_as: str

    def __str__(self) -> str:
        return (
            f"{self.path}:{self.line}: regulations: note: {self.key!r} (cited as "
            f"{self.cited_as!r}) is not in data/regulations.yml: a candidate for it"
        )


def regulation_candidates(files: Iterable[Path]) -> list[Candidate]:
    """Citations of regulations missing from the vocabulary, each with its line."""
    known = regulations.vocabulary()
    out: list[Candidate] = []
    for f in files:
        if _is_page(f):  # pages speak of regulations in general ("SKB")
            continue
        art = schema.read_article(_shown(f))
        for c in regulations.find(art.body):
            if c.key not in known:
                line = art.body_line + art.body.count("\n", 0, c.start)
                out.append(Candidate(art.path, line, c.key, " ".join(c.text.split())))
    return sorted(set(out))


def _is_page(path: Path) -> bool:
    """True for a file of a ``content/pages/`` folder (its nearest such parent)."""
    content = _content_of(Path(os.path.abspath(path)))
    return content is not None and _under(Path(os.path.abspath(path)), content / sources.PAGES)


def github_annotation(problem: Problem | Candidate) -> str:
    """A GitHub Actions workflow command that shows ``problem`` on its file and line (a
    candidate regulation as a notice, which fails nothing)."""

    def data(text: str) -> str:
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    def prop(text: str) -> str:
        return data(text).replace(":", "%3A").replace(",", "%2C")

    if isinstance(problem, Candidate):
        level, title, message = "notice", "regulations", str(problem).split(": note: ", 1)[1]
    else:
        level, title, message = "error", problem.field, problem.message
    return f"::{level} file={prop(problem.path)},line={problem.line},title={prop(title)}::{data(message)}"


def main(argv: list[str] | None = None) -> int:
    """Print one line per problem; return 1 when there is any, else 0."""
    parser = argparse.ArgumentParser(prog="invoke check", description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="*", help="article files or folders (default: archive)")
    parser.add_argument("--format", choices=FORMATS, default="text")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    files, context, refused = select(args.paths)
    problems = sorted(set(refused) | set(check_files(files, context)))
    # The registries of people and outlets every article's names are checked against.
    problems = sorted(set(problems) | set(registry.load().problems))
    for problem in problems:
        print(github_annotation(problem) if args.format == "github" else problem)
    for note in regulation_candidates(files):
        print(github_annotation(note) if args.format == "github" else note)
    if problems:
        print(f"{len(problems)} problem(s) in {len(files)} article(s)", file=sys.stderr)
        return 1
    print(f"{len(files)} article(s) checked, no problems", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
