"""One measured build, in its own process: ``python -m tools.bench.worker CONTENT OUTPUT``.

Run by :mod:`tools.bench.run` so that each build's peak memory is its own: the process's
peak resident set is Pelican's (with every plugin); the figures of its children come from the
plugins that start them (``pelican_speed.parallel.LAST_RUN``: forked workers; ``search_index.LAST_RUN``:
Pagefind runs). Prints one JSON object on the last line of stdout.

``--preview`` builds the way ``invoke livereload`` does (``ARSIP_PREVIEW=1``: Pelican's content
cache and the speed layer's skipping of unchanged pages) without emptying the output.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from typing import Any


def _peak_mb(who: int) -> float:
    # ru_maxrss is in KiB on Linux.
    return round(resource.getrusage(who).ru_maxrss / 1024, 1)


def _cpu_s(who: int) -> float:
    usage = resource.getrusage(who)
    return round(usage.ru_utime + usage.ru_stime, 2)


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser()
    parser.add_argument("content")
    parser.add_argument("output")
    parser.add_argument("--cache", help="Pelican's CACHE_PATH (preview builds)")
    parser.add_argument("--preview", action="store_true")
    parser.add_argument(
        "--build-cache", help="build with the publishing cache in this folder (tools/build.py)"
    )
    args = parser.parse_args(argv)
    if args.preview:
        os.environ["ARSIP_PREVIEW"] = "1"  # read by pelicanconf.py, as `invoke livereload` does

    from pelican import Pelican

    from tools.build import ROOT, build, settings_for

    sys.path.insert(0, str(ROOT / "plugins"))
    overrides: dict[str, Any] = {}
    if args.cache:
        overrides["CACHE_PATH"] = args.cache
    started = time.perf_counter()
    if args.preview:
        # Like Pelican's autoreload: the output folder is kept, the content cache is used.
        Pelican(settings_for(output=args.output, content=args.content, **overrides)).run()
    else:
        build(output=args.output, content=args.content, cache=args.build_cache, **overrides)
    wall = time.perf_counter() - started
    # Children of this process: pelican_speed's forked workers (reading and rendering) and
    # Pagefind's runs; each plugin records its own children (os.wait4, /proc), so they are
    # apart (RUSAGE_CHILDREN would mix them, and a child's ru_maxrss counts its parent).
    workers = getattr(sys.modules.get("pelican_speed.parallel"), "LAST_RUN", None)
    index_run = getattr(sys.modules.get("search_index.search_index"), "LAST_RUN", None) or {}
    pagefind_s = float(index_run.get("wall_s", 0.0))
    # Pagefind starts once the pages are written and overlaps the build's last steps: what
    # the build spent waiting for it afterwards is Pagefind's share of the wall time.
    pagefind_wait = float(index_run.get("waited_s", pagefind_s))
    worker_cpu = round(workers.worker_cpu_s, 2) if workers else 0.0
    worker_peak = round(workers.worker_peak_mb, 1) if workers else 0.0
    self_peak = _peak_mb(resource.RUSAGE_SELF)
    result = {
        "wall_s": round(wall, 2),
        "pelican_s": round(wall - pagefind_wait, 2),
        "pagefind_s": round(pagefind_s, 2) if index_run else None,
        "pagefind_wait_s": round(pagefind_wait, 2) if index_run else None,
        "pelican_cpu_s": round(_cpu_s(resource.RUSAGE_SELF) + worker_cpu, 2),
        "pelican_worker_cpu_s": worker_cpu,
        "pelican_read_s": round(workers.read_s, 2) if workers else None,
        "pelican_render_s": round(workers.render_s, 2) if workers else None,
        "pagefind_cpu_s": index_run.get("cpu_s"),
        "pelican_peak_mb": self_peak,
        # A worker's resident memory counts the pages it shares with this process again:
        # the sum is an upper bound of what the build held at once while rendering.
        "pelican_worker_peak_mb": worker_peak,
        "pelican_peak_total_mb": round(self_peak + worker_peak, 1),
        "pagefind_peak_mb": index_run.get("peak_mb"),
        "pagefind_runs": index_run.get("runs", 0),
        "pagefind_cached": index_run.get("cached", 0),
    }
    print(json.dumps(result), flush=True)
    return result


if __name__ == "__main__":
    main()
