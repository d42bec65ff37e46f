"""Peer check on Pelican's own sample sites: stock Pelican, then the speed layer, each in its
own process, must write the same files with the same bytes and log the same warnings.

First the harness is held to Pelican's own functional test (``test_pelican.py``): the stock
build must equal Pelican's expected tree (``git diff -w``, as there) and log its one
"skipping url replacement" warning. Then every speed build, repeated :data:`REPEAT` times,
must equal the stock build byte for byte, with the same log records and the same
``content_written``/``feed_generated``/``feed_written`` signals.

Besides Pelican's three sites, variants of them are built with the parallel path forced:
without category and author pages (as this project's settings), with a file linked by
``{attach}`` (the linked file moves next to the article while it is rendered), and the custom
site (pagination, RSS feeds, template pages) with absolute URLs.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from peer import speed
from peer.harness import (
    REPEAT,
    Runs,
    git_diff_ignoring_whitespace,
    report_diff,
    run_build,
    sample_spec,
    tree,
    tree_diff,
)

PELICAN_SITES = ("basic", "custom", "custom_locale")
VARIANTS = ("basic_without_category_pages", "attach", "custom_absolute_urls")
#: Sites with RELATIVE_URLS, for which the parallel path stands aside.
RELATIVE = {"custom", "custom_locale"}


def _skip_without_locale(name: str, env: dict[str, str]) -> None:
    if name == "custom_locale" and "LOCPATH" not in env:
        pytest.skip(f"custom_locale needs fr_FR.UTF-8: {env['PEER_NO_LOCALES']}")


@pytest.fixture(scope="module")
def stock_builds(sdist: Path, locale_env: dict[str, str], tmp_path_factory) -> Any:
    """Each case's stock build, made once per module (output folder and report)."""
    built: dict[str, tuple[Path, dict[str, Any]]] = {}

    def get(name: str) -> tuple[Path, dict[str, Any]]:
        if name not in built:
            tmp = tmp_path_factory.mktemp(name)
            out = tmp / "stock"
            built[name] = (
                out,
                run_build(sample_spec(name, sdist, tmp), "stock", out, env=locale_env),
            )
        return built[name]

    return get


@pytest.mark.slow
@pytest.mark.parametrize("name", PELICAN_SITES)
def test_stock_build_is_pelicans_expected_output(
    name: str, sdist: Path, locale_env: dict[str, str], stock_builds: Any
) -> None:
    """The harness builds the sample sites exactly as Pelican's own functional test does."""
    _skip_without_locale(name, locale_env)
    if not shutil.which("git"):
        pytest.skip("git compares the trees, as in Pelican's own test: install git")
    out, report = stock_builds(name)
    assert report["error"] is None, report["error"]
    assert report["plugins"] == []
    assert report["speed"] == {}, "a speed plugin was loaded in the stock process"
    diff = git_diff_ignoring_whitespace(out, sdist / "pelican" / "tests" / "output" / name)
    assert diff == "", diff[:3000]
    if name == "basic":  # test_basic_generation_works counts this warning
        skipped = [r for r in report["log"] if re.search("Unable to find.*skipping url", r[2])]
        assert len(skipped) == 1, report["log"]


@pytest.mark.slow
@pytest.mark.parametrize("name", PELICAN_SITES + VARIANTS)
def test_speed_build_equals_stock_every_time(
    name: str, sdist: Path, locale_env: dict[str, str], stock_builds: Any, tmp_path: Path
) -> None:
    """Byte-identical trees, the same log records and signals, on every one of
    :data:`REPEAT` speed builds (each in a new process)."""
    _skip_without_locale(name, locale_env)
    stock_out, stock = stock_builds(name)
    assert stock["error"] is None, stock["error"]
    expected = tree(stock_out)
    spec = sample_spec(name, sdist, stock_out.parent)
    runs = Runs()
    repeat = REPEAT
    for run in range(1, REPEAT + 1):
        if run > repeat:
            break
        out = tmp_path / f"speed-{run}"
        fast = run_build(spec, "speed", out, env=locale_env)
        assert set(fast["plugins"]) >= set(speed.SPEED_PLUGINS)
        if fast["error"]:  # after a crash, the differences say nothing more
            runs.add([("raised", "the speed build raised:\n" + fast["error"][-1500:])])
            continue
        forked = "render" in fast["speed"]["parallel"]["phases"]
        # Absolute URLs: the parallel path must have rendered in forked processes. Without
        # forks (RELATIVE_URLS) there is nothing intermittent, and two runs do.
        assert forked or name in RELATIVE, fast["speed"]
        repeat = REPEAT if forked else min(REPEAT, 2)
        differs = tree_diff(expected, tree(out), ("stock", "speed"))
        runs.add(([("tree", differs)] if differs else []) + report_diff(stock, fast))
        shutil.rmtree(out, ignore_errors=True)
    if runs.failed:
        pytest.fail("speed builds against stock Pelican: " + runs.summary(), pytrace=False)
