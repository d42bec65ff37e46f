"""Build the site with Pelican's API, so that invalid articles end in a short message.

``invoke build`` / ``invoke publish`` and the tests call :func:`build`. Running ``pelican``
directly gives the same site (the plugins do all the work); this wrapper checks the site URL,
builds aside and swaps the result in (a failed build keeps the previous site), and turns the
validation plugin's stop into a clean exit.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

from pelican import Pelican
from pelican.settings import read_settings

from arsip import links

ROOT = Path(__file__).resolve().parent.parent


#: Inside the output folder (every write of a build stays in it), hidden, never published:
#: the site being built, and the previous one while the new one moves in.
STAGING, PREVIOUS = ".building", ".previous"


class BuildFailed(RuntimeError):
    """The build stopped; the reason was printed."""


def settings_for(
    siteurl: str = "",
    output: str | os.PathLike[str] | None = None,
    content: str | os.PathLike[str] | None = None,
    **overrides: Any,
) -> dict[str, Any]:
    """The project's settings (pelicanconf.py) with a site URL, output and content path."""
    override: dict[str, Any] = {"SITEURL": siteurl.rstrip("/"), "FEED_DOMAIN": siteurl.rstrip("/")}
    if output is not None:
        override["OUTPUT_PATH"] = str(output)
    if content is not None:
        override["PATH"] = str(content)
    override.update(overrides)
    return read_settings(str(ROOT / "pelicanconf.py"), override=override)


def build(
    siteurl: str = "",
    output: str | os.PathLike[str] | None = None,
    content: str | os.PathLike[str] | None = None,
    **overrides: Any,
) -> Path:
    """Build the whole site into ``output`` and return its path.

    The site is built aside, in the hidden folder ``output/.building``, and its files
    replace the others only once the build has succeeded: a build that stops (an invalid article, a
    crash, Ctrl+C) leaves the previous site in place, and a preview being served never goes
    blank."""
    problem = links.siteurl_problem(siteurl)
    if problem:
        raise BuildFailed(problem)
    settings = settings_for(siteurl, output, content, **overrides)
    out = Path(settings["OUTPUT_PATH"])
    staging = out / STAGING
    _remove(staging)  # left by a build that was killed
    staging.mkdir(parents=True)
    settings["OUTPUT_PATH"] = str(staging)
    settings["FINAL_OUTPUT_PATH"] = str(
        out
    )  # where the site lands (the preview of plugins/pelican_speed)
    try:
        Pelican(settings).run()
    except BaseException as exc:
        _remove(staging)
        if type(exc).__name__ == "BuildStopped":
            raise BuildFailed(str(exc)) from None
        raise
    _swap(staging, out)
    return out


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


def _swap(staging: Path, out: Path) -> None:
    """Put the built site in place of ``out``'s contents, keeping ``out`` itself (a server
    may be serving it): each entry is renamed, so the site is incomplete for milliseconds,
    never for a whole build."""
    previous = out / PREVIOUS
    _remove(previous)
    previous.mkdir()
    for child in list(out.iterdir()):
        if child.name not in (STAGING, PREVIOUS):
            child.rename(previous / child.name)
    for child in list(staging.iterdir()):
        child.rename(out / child.name)
    staging.rmdir()
    shutil.rmtree(previous)
