"""The regulations cited by the articles: one page per regulation, and a list on each article.

Once Pelican has read the articles, each article's text is read by ``arsip.regulations``
(the recogniser the ingest command and ``invoke check`` use too). A citation whose key is in
data/regulations.yml is attached to the article (``article.regulations``: the regulations in
order of first citation) and to its regulation's page, newest article first, with the sentence
around the citation. Citations not in the vocabulary are left to ``invoke check``, which lists
them as candidates: the build shows only what the vocabulary describes.

Pages: ``regulasi/`` (every regulation cited, with its number of articles) and
``regulasi/<slug>/`` (paginated like the other detail pages).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pelican import signals
from pelican.generators import ArticlesGenerator
from pelican.writers import Writer

from arsip import regulations as vocabulary
from arsip.plaintext import plain_text
from arsip.regulations import Regulation

#: Settings (``REGULATIONS`` in pelicanconf.py overrides any of them).
DEFAULTS: dict[str, Any] = {
    "url": "regulasi/{slug}/",
    "save_as": "regulasi/{slug}/index.html",
    "index_url": "regulasi/",
    "index_save_as": "regulasi/index.html",
}


def plugin_settings(settings: dict[str, Any]) -> dict[str, Any]:
    """The plugin's settings: DEFAULTS overridden by the REGULATIONS setting."""
    return {**DEFAULTS, **(settings.get("REGULATIONS") or {})}


@dataclass(frozen=True)
class Mention:
    """An article citing a regulation, with the sentence around its first citation."""

    article: Any
    quote: str
    cited_as: str


@dataclass(eq=False)
class RegulationPage:
    """A regulation of the vocabulary and the articles citing it (newest first)."""

    regulation: Regulation
    url: str
    save_as: str
    mentions: list[Mention] = field(default_factory=list)

    @property
    def articles(self) -> list[Any]:
        return [m.article for m in self.mentions]

    @property
    def count(self) -> int:
        return len(self.mentions)

    def __str__(self) -> str:
        return self.regulation.key


def collect(articles: list[Any], settings: dict[str, Any]) -> list[RegulationPage]:
    """The regulation pages, in key order, each with its articles newest first; sets
    ``article.regulations`` (the pages of the regulations it cites) on every article."""
    conf = plugin_settings(settings)
    known = vocabulary.vocabulary()
    pages: dict[str, RegulationPage] = {}
    ordered = sorted(articles, key=lambda a: (a.date, a.url), reverse=True)
    for article in ordered:
        cited: dict[str, RegulationPage] = {}
        for citation in vocabulary.find(plain_text(article.content)):
            regulation = known.get(citation.key)
            if regulation is None or regulation.key in cited:
                continue
            page = pages.get(regulation.key)
            if page is None:
                page = pages[regulation.key] = RegulationPage(
                    regulation,
                    conf["url"].format(slug=regulation.slug),
                    conf["save_as"].format(slug=regulation.slug),
                )
            page.mentions.append(Mention(article, citation.quote, citation.text))
            cited[regulation.key] = page
        article.regulations = list(cited.values())
    return [pages[k] for k in sorted(pages)]


def _prepare(generator: ArticlesGenerator) -> None:
    generator.context["regulation_pages"] = collect(generator.articles, generator.settings)


def _write(generator: ArticlesGenerator, writer: Writer) -> None:
    """The index of regulations and one page per regulation."""
    pages: list[RegulationPage] | None = generator.context.get("regulation_pages")
    if pages is None:
        return
    conf = plugin_settings(generator.settings)
    relative = generator.settings.get("RELATIVE_URLS", False)
    writer.write_file(
        conf["index_save_as"],
        generator.get_template("regulations"),
        generator.context,
        relative_urls=relative,
        url=conf["index_url"],
        terms=pages,
        template_name="regulations",
    )
    template = generator.get_template("regulation")
    for page in pages:
        writer.write_file(
            page.save_as,
            template,
            generator.context,
            relative_urls=relative,
            paginated={"mentions": page.mentions},
            template_name="regulation",
            url=page.url,
            term=page,
            mentions=page.mentions,
        )


def _publish_url(pelican: Any) -> None:
    """REGULATIONS_URL for the templates' links (settings become the template context)."""
    pelican.settings["REGULATIONS_URL"] = plugin_settings(pelican.settings)["index_url"]


def register() -> None:
    """Connect to Pelican: read the citations after the articles, write after them."""
    signals.initialized.connect(_publish_url)
    signals.article_generator_finalized.connect(_prepare)
    signals.article_writer_finalized.connect(_write)
