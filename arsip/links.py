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
