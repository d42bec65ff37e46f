"""The truth for the search-quality evaluation, computed from the Markdown sources alone.

An article is its title and body (what the article template gives Pagefind: the metadata
panel, dates and citation are left out). Its words are cut as Pagefind cuts them (at white
space, punctuation dropped, lower case, without diacritics; a hyphenated word is also its
parts) and reduced to their stems by the Snowball Indonesian stemmer (the ``snowballstemmer``
package, not Pagefind). The documented matching rule (README, "Search") then says which
articles a query must find: those that contain every word of the query with the same stem,
and every phrase as consecutive words. The queries of each class are picked from the
corpus by a fixed rule, so that the evaluation follows the archive it is given.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import snowballstemmer
import yaml

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"[*_`>#]+")


@cache
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("indonesian")


def stem(word: str) -> str:
    return _stemmer().stemWord(word)


def _plain(token: str) -> str:
    token = unicodedata.normalize("NFD", token.lower())
    return "".join(c for c in token if c.isalnum() and not unicodedata.combining(c))


def tokens(text: str) -> list[list[str]]:
    """The words of ``text`` at each position: the word, and the parts of a hyphenated one."""
    out = []
    for raw in text.split():
        word = _plain(raw)
        if not word:
            continue
        parts = [_plain(p) for p in re.split(r"[-‐‑–—/]", raw)]
        out.append([word, *(p for p in parts if p and p != word)])
    return out


@dataclass
class Article:
    url: str  # artikel/<year>/<slug>/
    year: str
    title: str
    names: tuple[str, ...]  # official, short region, source
    positions: list[list[str]]  # stems at each position (see tokens)
    surface: list[str]  # the words, in order (lower case, plain)
    stems: set[str] = field(default_factory=set)

    def has_phrase(self, phrase: list[str]) -> bool:
        n = len(phrase)
        return any(
            all(phrase[k] in self.positions[i + k] for k in range(n))
            for i in range(len(self.positions) - n + 1)
        )


def read_articles(content: Path) -> list[Article]:
    articles = []
    for path in sorted(content.glob("articles/*/*.md")):
        text = path.read_text(encoding="utf-8")
        _, front, body = text.split("---\n", 2)
        meta = yaml.safe_load(front)
        title = str(meta["title"])
        plain = _MARKUP.sub(" ", _LINK.sub(r"\1", body))
        words = tokens(title) + tokens(plain)
        region = str(meta["region"]).removeprefix("Kabupaten ").removeprefix("Kota ")
        art = Article(
            url=f"artikel/{str(meta['date'])[:4]}/{path.stem}/",
            year=str(meta["date"])[:4],
            title=title,
            names=(str(meta["official"]), region, str(meta["source"])),
            positions=[[stem(w) for w in ws] for ws in words],
            surface=[ws[0] for ws in words],
        )
        art.stems = {s for ws in art.positions for s in ws}
        articles.append(art)
    return articles


def parse(query: str) -> list[list[str]]:
    """A query's terms as lists of stems: bare words one by one, a quoted phrase as a run."""
    terms = []
    for k, part in enumerate(re.split(r"[\"“”]", query)):
        words = [_plain(w) for w in part.split()]
        words = [w for w in words if w]
        if k % 2 and len(words) > 1:
            terms.append([stem(w) for w in words])
        else:
            terms.extend([stem(w)] for w in words)
    return terms


def truth(articles: Iterable[Article], query: str) -> set[str]:
    """The URLs of the articles that match ``query`` by the documented rule."""
    terms = parse(query)
    return {
        a.url
        for a in articles
        if terms and all(a.has_phrase(t) if len(t) > 1 else t[0] in a.stems for t in terms)
    }


@dataclass
class Query:
    cls: str
    text: str
    expected: set[str]
    suggestion: str | None = None  # the name "Maksud Anda" must offer (misspelled names)


def _spread(items: list, k: int) -> list:
    """``k`` items spread evenly over ``items`` (all of them when fewer)."""
    if len(items) <= k:
        return items
    return [items[round(i * (len(items) - 1) / (k - 1))] for i in range(k)]


def _misspell(name: str, n: int) -> str:
    """``name`` with one deterministic slip in its longest word: a letter dropped, a letter
    doubled, or two inner letters swapped (by ``n``)."""
    words = name.split()
    i = max(range(len(words)), key=lambda k: len(words[k]))
    w = words[i]
    mid = len(w) // 2
    kind = n % 3
    if kind == 0:
        w = w[:mid] + w[mid + 1 :]
    elif kind == 1:
        w = w[:mid] + w[mid] + w[mid:]
    else:
        w = w[: mid - 1] + w[mid] + w[mid - 1] + w[mid + 1 :]
    words[i] = w
    return " ".join(words)


def queries(articles: list[Article], per_class: int = 6, max_hits: int = 30) -> list[Query]:
    """The evaluation's queries, per class, picked from the corpus by a fixed rule; each
    expects at most ``max_hits`` articles (the page lists them ten at a time)."""
    df: Counter[str] = Counter(s for a in articles for s in a.stems)
    forms: dict[str, Counter[str]] = defaultdict(Counter)  # stem -> surface forms
    for a in articles:
        for word, stems in zip(a.surface, a.positions, strict=True):
            if word.isalpha() and len(word) >= 4:
                forms[stems[0]][word] += 1
    years_of: dict[str, set[str]] = defaultdict(set)
    for a in articles:
        for s in a.stems:
            years_of[s].add(a.year)
    years = {a.year for a in articles}
    usable = sorted(s for s in forms if 1 <= df[s] <= max_hits)
    out: list[Query] = []

    def add(cls: str, text: str, suggestion: str | None = None) -> None:
        out.append(Query(cls, text, truth(articles, text), suggestion))

    # Single words: a stem's most common form, from rare to common.
    for s in _spread(sorted(usable, key=lambda s: (df[s], s)), per_class):
        add("single", forms[s].most_common(1)[0][0])
    # Affixed forms: a stem with several forms, asked for by its rarest form.
    affixed = [s for s in usable if len(forms[s]) > 1]
    for s in _spread(affixed, per_class):
        add("affixed", sorted(forms[s].items(), key=lambda f: (f[1], f[0]))[0][0])
    # ...and by a form no article has: the word with a particle, a possessive or affixes that
    # the stemmer removes again (`arfaknya`, `dipulaukan`).
    surface = {w for a in articles for w in a.surface}
    derived = []
    for s in usable:
        word = forms[s].most_common(1)[0][0]
        for form in (word + "nya", word + "lah", "di" + word + "kan", "ke" + word + "an"):
            if form not in surface and stem(form) == s:
                derived.append(form)
                break
    for form in _spread(derived, per_class):
        add("affixed", form)
    # Names of the archive (officials, regions, outlets) as they appear in the text.
    named = sorted(
        {n for a in articles for n in a.names if _plain(n) and n.lower() in " ".join(a.surface)}
    )
    found_names = [n for n in named if 0 < len(truth(articles, n)) <= max_hits]
    for n in _spread(found_names, per_class):
        add("names", n)
    # Misspelled names: one slip in a name of at least five letters.
    for k, n in enumerate(
        _spread([n for n in found_names if len(max(n.split(), key=len)) >= 6], per_class)
    ):
        add("misspelled", _misspell(n, k), suggestion=n)
    # Phrases: two consecutive words of an article, in quotes (how many articles have each
    # pair of stems is counted once; the truth is computed for the chosen ones only).
    pair_df: Counter[tuple[str, str]] = Counter()
    pair_text: dict[tuple[str, str], str] = {}
    for a in articles:
        pairs = set()
        for i in range(len(a.surface) - 1):
            x, y = a.surface[i], a.surface[i + 1]
            if x.isalpha() and y.isalpha() and len(x) >= 4 and len(y) >= 4:
                key = (a.positions[i][0], a.positions[i + 1][0])
                pairs.add(key)
                pair_text.setdefault(key, f'"{x} {y}"')
        pair_df.update(pairs)
    phrases = sorted(pair_text[k] for k, n in pair_df.items() if n <= max_hits)
    for p in _spread(phrases, per_class):
        add("phrases", p)
    # Words in no article: ones no article has, and corpus words lengthened or shortened
    # (which Pagefind's own search would match by prefix: Sukarni for suka, di for medison).
    for text in ("medison", "xyzzy", "bukitinggi"):
        add("none", text)
    for s in _spread(sorted(s for s in forms if len(s) >= 6), per_class):
        word = forms[s].most_common(1)[0][0]
        for text in (word + "zq", word[:-2]):
            if not truth(articles, text):
                add("none", text)
    # Words in only one year's articles (the other years' slices have no such word).
    if len(years) > 1:
        single_year = [s for s in usable if len(years_of[s]) == 1]
        for s in _spread(single_year, per_class):
            add("one_year", forms[s].most_common(1)[0][0])
    return out


def scores(results: dict[str, tuple[set[str], set[str]]]) -> tuple[float, float]:
    """Micro-averaged precision and recall of (found, expected) pairs; 1.0 when nothing
    was found (precision) or expected (recall)."""
    found = sum(len(f) for f, _ in results.values())
    expected = sum(len(e) for _, e in results.values())
    right = sum(len(f & e) for f, e in results.values())
    return (right / found if found else 1.0, right / expected if expected else 1.0)
