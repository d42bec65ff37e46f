"""The one switch between stock Pelican and the speed layer, for the peer check.

Every build of the peer check goes through :func:`with_speed` or :func:`without_speed`, so
that pointing the check at another speed package is a change here only. Plain data: no
Pelican import, usable in the parent test process and in the build runner alike.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
PLUGINS_DIR = str(ROOT / "plugins")

#: The plugins that make up the speed layer (each replaces Pelican internals).
SPEED_PLUGINS = ("pelican_speed",)
#: The speed layer's Markdown extension, which the project lists with the layer on.
SPEED_MARKDOWN = "pelican_speed.markdown_fast"

#: Settings that force the parallel path even on a tiny site: two processes, and forking from
#: the first item on (the plugin's default threshold, ``min_items``, is 2 files or pages).
FORCE_PARALLEL = {"processes": 4, "min_items": 1}


def speed_plugins() -> list[str]:
    """The plugin names that add the speed layer to a build."""
    return list(SPEED_PLUGINS)


def _plugin_names(settings: dict[str, Any]) -> list[Any]:
    return list(settings.get("PLUGINS") or [])


def without_speed(settings: dict[str, Any]) -> dict[str, Any]:
    """``settings`` built by stock Pelican: the speed plugin and its Markdown extension
    removed, nothing else changed (its own settings are left in place: stock Pelican ignores
    them)."""
    plugins = [p for p in _plugin_names(settings) if p not in SPEED_PLUGINS]
    result = {**settings, "PLUGINS": plugins}
    markdown = settings.get("MARKDOWN")
    if isinstance(markdown, dict) and SPEED_MARKDOWN in (markdown.get("extensions") or []):
        extensions = [e for e in markdown["extensions"] if e != SPEED_MARKDOWN]
        result["MARKDOWN"] = {**markdown, "extensions": extensions}
    return result


def with_speed(
    settings: dict[str, Any], force_parallel: bool = True, preview: bool = False
) -> dict[str, Any]:
    """``settings`` with the speed layer added (after the plugins already there, as the
    project orders them when they are missing), the parallel path forced on tiny sites, and
    the preview mode (incremental rebuilds) on or off."""
    plugins = _plugin_names(settings)
    plugins += [p for p in SPEED_PLUGINS if p not in plugins]
    paths = list(settings.get("PLUGIN_PATHS") or [])
    if PLUGINS_DIR not in paths:
        paths.append(PLUGINS_DIR)
    result = {**settings, "PLUGINS": plugins, "PLUGIN_PATHS": paths}
    conf = {**(settings.get("PELICAN_SPEED") or {}), "enabled": True, "preview": preview}
    if force_parallel:
        conf.update(FORCE_PARALLEL)
    result["PELICAN_SPEED"] = conf
    if preview:  # as pelicanconf.py's preview block: Pelican's content cache on
        result["CACHE_CONTENT"] = result["LOAD_CONTENT_CACHE"] = True
    return result
