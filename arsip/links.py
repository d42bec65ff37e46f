"""Where a link in a contributor's text leads, as a browser reads it.

A browser does not take an ``href`` literally: it drops leading and trailing blanks and
control characters, removes tabs and line breaks anywhere, and reads ``\\`` as ``/`` in an
http(s) or relative address. So ``//evil.example/x``, ``/\\evil.example/x`` and
``/\\t/evil.example`` all lead to another host although they look like paths of this site.
:func:`classify` answers on the address the browser will use; the schema (to refuse such
links with a message) and the Markdown sanitiser (to mark them as off-site) both ask it.
"""

from __future__ import annotations

import re
from typing import Literal
from urllib.parse import urlsplit

Kind = Literal["local", "offsite", "unsafe"]

_EDGES = re.compile(r"^[\x00-\x20]+|[\x00-\x20]+$")
_TAB_NEWLINE = re.compile(r"[\t\n\r]")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
#: Schemes a link in an article may use: web pages and mail.
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})


def browser_form(href: str) -> str:
    """``href`` as a browser resolves it: edges trimmed, tabs and line breaks removed,
    backslashes read as slashes (except after ``mailto:``, where they are text)."""
    href = _TAB_NEWLINE.sub("", _EDGES.sub("", href))
    m = _SCHEME.match(href)
    if m and m.group(1).lower() not in ("http", "https"):
        return href
    return href.replace("\\", "/")


def classify(href: str) -> Kind:
    """``local`` (this site: a path, a fragment), ``offsite`` (another host: an absolute
    or scheme-relative address, however disguised) or ``unsafe`` (script, data, file and
    any other scheme)."""
    form = browser_form(href)
    m = _SCHEME.match(form)
    if m:
        scheme = m.group(1).lower()
        if scheme not in SAFE_SCHEMES:
            return "unsafe"
        return "offsite"
    if form.startswith("//"):
        return "offsite"
    return "local"


def offsite_href(href: str) -> str:
    """An off-site ``href`` written out in full: ``https:`` before a scheme-relative one."""
    form = browser_form(href)
    return "https:" + form if form.startswith("//") else form


_SITEURL_BAD = re.compile(r"[\x00-\x20\x7f-\x9f\"'<>`\\{}|^@\u2028\u2029]")


def siteurl_problem(url: str) -> str | None:
    """What is wrong with a site URL given to a build (``--siteurl``), or None. It is written
    into every page, feed and the sitemap: an http(s) address of a host, optionally with a
    path, and nothing that could end an attribute or start markup."""
    if not url:
        return None
    if _SITEURL_BAD.search(url):
        return (
            f"--siteurl {url[:60]!r} may not contain spaces, quotes, angle brackets, "
            "backslashes or @: give the address only, e.g. https://org.github.io/repo"
        )
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return (
            f"--siteurl {url[:60]!r} is not an http(s) address: it must start with https:// "
            "(or http://) and a host name, e.g. https://org.github.io/repo"
        )
    if parts.query or parts.fragment or "?" in url or "#" in url:
        return f"--siteurl {url[:60]!r} may not have a query (?) or fragment (#): give the address only"
    return None
