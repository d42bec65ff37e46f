"""The regulations cited by the articles: one page per regulation, and a list on each article.

Every regulation of data/regulations.yml gets a page (``regulasi/<slug>/``, paginated like the
other detail pages) listing the articles that cite it, newest first, each with the sentence
around its first citation, and the index ``regulasi/`` lists them all with their counts. Each
article page lists the regulations it cites. Citations are read from the article's text by
``arsip.regulations`` (the recogniser ingest and ``invoke check`` use too); citations not in
the vocabulary are left to ``invoke check``, which lists them as candidates.

The citations are read when a page that shows them is rendered, not before: through
``article.content``, inside the writer call of that page, so that a preview that renders only
what changed knows which pages show which texts. Each text is parsed once per process (a
cache keyed by the text itself).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from pelican import signals
from pelican.generators import ArticlesGenerator
from pelican.writers import Writer

from arsip import regulations as vocabulary
from arsip.plaintext import plain_text
from arsip.regulations import Citation, Regulation

#: Settings (``REGULATIONS`` in pelicanconf.py overrides any of them).
DEFAULTS: dict[str, Any] = {
    "url": "regulasi/{slug}/",
    "save_as": "regulasi/{slug}/index.html",
    "index_url": "regulasi/",
    "index_save_as": "regulasi/index.html",
}

#: Article source path -> (its HTML, the citations found in it).
_FOUND: dict[str, tuple[str, list[Citation]]] = {}


def plugin_settings(settings: dict[str, Any]) -> dict[str, Any]:
    """The plugin's settings: DEFAULTS overridden by the REGULATIONS setting."""
    return {**DEFAULTS, **(settings.get("REGULATIONS") or {})}


def citations_of(article: Any) -> list[Citation]:
    """The citations in an article's text, known or not, in order."""
    html = article.content  # a read of the text, noted by the preview (plugins/pelican_speed)
    found = _FOUND.get(article.source_path)
    if found is None or (found[0] is not html and found[0] != html):
        found = _FOUND[article.source_path] = (html, vocabulary.find(plain_text(html)))
    return found[1]


@dataclass(frozen=True)
class Mention:
    """An article citing a regulation, with the sentence around its first citation."""

    article: Any
    quote: str
    cited_as: str


class Mentions(Sequence[Mention]):
    """The articles citing one regulation (newest first), found at each use: every use reads
    the texts (cached by ``citations_of``), so that whichever writer call uses it is noted as
    showing them."""

    def __init__(self, key: str, articles: list[Any]):
        self.key, self.articles = key, articles

    def _found(self) -> list[Mention]:
        return [
            Mention(article, c.quote, c.text)
            for article in self.articles
            if (c := _first(citations_of(article), self.key)) is not None
        ]

    def __getitem__(self, index: Any) -> Any:
        return self._found()[index]

    def __len__(self) -> int:
        return len(self._found())

    def __iter__(self) -> Iterator[Mention]:
        return iter(self._found())


def _first(citations: list[Citation], key: str) -> Citation | None:
    known = vocabulary.vocabulary()
    return next((c for c in citations if (r := known.get(c.key)) and r.key == key), None)


@dataclass(eq=False)
class RegulationPage:
    """A regulation of the vocabulary and the articles citing it."""

    regulation: Regulation
    url: str
    save_as: str
    mentions: Mentions

    @property
    def count(self) -> int:
        return len(self.mentions)

    def __str__(self) -> str:
        return self.regulation.key


class Cited:
    """The regulation pages an article cites, in order of first citation (found when asked)."""

    def __init__(self, article: Any, pages: dict[str, RegulationPage]):
        self.article, self.pages = article, pages

    def _found(self) -> list[RegulationPage]:
        known = vocabulary.vocabulary()
        keys = [known[c.key].key for c in citations_of(self.article) if c.key in known]
        return [self.pages[k] for k in dict.fromkeys(keys)]

    def __iter__(self) -> Iterator[RegulationPage]:
        return iter(self._found())

    def __len__(self) -> int:
        return len(self._found())

    def __bool__(self) -> bool:
        return bool(self._found())


def pages_for(articles: list[Any], settings: dict[str, Any]) -> list[RegulationPage]:
    """A page per regulation of the vocabulary, in key order; sets ``article.regulations``."""
    conf = plugin_settings(settings)
    ordered = sorted(articles, key=lambda a: (a.date, a.url), reverse=True)
    pages = {
        reg.key: RegulationPage(
            reg,
            conf["url"].format(slug=reg.slug),
            conf["save_as"].format(slug=reg.slug),
            Mentions(reg.key, ordered),
        )
        for reg in vocabulary.regulations()
    }
    for article in articles:
        article.regulations = Cited(article, pages)
    return list(pages.values())


def _prepare(generator: ArticlesGenerator) -> None:
    generator.context["regulation_pages"] = pages_for(generator.articles, generator.settings)


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
            # Counted inside the writer call (its pagination): the texts are read there.
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
    """Connect to Pelican: pages known once the articles are read, written after them."""
    signals.initialized.connect(_publish_url)
    signals.article_generator_finalized.connect(_prepare)
    signals.article_writer_finalized.connect(_write)
