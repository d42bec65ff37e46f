"""What a commit changed, for the publish workflow's short path after an editor's commit.

- :func:`kind`: ``content`` when every file the commit changed is under ``content/`` (an
  editor's commit: the workflow checks the articles, builds with the cache of the previous
  build, and checks the pages that changed), else ``code`` (the whole test suite runs).
- :func:`changed_pages`: the HTML pages of a built site whose bytes differ from those of the
  previous build (a manifest of digests kept with the build cache), new pages included.
- :func:`html_errors` and :func:`broken_links`: the Nu Html Checker on those pages, and every
  link of those pages into the site checked against the built files (offline: the site is
  built for its published address).

``python -m tools.changes kind BASE HEAD`` prints ``content`` or ``code``;
``python -m tools.changes pages SITE MANIFEST`` prints the changed pages and updates the
manifest; ``python -m tools.changes check SITE SITEURL PAGES_FILE`` checks them (exit 1 on
any problem, each printed as ``page: problem``).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

ROOT = Path(__file__).resolve().parent.parent
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
#: A commit that changes only files under these folders is a content change.
CONTENT = ("content/",)
#: Not pages of the site: Pagefind's bundle (its files change from run to run).
SKIP = ("pagefind",)


def kind(base: str, head: str, repo: Path = ROOT) -> str:
    """``content`` when the commits from ``base`` to ``head`` changed files under
    :data:`CONTENT` only, else ``code`` (also when ``base`` is unknown: a first push, a
    rewritten history, a base not fetched)."""
    if not base or set(base) == {"0"}:
        return "code"
    proc = subprocess.run(
        ["git", "diff", "--name-only", "--no-renames", base, head],
        cwd=repo,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    names = [line for line in proc.stdout.splitlines() if line.strip()]
    if proc.returncode != 0 or not names:
        return "code"
    return "content" if all(n.startswith(CONTENT) for n in names) else "code"


def _digests(site: Path) -> dict[str, str]:
    found = {}
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site)
        if rel.parts[0] not in SKIP and not rel.parts[0].startswith("."):
            found[rel.as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def changed_pages(site: Path, manifest: Path) -> list[str]:
    """The pages of ``site`` that are new or differ from the manifest (every page when there
    is none); the manifest is then rewritten for the next build."""
    try:
        old = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        old = {}
    new = _digests(site)
    manifest.parent.mkdir(parents=True, exist_ok=True)
    manifest.write_text(json.dumps(new, sort_keys=True), encoding="utf-8")
    return [page for page, digest in new.items() if old.get(page) != digest]


def html_errors(site: Path, pages: list[str]) -> list[str]:
    """The Nu Html Checker's errors on ``pages`` (site-relative), as ``page:line: message``."""
    java = shutil.which("java")
    if not java or not VNU.exists():
        return ["Java or vnu-jar is missing: ./dev check-pages installs them"]
    if not pages:
        return []
    proc = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json"]
        + [str(site / p) for p in pages],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
        check=False,
    )
    messages = json.loads(proc.stderr or '{"messages": []}')["messages"]
    errors = [
        f"{unquote(m.get('url', '')).removeprefix('file:' + str(site) + '/')}:"
        f"{m.get('lastLine', '?')}: {m['message']}"
        for m in messages
        if m.get("type") == "error" or m.get("subType") == "fatal"
    ]
    if proc.returncode and not errors:
        errors.append(f"vnu.jar failed: {proc.stderr[-2000:]}")
    return errors


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and name in ("href", "src"):
                self.links.append(value)


def _target(site: Path, path: str) -> Path:
    target = site / unquote(path).lstrip("/")
    return target / "index.html" if path.endswith("/") or target.is_dir() else target


def broken_links(site: Path, siteurl: str, pages: list[str]) -> list[str]:
    """Every link of ``pages`` into the site (under ``siteurl``, or relative) whose file is
    not in ``site``, as ``page: link``. Links to other hosts are not followed (offline)."""
    base = urlsplit(siteurl.rstrip("/") + "/")
    prefix = base.path
    broken = []
    for page in pages:
        parser = _Links()
        parser.feed((site / page).read_text(encoding="utf-8"))
        page_url = f"{base.scheme}://{base.netloc}{prefix}{page}"
        for link in parser.links:
            url = urlsplit(urljoin(page_url, link))
            if url.scheme not in ("http", "https") or url.netloc != base.netloc:
                continue
            if not url.path.startswith(prefix):
                broken.append(f"{page}: {link} (outside the site's path {prefix})")
            elif not _target(site, url.path[len(prefix) :]).is_file():
                broken.append(f"{page}: {link}")
    return broken


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["kind"] and len(args) == 3:
        print(kind(args[1], args[2]))
        return 0
    if args[:1] == ["pages"] and len(args) == 3:
        print("\n".join(changed_pages(Path(args[1]), Path(args[2]))))
        return 0
    if args[:1] == ["check"] and len(args) == 4:
        site = Path(args[1])
        pages = [p for p in Path(args[3]).read_text("utf-8").splitlines() if p.strip()]
        problems = html_errors(site, pages) + broken_links(site, args[2], pages)
        print("\n".join(problems) if problems else f"{len(pages)} changed page(s): no problem")
        return 1 if problems else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUTF8", "1")
    sys.exit(main())
