"""Make pelican-sitemap's output deterministic, and reliable across builds in one process.

pelican-sitemap dates the pages that are not an article or a page (home, tags, regions,
archives, ...) with the time of the build, so two builds of the same content differ. Those
pages change exactly when an article is added or edited, so the newest article date (or
modification date) is both stable and true.

pelican-sitemap also keeps module-level state: it writes only for the first Pelican instance
it saw since its last write. A build that stopped before the end (an invalid article, under
``invoke livereload`` or in the tests) leaves that instance behind, and every later build in
the same process would silently lose its sitemap. Each build starts from a clean state here.

An entry is its address and lastmod only: pelican-sitemap's ``<changefreq>`` and
``<priority>`` are hints Google says it ignores, and they were half of each entry's bytes
(about 120 bytes per article, two entries per article).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pelican import signals
from pelican.plugins.sitemap import sitemap

#: pelican-sitemap's XML_URL without <changefreq> and <priority> (its format arguments 3 and
#: 4 are left unused); plugins/sitemap_index reads entries of this shape.
XML_URL = "\n<url>\n<loc>{0}/{1}</loc>\n<lastmod>{2}</lastmod>\n{translations}</url>\n"


def _reset(pelican: Any) -> None:
    sitemap.XML_URL = XML_URL
    sitemap.generator._main_pelican = None
    sitemap.generator.page_queue = []


def _newest(generator: Any) -> None:
    dates = [getattr(a, "modified", None) or a.date for a in generator.articles]
    if dates:
        newest = max(dates)
        # pelican-sitemap formats naive and aware datetimes alike; keep it naive like its now().
        sitemap.generator.now = (
            newest.replace(tzinfo=None) if isinstance(newest, dt.datetime) else newest
        )


def register() -> None:
    # `initialized` comes before `get_generators`, where pelican-sitemap records its Pelican.
    signals.initialized.connect(_reset)
    signals.article_generator_finalized.connect(_newest)
