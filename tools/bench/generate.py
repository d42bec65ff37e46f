"""A synthetic, valid archive: N articles over real regions, deterministic from a seed.

Every article passes :mod:`arsip.schema` (the build validates them): Kemendagri regions with
their province, officials without honorifics, canonical roles, tags and elections from
``data/``, dates 2019-2025, unique file names, source URLs and bodies of 300-600 words of
Indonesian-like text. The same seed and N give byte-identical files.

Besides its main official, an article names 0-2 more people of its region's staff (a
Sekretaris Daerah, a Kepala BKPSDM, a Ketua Bawaslu, an Inspektur Daerah: the same people in
every article of the region, so that each has a page with several articles and quotes), most
of them quoted only, and it quotes the main official 0-2 times: every quote is written in the
body between curly quote marks and listed in ``quotes``. One name is borne by the Sekretaris
Daerah of every 40th region: people with one name, told apart by id (the articles write it).

Its officials and outlets are in no real registry: :func:`generate` writes a data folder
beside the content (the vocabularies of ``data/`` and a ``people.yml``/``outlets.yml`` of
the generated names), and a build or check of the archive reads it through
``ARSIP_DATA_DIR``.
"""

from __future__ import annotations

import datetime as dt
import functools
import random
import shutil
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from arsip import gazetteer, registry, schema


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


FIRST_NAMES = _words(
    "Adi Agus Ahmad Andi Arif Asep Bambang Budi Dedi Dewi Eko Endang Fajar Fitri Hadi Hendra "
    "Ika Indra Joko Kartika Lestari Made Maya Nur Nyoman Putu Rahmat Rina Rizal Sari Siti "
    "Sri Suharto Sutrisno Teguh Tri Wahyu Wayan Yanti Yudi Yusuf Zainal Ketut Lukman Mulyadi"
)
LAST_NAMES = _words(
    "Alfikri Hidayat Saputra Wijaya Kurniawan Setiawan Nasution Siregar Harahap Lubis "
    "Simanjuntak Pratama Rahman Syahputra Gunawan Santoso Susanto Hakim Putra Utama Situmorang "
    "Pohan Tanjung Chaniago Piliang Koto Daulay Ginting Sembiring Tarigan Manurung Pane Rustam"
)
#: Surnames of the regions' staff: none is a main official's (LAST_NAMES), so that a staff
#: member and a main official never share a name by chance.
STAFF_LAST_NAMES = _words(
    "Hasibuan Batubara Sinaga Damanik Saragih Sitompul Panjaitan Hutapea Marpaung Sihombing "
    "Napitupulu Rangkuti Dalimunthe Ritonga Matondang Tambunan Silalahi Hutagalung Pardede "
    "Wibowo Nugroho Prasetyo Hartono Sulistyo Wicaksono Firmansyah Ramadhan Maulana Kusuma "
    "Permana Mahendra Anggara Baskoro Purnomo Suryadi"
)
#: Each region's staff, quoted beside its main official (roles of data/roles.yml).
STAFF_ROLES = ("Sekretaris Daerah", "Kepala BKPSDM", "Ketua Bawaslu", "Inspektur Daerah")
#: The name of every HOMONYM_EVERY-th region's Sekretaris Daerah: people with one name.
HOMONYM, HOMONYM_EVERY = "Ahmad Yani", 40
#: The first day of the archive (articles are dated over the seven years from it); the
#: regions' staff are in office from it.
FIRST_DAY = dt.date(2019, 1, 1)
QUOTE_VERBS = ("kata", "ujar", "tegas", "jelas", "tutur")
SOURCES = (
    "Antara", "Kompas", "Tempo", "Detik", "Tribun Padang", "Padang Ekspres", "Bengkulu Ekspress",
    "Radar Bogor", "Suara Merdeka", "Jawa Pos", "Media Indonesia", "Republika", "Okezone",
    "Liputan6", "Tinta Rakyat", "Harian Haluan", "Serambi Indonesia", "Pikiran Rakyat",
    "Kaltim Post", "Manado Post", "Pontianak Post", "Fajar", "Banjarmasin Post", "Bali Post",
    schema.UNKNOWN_SOURCE,
)  # fmt: skip
ROLE_WEIGHTS = {
    "Bupati": 6, "Wali Kota": 4, "Sekretaris Daerah": 8, "Wakil Bupati": 2,
    "Wakil Wali Kota": 1, "Asisten Pemerintahan": 2, "Kepala BKPSDM": 3, "Kepala BKD": 2,
    "Kepala Kesbangpol": 2, "Inspektur Daerah": 2, "Camat": 3, "Ketua Bawaslu": 3,
    "Anggota Bawaslu": 1, "Ketua KPU": 1,
}  # fmt: skip
VERBS = ("Ingatkan", "Imbau", "Tegaskan", "Minta", "Ajak", "Larang", "Awasi", "Serukan")
TOPICS = (
    "ASN Jaga Netralitas", "Pegawai Tidak Berpolitik Praktis", "ASN Bijak di Media Sosial",
    "ASN Netral dan Profesional", "Pegawai Hindari Kampanye", "ASN Jaga Pelayanan Publik",
    "Camat dan Lurah Tetap Netral", "ASN Tandatangani Pakta Integritas",
)  # fmt: skip
WORDS = _words(
    "pemerintah daerah pegawai aparatur sipil negara netralitas pemilihan kepala pilkada "
    "serentak tahapan kampanye pasangan calon pelayanan publik masyarakat kabupaten kota "
    "provinsi apel pagi ikrar bersama komitmen integritas profesional aturan undang-undang "
    "peraturan surat edaran sanksi disiplin pelanggaran laporan pengawasan bawaslu komisi "
    "media sosial unggahan dukungan foto kegiatan acara rapat koordinasi forum kantor dinas "
    "badan kecamatan kelurahan desa nagari warga tokoh agama pemuda kondusif aman damai "
    "demokrasi suara hak pilih tugas fungsi jabatan struktural fungsional honorer kontrak "
    "pimpinan organisasi perangkat sekretariat bupati wali gubernur pejabat sementara "
    "penjabat pelaksana harian tanggung jawab kepercayaan keberpihakan pengaruh kepentingan "
    "golongan partai politik simbol atribut alat peraga spanduk baliho lingkungan kerja"
)
CONNECTIVES = ("dan", "serta", "yang", "untuk", "dalam", "kepada", "agar", "karena", "dengan")
OPENERS = (
    "Menurut {official}, {w}",
    "{role} {official} menegaskan bahwa {w}",
    "Dalam kesempatan tersebut, {w}",
    "Selain itu, {w}",
    "Ia juga mengingatkan bahwa {w}",
    "Hal ini disampaikan di {place}, {w}",
    "Pemerintah {place} memastikan {w}",
)


def _sentence(rng: random.Random, article: dict[str, str]) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 18))]
    for i in range(2, len(words), rng.randint(3, 5)):
        words[i] = rng.choice(CONNECTIVES)
    opener = rng.choice(OPENERS).format(
        official=article["official"], role=article["role"], place=article["place"], w=""
    )
    text = (opener + " ".join(words)).strip()
    return text[0].upper() + text[1:] + "."


def _body(rng: random.Random, article: dict[str, str], quotes: list[tuple[str, str]]) -> str:
    """300-600 words; ``quotes`` ((who, words) pairs) end its first paragraphs, which are
    short enough (at most four of about 75 words) never to be cut at the end."""
    target = rng.randint(300, 600)
    paragraphs: list[str] = []
    count = 0
    while count < target:
        quoted = len(paragraphs) < len(quotes)
        sentences = [_sentence(rng, article) for _ in range(2 if quoted else rng.randint(2, 4))]
        if quoted:
            who, words = quotes[len(paragraphs)]
            sentences.append(f"“{words}” {rng.choice(QUOTE_VERBS)} {who}.")
        paragraph = " ".join(sentences)
        words = paragraph.split()
        if count + len(words) > target:  # end the text at exactly `target` words
            words = words[: max(target - count, 1)]
            paragraph = " ".join(words).rstrip(",.") + "."
        count += len(words)
        paragraphs.append(paragraph)
    return "\n\n".join(paragraphs)


def _yaml_str(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


@functools.cache
def _regions() -> list[gazetteer.Region]:
    return sorted(gazetteer.regencies().values(), key=lambda r: r.code)


@functools.cache
def _staff() -> dict[str, list[dict[str, str]]]:
    """Each region's staff: ``{"id", "name", "role"}`` per role of STAFF_ROLES, the same in
    every generated archive (drawn from the region's code, not the seed). A name borne by
    staff of several regions makes ids qualified by the region (and the role, within one)."""
    staff: dict[str, list[dict[str, str]]] = {}
    for i, region in enumerate(_regions()):
        rng = random.Random(f"staff-{region.code}")
        people = []
        for role in STAFF_ROLES:
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice(STAFF_LAST_NAMES)}"
            if rng.random() < 0.3:
                name = f"{rng.choice(FIRST_NAMES)} {name}"
            people.append({"name": name, "role": role})
        if i % HOMONYM_EVERY == 0:
            people[0]["name"] = HOMONYM
        staff[region.name] = people
    holders: dict[str, list[tuple[str, dict[str, str]]]] = defaultdict(list)
    for region, people in staff.items():
        for person in people:
            holders[person["name"]].append((region, person))
    for name, held in holders.items():
        regions = [region for region, _ in held]
        for region, person in held:
            ident = registry.slug_id(name, ())
            if len(held) > 1:
                ident = f"{ident}-{registry.slug_id(region, ())}"
                if regions.count(region) > 1:
                    ident = f"{ident}-{registry.slug_id(person['role'], ())}"
            person["id"] = ident
            # An article writes the id when the name is shared, else the name.
            person["ref"] = ident if len(held) > 1 else name
    return staff


def article_text(index: int, rng: random.Random) -> tuple[str, str]:
    """The (relative path, file text) of synthetic article number ``index``."""
    rel, text, _ = _article(index, rng)
    return rel, text


def _article(index: int, rng: random.Random) -> tuple[str, str, dict[str, Any]]:
    """The relative path, text and names (official, role, region, date, source, url) of
    synthetic article number ``index``."""
    voc = schema.vocabulary()
    regions = _regions()
    region = rng.choice(regions)
    day = FIRST_DAY + dt.timedelta(days=rng.randrange(7 * 365))
    elections = sorted(voc.elections)
    # The election whose year is nearest to the article's date (Pilkada 2020 for 2019-2022).
    election = min(elections, key=lambda e: abs(int(e.split()[-1]) - day.year + 0.5))
    role = rng.choices(list(ROLE_WEIGHTS), weights=list(ROLE_WEIGHTS.values()))[0]
    if region.kind == "kota":
        role = role.replace("Bupati", "Wali Kota")
    if role in ("Bupati", "Wali Kota") and rng.random() < 0.4:
        role = f"{rng.choice(voc.role_prefixes)} {role}"
    official = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    if rng.random() < 0.3:
        official = f"{rng.choice(FIRST_NAMES)} {official}"
    source = rng.choice(SOURCES)
    tag_names = sorted(voc.tags)
    tags = rng.sample(tag_names, rng.randint(1, 4))
    if "netralitas ASN" in voc.tags and "netralitas ASN" not in tags and rng.random() < 0.7:
        tags.insert(0, "netralitas ASN")
    # Others it names (the region's staff, in another role than the main official's), and
    # who is quoted: each of them unless only named as acting (one in five), and the main
    # official 0-2 times.
    staff = [p for p in _staff()[region.name] if p["role"] != role]
    others = rng.sample(staff, rng.choices((0, 1, 2), weights=(3, 5, 2))[0])
    speakers = [(official, f"{role} {official}")] * rng.choice((0, 0, 1, 1, 2))
    speakers += [(p["ref"], f"{p['role']} {p['name']}") for p in others if rng.random() < 0.8]
    quotes = [
        (
            ref,
            who,
            " ".join(rng.choice(WORDS) for _ in range(rng.randint(10, 20))).capitalize() + ",",
        )
        for ref, who in speakers
    ]
    title = f"{role} {region.short_name} {rng.choice(VERBS)} {rng.choice(TOPICS)}"
    if rng.random() < 0.5:
        title += f" Jelang {election}"
    slug = "-".join(title.lower().replace("/", " ").split()) + f"-{index:06d}"
    slug = "".join(ch for ch in slug if ch.isalnum() or ch == "-")
    info = {"official": official, "role": role, "place": region.name}
    lines = [
        "---",
        f"title: {_yaml_str(title)}",
        *(["title_editorial: true"] if rng.random() < 0.05 else []),
        f"date: {day.isoformat()}",
        f"region: {region.name}",
        f"province: {region.province}",
        f"official: {official}",
        f"role: {role}",
        f"source: {_yaml_str(source)}",
    ]
    if source != schema.UNKNOWN_SOURCE:
        host = "".join(ch for ch in source.lower() if ch.isalnum())
        lines.append(f"source_url: https://www.{host}.example/berita/{day.year}/{slug}")
    names = {
        "official": official,
        "role": role,
        "region": region.name,
        "date": day.isoformat(),
        "source": source,
        "people": [{"id": p["id"], "name": p["name"], "role": p["role"]} for p in others],
    }
    lines += [
        f"election: {election}",
        "tags: [" + ", ".join(tags) + "]",
    ]
    if rng.random() < 0.3:
        lines.append(f"summary: {_yaml_str(_sentence(rng, info))}")
    if others:
        lines.append("people:")
        for p in others:
            lines += [f"  - person: {p['ref']}", f"    role: {p['role']}"]
    if quotes:
        lines.append("quotes:")
        for ref, _, words in quotes:
            lines += [f"  - speaker: {ref}", f"    text: {_yaml_str(words)}"]
    body = _body(rng, info, [(who, words) for _, who, words in quotes])
    lines += ["---", body, ""]
    return f"articles/{day.year}/{slug}.md", "\n".join(lines), names


def _yaml_list(values: list[str]) -> str:
    return "[" + ", ".join(_yaml_str(v) for v in values) + "]"


def write_data(data: Path, articles: list[dict[str, Any]]) -> None:
    """Write the data folder of a generated archive: the vocabularies of ``data/`` and the
    registries of its officials (each role with region and first date; near-identical
    names told apart with ``distinct_from``) and outlets (their ``.example`` domains)."""
    data.mkdir(parents=True, exist_ok=True)
    for name in ("tags.yml", "elections.yml", "roles.yml", "regulations.yml"):
        shutil.copyfile(schema.DATA_DIR / name, data / name)
    # By id: a main official's is the slug of the name (no staff member bears it), staff
    # members carry theirs (qualified when the name is shared).
    roles: dict[str, dict[tuple[str, str], str]] = {}
    name_of: dict[str, str] = {}
    # Every region's staff, quoted or not: whether an article writes a staff member's name or
    # id depends on the registry's names (an id only for a name two entries share).
    for region, staff in _staff().items():
        for person in staff:
            name_of[person["id"]] = person["name"]
            roles[person["id"]] = {(person["role"], region): FIRST_DAY.isoformat()}
    for a in articles:
        named = [
            {"id": registry.slug_id(a["official"], ()), "name": a["official"], "role": a["role"]}
        ]
        for person in named + a.get("people", []):
            name_of[person["id"]] = person["name"]
            held = roles.setdefault(person["id"], {})
            key = (person["role"], a["region"])
            held[key] = min(held.get(key, a["date"]), a["date"])
    ids = sorted(roles)
    distinct: dict[str, list[str]] = {}
    for i, j in registry.near_pairs([name_of[i] for i in ids]):
        distinct.setdefault(ids[i], []).append(ids[j])
    lines = ["# Generated by tools/bench/generate.py: the officials of a synthetic archive."]
    for ident in ids:
        lines += [f"- id: {ident}", f"  name: {_yaml_str(name_of[ident])}", "  roles:"]
        for (role, region), start in sorted(roles[ident].items(), key=lambda kv: (kv[1], kv[0])):
            lines.append(
                f"    - {{role: {_yaml_str(role)}, region: {_yaml_str(region)}, start: {start}}}"
            )
        if ident in distinct:
            lines.append(f"  distinct_from: [{', '.join(distinct[ident])}]")
    (data / registry.PEOPLE_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")
    lines = ["# Generated by tools/bench/generate.py: the outlets of a synthetic archive."]
    for source in SOURCES:
        if source == schema.UNKNOWN_SOURCE:
            continue
        host = "".join(ch for ch in source.lower() if ch.isalnum())
        lines += [
            f"- id: {registry.slug_id(source, ())}",
            f"  name: {_yaml_str(source)}",
            f"  domains: [{host}.example]",
        ]
    (data / registry.OUTLETS_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")


def generate(
    content: Path,
    n: int,
    seed: int = 1,
    progress: Callable[[int], None] | None = None,
    data: Path | None = None,
) -> list[Path]:
    """Write ``n`` articles under ``content/articles/<year>/`` and the data folder they are
    checked against (``data``, by default ``data/`` beside ``content``: point
    ``ARSIP_DATA_DIR`` at it to check or build them); return the articles' paths."""
    rng = random.Random(seed)
    paths = []
    names = []
    for i in range(n):
        rel, text, found = _article(i, rng)
        names.append(found)
        path = content / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
        if progress:
            progress(i + 1)
    write_data(data or content.parent / "data", names)
    return paths
