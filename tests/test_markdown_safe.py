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
