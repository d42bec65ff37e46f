"""The scale figures (``invoke bench --scale``): a process tree measured as a whole, and the
one-article commit built with the publishing cache, at a small size so that they cannot rot."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tools.bench import scale
from tools.bench.tree import run_measured

# A parent that forks a child; the child holds 200 MB of its own and burns CPU, then both end.
FORKING = """
import os, time
pid = os.fork()
if pid == 0:
    block = bytearray(200 * 2**20)
    for i in range(0, len(block), 4096):
        block[i] = 1
    end = time.process_time() + 0.6
    while time.process_time() < end:
        pass
    time.sleep(0.5)
    os._exit(0)
os.waitpid(pid, 0)
"""


def test_the_tree_counts_forked_children_cpu_and_memory() -> None:
    run = run_measured([sys.executable, "-c", FORKING], interval=0.05)
    assert run.returncode == 0
    assert run.peak_processes >= 2
    assert run.cpu_s >= 0.6  # the child's CPU, reaped by its parent, counts
    assert run.peak_rss_mb >= 200 and run.peak_pss_mb >= 200
    idle = run_measured([sys.executable, "-c", "import time; time.sleep(0.5)"], interval=0.05)
    assert idle.peak_processes == 1 and idle.cpu_s < 0.6 and idle.peak_rss_mb < 100


@pytest.mark.slow
def test_scale_run_measures_cold_builds_and_a_one_article_commit(tmp_path: Path) -> None:
    n = 30
    result = scale.run(n, seed=7, keep=tmp_path, log=lambda _msg: None)
    cold, filling, commit = result["cold"], result["cold_cache"], result["commit_one"]
    for r in (cold, filling, commit):
        assert r["cpu_s"] > 0 and r["peak_pss_mb"] > 50 and r["wall_s"] > 0
    assert cold["build"]["pagefind_cached"] == 0 and filling["build"]["pagefind_cached"] == 0
    # The commit added one article in one year: the other years' slices came from the cache.
    assert commit["build"]["pagefind_cached"] >= 1
    assert commit["added"].startswith("articles/") and commit["added"].endswith(f"-{n:06d}.md")
    assert not (tmp_path / "content" / commit["added"]).exists()  # taken out again
    assert result["cpu_ms_per_article"] > 0
    assert (
        scale.per_article_ratio(result, {"cpu_ms_per_article": 2 * result["cpu_ms_per_article"]})
        == 2.0
    )
    assert "one-article commit" in scale.summary(result)
    # The archive is kept and reused: not generated again.
    first = sorted((tmp_path / "content").glob("articles/*/*.md"))[0]
    stamp = first.stat().st_mtime_ns
    scale.archive(tmp_path, n, 7)
    assert first.stat().st_mtime_ns == stamp
    scale.archive(tmp_path, n + 1, 7)  # another size: generated again
    assert len(list((tmp_path / "content").glob("articles/*/*.md"))) == n + 1
