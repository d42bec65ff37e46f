"""Python-Markdown extensions: one keeps contributors' text as text, one makes parsing faster.

Articles arrive through pull requests, so the renderer must not pass raw HTML through (the
default) or emit links with script URLs or images from other hosts. The schema refuses such
input with a clear message; :class:`SafeExtension` is the second line of defence for anything
that slips past (for example a page written outside ``content/articles``).

:class:`FastPatternsExtension` (``arsip.markdown_safe:FastPatternsExtension``, listed last)
changes no output: it makes Python-Markdown skip work whose result is known in advance
(issue 6; Markdown's time on the archive's bodies drops by about three quarters).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import InlineProcessor, Treeprocessor
from markdown.util import Registry

_SAFE_HREF = re.compile(r"(?i)^(?:https?://|mailto:|#|/(?!/)|\.{1,2}/|[\w\-./]+$)")


class _SanitizeTree(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            children = list(parent)
            for i, child in enumerate(children):
                if child.tag != "img":
                    continue
                # Images would load from another host: keep only their alt text, in place.
                text = child.get("alt", "") + (child.tail or "")
                if i == 0:
                    parent.text = (parent.text or "") + text
                else:
                    prev = children[i - 1]
                    prev.tail = (prev.tail or "") + text
                parent.remove(child)
        for link in root.iter("a"):
            href = (link.get("href") or "").strip()
            if not _SAFE_HREF.match(href) or "javascript:" in href.lower():
                link.attrib.pop("href", None)
            elif href.lower().startswith(("http://", "https://")):
                link.set("rel", "nofollow noopener")
            for attr in list(link.attrib):
                if attr.lower().startswith("on"):
                    del link.attrib[attr]


class SafeExtension(Extension):
    """Escape raw HTML; drop images and unsafe link targets."""

    def extendMarkdown(self, md: Markdown) -> None:
        # Without these two, raw HTML blocks and inline tags are rendered as HTML; with them
        # gone, the text is escaped like any other text.
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_SanitizeTree(md), "arsip_sanitize", 0)


#: Inline patterns' regular expressions (Python-Markdown 3.x: inlinepatterns.BACKTICK_RE,
#: NOIMG + r"\[" of links and references, the smarty extension's dashes and ellipses) and an
#: equivalent form of each: same matches, same groups. Each starts with a leading negative
#: look-behind, so the regex engine tries every position of the text; moved after a literal
#: first character, the engine jumps from one occurrence of that character to the next (about
#: 40% of Markdown's time on the archive's bodies was spent in these scans).
#: ``(?<!X)AB`` and ``A(?<!XA)B`` accept the same strings: both require the character before
#: A not to be X. tests/test_markdown_safe.py compares each pair's matches on random strings.
FASTER_PATTERNS: dict[str, str] = {
    r"(?:(?<!\\)((?:\\{2})+)(?=`+)|(?<!\\)`)": r"(?:(\\(?<!\\\\)\\(?:\\{2})*)(?=`+)|`(?<!\\`))",
    r"(?<!\!)\[": r"\[(?<!\!\[)",
    r"(?<!\.)\.{3}(?!\.)": r"\.\.\.(?<!\.\.\.\.)(?!\.)",
    r"(?<!-)---(?!-)": r"---(?<!----)(?!-)",
    r"(?<!-)--(?!-)": r"--(?<!---)(?!-)",
}

#: Inline patterns (by their regex, in the faster form) and the strings one of which any match
#: contains. A document without any of them gives the pattern nothing to do, yet the inline
#: processor would still try it on every paragraph: most paragraphs are plain text, and the
#: calls were half of Markdown's remaining time.
INLINE_NEEDS: dict[str, tuple[str, ...]] = {
    FASTER_PATTERNS[r"(?:(?<!\\)((?:\\{2})+)(?=`+)|(?<!\\)`)"]: ("`",),  # code span
    r"\\(.)": ("\\",),  # backslash escape
    r"\[(?<!\!\[)": ("[",),  # link, reference
    r"\!\[": ("![",),  # image
    r"<([A-Za-z][A-Za-z0-9+.-]*://[^<>]*)>": ("<",),  # autolink
    r"<([^<> !]+@[^@<> ]+)>": ("<",),  # automail
    r"  \n": ("  \n",),  # line break
    r"(&(?:\#[0-9]+|\#x[0-9a-fA-F]+|[a-zA-Z0-9]+);)": ("&",),  # entity
    r"\*|_": ("*", "_"),  # emphasis
    r"---(?<!----)(?!-)": ("---",),  # smarty
    r"--(?<!---)(?!-)": ("--",),
    r"\.\.\.(?<!\.\.\.\.)(?!\.)": ("...",),
}

#: Block processors' regular expressions that can only match a text containing a given
#: string: every paragraph is tested against them, and the regex engine walks the whole
#: paragraph to find out that it is not a heading or a quote. Python's ``in`` answers that
#: for most paragraphs at a fraction of the cost.
REQUIRED_LITERALS: dict[str, str] = {
    # HashHeaderProcessor: "#" to "######" at the start of a line
    r"(?:^|\n)(?P<level>#{1,6})(?P<header>(?:\\.|[^\\#]|#+(?=[^#\n]))*?)#*(?:\n|$)": "#",
    # SetextHeaderProcessor: a first line followed by a line of "=" or "-"
    r"^.*?\n(?:=+|-+)[ ]*(\n|$)": "\n",
    # BlockQuoteProcessor: ">" at the start of a line
    r"(^|\n)[ ]{0,3}>[ ]?(.*)": ">",
}


class RequiresLiteral:
    """A compiled regex that matches no text without ``literal``: such texts are answered
    ``None`` without running the regex. Other attributes are the regex's own."""

    def __init__(self, regex: re.Pattern[str], literal: str) -> None:
        self.regex = regex
        self.literal = literal

    def search(self, string: str, *args: int) -> re.Match[str] | None:
        return self.regex.search(string, *args) if self.literal in string else None

    def match(self, string: str, *args: int) -> re.Match[str] | None:
        return self.regex.match(string, *args) if self.literal in string else None

    def __getattr__(self, name: str) -> object:
        return getattr(self.regex, name)


class _InlinePatternsInUse(Preprocessor):
    """Before each document: give every inline processor only the patterns of its full list
    that can match somewhere in the document (see :data:`INLINE_NEEDS`; unknown patterns are
    always kept), in their order. Runs last of the preprocessors, on the text the block parser
    will split: the inline processors only ever see pieces of it (and placeholders made of
    letters, digits and control characters), so a pattern whose strings are all absent from
    it could not have matched."""

    def __init__(self, md: Markdown) -> None:
        super().__init__(md)
        self.full = [
            (tp, tp.inlinePatterns) for tp in md.treeprocessors if isinstance(tp, InlineProcessor)
        ]
        self.subsets: dict[tuple[int, tuple[int, ...]], Registry[Any]] = {}

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        for i, (processor, full) in enumerate(self.full):
            patterns = list(full)  # sorts the registry: _priority is then in the same order
            kept = tuple(j for j, pattern in enumerate(patterns) if _may_match(pattern, text))
            subset = self.subsets.get((i, kept))
            if subset is None:
                subset = self.subsets[i, kept] = Registry()
                for j in kept:
                    item = full._priority[j]
                    subset.register(patterns[j], item.name, item.priority)
            processor.inlinePatterns = subset
        return lines


def _may_match(pattern: Any, text: str) -> bool:
    needs = INLINE_NEEDS.get(getattr(getattr(pattern, "compiled_re", None), "pattern", None))
    return needs is None or any(n in text for n in needs)


class FastPatternsExtension(Extension):
    """The same HTML, sooner: faster equivalent regexes (:data:`FASTER_PATTERNS`), guarded
    block regexes (:data:`REQUIRED_LITERALS`) and, per document, only the inline patterns
    that can match in it (:data:`INLINE_NEEDS`).

    List it after every extension that registers inline patterns: it changes the patterns
    registered so far (the main inline processor's and those of any other, such as smarty's).
    An unknown pattern, or one whose text changed in a newer Python-Markdown, is left as it is.
    The equivalence holds for extensions that do not add text to the document after the
    preprocessors (this site's: markdown_safe and smarty); tests/test_markdown_safe.py
    compares the output with and without this extension.
    """

    def extendMarkdown(self, md: Markdown) -> None:
        registries = [md.inlinePatterns]
        registries += [
            tp.inlinePatterns for tp in md.treeprocessors if isinstance(tp, InlineProcessor)
        ]
        for registry in registries:
            for pattern in registry:
                compiled = getattr(pattern, "compiled_re", None)
                faster = FASTER_PATTERNS.get(getattr(compiled, "pattern", None))
                if faster is not None:
                    pattern.compiled_re = re.compile(faster, compiled.flags)
        for processor in md.parser.blockprocessors:
            regex = getattr(processor, "RE", None)
            literal = REQUIRED_LITERALS.get(getattr(regex, "pattern", None))
            if literal is not None and isinstance(regex, re.Pattern):
                processor.RE = RequiresLiteral(regex, literal)
        # Priority 0: after every other preprocessor (whitespace normalisation is at 30).
        md.preprocessors.register(_InlinePatternsInUse(md), "arsip_inline_patterns", 0)


def makeExtension(**kwargs: object) -> SafeExtension:
    return SafeExtension(**kwargs)
