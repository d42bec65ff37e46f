"""Who an article quotes, and their words: direct quotes with their speakers, and everyone
the article quotes or names as acting, with their role.

A quote is the text between quote marks (straight or curly double quotes) in the body's
paragraphs, exactly as written. A quote that opens a paragraph and does not close it goes on
in the next paragraph when that one opens with a quote mark too (the newsroom convention).
Indonesian news attributes a quote with a speech verb after it (``," ujar Sisardi``, ``,"
tegas Pjs Wako``, ``," ujarnya``) or a lead-in before it (``Hani menegaskan, "...``, ``Menurut
Sekda, "...``). The speaker is a name, a role (the person the article introduced with it) or a
pronoun (``-nya``, ``ia``, ``dia``, ``beliau``: the last person the article had speaking).
Short quoted terms inside a sentence (``gerakan "ASN Netral"``) are slogans, not speech.

People are found by the ingest's own rules (:mod:`arsip.ingest.people`: a role, its place,
then the name); a name that only appears in an attribution is a person too, without a role.
Every guess an editor should check is marked ``sure=False`` with a note saying why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from arsip.ingest import people
from arsip.messages import t

#: Verbs that attribute a quote written after it: ``"...," kata X``. ``-nya`` makes each a
#: pronoun (``ujarnya``: the last person speaking).
AFTER_VERBS = (
    "ujar|kata|ucap|tegas|tutur|terang|jelas|tutup|sambung|imbuh|papar|ungkap|sebut|lanjut|"
    "pinta|harap|ajak|tambah|pungkas|tandas|timpal|seru|pesan|ingat|urai|beber|aku|nilai|"
    "kilah|jawab|tanya|cetus|katakan|ungkapkan|jelaskan|tegaskan|sampaikan|terangkan|imbau|"
    "tukas|sahut|seloroh|kelakar|ingatkan"
)
_AFTER_RE = re.compile(
    rf"^\s*[,.;:]?\s*(?:demikian\s+)?(?:(?P<passive>di(?:katakan|sampaikan|tegaskan|ungkapkan|"
    rf"jelaskan|terangkan|ucapkan)\s+(?:oleh\s+)?)|(?P<verb>{AFTER_VERBS})(?P<nya>nya)?\b\s*)",
    re.IGNORECASE,
)
#: Verbs of a person speaking, written after their name: the ingest's own, and more that
#: lead a quote ("Irwan menyebut, "..."").
SAYS = (
    rf"(?:{people.SAYS_AFTER_NAME}|(?:pun\s+|juga\s+|lalu\s+)?(?:menyebut|menyatakan|berkata|"
    r"menjawab|mengaku|mengutarakan|membeberkan|mengimbuhkan|bertanya|berujar|berpesan|"
    r"mengemukakan|memperingatkan|mengungkap))"
)
#: Lead-ins before a quote: "X mengatakan, "..."", "Menurut X, "..."", "Katanya: "..."".
_SAYS_RE = re.compile(rf"\b{SAYS}\b(?:\s+bahwa)?", re.IGNORECASE)
_SAYS_END_RE = re.compile(rf"{_SAYS_RE.pattern}\s*$", re.IGNORECASE)
_MENURUT_RE = re.compile(r"\b[Mm]enurut(?P<nya>nya)?\b")
_DI_NYA_RE = re.compile(r"\b[Dd]i\w+(?:kan|nya)nya\b|\b[Dd]i(?:katakan|tegaskan|sampaikan)nya\b")
_KATA_BEFORE_RE = re.compile(rf"\b(?:{AFTER_VERBS})(?P<nya>nya)?\b", re.IGNORECASE)
#: A lead-in that introduces a text read or written, not a person speaking: "Bunyi ikrar
#: itu: "..."", "pernyataan sikap yang berbunyi, "..."", "spanduk bertuliskan, "..."".
_TEXT_LEAD_RE = re.compile(
    r"\b(?:berbunyi|bunyi(?:nya)?|bertuliskan|tulisan(?:nya)?|bertajuk|ikrar|sumpah|"
    r"pernyataan\s+sikap|yel-yel|slogan|semboyan|spanduk|baliho|pesan\s+berantai|"
    r"dibacakan|membacakan)\b",
    re.IGNORECASE,
)
_PRONOUN_RE = re.compile(r"^(?:dia|ia|beliau)\b", re.IGNORECASE)
_PRONOUN_SUBJECT_RE = re.compile(r"\b(?:Ia|Dia|Beliau|ia|dia|beliau)\b")
#: Words after a speech verb that name nobody: "kata seorang warga", "ujar mereka".
_ANONYMOUS_RE = re.compile(
    r"^(?:seorang|salah\s+seorang|salah\s+satu|mereka|warga|sumber|pihak|para|sejumlah|"
    r"beberapa|seseorang|ASN\b)",
    re.IGNORECASE,
)
#: A description that points back to the person speaking: "kata pria yang akrab disapa Yul
#: itu", "ujar mantan Sekda tersebut", "kata orang nomor satu di Pemkab Agam ini".
_DESCRIBED_RE = re.compile(
    r"^[a-z][^.,;:\"“”]{0,60}?\b(?:itu|ini|tersebut)\b(?!\s+(?:bahwa|adalah))"
)
#: Words of a title or office before a name that no role of data/roles.yml covers
#: ("Kapolres Pringsewu AKBP Yunus Saputra"): a name is read after the last of them.
_RANK_WORDS = (
    "akbp akp kompol kombes iptu ipda aiptu aipda brigjen irjen komjen jenderal letkol kolonel "
    "mayjen letjen kapten lettu letda serka serma brigadir bripka briptu"
)
_TITLES = " ".join(
    (
        "kapolres kapolresta kapolda kapolsek kapolri dandim danrem danramil pangdam kajari",
        "kajati kasat kasatpol kasi kabag kabid kadis kadisdik kaban kasubag kepala ketua wakil",
        "anggota komisioner direktur koordinator sekretaris asisten staf lurah kades rektor dekan",
        "pengamat inspektur camat bupati gubernur menteri dirut sekban plt pj pjs plh",
        _RANK_WORDS,
        # offices
        "dinas badan bagian kantor polres polresta polda polsek kodim korem kejaksaan negeri",
        "tinggi pengadilan dprd kpu bawaslu panwaslu satpol pp desa kelurahan kecamatan",
        "kabupaten kota provinsi pemkab pemkot pemko pemprov setda komisi daerah",
    )
)
TITLE_WORDS = frozenset(_TITLES.split())
#: Police and military ranks, written before a name and not part of it ("AKBP Yunus Saputra").
RANKS = frozenset(_RANK_WORDS.split())


def without_rank(name: str) -> str:
    """A name without the ranks and abbreviations written before it: "AKBP Yunus Saputra" ->
    "Yunus Saputra", "KKA Hendrik Gaite" -> "Hendrik Gaite" (a place's or office's
    abbreviation left over from the title before the name)."""
    words = name.split()
    while len(words) > 1 and (
        words[0].rstrip(".").casefold() in RANKS or _is_abbreviation(words[0], words[1:])
    ):
        words = words[1:]
    return " ".join(words)


def _is_abbreviation(word: str, rest: list[str]) -> bool:
    """An abbreviation before a name ("SBB", "KKA"): capitals only, followed by a word that
    is not (a name written in capitals throughout keeps its words)."""
    return (
        len(word) > 1 and word.isalpha() and word.isupper() and any(not w.isupper() for w in rest)
    )


_SENTENCE_END = re.compile(r"[.!?](?=\s)|[.!?](?=[A-Z])")
#: Quote marks: straight, curly and low double quotes (single quotes nest inside; ignored).
_MARKS = '"“”„'
_SPEECH_END = ".,!?…;:-—"
#: A quoted term is short: a slogan, a programme's name, a word in quotes.
SLOGAN_MAX_WORDS = 8


@dataclass(frozen=True)
class Quote:
    """One direct quote: its words as written, its speaker (a person's name, or None), how the
    speaker was found, and whether an editor should check it."""

    text: str
    speaker: str | None
    role: str
    paragraph: int  # index of the paragraph it starts in
    how: str  # "name", "role", "pronoun", "lead-in", "context", "anonymous", "slogan", "none"
    sure: bool
    note: str = ""
    # The words paragraph by paragraph, for a quote over several (each paragraph's words
    # stand in the text as they are; ``text`` joins them with a space).
    parts: tuple[str, ...] = ()


@dataclass(frozen=True)
class PersonFound:
    """A person the article quotes or names as acting."""

    name: str
    role: str  # canonical role, "" when the article gives none
    position: int  # first mention in the body (characters from its start)
    quoted: int
    sure: bool
    note: str = ""


@dataclass
class Extraction:
    people: list[PersonFound] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)


@dataclass
class _Span:
    """A quote's place: paragraph and character offsets of its words (without the marks)."""

    para: int
    start: int  # first character of the words
    end: int  # character after the words (the closing mark, or the paragraph's end)
    opened: bool  # has an opening mark
    closed: bool  # has a closing mark
    parts: list[str] = field(default_factory=list)  # the words, one part per paragraph
    last_para: int = -1
    last_end: int = -1  # end of the words in the last paragraph


@dataclass
class _Speaker:
    person: people.Person | None
    how: str
    sure: bool
    note: str = ""
    role: str = ""


# -- quote marks ---------------------------------------------------------------------------


def _is_closer(p: str, i: int) -> bool:
    """Whether the mark at ``i`` closes a quote: it follows a word or punctuation and is
    followed by a space, punctuation, the end, or an attribution glued to it (``,"ujar``)."""
    before = p[i - 1] if i > 0 else " "
    after = p[i + 1] if i + 1 < len(p) else " "
    return not before.isspace() and (after.isspace() or after in ".,;:!?)]" or after.islower())


def _is_opener(p: str, i: int) -> bool:
    before = p[i - 1] if i > 0 else " "
    after = p[i + 1] if i + 1 < len(p) else " "
    return not after.isspace() and (before.isspace() or before in "([:—–-/" or i == 0)


def _spans_in(p: str) -> list[tuple[int | None, int | None, int]]:
    """(opening mark, closing mark, end of the words) in one paragraph; None for a missing
    mark (an unclosed quote's words end at the next opening mark or the paragraph's end)."""
    out: list[tuple[int | None, int | None, int]] = []
    open_at: int | None = None
    for i, ch in enumerate(p):
        if ch not in _MARKS:
            continue
        if open_at is None:
            if ch in "“„" or _is_opener(p, i):
                open_at = i
            elif _is_closer(p, i):
                out.append((None, i, i))  # a closing mark with no opening one
        elif ch in "“„" and not _is_closer(p, i):
            # An opening mark while a quote is open: the previous one was never closed.
            out.append((open_at, None, i))
            open_at = i
        elif (
            ch == '"' and p[open_at] in "“„" and "”" in p[i:] and "“" not in p[i : p.index("”", i)]
        ):
            continue  # straight quotes nested in curly ones: 'kata “sebut ini "netral" saja”'
        else:
            out.append((open_at, i, i))
            open_at = None
    if open_at is not None:
        out.append((open_at, None, len(p)))
    return out


def _lead_in_end(p: str, limit: int) -> int:
    """Where the words start in a paragraph whose quote lacks its opening mark: after a
    lead-in such as "Ia juga menambahkan, " when there is one, else at the paragraph's start."""
    head = p[: min(limit, 120)]
    m = re.search(rf"(?:{_SAYS_RE.pattern}|\b[Mm]enurut\w*)[^,:.]{{0,40}}[,:]\s*", head)
    return m.end() if m else 0


def _spans(paragraphs: list[str]) -> list[_Span]:
    """Every quote in the body, joined across paragraphs where one goes on."""
    spans: list[_Span] = []
    carry: _Span | None = None  # a quote opened at a paragraph's start and not closed yet
    for n, p in enumerate(paragraphs):
        pairs = _spans_in(p)
        if carry is not None:
            first = pairs[0] if pairs else None
            if first and first[0] is not None and not p[: first[0]].strip():
                # The next paragraph opens with a mark: the quote goes on.
                op, cl, end = first
                carry.parts.append(p[op + 1 : end])
                carry.last_para, carry.last_end = n, end
                pairs = pairs[1:]
                if cl is None and end == len(p):
                    continue
                carry.closed = cl is not None
                spans.append(carry)
                carry = None
            elif first and first[0] is None:
                # Closed in this paragraph without reopening: the words run from its start.
                cl = first[1]
                assert cl is not None
                carry.parts.append(p[:cl])
                carry.last_para, carry.last_end, carry.closed = n, cl, True
                spans.append(carry)
                carry = None
                pairs = pairs[1:]
            else:
                spans.append(carry)  # never closed: it ends with its paragraph
                carry = None
        for op, cl, end in pairs:
            if op is None:
                start = _lead_in_end(p, end)
                spans.append(_Span(n, start, end, False, True, [p[start:end]], n, end))
                continue
            span = _Span(n, op + 1, end, True, cl is not None, [p[op + 1 : end]], n, end)
            if (
                end == len(p)
                and cl is None
                and (not p[:op].strip() or p[:op].rstrip()[-1:] in ",:")
            ):
                carry = span  # may go on in the next paragraph
            else:
                spans.append(span)
    if carry is not None:
        spans.append(carry)
    return [s for s in spans if any(part.strip() for part in s.parts)]


# -- speakers --------------------------------------------------------------------------------


@dataclass
class _Context:
    """The body and what is known of its people, for resolving names, roles and pronouns."""

    paragraphs: list[str]
    offsets: list[int]
    persons: list[people.Person]
    # (position in the body, person) of each time someone speaks: attributed quotes, "X
    # mengatakan", "menurut X"; a pronoun points back to the last of these.
    events: list[tuple[int, people.Person]] = field(default_factory=list)

    def pos(self, para: int, offset: int) -> int:
        return self.offsets[para] + offset

    def person_named(self, name: str) -> people.Person:
        """The person a name (any variant) means; a new person, without a role, if none."""
        name = without_rank(name)
        found = people._same_person(self.persons, name)
        if found is None:
            found = people.Person(first_pos=10**9)
            self.persons.append(found)
        if name not in found.names:
            found.names.append(name)
        return found

    def fuller(self, name: str) -> str:
        """The fullest form of a name the body writes ("Alexander" -> "Alexander Tanak",
        introduced earlier with a title the roles do not cover)."""
        best = name
        for m in re.finditer(rf"\b{re.escape(name)}\b", self.body):
            longer, _ = people._name_after(self.body, m.start())
            if longer.startswith(name) and len(longer.split()) <= 4 and len(longer) > len(best):
                best = longer
        return best

    def person_with_role(self, role: str, before: int) -> tuple[people.Person | None, bool]:
        """The person introduced with ``role`` ("Sekda" -> the Sekretaris Daerah), and whether
        that is unambiguous (exactly one such person)."""
        base = _base(role)
        exact = [p for p in self.persons if role in p.roles]
        same = exact or [p for p in self.persons if any(_base(r) == base for r in p.roles)]
        if not same:
            return None, False
        if len(same) == 1:
            return same[0], True
        spoke = [p for pos, p in self.events if pos < before and p in same]
        return (spoke[-1] if spoke else same[0]), False

    def mentions(self, text: str, start: int) -> list[tuple[int, people.Person]]:
        """Each person named (by a name's word, or by their role) in ``text`` (which starts
        at body position ``start``), in order."""
        out = []
        for person in self.persons:
            for word in person.words():
                for m in re.finditer(rf"\b{re.escape(word)}\b", text):
                    out.append((start + m.start(), person))
        for m in people._role_re().finditer(text):
            role = people.canonical_role(m.group("prefix"), m.group("base"))
            who, _ = self.person_with_role(role, start + m.start())
            if who is not None:
                out.append((start + m.start(), who))
        return sorted(out, key=lambda x: x[0])

    def last_speaker(self, before: int) -> tuple[people.Person | None, int]:
        """The last person who spoke before body position ``before``, and where."""
        earlier = [(pos, p) for pos, p in self.events if pos < before]
        if earlier:
            pos, p = earlier[-1]
            return p, pos
        named = [(pos, p) for pos, p in self.mentions(self.body[:before], 0)]
        if named:
            pos, p = named[-1]
            return p, pos
        return None, -1

    @property
    def body(self) -> str:
        return "\n".join(self.paragraphs)

    def para_of(self, pos: int) -> int:
        n = 0
        for i, off in enumerate(self.offsets):
            if off <= pos:
                n = i
        return n


def _base(role: str) -> str:
    """A role without its Pj/Pjs/Plt/Plh prefix."""
    first, _, rest = role.partition(" ")
    return rest if rest and first in people.PREFIXES.values() else role


def _named_at(ctx: _Context, text: str, at: int) -> _Speaker | None:
    """The speaker written at the start of ``text`` (right after a speech verb): a role and
    a name, a name, a role alone, or a pronoun."""
    text = text.lstrip(" ,")
    if not text:
        return None
    if _PRONOUN_RE.match(text):
        return _pronoun(ctx, at)
    snippet = text[:160].split("\n")[0]
    found = people.find_people(snippet)
    if found and found[0].first_pos == 0:
        person = ctx.person_named(found[0].name)
        role = found[0].role
        if role not in person.roles:
            person.roles[role] += 1
        return _Speaker(person, "name", True, role=role)
    role = people.role_at(snippet)
    if role:
        person, unique = ctx.person_with_role(role, at)
        if person is None:
            return _Speaker(None, "role", False, t("quotes.role_nobody", role=role), role)
        note = "" if unique else t("quotes.role_several", role=role, name=person.name)
        return _Speaker(person, "role", unique, note, role)
    if _ANONYMOUS_RE.match(snippet):
        return _Speaker(None, "anonymous", True, t("quotes.anonymous"))
    if _DESCRIBED_RE.match(snippet):
        return _pronoun(ctx, at)
    name, end = people._name_after(snippet, 0)
    first = snippet.split(maxsplit=1)[0].rstrip(",.").casefold()
    if first in TITLE_WORDS:
        # "Kapolres Agam AKBP Yunus", "Kepala Dinas Kominfo Kota Parepare, Rudi Hartawan".
        run = re.match(r"(?:[A-Z][\w'’.-]*(?:\s+|$))*[A-Z][\w'’.-]*", snippet)
        end = run.end() if run else 0
        after, after_end = ("", 0)
        if _comma_at(snippet, end):
            after, after_end = people._name_after(snippet, _skip_comma(snippet, end))
        if after:  # "Title Place, Name": the name after the comma
            name, end = after, after_end
        else:
            name = _after_title(snippet[:end].rstrip("."))
    if not name or not name[:1].isupper() or len(name) < 2:
        return None
    person = ctx.person_named(ctx.fuller(name))
    # "kata Budi Setiawan, Kepala BKPSDM ...": the role written after the name.
    if _comma_at(snippet, end):
        role = people.role_at(snippet[_skip_comma(snippet, end) :])
        if role and role not in person.roles:
            person.roles[role] += 1
    return _Speaker(person, "name", True)


_NAME_THEN_COMMA = re.compile(r"(?<![\w.])((?:[A-Z][\w'’-]+\.?\s+){0,3}[A-Z][\w'’-]+),\s+")


def _named_then_role(ctx: _Context, body: str) -> None:
    """People written name first, role after a comma ("Yanti Marlina, Kepala BKPSDM
    Kabupaten Seluma, ..."), which :func:`people.find_people` does not read."""
    for m in _NAME_THEN_COMMA.finditer(body):
        role = people.role_at(body[m.end() : m.end() + 60])
        if not role or not re.search(r"[a-z]", body[: m.start()]):
            continue  # no role; or the dateline's outlet ("GERUNG – Lombok Pagi, Pj Bupati")
        tokens = m.group(1).split()
        if any(
            w.rstrip(".").casefold() in people.STOP_WORDS
            or w.rstrip(".").casefold() in TITLE_WORDS
            or people.regions_named(w)
            for w in tokens
        ):
            continue
        name = people.clean_name(tokens)
        if not name:
            continue
        person = people._same_person(ctx.persons, name)
        if person is None:
            person = people.Person(first_pos=m.start())
            ctx.persons.append(person)
        if name not in person.names:
            person.names.append(name)
        if not person.roles:
            person.roles[role] += 1


def _comma_at(text: str, end: int) -> bool:
    """Whether a comma ends the name that ends at ``end`` ("Budi Setiawan, Kepala ...")."""
    return text[:end].rstrip().endswith(",") or text[end:].lstrip().startswith(",")


def _skip_comma(text: str, end: int) -> int:
    return end + len(text[end:]) - len(text[end:].lstrip(" ,"))


def _after_title(words: str) -> str:
    """The name at the end of a titled phrase ("Kapolres Pringsewu AKBP Yunus Saputra" ->
    "Yunus Saputra"): the words after the last title, office, rank or place."""
    tokens = words.split()
    n = len(tokens)
    while n > 0:
        word = tokens[n - 1]
        pair = " ".join(tokens[n - 2 : n]) if n > 1 else ""
        if (
            word.casefold() in TITLE_WORDS
            or (word.isupper() and len(word) > 1)
            or people.regions_named(word)
            or (pair and people.regions_named(pair))
        ):
            break
        n -= 1
    name = tokens[n:]
    return " ".join(name) if 0 < len(name) <= 4 else ""


def _pronoun(ctx: _Context, at: int) -> _Speaker:
    """A pronoun (``ujarnya``, ``ia``): the last person the article had speaking."""
    person, pos = ctx.last_speaker(at)
    if person is None:
        return _Speaker(None, "pronoun", False, t("quotes.pronoun_nobody"))
    if ctx.para_of(pos) != ctx.para_of(at):
        return _Speaker(person, "pronoun", False, t("quotes.pronoun_across", name=person.name))
    return _Speaker(person, "pronoun", True)


def _after(ctx: _Context, p: str, end: int, at: int) -> _Speaker | None:
    """The attribution written after a quote's closing mark (``," ujar Sisardi``)."""
    m = _AFTER_RE.match(p[end + 1 :])
    if not m:
        return None
    if m.group("nya"):
        return _pronoun(ctx, at)
    if m.group("passive") and not p[end + 1 + m.end() :].strip()[:1].isupper():
        return None  # "demikian disampaikan dalam apel": nobody named
    return _named_at(ctx, p[end + 1 + m.end() :], at) or _Speaker(
        None, "none", False, t("quotes.verb_nobody")
    )


def _before(ctx: _Context, p: str, start: int, para: int, floor: int = 0) -> _Speaker | None:
    """A lead-in before a quote in its sentence: ``Hani menegaskan, "``, ``Menurut Sekda, "``,
    ``Katanya: "``, ``Ia menambahkan, "``."""
    head = p[:start]
    cut = floor  # after the quote before it in the paragraph, if any
    for m in _SENTENCE_END.finditer(head, floor):
        cut = m.end()
    pre = head[cut:].rstrip(" " + _MARKS).lstrip(" ,;" + _MARKS)
    # A lead-in ends with a comma or colon, or with its verb ("X mengatakan "..."").
    if not pre or (pre[-1] not in ",:" and not _SAYS_END_RE.search(pre)):
        return None
    at = ctx.pos(para, cut)
    m = _MENURUT_RE.search(pre)
    if m:
        if m.group("nya"):
            return _pronoun(ctx, at)
        return _named_at(ctx, pre[m.end() :], at)
    says = list(_SAYS_RE.finditer(pre)) or list(_DI_NYA_RE.finditer(pre))
    if says:
        subject = pre[: says[-1].start()]
        if _DI_NYA_RE.search(pre) and not subject.strip():
            return _pronoun(ctx, at)
        named = ctx.mentions(subject, at)
        pronoun = list(_PRONOUN_SUBJECT_RE.finditer(subject))
        if named and (not pronoun or named[-1][0] >= at + pronoun[-1].start()):
            return _Speaker(named[-1][1], "lead-in", True)
        if pronoun:
            return _pronoun(ctx, at)
        speaker = _named_at(ctx, subject.split(",")[-1].strip(), at)
        if speaker:
            return speaker
        return _text_read(pre)
    m2 = _KATA_BEFORE_RE.search(pre)
    if m2 and m2.start() < 20:
        # "Kata Sekda, "..."", and a quote interrupted by its attribution: ""A," kata X, "B"".
        if m2.group("nya"):
            return _pronoun(ctx, at)
        return _named_at(ctx, pre[m2.end() :], at)
    if pre.endswith(":"):
        named = ctx.mentions(pre, at)  # "Hamdan: "...""
        if named:
            return _Speaker(named[-1][1], "lead-in", True)
    return _text_read(pre)


def _text_read(pre: str) -> _Speaker | None:
    """A lead-in naming nobody that introduces a pledge, a banner or a message: the quote has
    no speaker (not the words of whoever spoke before it)."""
    if _TEXT_LEAD_RE.search(pre):
        return _Speaker(None, "none", False, t("quotes.text_read"))
    return None


def _is_slogan(p: str, span: _Span) -> bool:
    """A short quoted term inside a sentence: not speech (``gerakan "ASN Netral" digelar``)."""
    if not span.opened or not span.closed or span.last_para != span.para:
        return False
    words = "".join(span.parts).strip()
    if not words or words[-1] in _SPEECH_END or len(words.split()) > SLOGAN_MAX_WORDS:
        return False
    before = p[: span.start - 1].rstrip()
    # Speech opens a sentence or follows a lead-in's comma or colon; a term sits in a clause.
    return bool(before) and before[-1] not in ".!?:,"


def extract(paragraphs: list[str]) -> Extraction:
    """Every direct quote of the body's paragraphs with its speaker, and every person the
    article quotes or names as acting, with their role."""
    offsets, pos = [], 0
    for p in paragraphs:
        offsets.append(pos)
        pos += len(p) + 1
    body = "\n".join(paragraphs)
    ctx = _Context(paragraphs, offsets, people.find_people(body))
    for person in ctx.persons:
        person.names = [without_rank(n) for n in person.names]
    _named_then_role(ctx, body)
    spans = _spans(paragraphs)
    # Twice: the first pass meets the people named only where they are quoted ("ujar
    # Alexander"), so that the second knows them wherever the article has them speaking.
    _speaking(ctx)
    _attribute(ctx, spans)
    _speaking(ctx)
    found = _attribute(ctx, spans)

    quotes: list[Quote] = []
    for i, (span, speaker, slogan) in enumerate(found):
        parts = tuple(part.strip() for part in span.parts if part.strip())
        text = " ".join(parts)
        notes = []
        if not span.opened:
            notes.append(t("quotes.no_opening"))
        if not span.closed:
            notes.append(t("quotes.no_closing"))
        if slogan:
            note = t("quotes.slogan")
            quotes.append(Quote(text, None, "", span.para, "slogan", False, note, parts))
            continue
        if speaker is None:
            speaker = _from_context(found, i)
        person = speaker.person
        name = person.name if person else None
        role = speaker.role or (person.role if person and person.roles else "")
        if speaker.note:
            notes.insert(0, speaker.note)
        sure = speaker.sure and span.opened and span.closed
        note = "; ".join(notes)
        quotes.append(Quote(text, name, role, span.para, speaker.how, sure, note, parts))

    quoted: dict[str, int] = {}
    for q in quotes:
        if q.speaker:
            quoted[q.speaker] = quoted.get(q.speaker, 0) + 1
    persons = []
    for person in ctx.persons:
        if not person.names:
            continue
        first = person.first_pos
        if first >= 10**9:
            hits = [pos for pos, p in ctx.mentions(body, 0) if p is person]
            first = hits[0] if hits else len(body)
        role = person.role if person.roles and person.role else ""
        persons.append(
            PersonFound(
                person.name,
                role,
                first,
                quoted.get(person.name, 0),
                bool(role),
                "" if role else t("quotes.no_role", name=person.name),
            )
        )
    persons.sort(key=lambda p: p.position)
    return Extraction(persons, quotes)


_CONNECTIVE_RE = re.compile(
    r"^(?:(?:Sementara(?:\s+itu)?|Selain\s+itu|Adapun|Di\s+sisi\s+lain|Kemudian|Sedangkan|"
    r"Namun|Lebih\s+lanjut|Selanjutnya|(?:Dalam|Pada)\s+kesempatan\s+(?:itu|yang\s+sama)),?\s*)?$"
)


def _speaking(ctx: _Context) -> None:
    """Where people speak or act without quote marks: "X mengatakan", "menurut X", a
    sentence that opens with them (events a later pronoun points back to)."""
    ctx.events = []
    for n, p in enumerate(ctx.paragraphs):
        starts = [0] + [m.end() for m in _SENTENCE_END.finditer(p)]
        for start in starts:
            sentence = p[start : start + 120].lstrip()
            lead = len(p[start:]) - len(p[start:].lstrip())
            if not sentence or sentence[0] in _MARKS:
                continue
            named = ctx.mentions(sentence[:80], ctx.pos(n, start + lead))
            if named:
                pos, person = named[0]
                if _CONNECTIVE_RE.match(sentence[: pos - ctx.pos(n, start + lead)]):
                    ctx.events.append((pos, person))
        for m in _SAYS_RE.finditer(p):
            named = ctx.mentions(p[max(0, m.start() - 60) : m.start()], ctx.pos(n, 0))
            if named and m.start() - (named[-1][0] - ctx.pos(n, 0)) < 60:
                ctx.events.append((ctx.pos(n, m.start()), named[-1][1]))
        for m in _MENURUT_RE.finditer(p):
            if not m.group("nya"):
                named = ctx.mentions(p[m.end() : m.end() + 40], ctx.pos(n, m.end()))
                if named:
                    ctx.events.append((ctx.pos(n, m.start()), named[0][1]))
    ctx.events.sort(key=lambda e: e[0])


def _attribute(ctx: _Context, spans: list[_Span]) -> list[tuple[_Span, _Speaker | None, bool]]:
    """Each quote's speaker as the text writes it (None when it does not), and whether the
    quote is a slogan."""
    found: list[tuple[_Span, _Speaker | None, bool]] = []
    previous: _Span | None = None
    for span in spans:
        last = ctx.paragraphs[span.last_para]
        at = ctx.pos(span.para, span.start)
        speaker = None
        if span.closed:
            speaker = _after(ctx, last, span.last_end, ctx.pos(span.last_para, span.last_end))
        if speaker is None:
            floor = (
                previous.last_end + 1
                if previous is not None and previous.last_para == span.para
                else 0
            )
            para = ctx.paragraphs[span.para]
            speaker = _before(ctx, para, max(0, span.start - 1), span.para, floor)
            above = ctx.paragraphs[span.para - 1].rstrip() if span.para else ""
            if speaker is None and not para[: span.start - 1].strip() and above.endswith(":"):
                # "Hamdan menegaskan:" closing the paragraph before the quote.
                speaker = _before(ctx, above, len(above), span.para - 1)
        slogan = speaker is None and _is_slogan(ctx.paragraphs[span.para], span)
        if speaker and speaker.person is not None:
            # The speaker speaks here: later pronouns point to them.
            ctx.events.append((at, speaker.person))
            ctx.events.sort(key=lambda e: e[0])
        found.append((span, speaker, slogan))
        previous = span
    return found


def _from_context(found: list[tuple[_Span, _Speaker | None, bool]], i: int) -> _Speaker:
    """An unattributed quote: the speaker of the quote before it, when the one after it (if
    any) agrees (the article goes on with one person's words); flagged either way."""
    span = found[i][0]

    def near(step: int) -> people.Person | None:
        j = i + step
        while 0 <= j < len(found):
            other, speaker, slogan = found[j]
            if abs(other.para - span.para) > 1 and abs(other.last_para - span.last_para) > 1:
                return None
            if not slogan:
                return speaker.person if speaker else None
            j += step
        return None

    # Only a speech going on is guessed: the quote before it is someone's, and the one after
    # (if any) is theirs too. A quote that only precedes another one (a pledge read by all,
    # then an official speaking) is left without a speaker.
    before, after = near(-1), near(1)
    if before is None or (after is not None and after is not before):
        return _Speaker(None, "none", False, t("quotes.no_speaker"))
    return _Speaker(before, "context", False, t("quotes.context", name=before.name))
