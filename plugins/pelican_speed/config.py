"""The speed layer's settings, the Pelican versions it was proven against, and its patches.

Everything in this package that replaces a Pelican internal is listed in :data:`PATCHES`;
each is installed when a build with the layer on starts (``initialized``) and taken out again
when a build with it off starts, so a build with ``PELICAN_SPEED = {"enabled": False}`` (or
on a Pelican version not in :data:`PROVEN`) is stock Pelican, in the same process too.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from typing import Any

import pelican

log = logging.getLogger(__name__)

#: Pelican versions on which the test suite proves the layer's output equal to stock Pelican's
#: (Pelican's own sample sites, this project's content, a generated archive).
PROVEN = ("4.12.0",)

DEFAULTS: dict[str, Any] = {
    "enabled": True,
    # Local preview: unchanged pages are not rendered again, and an edit to article bodies
    # rewrites only what shows them. Never for publishing.
    "preview": False,
    # Jinja filters that are pure functions of hashable arguments (memoized per build).
    "memo_filters": [],
    # Folders whose files change what a page looks like, besides the theme and PLUGIN_PATHS
    # (the preview compares their files' times and sizes).
    "watch": [],
    "state_file": "pelican_speed.json",  # preview state, in CACHE_PATH
    # Forked processes for reading and rendering; 0: one per core.
    "processes": 0,
    # Below this many files or pages, one process does it (a fork costs more than it saves).
    "min_items": 2,
    # From this many files or pages on, reading and rendering show their progress on stderr.
    "progress_from": 1000,
}


@dataclass(frozen=True)
class Config:
    """``PELICAN_SPEED`` from the settings over :data:`DEFAULTS`."""

    enabled: bool  # the layer is on (setting, and a proven Pelican version)
    preview: bool
    memo_filters: tuple[str, ...]
    watch: tuple[str, ...]
    state_file: str
    processes: int
    min_items: int
    progress_from: int
    #: Reading and rendering in forked processes: a full build (not a preview), absolute
    #: URLs (with relative ones Pelican's writer sets a shared value while rendering), fork.
    parallel: bool


def config(settings: dict[str, Any]) -> Config:
    """Read ``PELICAN_SPEED`` (the one place the package reads its settings)."""
    raw = {**DEFAULTS, **(settings.get("PELICAN_SPEED") or {})}
    unknown = set(raw) - set(DEFAULTS)
    if unknown:
        raise ValueError(f"PELICAN_SPEED: unknown key(s) {sorted(unknown)}")
    enabled = bool(raw["enabled"]) and proven()
    processes = int(raw["processes"]) or os.cpu_count() or 1
    if not hasattr(os, "fork"):
        processes = 1
    preview = enabled and bool(raw["preview"])
    return Config(
        enabled=enabled,
        preview=preview,
        memo_filters=tuple(raw["memo_filters"]),
        watch=tuple(str(p) for p in raw["watch"]),
        state_file=str(raw["state_file"]),
        processes=max(1, processes),
        min_items=int(raw["min_items"]),
        progress_from=int(raw["progress_from"]),
        parallel=enabled and not preview and not settings.get("RELATIVE_URLS") and processes > 1,
    )


def proven(version: str | None = None) -> bool:
    """True on a Pelican version the layer was proven against, with every internal there."""
    if (version or pelican.__version__) not in PROVEN:
        return False
    return all(patch.available() for patch in PATCHES)


class Patch:
    """One Pelican internal replaced by this package: ``owner.name = replacement``.

    ``owner`` and ``replacement`` are given as "module:attribute" strings and resolved when
    installed, so that the list below is the whole inventory in one place."""

    def __init__(self, target: str, replacement: str, why: str):
        self.target, self.replacement, self.why = target, replacement, why
        self._original: Any = None

    def _owner(self) -> tuple[Any, str]:
        module, _, path = self.target.partition(":")
        *parents, name = path.split(".")
        owner: Any = __import__(module, fromlist=["_"])
        for part in parents:
            owner = getattr(owner, part)
        return owner, name

    def available(self) -> bool:
        try:
            owner, name = self._owner()
        except (ImportError, AttributeError):
            return False
        return name in vars(owner)

    def _new(self) -> Any:
        module, _, name = self.replacement.partition(":")
        return getattr(__import__(module, fromlist=["_"]), name)

    def install(self) -> None:
        owner, name = self._owner()
        if self._original is None:
            self._original = vars(owner)[name]
        setattr(owner, name, self._new())

    def uninstall(self) -> None:
        if self._original is not None:
            owner, name = self._owner()
            setattr(owner, name, self._original)

    def original(self) -> Any:
        """Pelican's own object (before :meth:`install`), or what is there now."""
        if self._original is not None:
            return self._original
        owner, name = self._owner()
        return vars(owner)[name]


_P = "pelican_speed"
#: Every Pelican internal the package replaces, and why. Pelican's own functions are kept in
#: each Patch (:meth:`Patch.original`) and called where the replacement does not apply.
PATCHES: list[Patch] = [
    Patch(
        "pelican.generators:ArticlesGenerator._build_period_archives",
        f"{_P}.linear:build_period_archives",
        "one pass per granularity instead of one scan of every article per period",
    ),
    Patch(
        "pelican.generators:ArticlesGenerator.generate_tags",
        f"{_P}.linear:generate_tags",
        "the `dates` of each tag page filtered in linear time",
    ),
    Patch(
        "pelican.generators:ArticlesGenerator.generate_categories",
        f"{_P}.linear:generate_categories",
        "the same for category pages, skipped when CATEGORY_SAVE_AS is empty",
    ),
    Patch(
        "pelican.generators:ArticlesGenerator.generate_authors",
        f"{_P}.linear:generate_authors",
        "the same for author pages, skipped when AUTHOR_SAVE_AS is empty",
    ),
    Patch(
        "pelican.generators:process_translations",
        f"{_P}.linear:process_translations",
        "its last scan (`x not in index` on a list) made linear",
    ),
    Patch(
        "pelican.contents:Content._expand_settings",
        f"{_P}.fast:expand_settings",
        "an article's URL and save_as memoized by the values their pattern uses",
    ),
    Patch(
        "pelican.urlwrappers:URLWrapper.url",
        f"{_P}.fast:wrapper_url",
        "tag/category/author URLs memoized the same way",
    ),
    Patch(
        "pelican.urlwrappers:URLWrapper.save_as",
        f"{_P}.fast:wrapper_save_as",
        "the same for their save_as",
    ),
    Patch(
        "pelican.urlwrappers:URLWrapper.page_name",
        f"{_P}.fast:wrapper_page_name",
        "the same for their page_name",
    ),
    Patch(
        "pelican.urlwrappers:slugify",
        f"{_P}.fast:memo_slugify",
        "slugify (pure) memoized: every article makes new Tag objects",
    ),
    Patch(
        "pelican.generators:ArticlesGenerator.generate_articles",
        f"{_P}.fast:generate_articles",
        "preview: unchanged article pages are not rendered again",
    ),
    Patch(
        "pelican.contents:Content.get_content",
        f"{_P}.quick:get_content",
        "preview: which page read which article's text (for a quick rebuild)",
    ),
    Patch(
        "pelican.contents:Content.get_summary",
        f"{_P}.quick:get_summary",
        "preview: the same for summaries (memoized: only a first read reaches get_content)",
    ),
    Patch(
        "pelican:Pelican.run",
        f"{_P}.quick:run",
        "preview: the quick rebuild after edits to article bodies",
    ),
]


_BY_TARGET = {patch.target: patch for patch in PATCHES}


def original(target: str) -> Any:
    """Pelican's own object that the patch of ``target`` replaces (see :data:`PATCHES`)."""
    return _BY_TARGET[target].original()


def install(settings: dict[str, Any]) -> Config:
    """``initialized``: put the patches in for a build with the layer on, take them out for
    one with it off; say once when the installed Pelican is not a proven version."""
    conf = config(settings)
    if conf.enabled:
        for patch in PATCHES:
            patch.install()
    else:
        for patch in PATCHES:
            patch.uninstall()
        wanted = (settings.get("PELICAN_SPEED") or {}).get("enabled", True)
        if wanted and pelican.__version__ not in PROVEN:
            log.warning(
                "pelican_speed: Pelican %s is not a version this speed layer was proven "
                "against (%s): building with stock Pelican",
                pelican.__version__,
                ", ".join(PROVEN),
            )
    return conf
