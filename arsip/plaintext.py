"""Plain text from an article's HTML, and its first sentence for a page description."""

from __future__ import annotations

import re

from markupsafe import Markup

_BLOCK_END = re.compile(r"</p\s*>|<br\s*/?>|</h\d\s*>|</li\s*>|</blockquote\s*>", re.I)
#: "BUKITTINGGI, hantaran.co – " / "Langgam.id - ": a dateline before the first sentence.
_DATELINE = re.compile(r"^(?:[^.!?\n]|\.(?=\S)){2,60}?\s[–—-]\s+")  # "Langgam.id" has a dot
_SENTENCE_END = re.compile(r"(?<=[.!?])[”\"']?(?=\s+[A-Z“\"(])")


#: Marks a paragraph's end through ``striptags`` (which folds every whitespace into one
#: space): a private-use character, not whitespace, never in an article.
_MARK = "\ue000"


def plain_text(html: str) -> str:
    """The text of ``html``, one line per paragraph, entities decoded, spaces collapsed."""
    text = Markup(_BLOCK_END.sub(_MARK, html)).striptags()
    return "\n".join(line for part in text.split(_MARK) if (line := part.strip()))


def first_sentence(text: str, limit: int = 200) -> str:
    """The first sentence of ``text`` without its dateline, cut at a word to ``limit``."""
    para = text.strip().split("\n", 1)[0]
    para = _DATELINE.sub("", para, count=1)
    end = _SENTENCE_END.search(para)
    sentence = para[: end.end()] if end else para
    if len(sentence) > limit:
        sentence = sentence[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return sentence.strip()
