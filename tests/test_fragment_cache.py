"""The theme's {% cache %} tag (arsip/fragment_cache.py): rendered once per key, same output."""

from __future__ import annotations

import jinja2
import pytest

TEMPLATE = (
    "{% for x in items %}"
    "{% cache 'row', x, prefix %}<li>{{ prefix }}{{ count() }}:{{ x }}</li>{% endcache %}"
    "{% endfor %}"
)


def _env(calls: list[int], cached: bool = True) -> jinja2.Environment:
    env = jinja2.Environment(
        autoescape=True,
        extensions=["arsip.fragment_cache.FragmentCache"] if cached else [],
    )
    env.globals["count"] = lambda: calls.append(1) or ""
    return env


def test_a_fragment_is_rendered_once_per_key() -> None:
    calls: list[int] = []
    template = _env(calls).from_string(TEMPLATE)
    first = template.render(items=["a", "b", "a"], prefix="/")
    assert first == "<li>/:a</li><li>/:b</li><li>/:a</li>"
    assert len(calls) == 2  # "a" twice, rendered once
    # Another render of the same environment reuses the fragments; another key renders anew.
    assert template.render(items=["b"], prefix="/") == "<li>/:b</li>"
    assert len(calls) == 2
    assert template.render(items=["b"], prefix="../") == "<li>../:b</li>"
    assert len(calls) == 3


def test_a_new_environment_starts_empty() -> None:
    """Pelican makes new environments for every build: nothing leaks from one to the next."""
    calls: list[int] = []
    _env(calls).from_string(TEMPLATE).render(items=["a"], prefix="")
    _env(calls).from_string(TEMPLATE).render(items=["a"], prefix="")
    assert len(calls) == 2


@pytest.mark.parametrize("items", [[], ["<b>"], ["x", "y", "x", "&"]])
def test_the_output_is_that_of_the_plain_template(items: list[str]) -> None:
    plain = TEMPLATE.replace("{% cache 'row', x, prefix %}", "").replace("{% endcache %}", "")
    cached = _env([]).from_string(TEMPLATE).render(items=items, prefix="/")
    assert cached == _env([], cached=False).from_string(plain).render(items=items, prefix="/")


def test_the_site_theme_uses_the_cache() -> None:
    """pelicanconf.py enables the extension for the theme (base.html, partials)."""
    from tools.build import settings_for

    assert "arsip.fragment_cache.FragmentCache" in settings_for()["JINJA_ENVIRONMENT"]["extensions"]
