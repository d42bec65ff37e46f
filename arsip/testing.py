"""Helpers for tests that build a tiny site (the plugins' tests and the whole-site tests)."""

from __future__ import annotations

from typing import Any

#: A valid set of front-matter fields, in the order editors write them.
DEFAULT_FIELDS: dict[str, str] = {
    "title": "Judul artikel",
    "date": "2024-10-03",
    "region": "Kota Padang",
    "province": "Sumatera Barat",
    "official": "Andree Algamar",
    "role": "Pj Wali Kota",
    "source": "Langgam.id",
    "election": "Pilkada 2024",
    "tags": "[netralitas ASN]",
}


def article(body: str = "Isi artikel.", **fields: str) -> str:
    """The text of an article file: ``fields`` over :data:`DEFAULT_FIELDS`, then ``body``.

    Values are written as they are (no quoting), so a test can also write invalid YAML.
    """
    lines = [f"{name}: {value}" for name, value in {**DEFAULT_FIELDS, **fields}.items()]
    return "---\n" + "\n".join(lines) + "\n---\n" + body + "\n"


#: The environment variables that choose the language of editors' messages (arsip/messages.py).
LANGUAGE_VARIABLES = ("ARSIP_LANG", "ARSIP_USER_LANG", "LC_ALL", "LC_MESSAGES", "LANG")


def editors_default_language(environ: dict[str, str]) -> dict[str, str]:
    """``environ`` as an editor's with no language chosen (messages in Indonesian), whatever
    the locale of the machine that runs the tests."""
    out = {k: v for k, v in environ.items() if k not in LANGUAGE_VARIABLES}
    out["LANG"] = "C.UTF-8"
    return out


def use_editors_default_language(monkeypatch: Any) -> None:
    """Make this test's environment (``monkeypatch``: pytest's fixture) an editor's with no
    language chosen: messages in Indonesian, inherited by the processes the test starts."""
    for name in LANGUAGE_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
