"""Person, region and quote pages, feeds and open data in a real (tiny) build: quotes where
there are some, nothing where there are none, two people with one name on two pages."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import feedparser
import pytest

from arsip.testing import data_dir, using_data
from tools.build import build, settings_for

URL = "https://example.org/arsip"

#: Two people named Ahmad Yani (two ids), and the registry's term of office of one of them.
PEOPLE = """
- id: ahmad-yani-kota-padang
  name: Ahmad Yani
  roles:
    - {role: Sekretaris Daerah, region: Kota Padang, start: 2023-01-02}
  distinct_from: [ahmad-yani-kabupaten-agam]
- id: ahmad-yani-kabupaten-agam
  name: Ahmad Yani
  roles:
    - {role: Sekretaris Daerah, region: Kabupaten Agam, start: 2019-03-01, end: 2021-03-01}
  distinct_from: [ahmad-yani-kota-padang]
"""

ARTICLES = {
    # Quotes by the main official and by a person the article names besides him.
    "2024/padang-apel": """---
title: Pj Wali Kota Padang Minta ASN Netral
date: 2024-07-04
region: Kota Padang
province: Sumatera Barat
official: Andree Algamar
role: Pj Wali Kota
source: Langgam.id
election: Pilkada 2024
tags: [netralitas ASN]
people:
  - person: ahmad-yani-kota-padang
    role: Sekretaris Daerah
quotes:
  - speaker: Andree Algamar
    text: "Kami minta seluruh ASN menjaga netralitas,"
  - speaker: ahmad-yani-kota-padang
    text: "ASN dilarang berpolitik praktis,"
---
"Kami minta seluruh ASN menjaga netralitas," kata Andree Algamar di Padang.

Sekretaris Daerah Ahmad Yani menambahkan, "ASN dilarang berpolitik praktis," ujarnya.

Sosialisasi diikuti pimpinan perangkat daerah, camat, dan lurah se-Kota Padang, lalu ditutup
dengan pembacaan ikrar netralitas dan penandatanganan pakta integritas oleh seluruh peserta
yang hadir di gedung pertemuan pada pagi itu.

Penutup laporan ini tidak masuk ringkasan.
""",
    "2024/padang-ikrar": """---
title: Ikrar Netralitas ASN Kota Padang
date: 2024-10-03
region: Kota Padang
province: Sumatera Barat
official: Andree Algamar
role: Pj Wali Kota
source: Langgam.id
election: Pilkada 2024
tags: [netralitas ASN, ikrar]
---
Ikrar netralitas dibacakan di halaman balai kota tanpa sambutan.
""",
    "2020/agam": """---
title: Sekda Agam Ingatkan ASN
date: 2020-10-13
region: Kabupaten Agam
province: Sumatera Barat
official: ahmad-yani-kabupaten-agam
role: Sekretaris Daerah
source: Langgam.id
election: Pilkada 2020
tags: [netralitas ASN]
---
Sekretaris daerah mengingatkan ASN tentang netralitas dalam rapat.
""",
    "2024/bengkulu": """---
title: Pjs Bupati Bengkulu Selatan Ingatkan ASN
date: 2024-11-04
region: Kabupaten Bengkulu Selatan
province: Bengkulu
official: Sisardi
role: Pjs Bupati
source: Langgam.id
election: Pilkada 2024
tags: [netralitas ASN]
---
Pjs Bupati mengingatkan ASN tentang netralitas dalam apel pagi.
""",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("quotes")
    content = root / "content"
    (content / "pages").mkdir(parents=True)
    for name, text in ARTICLES.items():
        path = content / "articles" / f"{name}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    with using_data(data_dir(root / "data", people=PEOPLE)):
        # A region page shows its newest quote only: the others on a page of their own.
        quotes = {"region_shown": 1}
        return build(content=content, output=root / "out", siteurl=URL, QUOTES=quotes)


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def main_of(html: str) -> str:
    return html.split('<main id="isi"', 1)[1].split("</main>", 1)[0]


def section(html: str, ident: str) -> str:
    """The <section> whose heading has id ``ident`` ("" when the page has none)."""
    m = re.search(rf'<section[^>]*aria-labelledby="{ident}".*?</section>', html, re.S)
    return m.group(0) if m else ""


def quotes_in(html: str) -> list[str]:
    return re.findall(r'<blockquote class="quote-text"><p>(.*?)</p></blockquote>', html)


def test_person_page_has_roles_over_time_quotes_timeline_and_feed(site: Path) -> None:
    html = main_of(read(site, "pejabat/andree-algamar/index.html"))
    roles = section(html, "jabatan")
    # From the registry (data/people.yml: sworn in on 2024-05-17) and from the articles.
    assert "<strong>Pj Wali Kota</strong>" in roles and "Kota Padang" in roles
    assert "menjabat sejak 17 Mei 2024" in roles
    assert "dalam arsip: 4 Juli 2024–3 Oktober 2024, 2 artikel" in roles
    quotes = section(html, "kutipan")
    assert quotes_in(quotes) == ["Kami minta seluruh ASN menjaga netralitas,"]
    assert f'href="{URL}/artikel/2024/padang-apel/"><time datetime="2024-07-04">' in quotes
    # The search page, filtered to the articles that quote him.
    assert f'href="{URL}/cari/?kutipan=Andree%20Algamar">' in quotes
    assert 'href="https://example.org/arsip/daerah/kota-padang/"' in quotes
    timeline = section(html, "per-tahun")
    assert re.findall(r'year-bar-label">(\d+)<', timeline) == ["2024"]
    assert "Jul 1 · Okt 1" in timeline and "bar-10" in timeline
    assert f'href="{URL}/feeds/pejabat/andree-algamar.atom.xml"' in html


def test_person_feed_has_the_latest_entries_as_summaries(site: Path) -> None:
    feed = feedparser.parse(read(site, "feeds/pejabat/andree-algamar.atom.xml"))
    assert not feed.bozo
    assert [e.link for e in feed.entries] == [
        f"{URL}/artikel/2024/padang-ikrar/",
        f"{URL}/artikel/2024/padang-apel/",
    ]
    # A summary, not the whole text (the second paragraph is not in the entry).
    entry = feed.entries[1]
    assert "content" not in entry  # topic feeds carry summaries (plugins/feed_summaries)
    assert "Kami minta" in entry.summary and "Penutup" not in entry.summary


def test_a_person_only_quoted_has_a_page_and_two_people_with_one_name_have_two(
    site: Path,
) -> None:
    padang = main_of(read(site, "pejabat/ahmad-yani-kota-padang/index.html"))
    agam = main_of(read(site, "pejabat/ahmad-yani-kabupaten-agam/index.html"))
    assert "<h1>Ahmad Yani</h1>" in padang and "<h1>Ahmad Yani</h1>" in agam
    assert quotes_in(section(padang, "kutipan")) == ["ASN dilarang berpolitik praktis,"]
    assert "artikel/2024/padang-apel/" in padang and "artikel/2020/agam/" not in padang
    assert "artikel/2020/agam/" in agam and "padang-apel" not in agam
    assert "masa jabatan: 1 Maret 2019–1 Maret 2021" in section(agam, "jabatan")
    # No quotes: no quote section, no empty heading.
    assert section(agam, "kutipan") == "" and 'id="kutipan"' not in agam
    index = read(site, "pejabat/index.html")
    assert index.count(">Ahmad Yani</a>") == 2


def test_region_page_has_speakers_quotes_elections_timeline_neighbours(site: Path) -> None:
    html = main_of(read(site, "daerah/kota-padang/index.html"))
    speakers = section(html, "pejabat")
    assert re.findall(r">([^<]+)</a> <span class=\"term-detail\">([^<]+)<", speakers) == [
        ("Andree Algamar", "Pj Wali Kota"),
        ("Ahmad Yani", "Sekretaris Daerah"),
    ]
    quotes = section(html, "kutipan")
    # Newest first, in article order; only the newest shown, then a link to all of them.
    assert quotes_in(quotes) == ["Kami minta seluruh ASN menjaga netralitas,"]
    assert f'href="{URL}/kutipan/daerah/kota-padang/">Semua 2 kutipan' in quotes
    every = main_of(read(site, "kutipan/daerah/kota-padang/index.html"))
    assert quotes_in(every) == [
        "Kami minta seluruh ASN menjaga netralitas,",
        "ASN dilarang berpolitik praktis,",
    ]
    elections = section(html, "per-pemilihan")
    assert '>Pilkada 2024</a> <span class="count">2 artikel' in elections
    assert "Pilkada 2020" not in elections
    assert "Jul 1 · Okt 1" in section(html, "per-tahun")
    neighbours = section(html, "tetangga")
    assert "Daerah lain di Provinsi Sumatera Barat" in neighbours
    assert f'href="{URL}/daerah/kabupaten-agam/"' in neighbours
    assert "kota-padang" not in neighbours


def test_region_without_quotes_or_neighbours_shows_neither(site: Path) -> None:
    html = main_of(read(site, "daerah/kabupaten-bengkulu-selatan/index.html"))
    assert 'id="kutipan"' not in html and 'id="tetangga"' not in html
    assert ">Sisardi</a>" in section(html, "pejabat")
    assert not (site / "kutipan/daerah/kabupaten-bengkulu-selatan").exists()
    # Kota Padang's page shows its one quote in full: no page of all its quotes.
    assert not (site / "kutipan/pejabat/andree-algamar").exists()


def test_province_page_lists_its_regions_with_counts(site: Path) -> None:
    html = main_of(read(site, "provinsi/sumatera-barat/index.html"))
    assert (
        f'<a href="{URL}/daerah/kota-padang/">Kota Padang</a> <span class="tile-count">2 artikel'
        in html
    )
    assert (
        f'<a href="{URL}/daerah/kabupaten-agam/">Kabupaten Agam</a> <span class="tile-count">1 artikel'
        in html
    )


def test_quote_index_browses_by_election_region_and_person(site: Path) -> None:
    html = main_of(read(site, "kutipan/index.html"))
    assert "2 kutipan dari 2 pejabat di 1 daerah" in html
    elections = section(html, "menurut-pemilihan")
    assert f'href="{URL}/kutipan/pemilihan/pilkada-2024/"' in elections
    assert "Pilkada 2020" not in elections  # no quotes in 2020
    assert not (site / "kutipan/pemilihan/pilkada-2020").exists()
    listing = main_of(read(site, "kutipan/pemilihan/pilkada-2024/index.html"))
    assert quotes_in(listing) == [
        "Kami minta seluruh ASN menjaga netralitas,",
        "ASN dilarang berpolitik praktis,",
    ]
    assert (
        f'href="{URL}/pejabat/ahmad-yani-kota-padang/">Ahmad Yani</a>, Sekretaris Daerah' in listing
    )
    regions = main_of(read(site, "kutipan/daerah/index.html"))
    assert ">Kota Padang</a>" in regions and "Bengkulu" not in regions
    people = main_of(read(site, "kutipan/pejabat/index.html"))
    assert re.findall(r'href="[^"]+">([^<]+)</a>', people.split("<ul", 1)[1]) == [
        "Ahmad Yani",
        "Andree Algamar",
    ]
    assert f'href="{URL}/pejabat/andree-algamar/#kutipan"' in people
    assert "Sisardi" not in people


def test_article_is_filterable_by_the_people_it_quotes(site: Path) -> None:
    html = read(site, "artikel/2024/padang-apel/index.html")
    assert ', quote[data-quote-1], quote[data-quote-2]"' in html
    assert 'data-quote-1="Andree Algamar" data-quote-2="Ahmad Yani"' in html
    assert "data-quote-1" not in read(site, "artikel/2024/padang-ikrar/index.html")


def test_open_data_people_and_quotes(site: Path) -> None:
    quotes = json.loads(read(site, "data/quotes.json"))
    assert quotes == [
        {
            "id": "padang-apel-1",
            "article_slug": "padang-apel",
            "article_url": f"{URL}/artikel/2024/padang-apel/",
            "date": "2024-07-04",
            "region": "Kota Padang",
            "province": "Sumatera Barat",
            "election": "Pilkada 2024",
            "speaker_id": "andree-algamar",
            "speaker": "Andree Algamar",
            "role": "Pj Wali Kota",
            "number": 1,
            "text": "Kami minta seluruh ASN menjaga netralitas,",
        },
        {
            "id": "padang-apel-2",
            "article_slug": "padang-apel",
            "article_url": f"{URL}/artikel/2024/padang-apel/",
            "date": "2024-07-04",
            "region": "Kota Padang",
            "province": "Sumatera Barat",
            "election": "Pilkada 2024",
            "speaker_id": "ahmad-yani-kota-padang",
            "speaker": "Ahmad Yani",
            "role": "Sekretaris Daerah",
            "number": 2,
            "text": "ASN dilarang berpolitik praktis,",
        },
    ]
    rows = list(csv.DictReader(io.StringIO(read(site, "data/quotes.csv"))))
    assert [(r["id"], r["speaker_id"], r["text"]) for r in rows] == [
        (q["id"], q["speaker_id"], q["text"]) for q in quotes
    ]
    people = {p["id"]: p for p in json.loads(read(site, "data/people.json"))}
    assert sorted(people) == [
        "ahmad-yani-kabupaten-agam",
        "ahmad-yani-kota-padang",
        "andree-algamar",
        "sisardi",
    ]
    assert people["andree-algamar"]["quotes"] == 1 and people["andree-algamar"]["articles"] == 2
    assert people["ahmad-yani-kabupaten-agam"]["quotes"] == 0
    assert people["ahmad-yani-kabupaten-agam"]["roles"][0] == {
        "role": "Sekretaris Daerah",
        "region": "Kabupaten Agam",
        "start": "2019-03-01",
        "end": "2021-03-01",
        "first_article": "2020-10-13",
        "last_article": "2020-10-13",
        "articles": 1,
    }
    rows = list(csv.DictReader(io.StringIO(read(site, "data/people.csv"))))
    assert rows[0]["id"] == "ahmad-yani-kabupaten-agam"
    assert rows[0]["roles"] == "Sekretaris Daerah, Kabupaten Agam"


def test_settings_are_read_in_one_place() -> None:
    from quotes.quotes import plugin_settings

    conf = plugin_settings(settings_for(QUOTES={"person_shown": 3}))
    assert conf["person_shown"] == 3 and conf["region_shown"] == 10
