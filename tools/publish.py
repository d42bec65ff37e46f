"""Before a built site is uploaded: its size and file count against the host's limits.

GitHub Pages documents two limits that a growing archive reaches
(https://docs.github.com/en/pages/getting-started-with-github-pages/github-pages-limits): a
published site "may be no larger than 1 GB", and a deployment times out after 10 minutes
(``actions/deploy-pages`` warns above 1 GB; above 10 GB it refuses the artifact). It documents
no limit on the number of files; the deployment time grows with it, and the static hosts that
do document one allow 200,000 files per site (GitLab Pages) or 20,000 to 100,000 (Cloudflare
Pages). The archive writes about 2.5 files per article, so the file count is checked against
GitLab's 200,000 (then the site still moves to such a host unchanged).

``./dev publish`` builds, then :func:`check` measures ``output/``: at 80 % of a limit it warns,
above a limit it stops with a non-zero exit before the publish workflow's upload step, each
time with the way out (docs/publishing.md). Messages go through :func:`arsip.messages.t`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from babel.numbers import format_decimal

from arsip.messages import language, t


@dataclass(frozen=True)
class Limits:
    """What the host accepts, and the share of it that earns a warning."""

    max_bytes: int
    max_files: int
    warn_ratio: float = 0.8


#: GitHub Pages: 1 GB per published site, taken as 10^9 bytes (the lower reading of "1 GB");
#: files: see the module's docstring.
GITHUB_PAGES = Limits(max_bytes=1_000_000_000, max_files=200_000)

#: Never uploaded by actions/upload-pages-artifact, so not counted.
_NOT_UPLOADED = {".git", ".github"}


@dataclass(frozen=True)
class SiteSize:
    """A built site's bytes and files, as uploaded."""

    bytes: int
    files: int


@dataclass(frozen=True)
class Verdict:
    """The outcome of :func:`check`: ``ok`` (lines to print), ``warn``, or ``stop``."""

    level: str
    lines: tuple[str, ...]

    @property
    def stops(self) -> bool:
        return self.level == "stop"


def measure(site: Path) -> SiteSize:
    """Bytes and files under ``site`` (a symbolic link counts as the file it names)."""
    total = files = 0
    for path in site.rglob("*"):
        if path.relative_to(site).parts[0] in _NOT_UPLOADED or not path.is_file():
            continue
        files += 1
        total += path.stat().st_size
    return SiteSize(bytes=total, files=files)


def _number(value: float, pattern: str = "#,##0") -> str:
    # 1.234,5 in Indonesian, 1,234.5 in English.
    return format_decimal(value, pattern, locale=language())


def _mb(value: int) -> str:
    return _number(value / 1_000_000, "#,##0.0") + " MB"


def check(size: SiteSize, limits: Limits = GITHUB_PAGES) -> Verdict:
    """Compare ``size`` with ``limits``: a summary line, then one line per limit reached."""
    shares = {
        "bytes": (size.bytes / limits.max_bytes, _mb(size.bytes), _mb(limits.max_bytes)),
        "files": (size.files / limits.max_files, _number(size.files), _number(limits.max_files)),
    }
    lines = [
        t(
            "publish.size",
            size=_mb(size.bytes),
            files=_number(size.files),
            bytes_pct=round(100 * shares["bytes"][0]),
            files_pct=round(100 * shares["files"][0]),
        )
    ]
    level = "ok"
    for kind, (share, value, limit) in shares.items():
        what = t(f"publish.what_{kind}")
        if share > 1:
            lines.append(t("publish.over", what=what, value=value, limit=limit))
            level = "stop"
        elif share >= limits.warn_ratio:
            lines.append(
                t("publish.near", what=what, value=value, limit=limit, pct=round(100 * share))
            )
            level = "warn" if level == "ok" else level
    if level != "ok":
        lines.append(t("publish.what_to_do"))
    return Verdict(level=level, lines=tuple(lines))
