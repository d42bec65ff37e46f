"""Build the site with Pelican's API, so that invalid articles end in a short message.

``invoke build`` / ``invoke publish`` and the tests call :func:`build`. Running ``pelican``
directly gives the same site (the plugins do all the work); this wrapper checks the site URL,
builds aside and swaps the result in (a failed build keeps the previous site), and turns the
validation plugin's stop into a clean exit.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sys
from importlib import metadata
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


#: What a build's output depends on besides the content: with the settings (see
#: :func:`code_key`), the files under these paths, by their bytes.
CODE_PATHS = ("pelicanconf.py", "pyproject.toml", "arsip", "plugins", "theme", "data", "tools")


def code_key(settings: dict[str, Any]) -> str:
    """A digest of everything but the content that the built site depends on: the Python
    version, every installed package's version, Pagefind's bytes, the settings (without the folders of this one build) and
    the bytes of every file of :data:`CODE_PATHS`.

    The build cache (:func:`build` with ``cache``) lives in a folder named by it, so a cache
    made by other code or settings is never read: stale entries can only be missed, never
    used. By bytes, not modification times (a fresh checkout gives every file a new time)."""
    import pelican

    digest = hashlib.sha256()
    try:
        from pagefind_bin import get_executable

        pagefind = Path(get_executable()).read_bytes()
    except (ImportError, OSError):
        pagefind = b""
    digest.update(f"{sys.version}\n{pelican.__version__}\n".encode())
    # Every installed package's version (Markdown, Jinja2...: their output is in the cache).
    # A set: a folder on sys.path twice (each settings_for adds the plugins' and the project's
    # folders) lists its distributions twice.
    installed = sorted({f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions()})
    digest.update("\n".join(installed).encode())
    digest.update(hashlib.sha256(pagefind).digest())
    local = ("OUTPUT_PATH", "FINAL_OUTPUT_PATH", "CACHE_PATH", "PATH")
    stable = {k: v for k, v in settings.items() if k.isupper() and k not in local}
    # Function reprs carry addresses that change from one process to the next.
    digest.update(re.sub(r" at 0x[0-9a-f]+", "", repr(sorted(stable.items()))).encode())
    for name in CODE_PATHS:
        top = ROOT / name
        files = [top] if top.is_file() else sorted(top.rglob("*"))
        for path in files:
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(f"{path.relative_to(ROOT)}\n".encode())
                digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:20]


def cache_settings(settings: dict[str, Any], cache: Path, key: str) -> dict[str, Any]:
    """Settings that make a build reuse what an earlier build with the same :func:`code_key`
    left in ``cache``: Pelican's content cache (an article whose file has the same bytes is
    not read again; ``CHECK_MODIFIED_METHOD`` compares SHA-256 digests, not file times) and
    the search index's slices of the years whose pages did not change (plugins/search_index).
    The output is the same as without a cache (tests/test_build_cache.py)."""
    folder = cache / key
    return {
        "CACHE_PATH": str(folder / "pelican"),
        "CACHE_CONTENT": True,
        "LOAD_CONTENT_CACHE": True,
        "CONTENT_CACHING_LAYER": "reader",
        "CHECK_MODIFIED_METHOD": "sha256",
        "GZIP_CACHE": False,
        "SEARCH_INDEX": {**(settings.get("SEARCH_INDEX") or {}), "cache": str(folder / "pagefind")},
    }


def _prune_cache(cache: Path, key: str) -> None:
    """Keep only the folder of ``key`` in ``cache``: caches of other code are never used."""
    if cache.is_dir():
        for child in cache.iterdir():
            if child.name != key and child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)


def build(
    siteurl: str = "",
    output: str | os.PathLike[str] | None = None,
    content: str | os.PathLike[str] | None = None,
    cache: str | os.PathLike[str] | None = None,
    **overrides: Any,
) -> Path:
    """Build the whole site into ``output`` and return its path.

    The site is built aside, in the hidden folder ``output/.building``, and its files
    replace the others only once the build has succeeded: a build that stops (an invalid article, a
    crash, Ctrl+C) leaves the previous site in place, and a preview being served never goes
    blank. With ``cache`` (a folder kept between builds, e.g. by CI's cache action), what an
    earlier build of the same code read and indexed is reused (:func:`cache_settings`)."""
    problem = links.siteurl_problem(siteurl)
    if problem:
        raise BuildFailed(problem)
    settings = settings_for(siteurl, output, content, **overrides)
    if cache is not None:
        key = code_key(settings)
        _prune_cache(Path(cache), key)
        settings.update(cache_settings(settings, Path(cache).resolve(), key))
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
        if cache is not None:
            # A stopped build may have cached what its readers made of an invalid file (a
            # page is refused after Pelican saved its cache): the next build starts cold.
            _remove(Path(cache) / key)
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
