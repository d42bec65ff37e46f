"""The schema's front-matter reading: the lines read without libyaml give what libyaml gives."""

from __future__ import annotations

import random
from pathlib import Path

import yaml

from arsip import schema
from arsip.testing import article

#: Pieces of front-matter values: ordinary text, YAML's indicators, quotes, numbers, booleans,
#: null, dates, URLs, blanks and other characters libyaml treats specially.
PIECES = [
    "Kota Padang", "Jelang Pilkada", "ASN", "2024-10-03", "12", "1_000", "0x1F", "3.5", ".inf",
    "yes", "No", "on", "true", "null", "~", "=", "<<", "https://a.example/x?y=1", "a:b", ": ",
    ":", " #", "#", "-", "- ", "?", "? ", ",", "[", "]", "{", "}", "&a", "*a", "!", "!!str",
    "|", ">", "%", "@", "`", "'", "''", '"', '\\"', "\\", "\\n", " ", "  ", "\t", "\xa0", "\r",
    "\x85", "\u2028", "\ufeff", "\x07", "é", "Jum'at", "“kutip”", "😀",
]  # fmt: skip
KEYS = [
    "title",
    "date",
    "tags",
    "title",
    "region",
    "source_url",
    "a_b",
    "x",
    "yes",
    "null",
    "1",
    "<<",
    "=",
    "key with space",
    "",
]


#: Pieces most values are made of (drawn more often, so that many lines take the fast path).
PLAIN = ["Kota", " ", "Padang", "ASN", "2024", "-", ".", ",", "x"]


def _piece(rnd: random.Random) -> str:
    return rnd.choice(PLAIN) if rnd.random() < 0.6 else rnd.choice(PIECES)


def _value(rnd: random.Random) -> str:
    text = "".join(_piece(rnd) for _ in range(rnd.randint(0, 4)))
    form = rnd.randrange(6)
    if form == 0:
        return f'"{text}"'
    if form == 1:
        return f"'{text}'"
    if form == 2:
        items = ["".join(_piece(rnd) for _ in range(rnd.randint(0, 2))) for _ in range(3)]
        return "[" + rnd.choice([", ", ",", " , "]).join(items[: rnd.randint(0, 3)]) + "]"
    return text


def _libyaml(lines: list[str]) -> object:
    try:
        meta = yaml.load("\n".join(lines), Loader=schema._Loader)
    except yaml.YAMLError:
        return "error"
    return {str(k): v for k, v in meta.items()} if isinstance(meta, dict) else "not a mapping"


def test_lines_read_without_libyaml_are_read_as_libyaml_reads_them() -> None:
    rnd = random.Random(12)
    fast = 0
    for _ in range(60000):
        lines = [
            f"{rnd.choice(KEYS)}:{rnd.choice([' ', '  ', '', chr(9)])}{_value(rnd)}"
            for _ in range(rnd.randint(1, 3))
        ]
        simple = schema._simple_front_matter(lines)
        if simple is not None:
            fast += 1
            expected = _libyaml(lines)
            assert simple == expected, lines
            assert [type(v) for v in simple.values()] == [type(v) for v in expected.values()]
    assert fast > 2000  # the fast path is taken often, not only refused


def test_articles_are_read_without_libyaml(tmp_path: Path) -> None:
    """The usual front-matter (the test helper's, quoted titles, lists) takes the fast path,
    and parse() gives the same fields either way."""
    for text in (
        article(),
        article(title='"Jelang Pilkada: ASN diminta netral"', source_url="https://a.example/b"),
        article(tags="[netralitas ASN, apel, ikrar]", summary="'Ringkasan satu kalimat.'"),
        article(title_editorial="true", title="Judul dari redaksi"),
    ):
        lines = text.split("\n")
        header = lines[1 : lines.index("---", 1)]
        assert schema._simple_front_matter(header) is not None
        parsed = schema.parse(text, "a.md")
        assert parsed.meta == _libyaml(header)
        # Each field's line, as the general path finds it.
        lines = {}
        for i, line in enumerate(header, start=2):
            m = schema._KEY_LINE.match(line)
            if m:
                lines.setdefault(m.group(1), i)
        assert parsed.lines == lines
        assert not parsed.problems
