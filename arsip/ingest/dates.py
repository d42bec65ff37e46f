"""The date of the statement, from the forms Indonesian news use.

``Senin, (19/8)``, ``Kamis (3/10/2024)``, ``Senin(04/11)``, ``Selasa, 12 November 2024``,
``(7/10/2020)``. A date without a year takes the year of the election the text mentions, and
is accepted only if the weekday named falls on it; anything else is flagged for review.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from arsip.messages import t

WEEKDAYS = {
    "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "jum’at": 4,
    "sabtu": 5, "minggu": 6, "ahad": 6,
}  # fmt: skip
MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "pebruari": 2, "feb": 2, "peb": 2, "maret": 3,
    "mar": 3, "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7,
    "agustus": 8, "agu": 8, "agt": 8, "agus": 8, "ags": 8, "september": 9, "sep": 9,
    "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nopember": 11, "nov": 11, "nop": 11,
    "desember": 12, "des": 12,
}  # fmt: skip
_DAY = r"(?P<wd>senin|selasa|rabu|kamis|jum['’]?at|sabtu|minggu|ahad)"
_MON = "|".join(sorted(MONTHS, key=len, reverse=True))

# "Senin, (19/8)", "Kamis (3/10/2024)", "Senin(04/11)", "Rabu, 9/10/2024", "(7/10/2020)".
NUMERIC_RE = re.compile(
    rf"(?i)(?:\b{_DAY}\s*,?\s*)?(?P<open>\()?\s*(?P<d>\d{{1,2}})\s*[/-]\s*(?P<m>\d{{1,2}})"
    r"(?:\s*[/-]\s*(?P<y>\d{4}|\d{2}))?\s*(?P<close>\))?"
)
# "Selasa, 12 November 2024", "Senin (19 Agustus 2024)", "12 Nov 2024", "Rabu, 9 Oktober".
WORDED_RE = re.compile(
    rf"(?i)(?:\b{_DAY}\s*,?\s*\(?\s*)?\b(?P<d>\d{{1,2}})\s+(?P<mon>{_MON})\.?"
    r"(?:\s+(?P<y>\d{4}))?\b"
)
ELECTION_YEAR_RE = re.compile(
    r"(?i)\b(?:pilkada|pemilihan kepala daerah|pemilihan|pilgub|pilbup|pilwako|pilwalkot|pemilu)"
    r"(?:\s*\)|\s+serentak|\s+tahun|\s+nasional|\s+\(pilkada\))*\s+(?P<y>20\d\d)\b"
)
YEAR_RE = re.compile(r"\b(20\d\d)\b")


@dataclass(frozen=True)
class DateFound:
    value: dt.date | None
    sure: bool
    note: str  # what was read, and why it needs review if it does
    written: str = ""


@dataclass(frozen=True)
class _Candidate:
    pos: int
    written: str
    day: int
    month: int
    year: int | None
    weekday: int | None
    rank: int  # lower is better: 0 weekday named, 1 in parentheses, 2 other full date


def _candidates(text: str) -> list[_Candidate]:
    out: list[_Candidate] = []
    for m in NUMERIC_RE.finditer(text):
        wd, paren = m.group("wd"), m.group("open") and m.group("close")
        if not wd and not paren:
            continue  # "9/2020" in a letter number, "20/2023": not a date without context
        y = m.group("y")
        year = (2000 + int(y) if len(y) == 2 else int(y)) if y else None
        out.append(
            _Candidate(
                m.start(),
                m.group(0).strip(),
                int(m.group("d")),
                int(m.group("m")),
                year,
                WEEKDAYS[_norm_wd(wd)] if wd else None,
                0 if wd else 1,
            )
        )
    for m in WORDED_RE.finditer(text):
        wd = m.group("wd")
        before = text[max(0, m.start() - 12) : m.start()].lower()
        y = m.group("y")
        out.append(
            _Candidate(
                m.start(),
                m.group(0).strip(),
                int(m.group("d")),
                MONTHS[m.group("mon").lower()],
                int(y) if y else None,
                WEEKDAYS[_norm_wd(wd)] if wd else None,
                # "tanggal 18 Maret 2020" names a document's date, not the event's.
                0 if wd else 3 if re.search(r"(tanggal|tgl\.?|nomor|no\.)\s*$", before) else 2,
            )
        )
    return sorted(out, key=lambda c: (c.rank, c.pos))


def _norm_wd(wd: str) -> str:
    wd = wd.lower().replace("’", "'")
    return "jumat" if wd.startswith("jum") else wd


def election_years(text: str) -> list[int]:
    """Years of elections the text names ("Pilkada 2024", "Pilkada serentak tahun 2020"),
    most mentioned first; the years named at all when it names no election."""
    named = Counter(int(m.group("y")) for m in ELECTION_YEAR_RE.finditer(text))
    if not named:
        named = Counter(int(y) for y in YEAR_RE.findall(text))
    return [y for y, _ in sorted(named.items(), key=lambda kv: (-kv[1], -kv[0]))]


def _make(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _weekday_name(n: int) -> str:
    return ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"][n]


def find_date(body: str, above: str = "") -> DateFound:
    """The statement's date: a date with a weekday in the body first, then one in parentheses,
    then a written-out date; the lines above the body (publication stamps) last."""
    cands = _candidates(body) + [
        _Candidate(c.pos, c.written, c.day, c.month, c.year, c.weekday, c.rank + 4)
        for c in _candidates(above)
    ]
    cands.sort(key=lambda c: (c.rank, c.pos))
    cands = [c for c in cands if 1 <= c.month <= 12 and 1 <= c.day <= 31]
    if not cands:
        return DateFound(None, False, t("date.none"))
    best = cands[0]
    written = best.written
    extra = t("date.no_weekday") if best.rank in (2, 3, 6, 7) else ""
    if best.year is not None:
        value = _make(best.year, best.month, best.day)
        if value is None:
            return DateFound(None, False, t("date.not_calendar", written=repr(written)), written)
        if best.weekday is not None and value.weekday() != best.weekday:
            return DateFound(
                value,
                False,
                t(
                    "date.weekday",
                    written=repr(written),
                    date=value.isoformat(),
                    actual=_weekday_name(value.weekday()),
                    named=_weekday_name(best.weekday),
                ),
                written,
            )
        return DateFound(value, not extra, f"{written!r}{extra}", written)
    # No year: the election year the text names, else a year given elsewhere in the text.
    years = election_years(body + "\n" + above)
    if not years:
        return DateFound(None, False, t("date.no_year", written=repr(written)), written)
    year = years[0]
    value = _make(year, best.month, best.day)
    if value is None:
        return DateFound(
            None, False, t("date.not_day_of", written=repr(written), year=year), written
        )
    if best.weekday is None:
        return DateFound(value, False, t("date.year_unchecked", written=repr(written), year=year))
    if value.weekday() == best.weekday:
        return DateFound(
            value,
            not extra,
            t("date.year_from_text", written=repr(written), year=year) + extra,
            written,
        )
    # The weekday does not fit the election year: say which other year it would fit, never
    # pick one silently.
    fits = [
        y
        for y in years[1:]
        if (d := _make(y, best.month, best.day)) and d.weekday() == best.weekday
    ]
    hint = t("date.fits", weekday=_weekday_name(best.weekday), year=fits[0]) if fits else ""
    return DateFound(
        value,
        False,
        t(
            "date.weekday",
            written=repr(written),
            date=value.isoformat(),
            actual=_weekday_name(value.weekday()),
            named=_weekday_name(best.weekday),
        )
        + hint,
        written,
    )


# A publication line above the body: "Senin, 9 September 2024 14:25 WIB", "Diterbitkan
# 09/09/2024", "9 Sep 2024, 14.25", "Kompas.com - 11/09/2024, 14:25 WIB".
_TIME_RE = re.compile(r"(?i)\b(?:pukul\s+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:WIB|WITA|WIT)?\b")
_LABEL_RE = re.compile(
    r"(?i)\b(diterbitkan|dipublikasikan|dipublikasi|terbit|tayang|published|posted|"
    r"diunggah|pada|tanggal|tgl|on)\b"
)
_UPDATED_RE = re.compile(r"(?i)\b(diperbarui|diperbaharui|update[d]?|pembaruan)\b")


def publication_date(lines: list[str]) -> DateFound | None:
    """The date of a publication line among the lines above the body, or None."""
    for line in lines:
        if len(line) > 90 or _UPDATED_RE.search(line):
            continue
        found = [c for c in _candidates(line) if c.year is not None]
        if not found:
            # "Diterbitkan 09/09/2024": a bare numeric date, which the body's rules ignore.
            found = [
                _Candidate(
                    m.start(),
                    m.group(0),
                    int(m.group(1)),
                    int(m.group(2)),
                    int(m.group(3)),
                    None,
                    1,
                )
                for m in re.finditer(r"\b(\d{1,2})[/-](\d{1,2})[/-](20\d\d)\b", line)
            ]
        if len(found) != 1:
            continue
        c = found[0]
        rest = line.replace(c.written, " ")
        rest = _LABEL_RE.sub(" ", _TIME_RE.sub(" ", rest))
        rest = re.sub(r"[\w.-]+\.(?:com|co|id|net|org|news)\b|[-–—|,:()/]", " ", rest)
        if len(rest.split()) > 3:
            continue  # a sentence with a date in it, not a publication line
        value = _make(c.year, c.month, c.day)  # type: ignore[arg-type]
        if value is None:
            return DateFound(
                None, False, t("date.not_calendar", written=repr(c.written)), c.written
            )
        if c.weekday is not None and value.weekday() != c.weekday:
            return DateFound(
                value,
                False,
                t("date.publication_line", line=repr(line.strip()))
                + ": "
                + t(
                    "date.weekday",
                    written=repr(c.written),
                    date=value.isoformat(),
                    actual=_weekday_name(value.weekday()),
                    named=_weekday_name(c.weekday),
                ),
                c.written,
            )
        return DateFound(
            value, True, t("date.publication_line", line=repr(line.strip())), c.written
        )
    return None


def article_date(header: list[str], body: str, above: str = "") -> DateFound:
    """The article's date: the publication line's, checked against the days the body names
    with a weekday or in parentheses ("Selasa (24/9)", resolved against its year); without a
    publication line, :func:`find_date`."""
    published = publication_date(header)
    if published is None or published.value is None:
        return find_date(body, above) if published is None else published
    if not published.sure:
        return published
    pub = published.value
    days = []
    for c in _candidates(body):
        if c.rank > 1:
            continue  # a date written out in the body is a date it mentions
        value = _make(c.year or pub.year, c.month, c.day)
        if value is not None:
            days.append((c, value))
    if not days or any(v == pub for _, v in days):
        return published
    # Published the day after (or a few days after) the event it reports ("Rabu (16/10)" in
    # an article published Thursday 17/10): the article's date is its publication line's (the
    # archive's rule), so the value is right and not flagged; the statement's day, its weekday
    # fitting, is named in the note for an editor who reads it.
    before = [
        (c, v)
        for c, v in days
        if c.weekday is not None
        and v.weekday() == c.weekday
        and dt.timedelta(0) < pub - v <= dt.timedelta(days=3)
    ]
    if before:
        c, value = before[0]
        return DateFound(
            pub,
            True,
            t(
                "date.statement_day",
                written=repr(c.written),
                date=value.isoformat(),
                published=published.note,
            ),
            published.written,
        )
    c, value = days[0]
    return DateFound(
        pub,
        False,
        t(
            "date.publication_conflict",
            published=published.note,
            written=repr(c.written),
            date=value.isoformat(),
        ),
        published.written,
    )
