"""Topic feeds carry summaries: each entry's title, link, dates, tags and summary, no full text.

Pelican's Atom feeds put every article's whole text in each feed that lists it. The archive has
a feed per tag and per region (hundreds of them), so one article's text was written into
several feeds: at 3,000 generated articles the region feeds alone weighed 14 MB, a third of the
site's growth per article. A reader of a topic feed wants to know that something new was
filed and follow the link; the full text stays in the site-wide feed (FEED_ALL_ATOM) and on
the article's page.

On Pelican's ``feed_generated`` signal (the feed is built, not yet written), every entry of a
feed not named in ``FEED_SUMMARIES["full_text"]`` loses its ``<content>`` and keeps its
``<summary>`` (Pelican's summary: the article's ``summary`` field, else its first words).
How many entries a feed lists is Pelican's FEED_MAX_ITEMS.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pelican import signals

DEFAULTS: dict[str, Any] = {
    # Feeds (paths as in the settings, e.g. "feeds/semua.atom.xml") whose entries keep the text.
    "full_text": [],
}


class FeedSummariesError(RuntimeError):
    """FEED_SUMMARIES is not what the plugin expects."""


@dataclass(frozen=True)
class Config:
    """The plugin's settings: ``FEED_SUMMARIES`` in pelicanconf.py over :data:`DEFAULTS`."""

    full_text: tuple[str, ...]


def config(settings: dict[str, Any]) -> Config:
    """Read ``FEED_SUMMARIES`` (the one place the plugin reads its settings)."""
    raw = {**DEFAULTS, **(settings.get("FEED_SUMMARIES") or {})}
    unknown = set(raw) - set(DEFAULTS)
    if unknown:
        raise FeedSummariesError(f"FEED_SUMMARIES: unknown key(s) {sorted(unknown)}")
    paths = raw["full_text"]
    if isinstance(paths, str) or not all(isinstance(p, str) and p.strip("/") for p in paths):
        raise FeedSummariesError(f"FEED_SUMMARIES: full_text: a list of feed paths, not {paths!r}")
    return Config(full_text=tuple(p.strip("/") for p in paths))


def _is_full_text(feed_url: str, conf: Config) -> bool:
    # Pelican's feed URL is FEED_DOMAIN joined with the feed's path: compare the path's end.
    url = feed_url.split("?", 1)[0].rstrip("/")
    return any(url == path or url.endswith("/" + path) for path in conf.full_text)


def summaries_only(context: Any, feed: Any) -> None:
    """Drop the full text of every entry of ``feed`` unless it is a full-text feed."""
    conf = config(context)
    if _is_full_text(feed.feed.get("feed_url") or "", conf):
        return
    for item in feed.items:
        # Pelican leaves the summary out when it equals the text (a short article): then the
        # text is the summary.
        if item.get("description") is None:
            item["description"] = item.get("content")
        item["content"] = None


def register() -> None:
    """Connect to Pelican (a public signal: no Pelican internals)."""
    signals.feed_generated.connect(summaries_only)
