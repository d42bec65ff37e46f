"""What a shared link shows: each article's description and its schema.org NewsArticle.

Attached once the articles are read, for ``article.html`` and ``base.html`` to render:

- ``article.share.description``: the editor's ``summary`` when there is one, otherwise the
  first sentence of the text (its dateline left out), at most ``description_max``
  characters. The meta description and the Open Graph / Twitter card tags of the page use it.
- ``article.share.json_ld``: a ``NewsArticle`` (JSON-LD) with the original outlet as
  publisher, ready for a ``<script type="application/ld+json">`` element ("<", ">" and "&"
  escaped).
- ``article.share_line``: "date · region, province": with the headline, what a link preview
  in a chat shows.
- ``article.archived_date``: the day the archive saved the text (``archived``), or None.

The two that read the text are computed when the page is rendered (:class:`Share`).

Addresses are absolute only when SITEURL is (``og:url``, ``url``): a local preview has no
address of its own worth sharing.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from typing import Any

from markupsafe import Markup
from pelican import signals
from pelican.generators import ArticlesGenerator

from arsip import dates
from arsip.plaintext import first_sentence, plain_text
from arsip.schema import UNKNOWN_SOURCE

DEFAULTS: dict[str, Any] = {"description_max": 200}


def plugin_settings(settings: dict[str, Any]) -> dict[str, Any]:
    """The plugin's settings: DEFAULTS overridden by the SHARE setting."""
    return {**DEFAULTS, **(settings.get("SHARE") or {})}


def absolute_siteurl(settings: dict[str, Any]) -> str:
    """SITEURL when it is an absolute http(s) address, else "" (local preview)."""
    siteurl = str(settings.get("SITEURL") or "")
    return siteurl if siteurl.startswith(("https://", "http://")) else ""


def description(article: Any, limit: int) -> str:
    """The editor's summary, or the text's first sentence."""
    summary = article.metadata.get("summary")
    if summary:  # the field as HTML (plugins/validation): its text
        return " ".join(html.unescape(str(summary)).split())
    # Only the first paragraph is needed (a build does this for every article).
    first = article.content.split("</p>", 1)[0]
    return first_sentence(plain_text(first), limit)


def news_article(article: Any, settings: dict[str, Any], text: str) -> dict[str, Any]:
    """The schema.org NewsArticle of an article, as a dict."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": str(article.title),
        "description": text,
        "datePublished": dates.iso_date(article.date),
        "inLanguage": "id",
        "contentLocation": {
            "@type": "Place",
            "name": f"{article.region}, {article.province}",
        },
        "about": {"@type": "Person", "name": str(article.official), "jobTitle": str(article.role)},
        "keywords": [str(t) for t in getattr(article, "tags", [])],
        "isPartOf": {"@type": "WebSite", "name": settings.get("SITENAME", "")},
    }
    if str(article.source) != UNKNOWN_SOURCE:
        data["publisher"] = {"@type": "Organization", "name": str(article.source)}
    source_url = article.metadata.get("source_url")
    if source_url:
        data["isBasedOn"] = str(source_url)
    siteurl = absolute_siteurl(settings)
    if siteurl:
        data["url"] = f"{siteurl}/{article.url}"
        data["isPartOf"]["url"] = f"{siteurl}/"
    return data


def script_json(data: dict[str, Any]) -> Markup:
    """JSON safe inside a <script> element: no "</script>" or "<!--" can appear."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


class Share:
    """What an article's page tells a link preview, computed when the page is rendered:
    ``description`` and ``json_ld`` read the text (``article.content``) inside the writer call
    of that page, so a preview that renders only what changed knows the page shows it (a quick preview rebuild after
    an edit to the text renders it again)."""

    def __init__(self, article: Any, limit: int, sitename: str, siteurl: str):
        self.article, self.limit = article, limit
        self.settings = {"SITENAME": sitename, "SITEURL": siteurl}

    @property
    def description(self) -> str:
        return description(self.article, self.limit)

    @property
    def json_ld(self) -> Markup:
        return script_json(news_article(self.article, self.settings, self.description))


def _prepare(generator: ArticlesGenerator) -> None:
    settings = generator.settings
    limit = plugin_settings(settings)["description_max"]
    sitename, siteurl = str(settings.get("SITENAME", "")), absolute_siteurl(settings)
    for article in generator.articles:
        article.share = Share(article, limit, sitename, siteurl)
        article.share_line = (
            f"{dates.medium_date(article.date)} · {article.region}, {article.province}"
        )
        archived = article.metadata.get("archived")
        # The schema has checked the text (YYYY-MM-DD); the page shows it as a date.
        article.archived_date = dt.date.fromisoformat(str(archived)[:10]) if archived else None


def _publish(pelican: Any) -> None:
    """SITEURL_ABSOLUTE for the templates: og:url and canonical links only when set."""
    pelican.settings["SITEURL_ABSOLUTE"] = absolute_siteurl(pelican.settings)


def register() -> None:
    """Connect to Pelican: computed once the articles are read."""
    signals.initialized.connect(_publish)
    signals.article_generator_finalized.connect(_prepare)
