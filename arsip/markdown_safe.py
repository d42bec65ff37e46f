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

from markdown import Extension, Markdown, util
from markdown.blockprocessors import HRProcessor
from markdown.preprocessors import NormalizeWhitespace, Preprocessor
from markdown.treeprocessors import InlineProcessor, Treeprocessor, UnescapeTreeprocessor
from markdown.util import Registry

from arsip import links

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
            kind = links.classify(href)
            if kind == "unsafe" or not _SAFE_HREF.match(links.browser_form(href)):
                link.attrib.pop("href", None)
            elif kind == "offsite":
                # Another host, however the address is written (//host, /\host...): in full,
                # marked as leaving the site, and told nothing about this page.
                link.set("href", links.offsite_href(href))
                link.set("rel", "nofollow noopener noreferrer")
                link.set("class", "external")
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
    # ReferenceProcessor: "[id]: target" (tried on every paragraph that reaches it)
    r'^[ ]{0,3}\[([^\[\]]*)\]:[ ]*(?:\n[ ]*)?([^\s]+)[ ]*(?:\n[ ]*)?((["\'])(.*)\4[ ]*|\((.*)\)[ ]*)?$': "]:",
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


class RequiresMarkAtLineStart:
    """A compiled regex that matches no text without a line starting, after at most three
    spaces, with one of ``marks`` (Markdown's horizontal rule: ``---``, ``***``, ``___``);
    other texts are answered ``None`` without running it. Python's ``re`` tries a pattern
    that starts with ``^`` (MULTILINE) at every position of the text; these two checks jump
    from line start to line start."""

    def __init__(self, regex: re.Pattern[str], marks: str) -> None:
        self.regex = regex
        cls = "[" + re.escape(marks) + "]"
        self._first = re.compile(r"[ ]{0,3}" + cls)
        self._other = re.compile(r"\n[ ]{0,3}" + cls)

    def may_match(self, string: str) -> bool:
        return self._first.match(string) is not None or self._other.search(string) is not None

    def search(self, string: str, *args: int) -> re.Match[str] | None:
        return self.regex.search(string, *args) if self.may_match(string) else None

    def __getattr__(self, name: str) -> object:
        return getattr(self.regex, name)


#: Horizontal rules: Python-Markdown's regex, and the characters a rule is made of.
HR_SEARCH_RE = HRProcessor.SEARCH_RE
HR_MARKS = "-_*"


class _NormalizeWhitespace(NormalizeWhitespace):
    """Python-Markdown's first preprocessor, with an equivalent faster last step.

    ``(?<=\n) +\n`` (spaces filling a whole line) starts with a look-behind, so the regex
    engine tries it at every position of the document; ``\n +(?=\n)`` replaced by a newline
    deletes the same spaces, and the engine only stops at newlines. Skipped when the text has
    no space before a newline (no match possible). tests/test_markdown_safe.py compares the
    two on random texts."""

    BLANK_LINE_SPACES = re.compile(r"\n +(?=\n)")

    def run(self, lines: list[str]) -> list[str]:
        source = "\n".join(lines)
        source = source.replace(util.STX, "").replace(util.ETX, "")
        source = source.replace("\r\n", "\n").replace("\r", "\n") + "\n\n"
        if "\t" in source:
            source = source.expandtabs(self.md.tab_length)
        if " \n" in source:
            source = self.BLANK_LINE_SPACES.sub("\n", source)
        return source.split("\n")


class _FixedOrderRegistry(Registry):
    """A registry that sorts and lists its items once, not at each iteration: the block
    parser iterates its processors for every block of every document."""

    _listed: list[Any] | None = None

    def __iter__(self) -> Any:
        if self._listed is None:
            self._listed = list(super().__iter__())
        return iter(self._listed)

    def register(self, item: Any, name: str, priority: float) -> None:
        self._listed = None
        super().register(item, name, priority)

    def deregister(self, name: str, strict: bool = True) -> None:
        self._listed = None
        super().deregister(name, strict)


class _InlinePatternsInUse(Preprocessor):
    """Before each document: give every inline processor only the patterns of its full list
    that can match somewhere in the document (see :data:`INLINE_NEEDS`; unknown patterns are
    always kept), in their order. Runs last of the preprocessors, on the text the block parser
    will split: the inline processors only ever see pieces of it (and placeholders made of
    letters, digits and control characters), so a pattern whose strings are all absent from
    it could not have matched.

    A processor left with no pattern is skipped for the document: it would give every text
    back as it is (no pattern, so no placeholder to replace: the source's control characters
    are removed by the first preprocessor). So is the unescaping of ``\\``-escapes when the
    document has no backslash: only the escape and code-span patterns, which need one, make
    what it replaces (when every pattern in use is a known one)."""

    def __init__(self, md: Markdown) -> None:
        super().__init__(md)
        self.full = [
            (tp, tp.inlinePatterns) for tp in md.treeprocessors if isinstance(tp, InlineProcessor)
        ]
        self.unescape = [tp for tp in md.treeprocessors if type(tp) is UnescapeTreeprocessor]
        # By the strings present in a document: the subset of each processor's patterns.
        self.subsets: dict[frozenset[str], list[Registry[Any]]] = {}
        self._needs: list[list[tuple[str, ...] | None]] = []
        self._needles: tuple[str, ...] = ()
        self._sizes: list[int] = []

    def _plan(self) -> None:
        """Each pattern's needed strings, read from the full lists (again if one changed)."""
        sizes = [len(full) for _, full in self.full]
        if sizes == self._sizes:
            return
        self._sizes, self.subsets = sizes, {}
        self._needs = [[_needs(pattern) for pattern in full] for _, full in self.full]
        self._needles = tuple(
            dict.fromkeys(n for needs in self._needs for nd in needs if nd for n in nd)
        )

    def run(self, lines: list[str]) -> list[str]:
        self._plan()
        text = "\n".join(lines)
        present = frozenset(n for n in self._needles if n in text)
        subsets = self.subsets.get(present)
        if subsets is None:
            subsets = self.subsets[present] = []
            for (_, full), needs in zip(self.full, self._needs, strict=True):
                patterns = list(full)  # sorts the registry: _priority is then in the same order
                subset: Registry[Any] = Registry()
                for j, nd in enumerate(needs):
                    if nd is None or any(n in present for n in nd):
                        item = full._priority[j]
                        subset.register(patterns[j], item.name, item.priority)
                subsets.append(subset)
        for (processor, _), subset in zip(self.full, subsets, strict=True):
            processor.inlinePatterns = subset
            _skip(processor, not len(subset))
        known = all(nd is not None for needs in self._needs for nd in needs)
        for processor in self.unescape:
            _skip(processor, known and "\\" not in text)
        return lines


def _unchanged(root: etree.Element) -> None:
    """A tree processor's ``run`` that leaves the tree as it is."""
    return None


def _skip(processor: Treeprocessor, skip: bool) -> None:
    """Make ``processor`` leave this document's tree as it is (``skip``), or run again."""
    if skip:
        processor.run = _unchanged  # type: ignore[method-assign]
    else:
        processor.__dict__.pop("run", None)


def _needs(pattern: Any) -> tuple[str, ...] | None:
    """The strings one of which any match of the pattern contains (None: unknown)."""
    return INLINE_NEEDS.get(getattr(getattr(pattern, "compiled_re", None), "pattern", None))


def _may_match(pattern: Any, text: str) -> bool:
    needs = _needs(pattern)
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
            if getattr(processor, "SEARCH_RE", None) is HR_SEARCH_RE:
                processor.SEARCH_RE = RequiresMarkAtLineStart(HR_SEARCH_RE, HR_MARKS)
        blocks = _FixedOrderRegistry()
        for item in md.parser.blockprocessors._priority:
            blocks.register(md.parser.blockprocessors[item.name], item.name, item.priority)
        md.parser.blockprocessors = blocks
        normalize = md.preprocessors["normalize_whitespace"]
        if type(normalize) is NormalizeWhitespace:
            md.preprocessors.register(_NormalizeWhitespace(md), "normalize_whitespace", 30)
        # Priority 0: after every other preprocessor (whitespace normalisation is at 30).
        md.preprocessors.register(_InlinePatternsInUse(md), "arsip_inline_patterns", 0)


def makeExtension(**kwargs: object) -> SafeExtension:
    return SafeExtension(**kwargs)
