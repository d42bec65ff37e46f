"""Peer check on this project: its own content, and a generated 2,000-article archive, built
with the project's settings by stock Pelican (the speed layer switched off) and with the
speed layer (parallel path forced), each build in its own process.

Both sides must write the same files with the same bytes (Pagefind's bundle aside: it is not
deterministic), log the same warnings and send the same signals.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from peer import speed
from peer.harness import REPEAT, ROOT, Runs, report_diff, run_build, tree, tree_diff
from tools.bench.generate import generate

PROJECT = str(ROOT / "pelicanconf.py")
#: Not a preview: pelicanconf.py reads this variable.
NO_PREVIEW = {"ARSIP_PREVIEW": None}
#: Pagefind's output differs from one run to the next whatever builds the pages.
PAGEFIND = ("pagefind",)


def _compare(spec: dict[str, Any], tmp: Path, repeat: int, skip: tuple[str, ...] = ()) -> Runs:
    """One stock build, then ``repeat`` speed builds compared with it."""
    stock = run_build(spec, "stock", tmp / "stock", env=NO_PREVIEW)
    assert stock["error"] is None, stock["error"]
    assert not set(speed.SPEED_PLUGINS) & set(stock["plugins"])
    assert stock["speed"] == {}, "a speed plugin was loaded in the stock process"
    expected = tree(tmp / "stock", skip)
    runs = Runs()
    for run in range(1, repeat + 1):
        out = tmp / f"speed-{run}"
        fast = run_build(spec, "speed", out, env=NO_PREVIEW)
        if fast["error"]:
            runs.add([("raised", "the speed build raised:\n" + fast["error"][-1500:])])
            continue
        # The parallel path ran: files read and pages rendered in forked processes.
        assert fast["speed"]["parallel"]["phases"] == ["read", "render"], fast["speed"]
        differs = tree_diff(expected, tree(out, skip), ("stock", "speed"))
        runs.add(([("tree", differs)] if differs else []) + report_diff(stock, fast))
        shutil.rmtree(out, ignore_errors=True)
    return runs


@pytest.mark.slow
def test_project_content_speed_equals_stock(tmp_path: Path) -> None:
    spec = {"settings_file": PROJECT, "overrides": {"PATH": str(ROOT / "content")}}
    runs = _compare(spec, tmp_path, max(2, REPEAT // 2), skip=PAGEFIND)
    assert len(tree(tmp_path / "stock", PAGEFIND)) > 50  # articles, lists, feeds, data
    assert (tmp_path / "stock" / "pagefind").is_dir()  # the search index ran on both sides
    if runs.failed:
        pytest.fail("the project's content: " + runs.summary(), pytrace=False)


@pytest.mark.slow
def test_generated_archive_speed_equals_stock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = tmp_path / "content"
    generate(content, 2000, seed=1)
    monkeypatch.setenv("ARSIP_DATA_DIR", str(tmp_path / "data"))  # its own registries
    shutil.copytree(ROOT / "content" / "pages", content / "pages")
    spec = {
        "settings_file": PROJECT,
        "overrides": {"PATH": str(content), "SEARCH_INDEX": {"enabled": False}},
    }
    # One speed build: the stock one takes most of the time (quadratic scans), and the
    # intermittent bugs are hunted by the repeated builds of the small sites.
    runs = _compare(spec, tmp_path, 1)
    assert len(tree(tmp_path / "stock")) > 2000
    if runs.failed:
        pytest.fail("a generated 2,000-article archive: " + runs.summary(), pytrace=False)
