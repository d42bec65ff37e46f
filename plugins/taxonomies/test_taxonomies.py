"""The taxonomies plugin in a real (tiny) build: term pages, feeds, links, related, citation."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from types import SimpleNamespace

import feedparser
import pytest

from taxonomies.taxonomies import _related, _unique_slugs, plugin_settings
from tools.build import build, settings_for

BASE = {
    "province": "Sumatera Barat",
    "role": "Pj Wali Kota",
    "source": "Langgam.id",
    "election": "Pilkada 2024",
    "tags": "[netralitas ASN]",
}


def write_article(content: Path, slug: str, date: str, **fields: str) -> None:
    meta = {"title": f"Judul artikel {slug}", "date": date, **BASE, **fields}
    lines = "\n".join(f"{k}: {v}" for k, v in meta.items())
    folder = content / "articles" / date[:4]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{slug}.md").write_text(
        f"---\n{lines}\n---\nIsi artikel {slug} yang cukup panjang.\n", encoding="utf-8"
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("tax")
    content = root / "content"
    (content / "pages").mkdir(parents=True)
    padang = {"region": "Kota Padang", "official": "Andree Algamar"}
    write_article(content, "padang-satu", "2024-07-04", **padang, tags="[netralitas ASN, ikrar]")
    write_article(content, "padang-dua", "2024-08-01", **padang, tags="[netralitas ASN, apel]")
    write_article(
        content,
        "padang-tiga",
        "2024-09-02",
        region="Kota Padang",
        official="Yosefriawan",
        role="Sekretaris Daerah",
        source="Tidak diketahui",
    )
    write_article(
        content,
        "bengkulu",
        "2020-10-13",
        region="Kabupaten Bengkulu Selatan",
        province="Bengkulu",
        official="Andree Algamar",
        role="Pjs Bupati",
        source="Radar Bengkulu",
        election="Pilkada 2020",
        tags="[netralitas ASN, ikrar]",
    )
    # Two articles per page on region pages, to exercise pagination.
    paginated = {**settings_for()["PAGINATED_TEMPLATES"], "region": 2, "officials": 1}
    return build(
        content=content,
        output=root / "out",
        siteurl="https://example.org/arsip",
        PAGINATED_TEMPLATES=paginated,
    )


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def article_links(html: str) -> list[str]:
    """The article URLs listed in a page's main article list, in order."""
    main = html.split('<main id="isi"', 1)[1].split("</main>", 1)[0]
    return re.findall(
        r'class="article-item-title"><a href="https://example.org/arsip/([^"]+)"', main
    )


def test_region_pages_list_their_articles_newest_first_and_paginate(site: Path) -> None:
    first = read(site, "daerah/kota-padang/index.html")
    second = read(site, "daerah/kota-padang/halaman/2/index.html")
    assert article_links(first) == [
        "artikel/2024/padang-tiga/",
        "artikel/2024/padang-dua/",
    ]
    assert article_links(second) == ["artikel/2024/padang-satu/"]
    assert 'href="https://example.org/arsip/daerah/kota-padang/halaman/2/"' in first
    assert "Provinsi Sumatera Barat" in first
    assert article_links(read(site, "daerah/kabupaten-bengkulu-selatan/index.html")) == [
        "artikel/2020/bengkulu/"
    ]


def test_region_index_groups_by_province_with_counts(site: Path) -> None:
    html = read(site, "daerah/index.html")
    bengkulu, sumbar = html.index(">Bengkulu</a></h2>"), html.index(">Sumatera Barat</a></h2>")
    assert bengkulu < html.index("Kabupaten Bengkulu Selatan") < sumbar
    assert sumbar < html.index('Kota Padang</a> <span class="count">3 artikel')


def test_official_pages_show_roles_and_regions(site: Path) -> None:
    html = read(site, "pejabat/andree-algamar/index.html")
    assert article_links(html) == [
        "artikel/2024/padang-dua/",
        "artikel/2024/padang-satu/",
        "artikel/2020/bengkulu/",
    ]
    assert "Pj Wali Kota, Pjs Bupati" in html
    assert 'href="https://example.org/arsip/daerah/kabupaten-bengkulu-selatan/"' in html
    # The index is paginated (one official per page here), in name order.
    first, second = read(site, "pejabat/index.html"), read(site, "pejabat/halaman/2/index.html")
    assert ">Andree Algamar</a>" in first and "Yosefriawan" not in first
    assert ">Yosefriawan</a>" in second and "Sekretaris Daerah · Kota Padang" in second
    assert 'href="https://example.org/arsip/pejabat/halaman/2/"' in first


def test_unknown_source_has_its_own_labelled_page(site: Path) -> None:
    html = read(site, "sumber/tidak-diketahui/index.html")
    assert "<h1>Sumber tidak diketahui</h1>" in html
    assert "tidak menyebutkan media" in html
    assert article_links(html) == ["artikel/2024/padang-tiga/"]
    assert ">Sumber tidak diketahui</a>" in read(site, "sumber/index.html")


def test_election_pages_list_articles_and_milestones(site: Path) -> None:
    html = read(site, "pemilihan/pilkada-2020/index.html")
    assert article_links(html) == ["artikel/2020/bengkulu/"]
    assert "Hari pemungutan suara" in html and "9 Desember 2020" in html
    assert "Pilkada 2024" in read(site, "pemilihan/index.html")


def test_region_feed_parses_and_lists_its_articles(site: Path) -> None:
    feed = feedparser.parse(read(site, "feeds/daerah/kota-padang.atom.xml"))
    assert not feed.bozo
    assert [e.link for e in feed.entries] == [
        "https://example.org/arsip/artikel/2024/padang-tiga/",
        "https://example.org/arsip/artikel/2024/padang-dua/",
        "https://example.org/arsip/artikel/2024/padang-satu/",
    ]
    html = read(site, "daerah/kota-padang/index.html")
    assert 'href="https://example.org/arsip/feeds/daerah/kota-padang.atom.xml"' in html


def test_article_links_terms_neighbours_and_related(site: Path) -> None:
    html = read(site, "artikel/2024/padang-dua/index.html")
    for href in (
        "daerah/kota-padang/",
        "pejabat/andree-algamar/",
        "sumber/langgam-id/",
        "pemilihan/pilkada-2024/",
        "tag/apel/",
    ):
        assert f'href="https://example.org/arsip/{href}"' in html
    assert 'rel="prev" href="https://example.org/arsip/artikel/2024/padang-satu/"' in html
    assert 'rel="next" href="https://example.org/arsip/artikel/2024/padang-tiga/"' in html
    related = html.split('class="related"', 1)[1]
    # Same official and region first (padang-satu), then the same official elsewhere
    # (bengkulu, 4 points), then the same region (padang-tiga, 3 points).
    assert re.findall(r'href="https://example.org/arsip/(artikel/[^"]+)"', related) == [
        "artikel/2024/padang-satu/",
        "artikel/2020/bengkulu/",
        "artikel/2024/padang-tiga/",
    ]


def test_citation_is_one_plain_line(site: Path) -> None:
    html = read(site, "artikel/2024/padang-tiga/index.html")
    line = re.search(r'<p class="citation-text">([^<]*)</p>', html).group(1)
    assert line == (
        "Yosefriawan (Sekretaris Daerah, Kota Padang). “Judul artikel padang-tiga”. "
        "Sumber tidak diketahui, 2 September 2024. Diarsipkan di Arsip Netralitas ASN: "
        "https://example.org/arsip/artikel/2024/padang-tiga/"
    )
    # The oldest and the newest article have one neighbour only.
    assert 'rel="next"' not in html
    assert 'rel="prev"' not in read(site, "artikel/2020/bengkulu/index.html")


def test_home_page_counts(site: Path) -> None:
    html = read(site, "index.html")
    counts = dict(
        (label, int(n))
        for n, label in re.findall(r"<strong>(\d+)</strong> (artikel|daerah|pejabat|sumber)", html)
    )
    # Sources: the unknown one is not an outlet.
    assert counts == {"artikel": 4, "daerah": 2, "pejabat": 2, "sumber": 2}


def test_slugs_stay_unique() -> None:
    slugs = _unique_slugs(["Kota Padang", "Kota-Padang", "Kota padang"], {})
    assert sorted(slugs.values()) == ["kota-padang", "kota-padang-2", "kota-padang-3"]
    assert slugs["Kota Padang"] == "kota-padang"


def test_settings_merge_with_defaults() -> None:
    conf = plugin_settings({"TAXONOMIES": {"region": {"url": "wilayah/{slug}/"}}})
    assert conf["region"]["url"] == "wilayah/{slug}/"
    assert conf["region"]["save_as"] == "daerah/{slug}/index.html"
    assert conf["related_max"] == 5


def test_related_looks_only_at_a_window_of_neighbours() -> None:
    """With one tag on every article, candidates come from a bounded window, not all N."""

    start = dt.date(2020, 1, 1)
    articles = [
        SimpleNamespace(
            official=f"Pejabat {i % 50}",
            region=f"Daerah {i % 30}",
            tags=["netralitas ASN", f"tag {i % 7}"],
            date=start + dt.timedelta(days=i),
            url=f"a/{i:05d}/",
        )
        for i in range(3000)
    ]
    window = 4
    _related(articles, 5, window)
    for a in articles:
        assert len(a.related_articles) == 5
        assert a not in a.related_articles
        # Every related article lies within the window in one of the shared groups: at most
        # `window` group members away, so never more than window * group spacing days.
        for other in a.related_articles:
            assert abs((other.date - a.date).days) <= window * 50
    # Same official first (a shared official outweighs any tag).
    assert articles[1000].related_articles[0].official == articles[1000].official


def _related_by_definition(ordered: list, max_items: int, window: int) -> list[list]:
    """The related articles as the docstring of ``_related`` defines them, computed the plain
    way (scores as floats summed in a fixed order would differ in rounding: integer
    thousandths, as the plugin does)."""
    import math

    total = len(ordered)
    members: dict[tuple[str, str], list[int]] = {}
    keys_of = []
    for i, a in enumerate(ordered):
        keys = [("official", a.official), ("region", a.region)]
        keys += [("tag", t) for t in a.tags]
        for key in keys:
            members.setdefault(key, []).append(i)
        keys_of.append(keys)
    rarity = {k: round(1000 * math.log((total + 1) / len(v))) for k, v in members.items()}
    common = round(1000 * math.log(2))
    out = []
    for i, a in enumerate(ordered):
        candidates = set()
        for key in keys_of[i]:
            pos = members[key].index(i)
            w = window if rarity[key] >= common else 2
            candidates.update(members[key][max(0, pos - w) : pos + w + 1])
        candidates.discard(i)

        def rank(j: int, a: object = a) -> tuple:
            b = ordered[j]
            score = sum(rarity[("tag", t)] for t in set(a.tags) & set(b.tags))
            score += 4000 if b.official == a.official else 0
            score += 3000 if b.region == a.region else 0
            return (-score, abs((b.date - a.date).days), b.url)

        out.append([ordered[j] for j in sorted(candidates, key=rank)[:max_items]])
    return out


def test_related_follows_its_definition_on_random_archives() -> None:
    """Scores, then nearer date, then URL: many ties (same day, same groups) included."""
    import random

    rnd = random.Random(11)
    for size in (0, 1, 2, 7, 300):
        start = dt.date(2020, 1, 1)
        ordered = sorted(
            (
                SimpleNamespace(
                    official=f"Pejabat {rnd.randrange(12)}",
                    region=f"Daerah {rnd.randrange(9)}",
                    tags=rnd.sample(["a", "b", "c", "d", "e", "f"], rnd.randint(1, 3)),
                    date=start + dt.timedelta(days=rnd.randrange(60)),
                    url=f"a/{rnd.randrange(10**6):06d}-{n}/",
                )
                for n in range(size)
            ),
            key=lambda a: (a.date, a.url),
        )
        expected = _related_by_definition(ordered, 5, 3)
        _related(ordered, 5, 3)
        assert [a.related_articles for a in ordered] == expected
