"""The official who made the statement, and their role in canonical form.

People are found where the text introduces them by role: ``Pjs Bupati Bengkulu Selatan
Sisardi,S.Pd., M.M``, ``Pj Wali Kota Padang Andree Algamar``, ``Sekda Martias Wanto``. The one
quoted most ("ujar Sisardi", "Sisardi menambahkan") is the official. Names lose honorifics and
degrees (the schema's ``honorifics_in`` decides what those are); roles are expanded with the
abbreviations of data/roles.yml (Wako -> Wali Kota, Sekda -> Sekretaris Daerah).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache

from arsip import gazetteer, schema
from arsip.messages import t

PREFIXES = {
    "pj": "Pj", "pjs": "Pjs", "plt": "Plt", "plh": "Plh", "penjabat sementara": "Pjs",
    "penjabat": "Pj", "pelaksana tugas": "Plt", "pelaksana harian": "Plh",
    # "Pejabat Sementara (Pjs)": newsrooms often write the title so (the office is Penjabat).
    "pejabat sementara": "Pjs",
}  # fmt: skip
_PREFIX_RE = r"(?:(?P<prefix>Penjabat Sementara|Pejabat Sementara|Penjabat|Pelaksana Tugas|Pelaksana Harian|Pjs|Pj|Plt|Plh|PJS|PJ|PLT|PLH)\.?\s*(?:\((?:Pjs|Pj|Plt|Plh)\)\s*)?)?"
# Words that end a name: the start of a clause or a place, never part of a person's name.
STOP_WORDS = _STOP = {
    "kota", "kabupaten", "kab", "provinsi", "prov", "dan", "yang", "saat", "ketika", "di",
    "pada", "dalam", "bersama", "didampingi", "mengatakan", "menegaskan", "usai", "selaku",
    "serta", "beserta", "juga", "pun", "itu", "ini", "kepada", "dengan", "melalui", "sebagai",
    "asn", "pns", "pemkot", "pemko", "pemkab", "pemprov", "pemda", "setda", "opd", "bawaslu",
    "kpu", "pilkada", "kepala", "ketua", "anggota", "badan", "dinas", "kantor", "bagian",
    "sekretariat", "wakil", "para", "seluruh", "nomor", "tentang", "tanggal", "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu",
}  # fmt: skip
SPEECH_VERBS = (
    "ujar|kata|ucap|tegas|tutur|terang|jelas|ungkap|sebut|imbuh|tambah|pungkas|tutup|pesan|"
    "harap|ajak|ingat|papar|sambung|lanjut|timpal|seru|tandas|katanya|ujarnya"
)
SAYS_AFTER_NAME = (
    r"(?:pun\s+|juga\s+|kembali\s+|lalu\s+|turut\s+)?(?:mengatakan|menegaskan|mengingatkan|"
    r"menyampaikan|menambahkan|menuturkan|menjelaskan|mengungkapkan|menekankan|meminta|"
    r"mengimbau|menghimbau|berpesan|berharap|menyebutkan|memaparkan|menerangkan|mengajak|"
    r"menilai|melanjutkan|menandaskan|mengatakan)"
)
_HONORIFIC_GLUED = re.compile(r"^(H|Hj|Dr|Drs|Dra|Ir|Prof|KH|Tgk)\.(?=[A-Z])")
_NAME_TOKEN = re.compile(r"^(?:[A-Z][a-zA-Z'’\-]+|[A-Z]\.?|[A-Z]\.[A-Z][a-zA-Z'’\-]+)$")
_HEAD_ROLES = {"Gubernur", "Bupati", "Wali Kota"}
# Abbreviated given names that keep their full stop inside a name.
_NAME_ABBREVIATIONS = {"Muh", "Moh", "Mhd", "Moch", "Mch", "Abd", "Ach", "Ahm", "Mukh"}


@dataclass
class Person:
    names: list[str] = field(default_factory=list)  # every variant, cleaned
    roles: Counter[str] = field(default_factory=Counter)
    regions: list[gazetteer.Region] = field(default_factory=list)
    first_pos: int = 0
    score: float = 0.0
    quoted: int = 0

    @property
    def name(self) -> str:
        """The fullest variant: most whole words (not initials), then the longest."""
        return max(
            self.names, key=lambda n: (sum(len(w) > 2 for w in n.split()), len(n), -len(n.split()))
        )

    def words(self) -> set[str]:
        return {w for n in self.names for w in n.split() if len(w) > 2}

    @property
    def role(self) -> str:
        # A prefixed role (Pjs Wali Kota) over the bare one written later (Wali Kota).
        return max(
            self.roles,
            key=lambda r: (
                self.roles[r] + (0.5 if " " in r and r.split()[0] in PREFIXES.values() else 0),
                -len(r),
            ),
        )


@dataclass(frozen=True)
class OfficialFound:
    official: str
    role: str
    sure: bool
    note: str
    regions: tuple[gazetteer.Region, ...]  # places named in the official's role ("Bupati Solok")
    mentions: tuple[gazetteer.Region, ...] = ()  # places named in anyone's role


# Spellings news use beyond data/roles.yml's abbreviations (which the schema also accepts as
# hints); each maps to a canonical role there, and is dropped if that role is renamed.
EXTRA_VARIANTS = {
    "Wali kota": "Wali Kota", "Sekkab": "Sekretaris Daerah", "Sekkot": "Sekretaris Daerah",
    "Sekdakot": "Sekretaris Daerah", "Sekretaris Kabupaten": "Sekretaris Daerah",
    "Sekretaris Kota": "Sekretaris Daerah", "Sekretaris Daerah Provinsi": "Sekretaris Daerah",
    "Wakil Walkot": "Wakil Wali Kota", "Wabub": "Wakil Bupati",
    # Offices written out without their abbreviation, or abbreviated another way.
    "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia": "Kepala BKPSDM",
    "Kepala Badan Kepegawaian Daerah": "Kepala BKD",
    "Kepala Badan Kesatuan Bangsa dan Politik": "Kepala Kesbangpol",
    "Kepala Bakesbangpol": "Kepala Kesbangpol", "Kepala Badan Kesbangpol": "Kepala Kesbangpol",
    "Ketua Badan Pengawas Pemilihan Umum": "Ketua Bawaslu",
    "Ketua Badan Pengawas Pemilu": "Ketua Bawaslu", "Ketua Komisi Pemilihan Umum": "Ketua KPU",
    "Ketua Komisi Aparatur Sipil Negara": "Ketua KASN",
}  # fmt: skip

# Province names as news abbreviate them ("Pemprov Jateng", "Sekda NTB"); only names the
# gazetteer knows are used.
PROVINCE_ALIASES = {
    "Jabar": "Jawa Barat", "Jateng": "Jawa Tengah", "Jatim": "Jawa Timur", "DIY": "Daerah Istimewa Yogyakarta",
    "DKI": "Daerah Khusus Ibukota Jakarta", "DKI Jakarta": "Daerah Khusus Ibukota Jakarta",
    "Sumut": "Sumatera Utara", "Sumbar": "Sumatera Barat", "Sumsel": "Sumatera Selatan",
    "Kepri": "Kepulauan Riau", "Babel": "Kepulauan Bangka Belitung", "NTB": "Nusa Tenggara Barat",
    "NTT": "Nusa Tenggara Timur", "Kalbar": "Kalimantan Barat", "Kalteng": "Kalimantan Tengah",
    "Kalsel": "Kalimantan Selatan", "Kaltim": "Kalimantan Timur", "Kaltara": "Kalimantan Utara",
    "Sulut": "Sulawesi Utara", "Sulteng": "Sulawesi Tengah", "Sulsel": "Sulawesi Selatan",
    "Sultra": "Sulawesi Tenggara", "Sulbar": "Sulawesi Barat", "Malut": "Maluku Utara",
}  # fmt: skip


def regions_named(words: str) -> list[gazetteer.Region]:
    """Kabupaten/kota or provinces a short name or province abbreviation means."""
    found = list(gazetteer.by_short_name(words))
    alias = PROVINCE_ALIASES.get(words)
    if not found and alias and alias in gazetteer.provinces():
        found = [gazetteer.provinces()[alias]]
    return found


@cache
def _role_words() -> dict[str, str]:
    """Every way of writing a base role -> its canonical form."""
    voc = schema.vocabulary()
    out = {r: r for r in voc.roles}
    out.update(voc.role_abbreviations)
    out.update({k: v for k, v in EXTRA_VARIANTS.items() if v in voc.roles})
    out.update({k.upper(): v for k, v in list(out.items()) if len(k) <= 8})
    return out


@cache
def _role_re() -> re.Pattern[str]:
    bases = sorted(_role_words(), key=len, reverse=True)
    alt = "|".join(re.escape(b).replace(r"\ ", r"\s+") for b in bases)
    return re.compile(rf"(?<![\w-]){_PREFIX_RE}(?P<base>{alt})(?![\w-])(?:\s*\([^)]{{1,25}}\))?")


# An office written out before its abbreviation: "Badan Kepegawaian dan Pengembangan Sumber
# Daya Manusia (BKPSDM)", "Badan Kesatuan Bangsa dan Politik (Kesbangpol)". Up to eight
# capitalised words (and "dan") before a parenthesised abbreviation of them.
_WRITTEN_OUT_RE = re.compile(
    r"\b(?P<words>(?:(?:[A-Z][a-z]+|dan)\s+){1,8})\((?P<abbr>[A-Z][A-Za-z]{1,11})\)"
)
# Words an office's written-out name opens with that its abbreviation may leave out.
_OFFICE_KINDS = {"Badan", "Dinas", "Kantor"}


def _abbreviates(abbr: str, words: list[str]) -> bool:
    """Whether ``abbr`` is made of the starts of ``words`` in order, each word used, "dan"
    and a leading office kind optional: BKPSDM, Kesbangpol (Kes-bang-pol)."""
    want = abbr.lower()

    def fits(i: int, j: int) -> bool:
        if j == len(words):
            return i == len(want)
        word = words[j].lower()
        if word == "dan" and fits(i, j + 1):
            return True
        for n in range(len(word), 0, -1):
            if want.startswith(word[:n], i) and fits(i + n, j + 1):
                return True
        return False

    return bool(words) and fits(0, 0)


# Institutions whose written-out names do not spell their abbreviation letter by letter
# ("Badan Pengawas Pemilu (Bawaslu)"), with or without it in parentheses after them.
_INSTITUTIONS = {
    "Badan Pengawas Pemilihan Umum": "Bawaslu", "Badan Pengawas Pemilu": "Bawaslu",
    "Komisi Pemilihan Umum": "KPU", "Komisi Aparatur Sipil Negara": "KASN",
}  # fmt: skip
_INSTITUTION_RE = re.compile(
    r"\b(?P<name>"
    + "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(_INSTITUTIONS, key=len)[::-1])
    + r")(?:\s*\((?P<abbr>[A-Za-z]{2,10})\))?"
)


def _contract_institutions(text: str) -> str:
    def short(m: re.Match[str]) -> str:
        abbr = _INSTITUTIONS[" ".join(m.group("name").split())]
        if m.group("abbr") and m.group("abbr").lower() != abbr.lower():
            return m.group(0)  # another abbreviation: not the institution we know
        return abbr

    return _INSTITUTION_RE.sub(short, text)


def contract_offices(text: str) -> str:
    """``text`` with offices written out before their abbreviation reduced to it ("Kepala
    Badan Kesatuan Bangsa dan Politik (Kesbangpol) Sigi" -> "Kepala Kesbangpol Sigi"), the
    way the roles of data/roles.yml write them; other parentheses are left as they are."""
    if "Badan" in text or "Komisi" in text:
        text = _contract_institutions(text)
    if "(" not in text:
        return text

    def shorten(m: re.Match[str]) -> str:
        words = m.group("words").split()
        abbr = m.group("abbr")
        # The longest tail of the words the abbreviation spells (the words before it are the
        # role, "Kepala", or the sentence); an office kind before that tail goes with it.
        for start in range(len(words)):
            tail = words[start:]
            if tail[0] != "dan" and _abbreviates(abbr, tail):
                if regions_named(" ".join(tail)):
                    return m.group(0)  # "Timor Tengah Utara (TTU)": a region, not an office
                if (
                    start
                    and words[start - 1] in _OFFICE_KINDS
                    and not _abbreviates(abbr, words[start - 1 :])
                ):
                    start -= 1
                keep = " ".join(words[:start])
                return f"{keep} {abbr}" if keep else abbr
        return m.group(0)

    return _WRITTEN_OUT_RE.sub(shorten, text)


def mentions_role(words: str) -> bool:
    """Whether a role is written anywhere in ``words`` ("Menurut Sekda", "Pjs Wako Kendari")."""
    return bool(_role_re().search(contract_offices(words)))


def role_at(words: str) -> str:
    """The canonical role ``words`` open with ("Pjs Wako Kendari" -> "Pjs Wali Kota"), or ""."""
    m = _role_re().match(contract_offices(words))
    return canonical_role(m.group("prefix"), m.group("base")) if m else ""


def canonical_role(prefix: str | None, base: str) -> str:
    """``("Pjs.", "Wako")`` -> ``"Pjs Wali Kota"``."""
    base = _role_words().get(" ".join(base.split()), " ".join(base.split()))
    p = PREFIXES.get((prefix or "").lower().rstrip("."), "")
    return f"{p} {base}".strip()


def _region_at(tokens: list[str]) -> tuple[int, list[gazetteer.Region]]:
    """How many tokens at the start name a region ("Kota Padang", "Bengkulu Selatan")."""
    kind = ""
    start = 0
    if tokens and tokens[0].rstrip(".").lower() in ("kota", "kabupaten", "kab", "provinsi", "prov"):
        # "Provinsi Jambi", "Kab. Bogor": the kind word says which of a same-name pair.
        kind = tokens[0].rstrip(".").lower()
        start = 1
    for n in range(min(4, len(tokens) - start), 0, -1):
        words = [t.rstrip(",.") for t in tokens[start : start + n]]
        if not all(w[:1].isupper() for w in words):
            continue
        found = regions_named(" ".join(words))
        if kind in ("kota",):
            found = [r for r in found if r.kind == "kota"] or found
        elif kind in ("kabupaten", "kab"):
            found = [r for r in found if r.kind == "kabupaten"] or found
        elif kind in ("provinsi", "prov"):
            found = [r for r in found if r.kind == "provinsi"] or found
        if found:
            return start + n, found
    return 0, []


def clean_name(tokens: list[str]) -> str:
    """A name without honorifics and degrees: ["H.", "Hani", "Syopiar", "Rustam"] -> ..."""
    name = " ".join(tokens)
    drop = set(schema.honorifics_in(name))
    words = [t for t in name.split() if t not in drop]
    # "S.Rustam" -> "S. Rustam": an initial glued to the next name.
    out = " ".join(words)
    out = re.sub(r"\b([A-Z])\.(?=[A-Z][a-z])", r"\1. ", out)
    return out.strip(" ,.")


def _name_after(text: str, pos: int) -> tuple[str, int]:
    """The person's name starting at ``pos`` (after a role and its place), and its end."""
    tokens: list[str] = []
    end = pos
    for m in re.finditer(r"\S+", text[pos : pos + 120]):
        raw = m.group(0)
        if m.start() > 0 and text[pos + m.start() - 1] == "\n":
            break
        glued = _HONORIFIC_GLUED.match(raw)
        parts = [raw[: glued.end()], raw[glued.end() :]] if glued else [raw]
        stop = False
        for part in parts:
            word, comma, _ = part.partition(",")
            bare = word.rstrip(".;:”\"')")
            if not bare:
                stop = True
                break
            if bare.lower() in _STOP:
                stop = True
                break
            if not tokens and (schema.honorifics_in(word) or bare in ("H", "Hj")):
                continue  # a leading "H." / "Dr." / "Drs." (or "H" without its dot)
            if bare in _NAME_ABBREVIATIONS and word.endswith(".") and not comma:
                tokens.append(word)  # "Muh." in "Andi Muh. Rahmat" is part of the name
                continue
            if not _NAME_TOKEN.match(bare) or (len(bare) > 6 and bare.endswith("kan")):
                stop = True
                break
            tokens.append(bare if bare == word.rstrip(",") or len(bare) > 1 else word)
            end = pos + m.end()
            if comma or (word != bare and len(bare) > 1):
                stop = True  # degrees follow a comma; a full stop ends the sentence
                break
        if stop:
            break
    return clean_name(tokens), end


# The office between a role and its place: "Asisten Pemerintahan Setda Mimika Frans Kambu".
_OFFICE_WORDS = {"setda", "setdakab", "setdako", "setdakot", "setdaprov", "pemkab", "pemkot",
                 "pemko", "pemprov", "sekretariat", "daerah"}  # fmt: skip


def _kecamatan_words(tokens: list[str]) -> int:
    """How many tokens at the start name a kecamatan ("Camat Sungai Pua Afrizal" -> 2); at
    least one token is left for the name."""
    for n in range(min(3, len(tokens) - 1), 0, -1):
        words = [t.rstrip(",.") for t in tokens[:n]]
        if all(w[:1].isupper() for w in words) and gazetteer.is_kecamatan(" ".join(words)):
            return n
    return 0


_ABBR_RE = re.compile(r"\(?[A-Z]{2,6}\)?")


def _is_place_abbreviation(word: str, following: re.Match[str]) -> bool:
    """``"(HST)"`` or ``"SBB"`` before a capitalised word: a region's abbreviation between
    a role and a name. Names are not written in capitals in the body."""
    nxt = following.group(0)
    return (
        bool(_ABBR_RE.fullmatch(word))
        and (word.startswith("(") == word.endswith(")"))
        and (nxt[:1].isupper() and not nxt.isupper())
    )


def region_abbreviations(text: str) -> dict[str, list[gazetteer.Region]]:
    """Abbreviations the text defines for a region: "Seram Bagian Barat (SBB)" -> SBB."""
    out: dict[str, list[gazetteer.Region]] = {}
    for m in re.finditer(r"\(([A-Z]{2,6})\)", text):
        before = text[max(0, m.start() - 60) : m.start()].split()[-4:]
        for n in range(len(before), 0, -1):
            words = [w.strip(",.") for w in before[-n:]]
            if all(w[:1].isupper() for w in words):
                found = regions_named(" ".join(words))
                if found:
                    out.setdefault(m.group(1), found)
                    break
    return out


def find_people(text: str) -> list[Person]:
    """Every person introduced by a role in ``text``, merged across name variants."""
    people: list[Person] = []
    text = contract_offices(text)
    aliases = region_abbreviations(text)
    for m in _role_re().finditer(text):
        role = canonical_role(m.group("prefix"), m.group("base"))
        if role not in schema.vocabulary().canonical_roles():
            continue
        rest = text[m.end() : m.end() + 160].split("\n")[0]
        spans = list(re.finditer(r"[^\s,]+", rest))
        skip = 0
        while skip < min(2, len(spans)) and spans[skip].group(0).lower() in _OFFICE_WORDS:
            skip += 1
        n, regions = _region_at([s.group(0) for s in spans[skip : skip + 5]])
        n = n + skip
        # A region's abbreviation after it or instead of it ("Hulu Sungai Tengah (HST)",
        # "Setda HST"): a place, never the first word of the name.
        while n < len(spans) - 1 and _is_place_abbreviation(spans[n].group(0), spans[n + 1]):
            abbr = spans[n].group(0).strip("()")
            if not regions:
                regions = aliases.get(abbr, [])
            n += 1
        if role.endswith("Camat") and not n:
            n = _kecamatan_words([s.group(0) for s in spans[:4]])
        if n and spans[n - 1].group(0).endswith("."):
            continue  # "kata Bupati Bekasi. Menurut ...": the sentence ends with the place
        offset = m.end() + (spans[n - 1].end() if n else 0)
        offset += len(text[offset:]) - len(text[offset:].lstrip(" ,"))
        name, _ = _name_after(text, offset)
        if not name or len(name) < 2 or len(name.split()) > 5:
            continue
        if role.endswith("Camat") and gazetteer.is_kecamatan(name):
            continue  # "kata Camat Kempo.": the kecamatan, the Camat's name not written

        person = _same_person(people, name)
        if person is None:
            person = Person(first_pos=m.start())
            people.append(person)
        person.names.append(name)
        person.roles[role] += 1
        person.regions.extend(regions)
    return people


def region_mentions_in_roles(text: str) -> list[gazetteer.Region]:
    """Places named right after a role anywhere ("Bupati Solok", "Wali Kota Padang")."""
    out = []
    text = contract_offices(text)
    for m in _role_re().finditer(text):
        rest = text[m.end() : m.end() + 80].split("\n")[0]
        base = canonical_role(None, m.group("base"))
        _, regions = _region_at(re.findall(r"[^\s,]+", rest)[:5])
        # "Wali Kota X" means Kota X, "Bupati X" Kabupaten X, "Gubernur X" the province.
        want = {"Wali Kota": "kota", "Wakil Wali Kota": "kota", "Bupati": "kabupaten",
                "Wakil Bupati": "kabupaten", "Gubernur": "provinsi", "Wakil Gubernur": "provinsi"}.get(base)  # fmt: skip
        if want:
            regions = [r for r in regions if r.kind == want] or regions
        out.extend(regions)
    return out


def _same_person(people: list[Person], name: str) -> Person | None:
    words = {w for w in name.split() if len(w) > 2}
    first = name.split()[0]
    for person in people:
        if words & person.words() or any(n.split()[0] == first for n in person.names):
            return person
    return None


def _about(person: Person, headline: str) -> bool:
    """Whether the headline is about this person: their name, or their role as the headline
    writes it ("Pj Bupati Bone ...", "Kesbangpol Tabalong ...", "Wabup ...")."""
    if not headline:
        return False
    if any(re.search(rf"\b{re.escape(w)}\b", headline) for w in person.words()):
        return True
    named = {
        canonical_role(m.group("prefix"), m.group("base")) for m in _role_re().finditer(headline)
    }
    for role in person.roles:
        base = role.split(" ", 1)[1] if role.split()[0] in PREFIXES.values() else role
        if role in named or base in named:
            return True
        # "Kepala Kesbangpol" is headlined "Kesbangpol X"; "Ketua Bawaslu" is not "Bawaslu".
        last = base.split()[-1]
        if base.startswith("Kepala ") and re.search(rf"\b{re.escape(last)}\b", headline):
            return True
    return False


def find_official(text: str, headline: str = "", lead: str = "") -> OfficialFound | None:
    """The person the headline and the lead are about, else the one the article quotes most,
    with their role; None when nobody is introduced."""
    text, headline, lead = (contract_offices(s) for s in (text, headline, lead))
    people = find_people(text)
    if not people:
        return None
    in_lead = {id(p) for p in people if lead and any(n in lead for n in p.names)}
    role_quotes: dict[str, int] = defaultdict(int)
    for m in re.finditer(rf"(?i)\b(?:{SPEECH_VERBS})(?:nya)?\s+", text):
        after = text[m.end() : m.end() + 40]
        r = _role_re().match(after)
        if r:
            role_quotes[canonical_role(r.group("prefix"), r.group("base")).split()[-1]] += 1
    for i, person in enumerate(people):
        quoted = 0
        mentions = 0
        for word in person.words():
            w = re.escape(word)
            mentions += len(re.findall(rf"\b{w}\b", text))
            quoted += len(
                re.findall(rf"(?i)\b(?:{SPEECH_VERBS})(?:nya)?\s+(?:\S+\s+){{0,4}}?{w}\b", text)
            )
            quoted += len(re.findall(rf"\b{w}\s+{SAYS_AFTER_NAME}\b", text))
        quoted += sum(v for k, v in role_quotes.items() if any(r.endswith(k) for r in person.roles))
        person.quoted = quoted
        base = person.role.split()[-1] if person.role else ""
        person.score = (
            3 * quoted
            + mentions / max(1, len(person.words()))
            + 2 * sum(person.roles.values())
            + (1.0 if i == 0 else 0)
            + (1.0 if any(person.role.endswith(h) for h in _HEAD_ROLES) else 0)
            + (0.5 if base == "Daerah" else 0)
            # The headline and the lead say whom the article is about; others speak in it.
            + (8.0 if _about(person, headline) else 0)
            + (3.0 if id(person) in in_lead else 0)
        )
    ranked = sorted(people, key=lambda p: -p.score)
    top = ranked[0]
    runner = ranked[1].score if len(ranked) > 1 else 0.0
    sure = top.quoted > 0 and top.score >= 1.5 * runner
    if not sure and top.quoted > 0 and id(top) in in_lead and _about(top, headline):
        # The headline and the lead are about this person and about nobody else: others
        # quoted as often speak in the article, it is not about them.
        sure = not any(_about(p, headline) or id(p) in in_lead for p in ranked[1:])
    others = ", ".join(f"{p.name} ({p.role})" for p in ranked[1:3])
    note = f"{top.name} ({top.role})" + (t("official.also", others=others) if others else "")
    if not top.quoted:
        note += t("official.never_quoted")
    elif not sure:
        note += t("official.split")
    all_regions = [r for p in people for r in p.regions]
    return OfficialFound(top.name, top.role, sure, note, tuple(top.regions), tuple(all_regions))
