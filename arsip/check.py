"""``invoke check``: validate articles without building the site."""

from __future__ import annotations

import sys
from pathlib import Path

from arsip import schema

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "content" / "articles"


def article_files(paths: list[str]) -> list[Path]:
    """Markdown files named by ``paths`` (files or folders); the whole archive by default."""
    roots = [Path(p) for p in paths] or [ARTICLES]
    files: list[Path] = []
    for root in roots:
        files.extend(sorted(root.rglob("*.md")) if root.is_dir() else [root])
    return files


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def main(argv: list[str] | None = None) -> int:
    """Print one line per problem; return 1 when there is any, else 0."""
    files = article_files(list(sys.argv[1:] if argv is None else argv))
    problems = schema.check_paths(_shown(f) for f in files)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s) in {len(files)} article(s)", file=sys.stderr)
        return 1
    print(f"{len(files)} article(s) checked, no problems", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
