"""A ``{% cache key, ... %}...{% endcache %}`` tag for the theme: render a fragment once per build.

The same fragments recur on thousands of pages: an article's entry in a list (on its region,
official, source, election, tag and month pages and in other articles' related lists, about
15 times per article) and the site's header and footer (on every page). Rendered once per
distinct key and then reused, they cost a dictionary look-up. This is the fragment
cache of Jinja's own extension example, without expiry: the cache lives in the template
environment, and Pelican makes new environments for every build.

The key must name everything the fragment shows that can differ between two pages of one
build, e.g. ``{% cache "item", item, hx, SITEURL %}`` for a list entry (SITEURL is relative
to each page when RELATIVE_URLS is on). Values that are the same for the whole build (the
interface strings ``T``, settings such as ``SEARCH_URL``) need not be in it.

Enabled in pelicanconf.py: ``JINJA_ENVIRONMENT["extensions"]``.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, ClassVar

from jinja2 import nodes
from jinja2.ext import Extension
from jinja2.parser import Parser


class FragmentCache(Extension):
    """``{% cache k1, k2, ... %}body{% endcache %}``: the body rendered once per key tuple."""

    tags: ClassVar[set[str]] = {"cache"}

    def __init__(self, environment: Any) -> None:
        super().__init__(environment)
        # Shared by the copies Jinja makes of an extension for an overlay environment.
        self.fragments: dict[tuple[Hashable, ...], str] = {}

    def parse(self, parser: Parser) -> nodes.Node:
        lineno = next(parser.stream).lineno
        key = [parser.parse_expression()]
        while parser.stream.skip_if("comma"):
            key.append(parser.parse_expression())
        body = parser.parse_statements(("name:endcache",), drop_needle=True)
        call = self.call_method("_render_once", [nodes.Tuple(key, "load")])
        return nodes.CallBlock(call, [], [], body).set_lineno(lineno)

    def _render_once(self, key: tuple[Hashable, ...], caller: Callable[[], str]) -> str:
        try:
            return self.fragments[key]
        except KeyError:
            rendered = self.fragments[key] = caller()
            return rendered
