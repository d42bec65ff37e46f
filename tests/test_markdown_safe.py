"""The Markdown renderer keeps untrusted text as text even if validation were bypassed."""

from __future__ import annotations

import markdown
import pytest


@pytest.fixture
def md() -> markdown.Markdown:
    return markdown.Markdown(extensions=["arsip.markdown_safe"])


@pytest.mark.parametrize(
    ("source", "forbidden"),
    [
        ("<script>alert(1)</script>", "<script"),
        ('<iframe src="https://evil.example"></iframe>', "<iframe"),
        ("Teks <img src=x onerror=alert(1)> teks", "<img"),
        ("Teks <span onmouseover=alert(1)>x</span>", "<span"),
        ("[klik](javascript:alert(1))", "javascript:"),
        ("[klik](JaVaScRiPt:alert(1))", "avascript"),
        ("[klik](data:text/html;base64,PHNjcmlwdD4=)", "data:"),
        ("![x](https://evil.example/pixel.png)", "<img"),
        ("<!-- komentar --> teks", "<!--"),
    ],
)
def test_markup_is_neutralised(md: markdown.Markdown, source: str, forbidden: str) -> None:
    html = md.reset().convert(source)
    assert forbidden not in html, html


def test_safe_links_are_kept(md: markdown.Markdown) -> None:
    html = md.reset().convert("[sumber](https://langgam.id/x) dan [lokal](/daerah/)")
    assert (
        '<a class="external" href="https://langgam.id/x" rel="nofollow noopener noreferrer">sumber</a>'
        in html
    )
    assert '<a href="/daerah/">lokal</a>' in html


def test_image_keeps_its_alt_text_in_place(md: markdown.Markdown) -> None:
    html = md.reset().convert("Awal ![foto apel](https://x.example/a.png) akhir")
    assert html == "<p>Awal foto apel akhir</p>"


# --------------------------------------------------------------------------- FastPatternsExtension


def test_faster_patterns_match_like_the_originals() -> None:
    """Each replacement finds the same matches (spans and groups) as Python-Markdown's regex,
    from any start position, on random text made of the characters that matter to them."""
    import random
    import re

    from arsip.markdown_safe import FASTER_PATTERNS

    rnd = random.Random(6)
    chars = "ab \\`[]!.-\n*_"
    texts = ["".join(rnd.choice(chars) for _ in range(rnd.randint(0, 24))) for _ in range(30000)]
    for slow, fast in FASTER_PATTERNS.items():
        a, b = re.compile(slow, re.DOTALL), re.compile(fast, re.DOTALL)
        assert a.groups == b.groups
        for text in texts:
            for start in {0, len(text) // 3}:
                found_a = [(m.span(), m.regs) for m in a.finditer(text, start)]
                found_b = [(m.span(), m.regs) for m in b.finditer(text, start)]
                assert found_a == found_b, (slow, text, start)


SETTINGS = {
    "extensions": ["arsip.markdown_safe", "markdown.extensions.smarty"],
    "extension_configs": {"markdown.extensions.smarty": {"smart_quotes": False}},
    "output_format": "html",
}


def test_fast_patterns_extension_replaces_every_known_pattern() -> None:
    """Every slow pattern registered by the site's extensions gets its faster form (a newer
    Python-Markdown that changed one of them makes this fail rather than silently slow)."""
    from markdown.treeprocessors import InlineProcessor

    from arsip.markdown_safe import FASTER_PATTERNS

    def regexes(md: markdown.Markdown) -> list[str]:
        processors = [tp for tp in md.treeprocessors if isinstance(tp, InlineProcessor)]
        return [p.compiled_re.pattern for tp in processors for p in tp.inlinePatterns]

    plain = regexes(markdown.Markdown(**SETTINGS))
    assert set(FASTER_PATTERNS) <= set(plain)
    extensions = [*SETTINGS["extensions"], "arsip.markdown_safe:FastPatternsExtension"]
    fast = regexes(markdown.Markdown(**{**SETTINGS, "extensions": extensions}))
    assert fast == [FASTER_PATTERNS.get(r, r) for r in plain]


def test_guarded_block_regexes_need_their_literal() -> None:
    """A text without the literal never matches the guarded regex (search or match)."""
    import random
    import re

    from arsip.markdown_safe import REQUIRED_LITERALS

    rnd = random.Random(7)
    chars = "ab #>=-\n\\ "
    texts = ["".join(rnd.choice(chars) for _ in range(rnd.randint(0, 20))) for _ in range(30000)]
    for pattern, literal in REQUIRED_LITERALS.items():
        regex = re.compile(pattern, re.MULTILINE)  # MULTILINE: the more permissive reading
        for text in texts:
            if literal not in text:
                assert regex.search(text) is None and regex.match(text) is None, (pattern, text)


def test_fast_patterns_extension_knows_every_pattern_of_the_site() -> None:
    """Every inline pattern of the site's settings has its needed strings, and the block
    regexes are guarded (a newer Python-Markdown that changed one makes this fail rather
    than silently slower)."""
    from markdown.treeprocessors import InlineProcessor

    from arsip.markdown_safe import (
        INLINE_NEEDS,
        RequiresLiteral,
        RequiresMarkAtLineStart,
        _NormalizeWhitespace,
    )

    extensions = [*SETTINGS["extensions"], "arsip.markdown_safe:FastPatternsExtension"]
    md = markdown.Markdown(**{**SETTINGS, "extensions": extensions})
    processors = [tp for tp in md.treeprocessors if isinstance(tp, InlineProcessor)]
    assert len(processors) == 2  # the main one and smarty's
    for tp in processors:
        for pattern in tp.inlinePatterns:
            assert pattern.compiled_re.pattern in INLINE_NEEDS, pattern.compiled_re.pattern
    guarded = {
        type(bp).__name__
        for bp in md.parser.blockprocessors
        if isinstance(getattr(bp, "RE", None), RequiresLiteral)
    }
    assert guarded == {
        "HashHeaderProcessor",
        "SetextHeaderProcessor",
        "BlockQuoteProcessor",
        "ReferenceProcessor",
    }
    rules = [
        type(bp).__name__
        for bp in md.parser.blockprocessors
        if isinstance(getattr(bp, "SEARCH_RE", None), RequiresMarkAtLineStart)
    ]
    assert rules == ["HRProcessor"]
    assert type(md.preprocessors["normalize_whitespace"]) is _NormalizeWhitespace


def test_guarded_rule_regex_needs_a_mark_at_a_line_start() -> None:
    """Python-Markdown's horizontal-rule regex finds nothing in a text the guard refuses."""
    import random

    from arsip.markdown_safe import HR_MARKS, HR_SEARCH_RE, RequiresMarkAtLineStart

    guarded = RequiresMarkAtLineStart(HR_SEARCH_RE, HR_MARKS)
    rnd = random.Random(9)
    chars = "a -_*\n"
    texts = ["".join(rnd.choice(chars) for _ in range(rnd.randint(0, 20))) for _ in range(30000)]
    refused = 0
    for text in texts:
        if not guarded.may_match(text):
            refused += 1
            assert HR_SEARCH_RE.search(text) is None, text
        found, expected = guarded.search(text), HR_SEARCH_RE.search(text)
        assert (found and found.span()) == (expected and expected.span()), text
    assert refused > 1000  # the guard does refuse texts


def test_faster_whitespace_normalisation_gives_the_same_lines() -> None:
    """The faster preprocessor and Python-Markdown's give the same lines on random texts."""
    import random

    from markdown.preprocessors import NormalizeWhitespace

    from arsip.markdown_safe import _NormalizeWhitespace

    md = markdown.Markdown()
    plain, fast = NormalizeWhitespace(md), _NormalizeWhitespace(md)
    rnd = random.Random(10)
    chars = ["a", " ", "  ", "\n", "\r", "\r\n", "\t", "\x02", "\x03"]
    for _ in range(20000):
        text = "".join(rnd.choice(chars) for _ in range(rnd.randint(0, 20)))
        lines = text.split("\n")
        assert fast.run(list(lines)) == plain.run(list(lines)), repr(text)


PIECES = [
    "kata",
    "Kata.",
    " ",
    " ",
    "\n",
    "\n\n",
    "  \n",
    "--",
    "---",
    "-",
    "...",
    "....",
    "`kode`",
    "``a ` b``",
    "`",
    "\\`",
    "\\",
    "\\*",
    "*",
    "**",
    "_",
    "__",
    "[a](/x)",
    "[a][r]",
    "[r]",
    "\n\n[r]: /y",
    "![g](/g.png)",
    "!",
    "[",
    "]",
    "<https://a.example/b>",
    "<a@b.example>",
    "<b>",
    "&amp;",
    "&",
    "&#169;",
    ";",
    "# ",
    "\n## Judul ##\n",
    "\n===\n",
    "\n---\n",
    "\n***\n",
    "\n_ _ _\n",
    " - - -",
    "\n  * * *  \n",
    "   \n",
    "\n \n",
    "\n[r]: /y 'judul'",
    "[r]: <https://z.example> (t)",
    "> ",
    "\n> kutip",
    "\n- butir",
    "\n1. satu",
    "\n    kode",
    '"',
    "'",
    "(",
    ")",
    "\t",
]


def test_fast_patterns_extension_changes_no_output_on_random_documents() -> None:
    """Random documents made of Markdown's constructs: the same HTML with and without the
    extension, one instance of each converting them all in turn (as the site's reader does)."""
    import random

    rnd = random.Random(8)
    extensions = [*SETTINGS["extensions"], "arsip.markdown_safe:FastPatternsExtension"]
    fast = markdown.Markdown(**{**SETTINGS, "extensions": extensions})
    plain = markdown.Markdown(**SETTINGS)
    for _ in range(4000):
        source = "".join(rnd.choice(PIECES) for _ in range(rnd.randint(1, 30)))
        assert fast.reset().convert(source) == plain.reset().convert(source), source


@pytest.mark.parametrize(
    "source",
    [
        "Kata -- kata --- kata ---- kata - kata...... dan... lalu.... `kode -- ...`",
        "Tautan [a](/x) ![g](/g.png) \\[bukan\\] !\\[ [ref] [ref]: /y",
        "``kode ` dalam`` \\`bukan kode\\` \\\\`kode\\\\` \\\\\\`x`",
        "*miring* **tebal** _garis_ __bawah__ <https://a.example> &amp; &#169;  \nbaris",
        "> kutipan -- ...\n\n- satu -- dua\n- tiga...\n\n1. empat",
    ],
)
def test_fast_patterns_extension_changes_no_output(source: str) -> None:
    extensions = [*SETTINGS["extensions"], "arsip.markdown_safe:FastPatternsExtension"]
    fast = markdown.Markdown(**{**SETTINGS, "extensions": extensions})
    assert fast.convert(source) == markdown.Markdown(**SETTINGS).convert(source)
