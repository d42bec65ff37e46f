"""A Python-Markdown extension that keeps contributors' text as text.

Articles arrive through pull requests, so the renderer must not pass raw HTML through (the
default) or emit links with script URLs or images from other hosts. The schema refuses such
input with a clear message; :class:`SafeExtension` is the second line of defence for anything
that slips past (for example a page written outside ``content/articles``).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

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


def makeExtension(**kwargs: object) -> SafeExtension:
    return SafeExtension(**kwargs)
