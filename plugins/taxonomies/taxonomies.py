"""Region, province, official, source and election pages, and the links between articles.

Everything is computed once, after Pelican has read the articles
(``article_generator_finalized``), in passes over the article list that are linear in its
length: the groupings are dicts filled in one pass, previous/next come from one sort, and
related articles are chosen from a bounded window of each article's neighbours in its
groups, so the cost per article does not grow with the size of the archive.

What this attaches, for the templates:

- on each article: ``region_term``, ``official_term``, ``source_term``, ``election_term``
  (objects with ``name``, ``slug``, ``url``), ``prev_in_time``, ``next_in_time``,
  ``related_articles`` (at most ``related_max``) and ``citation`` (one line of plain text);
- in the shared context: ``taxonomies`` (the term lists and the regions grouped by
  province) and ``archive_counts`` (articles, regions, officials, sources) for the home page.

Then, once Pelican has written its own pages (``article_writer_finalized``), it writes the
index and detail pages of each taxonomy (details paginated like Pelican's tag pages) and an
Atom feed per region.
"""

from __future__ import annotations

import datetime as dt
import math
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from pelican import signals
from pelican.generators import ArticlesGenerator
from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify
from pelican.writers import Writer

from arsip import dates, registry, tilemap
from arsip.schema import UNKNOWN_SOURCE, vocabulary
from arsip.tilemap import TileMap

from . import people

#: Every setting of the plugin, with its default; ``TAXONOMIES`` in pelicanconf.py overrides
#: any of them (a nested dict is merged key by key).
DEFAULTS: dict[str, Any] = {
    "region": {
        "url": "daerah/{slug}/",
        "save_as": "daerah/{slug}/index.html",
        "index_url": "daerah/",
        "index_save_as": "daerah/index.html",
        "feed_atom": "feeds/daerah/{slug}.atom.xml",
    },
    "official": {
        "url": "pejabat/{slug}/",
        "save_as": "pejabat/{slug}/index.html",
        "index_url": "pejabat/",
        "index_save_as": "pejabat/index.html",
        "feed_atom": "feeds/pejabat/{slug}.atom.xml",
        # A person's feed: their latest articles only, each as its summary.
        "feed_items": 20,
        "feed_summaries": True,
    },
    "source": {
        "url": "sumber/{slug}/",
        "save_as": "sumber/{slug}/index.html",
        "index_url": "sumber/",
        "index_save_as": "sumber/index.html",
        "feed_atom": None,
    },
    "province": {
        "url": "provinsi/{slug}/",
        "save_as": "provinsi/{slug}/index.html",
        "index_url": "provinsi/",
        "index_save_as": "provinsi/index.html",
        "feed_atom": None,
    },
    "election": {
        "url": "pemilihan/{slug}/",
        "save_as": "pemilihan/{slug}/index.html",
        "index_url": "pemilihan/",
        "index_save_as": "pemilihan/index.html",
        "feed_atom": None,
    },
    # Related articles: at most this many per article...
    "related_max": 5,
    # ...chosen among at most this many neighbours in time on each side, in each group the
    # article belongs to (its region, its official, each of its tags). Bounding the window
    # keeps the work per article constant however large a group (a tag on every article) is.
    "related_window": 6,
}

KINDS = ("region", "province", "official", "source", "election")
#: The article field each taxonomy groups by.
FIELD = {
    "region": "region",
    "province": "province",
    "official": "official",
    "source": "source",
    "election": "election",
}
#: Points a shared region, official, source or election adds to an article's relatedness;
#: shared tags add their rarity (see ``_related``).
WEIGHT = {"official": 4.0, "region": 3.0}


def plugin_settings(settings: dict[str, Any]) -> dict[str, Any]:
    """The plugin's settings: DEFAULTS overridden by the TAXONOMIES setting."""
    custom = settings.get("TAXONOMIES") or {}
    out: dict[str, Any] = {}
    for key, default in DEFAULTS.items():
        value = custom.get(key, default)
        out[key] = {**default, **value} if isinstance(default, dict) else value
    return out


@dataclass(eq=False)
class Term:
    """One region, official, source or election, with its articles (newest first)."""

    kind: str
    name: str
    slug: str
    url: str
    save_as: str
    articles: list[Any] = field(default_factory=list)
    feed_url: str | None = None
    feed_save_as: str | None = None
    #: Regions: the province; officials: their roles and regions (most recent first).
    province: str = ""
    roles: list[str] = field(default_factory=list)
    regions: list[Term] = field(default_factory=list)
    unknown: bool = False  # the "Tidak diketahui" source
    #: Elections: their milestones from data/elections.yml (date, end, label).
    milestones: list[dict[str, Any]] = field(default_factory=list)
    #: Provinces: every kabupaten/kota of the province with its count (arsip.tilemap).
    regency_map: TileMap | None = None
    #: Officials: roles over time (people.RoleSpan, most recent first). Officials and regions:
    #: articles per year (people.YearCount, oldest first).
    role_spans: list[people.RoleSpan] = field(default_factory=list)
    timeline: list[people.YearCount] = field(default_factory=list)
    #: Regions: everyone their articles name, the articles per election (Term, count) and the
    #: other kabupaten/kota of the province with articles.
    speakers: list[people.Speaker] = field(default_factory=list)
    election_counts: list[tuple[Term, int]] = field(default_factory=list)
    neighbours: list[Term] = field(default_factory=list)
    #: Officials and regions: their quotes, newest first (set by plugins/quotes), those the
    #: page shows, and the page listing them all when the page shows only the newest.
    quotes: list[Any] = field(default_factory=list)
    quotes_shown: list[Any] = field(default_factory=list)
    quotes_url: str | None = None

    def __str__(self) -> str:
        return self.name

    @property
    def count(self) -> int:
        return len(self.articles)

    @property
    def latest(self) -> Any:
        return self.articles[0]


@dataclass
class Taxonomies:
    """The terms of every kind, each list sorted by name; regions also grouped by province,
    and the provinces laid out as a tile map (``province_map``)."""

    region: list[Term]
    province: list[Term]
    official: list[Term]
    source: list[Term]
    election: list[Term]
    provinces: list[tuple[str, list[Term]]]
    province_map: TileMap | None = None

    def terms(self, kind: str) -> list[Term]:
        return getattr(self, kind)


def _sort_key(name: str) -> tuple[str, str]:
    """Case- and accent-insensitive order, ties broken by the exact name (deterministic)."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return (plain.casefold(), name)


def _unique_slugs(names: Iterable[str], settings: dict[str, Any]) -> dict[str, str]:
    """A slug per name, in name order; two names with the same slug get -2, -3..."""
    # A dot separates words in outlet names ("Langgam.id" -> langgam-id, not langgamid).
    default = DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]
    subs = [(r"\.", " "), *settings.get("SLUG_REGEX_SUBSTITUTIONS", default)]
    taken: dict[str, int] = {}
    out = {}
    for name in sorted(names, key=_sort_key):
        base = slugify(name, regex_subs=subs) or "x"
        n = taken.get(base, 0) + 1
        taken[base] = n
        out[name] = base if n == 1 else f"{base}-{n}"
    return out


def people_of(article: Any) -> list[dict[str, Any]]:
    """Everyone the article names, main official first: dicts with ``id``, ``name``, ``role``
    and ``main``, as the build's validation sets them from the front-matter and the registry
    of people (``article.people``; arsip.schema, arsip.registry)."""
    return article.people


def build_terms(articles: list[Any], settings: dict[str, Any]) -> Taxonomies:
    """Group the articles (newest first) by region, official, source and election."""
    conf = plugin_settings(settings)
    groups: dict[str, dict[str, list[Any]]] = {k: defaultdict(list) for k in KINDS}
    fields = [(groups[kind], FIELD[kind]) for kind in KINDS]
    # Officials: everyone an article names (its main official and its ``people``), by id.
    person_fields = [pair for pair in fields if pair[1] != "official"]
    person_names: dict[str, str] = {}
    for article in articles:
        for group, name in person_fields:
            group[str(getattr(article, name))].append(article)
        for person in people_of(article):
            group = groups["official"][person["id"]]
            # One entry per article, even when it names a person twice.
            if not group or group[-1] is not article:
                group.append(article)
            person_names.setdefault(person["id"], person["name"])
    result: dict[str, list[Term]] = {}
    for kind in KINDS:
        if kind == "official":
            # A person's id is the slug of the page (stable, unique: data/people.yml).
            ids = sorted(person_names, key=lambda i: (*_sort_key(person_names[i]), i))
            slugs = {i: i for i in ids}
        else:
            slugs = _unique_slugs(groups[kind], settings)
        urls = conf[kind]
        terms = []
        for name, slug in slugs.items():  # in name order
            term = Term(
                kind,
                person_names[name] if kind == "official" else name,
                slug,
                urls["url"].format(slug=slug),
                urls["save_as"].format(slug=slug),
                groups[kind][name],
            )
            if urls.get("feed_atom"):
                term.feed_save_as = urls["feed_atom"].format(slug=slug)
                term.feed_url = term.feed_save_as
            term.unknown = kind == "source" and name == UNKNOWN_SOURCE
            terms.append(term)
        result[kind] = terms
    by_name = {kind: {t.name: t for t in result[kind]} for kind in KINDS if kind != "official"}
    by_id = {t.slug: t for t in result["official"]}
    provinces: dict[str, list[Term]] = defaultdict(list)
    for term in result["region"]:
        term.province = str(term.latest.province)
        provinces[term.province].append(term)
    region_counts = {t.name: t.count for t in result["region"]}
    region_urls = {t.name: t.url for t in result["region"]}
    for term in result["province"]:
        term.regency_map = tilemap.regency_tiles(term.name, region_counts, region_urls)
    elections = vocabulary().elections
    for term in result["election"]:
        term.milestones = elections.get(term.name, [])
    people_registry = registry.load()
    for term in result["official"]:
        # Roles and regions in order of the person's most recent article with them.
        roles: dict[str, None] = {}
        regions: dict[str, None] = {}
        for article in term.articles:
            for person in people_of(article):
                if person["id"] == term.slug:
                    roles.setdefault(person["role"])
            regions.setdefault(str(article.region))
        term.roles = list(roles)
        term.regions = [by_name["region"][r] for r in regions]
        known = people_registry.person(term.slug)
        term.role_spans = people.role_spans(
            term, people_of, by_name["region"], known.roles if known else ()
        )
        term.timeline = people.mini_timeline(term.articles)
    for term in result["region"]:
        term.timeline = people.mini_timeline(term.articles)
        term.speakers = people.speakers(term, people_of, by_id)
        term.election_counts = people.election_counts(term, by_name["election"])
        term.neighbours = people.neighbours(term, provinces[term.province])
    for kind in KINDS:
        if kind == "official":
            continue
        attribute = f"{kind}_term"
        for term in result[kind]:
            for article in term.articles:
                setattr(article, attribute, term)
    for article in articles:
        # Everyone the article names, main official first: (term, role) pairs.
        article.people_terms = [(by_id[p["id"]], p["role"]) for p in people_of(article)]
        article.official_term = article.people_terms[0][0]
    return Taxonomies(
        **result,
        provinces=sorted(provinces.items(), key=lambda item: _sort_key(item[0])),
        province_map=tilemap.province_map(
            {t.name: t.count for t in result["province"]},
            {t.name: t.url for t in result["province"]},
        ),
    )


def chronological(articles: list[Any]) -> list[Any]:
    """Oldest first; articles of the same day in the order of their URL (deterministic)."""
    return sorted(articles, key=lambda a: (a.date, a.url))


def link_in_time(ordered: list[Any]) -> None:
    """``prev_in_time`` and ``next_in_time`` on each article of a chronological list."""
    for i, article in enumerate(ordered):
        article.prev_in_time = ordered[i - 1] if i > 0 else None
        article.next_in_time = ordered[i + 1] if i + 1 < len(ordered) else None


def _related(
    ordered: list[Any], max_items: int, window: int, urls: list[str] | None = None
) -> None:
    """``related_articles`` on each article: those sharing its official, region or tags.

    Score: 4 for the same official, 3 for the same region, and for each shared tag its
    rarity, log((N + 1) / articles with the tag), so that a tag on every article counts for
    almost nothing. Candidates are the ``window`` nearest articles in time on each side in
    each of the article's groups (so O(N x groups x window) overall, never O(N^2)). Ties go
    to the nearer date, then to the URL.

    ``urls``: each article's URL, when known already (computing one is not free).

    Works on integers: with 10,000+ articles, attribute look-ups, string comparisons and
    tuples in the inner loop would dominate. An article's tags are bits of one integer (the
    shared tags of two articles: one ``&``), and each candidate's rank (score, distance in
    days, URL) is one integer, so that choosing the best is sorting integers.
    """
    ids: dict[tuple[str, str], int] = {}
    officials: list[int] = []
    regions: list[int] = []
    tag_masks: list[int] = []  # article -> its tags, as bits
    tag_bits: dict[int, int] = {}  # group id of a tag -> its bit
    bit_groups: list[int] = []  # bit -> group id
    days: list[int] = []
    groups: list[list[int]] = []  # group id -> chronological article indexes
    member_of: list[list[tuple[int, int]]] = []  # article -> (group id, position in it)

    def group(key: tuple[str, str]) -> int:
        gid = ids.get(key)
        if gid is None:
            gid = ids[key] = len(groups)
            groups.append([])
        return gid

    for i, article in enumerate(ordered):  # chronological, so each group's list is too
        official = group(("official", str(article.official)))
        region = group(("region", str(article.region)))
        tags = [group(("tag", str(t))) for t in getattr(article, "tags", [])]
        officials.append(official)
        regions.append(region)
        mask = 0
        for gid in tags:
            bit = tag_bits.get(gid)
            if bit is None:
                bit = tag_bits[gid] = len(bit_groups)
                bit_groups.append(gid)
            mask |= 1 << bit
        tag_masks.append(mask)
        days.append(article.date.toordinal())
        memberships = []
        for gid in (official, region, *tags):
            memberships.append((gid, len(groups[gid])))
            groups[gid].append(i)
        member_of.append(memberships)
    total = len(ordered)
    if not total:
        return
    # Integer points (thousandths) so that sums are exact and the order never depends on
    # floating-point rounding.
    rarity = [round(1000 * math.log((total + 1) / len(members))) for members in groups]
    common = round(1000 * math.log(2))  # rarity of a group with about half the articles
    same_official, same_region = round(1000 * WEIGHT["official"]), round(1000 * WEIGHT["region"])
    points = _SharedPoints(rarity, bit_groups)  # shared tags (bits) -> their rarities' sum
    # A group holding most of the archive (a tag on every article) says little about
    # relatedness: a narrower window there keeps the candidates few.
    widths = [window if r >= common else 2 for r in rarity]
    # rank = ((top - score) * day_span + distance) * total + URL order: ascending rank is
    # descending score, then nearer date, then URL, as the (-score, distance, URL) tuples.
    top = same_official + same_region + sum(rarity[gid] for gid in bit_groups) + 1
    day_span = max(days) - min(days) + 1
    if urls is None:
        urls = [a.url for a in ordered]
    by_url = sorted(range(total), key=urls.__getitem__)
    url_order = [0] * total
    for position, j in enumerate(by_url):
        url_order[j] = position
    for i, article in enumerate(ordered):
        candidates: set[int] = set()
        for gid, pos in member_of[i]:
            w = widths[gid]
            candidates.update(groups[gid][max(0, pos - w) : pos + w + 1])
        candidates.discard(i)
        official, region, mask, day = officials[i], regions[i], tag_masks[i], days[i]
        ranks = [
            (
                (
                    top
                    - points[mask & tag_masks[j]]
                    - (same_official if officials[j] == official else 0)
                    - (same_region if regions[j] == region else 0)
                )
                * day_span
                + abs(days[j] - day)
            )
            * total
            + url_order[j]
            for j in candidates
        ]
        ranks.sort()
        article.related_articles = [ordered[by_url[r % total]] for r in ranks[:max_items]]


class _SharedPoints(dict[int, int]):
    """Shared tags (bits of an integer) -> the sum of their rarities, computed once each."""

    def __init__(self, rarity: list[int], bit_groups: list[int]):
        super().__init__()
        self.rarity, self.bit_groups = rarity, bit_groups

    def __missing__(self, shared: int) -> int:
        value = sum(self.rarity[gid] for b, gid in enumerate(self.bit_groups) if shared >> b & 1)
        self[shared] = value
        return value


@cache
def _medium_date(day: dt.date) -> str:
    """Babel's Indonesian date, once per day (formatting is slow; many articles share a day)."""
    return dates.medium_date(day)


def citation(
    article: Any, settings: dict[str, Any], strings: dict[str, str], url: str | None = None
) -> str:
    """One line of plain text to cite the article: who, role, title, outlet, date, URL
    (``url``: the article's, when known already)."""
    siteurl = settings.get("SITEURL", "")
    source = str(article.source)
    if source == UNKNOWN_SOURCE:
        source = strings.get("unknown_source", source)
    return strings["citation"].format(
        official=article.official,
        role=article.role,
        region=article.region,
        title=article.title,
        source=source,
        date=_medium_date(article.date.date() if hasattr(article.date, "date") else article.date),
        site=settings.get("SITENAME", ""),
        url=f"{siteurl}/{article.url if url is None else url}",
    )


# --------------------------------------------------------------------------- signals


def _prepare(generator: ArticlesGenerator) -> None:
    """Group, link and cite every article; put the lists and counts in the context."""
    settings = generator.settings
    conf = plugin_settings(settings)
    # Each URL once (Pelican formats it from the metadata at every access).
    url_of = {id(a): a.url for a in generator.articles}
    # Newest first, ties in URL order: the order of every list page and feed of this plugin.
    articles = sorted(generator.articles, key=lambda a: (a.date, url_of[id(a)]), reverse=True)
    taxonomies = build_terms(articles, settings)
    ordered = articles[::-1]
    link_in_time(ordered)
    urls = [url_of[id(a)] for a in ordered]
    _related(ordered, conf["related_max"], conf["related_window"], urls)
    strings = settings.get("JINJA_GLOBALS", {}).get("T", {})
    for article, url in zip(ordered, urls, strict=True):
        article.citation = citation(article, settings, strings, url)
    generator.context["taxonomies"] = taxonomies
    # Tag pages show their definition from data/tags.yml.
    generator.context["tag_definitions"] = vocabulary().tags
    generator.context["archive_counts"] = {
        "articles": len(articles),
        "regions": len(taxonomies.region),
        "officials": len(taxonomies.official),
        "sources": len([t for t in taxonomies.source if not t.unknown]),
    }


def _write(generator: ArticlesGenerator, writer: Writer) -> None:
    """Write each taxonomy's index page, its detail pages and the region feeds."""
    taxonomies: Taxonomies | None = generator.context.get("taxonomies")
    if taxonomies is None:
        return
    conf = plugin_settings(generator.settings)
    relative = generator.settings.get("RELATIVE_URLS", False)
    for kind in KINDS:
        terms = taxonomies.terms(kind)
        writer.write_file(
            conf[kind]["index_save_as"],
            generator.get_template(f"{kind}s"),
            generator.context,
            relative_urls=relative,
            # Paginated when PAGINATED_TEMPLATES names the index (officials, sources: their
            # number grows with the archive), as ``terms_page``; whole otherwise.
            paginated={"terms": terms},
            terms=terms,
            url=conf[kind]["index_url"],
            template_name=f"{kind}s",
        )
        template = generator.get_template(kind)
        for term in terms:
            writer.write_file(
                term.save_as,
                template,
                generator.context,
                relative_urls=relative,
                paginated={"articles": term.articles},
                template_name=kind,
                url=term.url,
                term=term,
                articles=term.articles,
            )
            if term.feed_save_as:
                entries = term.articles
                if conf[kind].get("feed_summaries"):
                    entries = [SummaryEntry(a) for a in entries[: conf[kind]["feed_items"]]]
                writer.write_feed(
                    entries,
                    generator.context,
                    term.feed_save_as,
                    term.feed_url,
                    feed_title=term.name,
                )


class SummaryEntry:
    """An article as a feed entry of its summary only: Pelican's feed writer puts what
    ``get_content`` returns in the entry (its full text, for an article). Everything else is
    the article's, read when the feed is written (so the preview, plugins/pelican_speed,
    sees which article's text the feed shows)."""

    def __init__(self, article: Any):
        self.article = article

    def __getattr__(self, name: str) -> Any:
        # Not for `article` itself or special names: an entry being unpickled or copied has
        # no `article` yet.
        if name == "article" or name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.article, name)

    def get_content(self, siteurl: str) -> str:
        return self.article.summary


def _publish_urls(pelican: Any) -> None:
    """REGIONS_URL, OFFICIALS_URL, SOURCES_URL, ELECTIONS_URL for the templates' links
    (settings become the template context, so every page, even the 404, has them)."""
    conf = plugin_settings(pelican.settings)
    for kind in KINDS:
        pelican.settings[f"{kind.upper()}S_URL"] = conf[kind]["index_url"]


def register() -> None:
    """Connect to Pelican: compute after reading, write after Pelican's own pages."""
    signals.initialized.connect(_publish_urls)
    signals.article_generator_finalized.connect(_prepare)
    signals.article_writer_finalized.connect(_write)
