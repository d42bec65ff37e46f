"""Python-Markdown extensions: one keeps contributors' text as text, one makes parsing faster.

Articles arrive through pull requests, so the renderer must not pass raw HTML through (the
default) or emit links with script URLs or images from other hosts. The schema refuses such
input with a clear message; :class:`SafeExtension` is the second line of defence for anything
that slips past (for example a page written outside ``content/articles``).

:class:`FastPatternsExtension` (``arsip.markdown_safe:FastPatternsExtension``, listed last)
changes no output: it gives some inline patterns an equivalent regular expression that
Python's regex engine scans faster (issue 6).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import InlineProcessor, Treeprocessor

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


class FastPatternsExtension(Extension):
    """Swap the known slow inline regexes for their equivalents in :data:`FASTER_PATTERNS`.

    List it after every extension that registers inline patterns: it changes the patterns
    registered so far (the main inline processor's and those of any other, such as smarty's).
    An unknown pattern, or one whose text changed in a newer Python-Markdown, is left as it is.
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


def makeExtension(**kwargs: object) -> SafeExtension:
    return SafeExtension(**kwargs)
