"""Make pelican-sitemap's output deterministic.

pelican-sitemap dates the pages that are not an article or a page (home, tags, regions,
archives, ...) with the time of the build, so two builds of the same content differ. Those
pages change exactly when an article is added or edited, so the newest article date (or
modification date) is both stable and true.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pelican import signals
from pelican.plugins.sitemap import sitemap


def _newest(generator: Any) -> None:
    dates = [getattr(a, "modified", None) or a.date for a in generator.articles]
    if dates:
        newest = max(dates)
        # pelican-sitemap formats naive and aware datetimes alike; keep it naive like its now().
        sitemap.generator.now = (
            newest.replace(tzinfo=None) if isinstance(newest, dt.datetime) else newest
        )


def register() -> None:
    signals.article_generator_finalized.connect(_newest)
