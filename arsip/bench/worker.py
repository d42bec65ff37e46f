"""One measured build, in its own process: ``python -m arsip.bench.worker CONTENT OUTPUT``.

Run by :mod:`arsip.bench.run` so that each build's peak memory is its own: the process's
peak resident set is Pelican's (with every plugin), and that of its waited-for children is
Pagefind's (the ``search_index`` plugin runs the Pagefind binary as a subprocess). Prints one
JSON object on the last line of stdout.

``--preview`` builds the way ``invoke livereload`` does (``ARSIP_PREVIEW=1``: Pelican's content
cache and the fast_build plugin's skipping of unchanged pages) without emptying the output.
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
    args = parser.parse_args(argv)
    if args.preview:
        os.environ["ARSIP_PREVIEW"] = "1"  # read by pelicanconf.py, as `invoke livereload` does

    from pelican import Pelican, signals

    from arsip.build import ROOT, build, settings_for

    sys.path.insert(0, str(ROOT / "plugins"))
    pagefind: dict[str, float] = {"s": 0.0, "runs": 0, "children_peak_before": 0.0}

    def time_pagefind(pelican: Any) -> None:
        """Wrap the search_index plugin's Pagefind run with a timer, once plugins are loaded."""
        module = sys.modules.get("search_index.search_index")
        if module is None or getattr(module.run_pagefind, "_timed", False):
            return
        original = module.run_pagefind

        def timed(*a: Any, **k: Any) -> Any:
            pagefind["children_peak_before"] = _peak_mb(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            try:
                return original(*a, **k)
            finally:
                pagefind["s"] += time.perf_counter() - started
                pagefind["runs"] += 1

        timed._timed = True  # type: ignore[attr-defined]
        module.run_pagefind = timed

    signals.initialized.connect(time_pagefind)
    overrides: dict[str, Any] = {}
    if args.cache:
        overrides["CACHE_PATH"] = args.cache
    started = time.perf_counter()
    if args.preview:
        # Like Pelican's autoreload: the output folder is kept, the content cache is used.
        Pelican(settings_for(output=args.output, content=args.content, **overrides)).run()
    else:
        build(output=args.output, content=args.content, **overrides)
    wall = time.perf_counter() - started
    # Children of this process: parallel_build's forked workers (reading and rendering) and
    # Pagefind; each plugin records its own children's figures (os.wait4), so they are apart.
    workers = getattr(sys.modules.get("parallel_build.parallel_build"), "LAST_RUN", None)
    index_run = getattr(sys.modules.get("search_index.search_index"), "LAST_RUN", None) or {}
    worker_cpu = round(workers.worker_cpu_s, 2) if workers else 0.0
    worker_peak = round(workers.worker_peak_mb, 1) if workers else 0.0
    self_peak = _peak_mb(resource.RUSAGE_SELF)
    result = {
        "wall_s": round(wall, 2),
        "pelican_s": round(wall - pagefind["s"], 2),
        "pagefind_s": round(pagefind["s"], 2) if pagefind["runs"] else None,
        "pelican_cpu_s": round(_cpu_s(resource.RUSAGE_SELF) + worker_cpu, 2),
        "pelican_worker_cpu_s": worker_cpu,
        "pelican_read_s": round(workers.read_s, 2) if workers else None,
        "pelican_render_s": round(workers.render_s, 2) if workers else None,
        "pagefind_cpu_s": index_run.get(
            "cpu_s", round(_cpu_s(resource.RUSAGE_CHILDREN) - worker_cpu, 2)
        ),
        "pelican_peak_mb": self_peak,
        # A worker's resident memory counts the pages it shares with this process again:
        # the sum is an upper bound of what the build held at once while rendering.
        "pelican_worker_peak_mb": worker_peak,
        "pelican_peak_total_mb": round(self_peak + worker_peak, 1),
        "pagefind_peak_mb": index_run.get("peak_mb", _peak_mb(resource.RUSAGE_CHILDREN))
        if pagefind["runs"]
        else None,
        "pagefind_runs": index_run.get("runs", pagefind["runs"]),
    }
    # Without the plugin's own figure, the children's peak is the largest child's: Pagefind's
    # only if it grew during its run (say so rather than guess).
    result["pagefind_peak_exact"] = bool(
        pagefind["runs"]
        and (
            "peak_mb" in index_run or result["pagefind_peak_mb"] > pagefind["children_peak_before"]
        )
    )
    print(json.dumps(result), flush=True)
    return result


if __name__ == "__main__":
    main()
