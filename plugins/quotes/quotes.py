"""Who said what, where and when: every direct quote of the archive, browsable.

The articles' quotes (``article.quotes``, set by the build's validation from the front-matter,
arsip.schema) become :class:`Quote` records once the taxonomies are built, newest first
(articles newest first, each article's quotes in its order). Each person and region term gets
its quotes (``term.quotes``), the newest of which its page shows (``term.quotes_shown``).

Pages, under ``kutipan/``, so that each quote is written in full on few pages and no page
grows without bound:

- ``kutipan/``: how many quotes, by whom, where; the newest quotes; the elections, regions and
  people to browse by;
- ``kutipan/pemilihan/<slug>/``: every quote of an election (paginated; together these pages
  list every quote once);
- ``kutipan/daerah/`` and ``kutipan/pejabat/``: the regions (by province) and the people
  (paginated) with their number of quotes, each linking to where their quotes are listed;
- ``kutipan/daerah/<slug>/`` and ``kutipan/pejabat/<id>/``: all the quotes of a region or a
  person, written only when their own page shows just the newest (``term.quotes_url``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from pelican import signals
from pelican.generators import ArticlesGenerator
from pelican.writers import Writer

#: Settings (``QUOTES`` in pelicanconf.py overrides any of them).
DEFAULTS: dict[str, Any] = {
    "url": "kutipan/",
    "save_as": "kutipan/index.html",
    "election_url": "kutipan/pemilihan/{slug}/",
    "election_save_as": "kutipan/pemilihan/{slug}/index.html",
    "region_url": "kutipan/daerah/{slug}/",
    "region_save_as": "kutipan/daerah/{slug}/index.html",
    "person_url": "kutipan/pejabat/{slug}/",
    "person_save_as": "kutipan/pejabat/{slug}/index.html",
    "regions_url": "kutipan/daerah/",
    "regions_save_as": "kutipan/daerah/index.html",
    "people_url": "kutipan/pejabat/",
    "people_save_as": "kutipan/pejabat/index.html",
    # The newest quotes the index, a person's page and a region's page show; a person or
    # region with more gets a page of all its quotes.
    "index_shown": 10,
    "person_shown": 20,
    "region_shown": 10,
}


def plugin_settings(settings: dict[str, Any]) -> dict[str, Any]:
    """The plugin's settings: DEFAULTS overridden by the QUOTES setting."""
    return {**DEFAULTS, **(settings.get("QUOTES") or {})}


class QuoteError(ValueError):
    """An article's quote names nobody the article names (the build's validation prevents it)."""


@dataclass(eq=False)
class Quote:
    """One direct quote: its words, who said them in which role, in which article."""

    article: Any
    number: int  # 1-based, in the article's order
    text: str
    speaker: Any  # the person's Term (plugins/taxonomies)
    role: str
    region: Any  # Term
    election: Any  # Term

    @property
    def date(self) -> Any:
        return self.article.date


@dataclass
class Listing:
    """A page listing quotes: its heading, what it belongs to, its quotes (newest first)."""

    kind: str  # "election", "region" or "person"
    term: Any
    url: str
    save_as: str
    quotes: list[Quote]


@dataclass
class QuoteIndex:
    """Everything the quote pages render."""

    quotes: list[Quote]  # every quote, newest first
    elections: list[Listing]  # newest election first
    regions: list[tuple[str, list[tuple[Any, int, str]]]]  # province -> (term, n, url)
    people: list[tuple[Any, int, str]]  # (term, n, url), by name
    pages: list[Listing]  # region and person pages of all their quotes
    urls: dict[str, str]

    @property
    def speaker_count(self) -> int:
        return len(self.people)

    @property
    def region_count(self) -> int:
        return sum(len(listed) for _, listed in self.regions)


def quotes_of(article: Any) -> list[dict[str, Any]]:
    """The article's quotes as the build's validation sets them (none when it has none)."""
    return list(getattr(article, "quotes", None) or [])


def collect(articles: list[Any], people: dict[str, Any]) -> list[Quote]:
    """Every quote, newest article first and in article order within one; ``people`` maps
    a person id to its Term. Sets ``quote_speakers`` on each article (names, in order)."""
    ordered = sorted(articles, key=lambda a: (a.date, a.url), reverse=True)
    out = []
    for article in ordered:
        # The names of the people it quotes, once each in order: the search page's filter.
        speakers: dict[str, None] = {}
        for n, quote in enumerate(quotes_of(article), 1):
            speaker = people.get(quote.get("speaker_id") or "")
            if speaker is None:
                raise QuoteError(
                    f"{article.source_path}: quotes: quote {n} by {quote.get('speaker')!r} "
                    "names nobody the article names: add the speaker to `people`"
                )
            out.append(
                Quote(
                    article,
                    int(quote.get("number") or n),
                    str(quote["text"]),
                    speaker,
                    str(quote.get("role") or ""),
                    article.region_term,
                    article.election_term,
                )
            )
            speakers.setdefault(speaker.name)
        article.quote_speakers = list(speakers)
    return out


def build_index(quotes: list[Quote], taxonomies: Any, conf: dict[str, Any]) -> QuoteIndex:
    """Attach each person's and region's quotes to its term and lay out the quote pages."""
    by_person: dict[Any, list[Quote]] = defaultdict(list)
    by_region: dict[Any, list[Quote]] = defaultdict(list)
    by_election: dict[Any, list[Quote]] = defaultdict(list)
    for q in quotes:  # newest first, so each list is too
        by_person[q.speaker].append(q)
        by_region[q.region].append(q)
        by_election[q.election].append(q)
    pages: list[Listing] = []

    def attach(term: Any, found: list[Quote], kind: str, shown: int) -> str:
        term.quotes, term.quotes_shown = found, found[:shown]
        term.quotes_url = None
        if len(found) > shown:
            url = conf[f"{kind}_url"].format(slug=term.slug)
            save_as = conf[f"{kind}_save_as"].format(slug=term.slug)
            pages.append(Listing(kind, term, url, save_as, found))
            term.quotes_url = url
            return url
        return f"{term.url}#kutipan"

    people = []
    for term in taxonomies.official:  # by name
        if by_person.get(term):
            url = attach(term, by_person[term], "person", conf["person_shown"])
            people.append((term, len(term.quotes), url))
    regions = []
    for province, terms in taxonomies.provinces:
        listed = []
        for term in terms:
            if by_region.get(term):
                url = attach(term, by_region[term], "region", conf["region_shown"])
                listed.append((term, len(term.quotes), url))
        if listed:
            regions.append((province, listed))
    elections = [
        Listing(
            "election",
            term,
            conf["election_url"].format(slug=term.slug),
            conf["election_save_as"].format(slug=term.slug),
            by_election[term],
        )
        for term in taxonomies.election
        if by_election.get(term)
    ]
    elections.sort(key=lambda e: (e.quotes[0].date, e.term.name), reverse=True)
    urls = {k: conf[k] for k in ("url", "regions_url", "people_url")}
    return QuoteIndex(quotes, elections, regions, people, pages, urls)


# --------------------------------------------------------------------------- signals


def _prepare(generator: ArticlesGenerator) -> None:
    """Once the taxonomies are built (plugins/taxonomies, listed before this plugin)."""
    taxonomies = generator.context.get("taxonomies")
    if taxonomies is None:
        return
    conf = plugin_settings(generator.settings)
    people = {t.slug: t for t in taxonomies.official}
    quotes = collect(generator.articles, people)
    generator.context["quote_index"] = build_index(quotes, taxonomies, conf)


def _write(generator: ArticlesGenerator, writer: Writer) -> None:
    """Write the quote index, its browse pages and the listings."""
    index: QuoteIndex | None = generator.context.get("quote_index")
    if index is None:
        return
    conf = plugin_settings(generator.settings)
    relative = generator.settings.get("RELATIVE_URLS", False)

    def write(save_as: str, template: str, url: str, **kwargs: Any) -> None:
        writer.write_file(
            save_as,
            generator.get_template(template),
            generator.context,
            relative_urls=relative,
            template_name=template,
            url=url,
            **kwargs,
        )

    write(
        conf["save_as"],
        "quotes",
        conf["url"],
        index=index,
        newest=index.quotes[: conf["index_shown"]],
    )
    write(conf["regions_save_as"], "quote_regions", conf["regions_url"], index=index)
    write(
        conf["people_save_as"],
        "quote_people",
        conf["people_url"],
        index=index,
        paginated={"terms": index.people},
        terms=index.people,
    )
    for listing in [*index.elections, *index.pages]:
        write(
            listing.save_as,
            "quote_list",
            listing.url,
            index=index,
            listing=listing,
            paginated={"quotes": listing.quotes},
            quotes=listing.quotes,
        )


def _publish_url(pelican: Any) -> None:
    """QUOTES_URL for the templates' links (settings become the template context)."""
    pelican.settings["QUOTES_URL"] = plugin_settings(pelican.settings)["url"]


def register() -> None:
    """Connect to Pelican: after the taxonomies (compute), after the articles (write)."""
    signals.initialized.connect(_publish_url)
    signals.article_generator_finalized.connect(_prepare)
    signals.article_writer_finalized.connect(_write)
