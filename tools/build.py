"""Build the site with Pelican's API, so that invalid articles end in a short message.

``invoke build`` / ``invoke publish`` and the tests call :func:`build`. Running ``pelican``
directly gives the same site (the plugins do all the work); this wrapper only empties the
output folder first and turns the validation plugin's stop into a clean exit.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

from pelican import Pelican
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parent.parent


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
    """Build the whole site into ``output`` (emptied first) and return its path."""
    settings = settings_for(siteurl, output, content, **overrides)
    out = Path(settings["OUTPUT_PATH"])
    if out.exists():
        # Empty the folder rather than remove it: a server may be serving it.
        for child in out.iterdir():
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
    try:
        Pelican(settings).run()
    except Exception as exc:
        if type(exc).__name__ == "BuildStopped":
            raise BuildFailed(str(exc)) from None
        raise
    return out
