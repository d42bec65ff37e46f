"""Run the scale benchmark and write its figures (``invoke bench --n 10000``).

Steps, each timed: generate N synthetic articles (:mod:`tools.bench.generate`) in a temporary
folder; a cold build exactly as ``invoke build`` does it (Pelican, then Pagefind through the
search_index plugin), each build in its own process (:mod:`tools.bench.worker`) so that peak
memory is measured for Pelican and Pagefind separately; a first preview build (as ``invoke
livereload`` starts) and a preview rebuild after one article's text is edited; the size of the
output and of the search index; the search page in headless Chromium (one-word and filtered
query, bytes and milliseconds, by ``tools.bench.measure``). The machine's load average is
recorded next to the figures: the machine is shared, and wall times depend on it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from arsip.progress import progress
from tools.bench import size
from tools.bench.generate import generate

ROOT = Path(__file__).resolve().parent.parent.parent
RESULTS = ROOT / "bench-results"


def _load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def _folder_size(folder: Path, exclude: str | None = None) -> dict[str, int]:
    files = size = 0
    for path in folder.rglob("*"):
        if exclude and path.relative_to(folder).parts[:1] == (exclude,):
            continue
        if path.is_file():
            files += 1
            size += path.stat().st_size
    return {"files": files, "bytes": size}


def _worker(content: Path, output: Path, cache: Path, preview: bool) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "tools.bench.worker", str(content), str(output)]
    cmd += ["--cache", str(cache)] + (["--preview"] if preview else [])
    env = {**os.environ, "PYTHONUTF8": "1"}
    env.pop("ARSIP_PREVIEW", None)
    # The generated archive's officials and outlets are in its own registries (generate.py).
    env["ARSIP_DATA_DIR"] = str(content.parent / "data")
    load = _load()
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8")
    if proc.returncode != 0:
        raise BuildError(f"benchmark build failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result["load_before"] = load
    if preview:
        # plugins/pelican_speed/quick.py: only the pages showing an edited text were written.
        result["quick"] = "Done: quick preview rebuild" in proc.stderr
    return result


class BuildError(RuntimeError):
    """A measured build failed; its output is in the message."""


def _edit_one(content: Path) -> Path:
    """Change one sentence in the body of one article (the first by name) and return it."""
    path = sorted(content.glob("articles/*/*.md"))[0]
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.rstrip("\n") + "\n\nKalimat tambahan untuk uji pembangunan ulang.\n", "utf-8"
    )
    return path


def _search(site: Path) -> dict[str, Any]:
    from tools.bench.measure import measure_cold_links, measure_search

    measured = measure_search(site)
    keep = (
        "bytes",
        "search_bytes",
        "requests",
        "bytes_to_first_result",
        "requests_to_first_result",
        "ms_to_first_result",
        "ms_to_complete",
        "status",
        "url",
    )
    measured["scenarios"] = {
        name: {k: v for k, v in figures.items() if k in keep}
        for name, figures in measured["scenarios"].items()
    }
    # The same page from a link, without Playwright's network instrumentation.
    measured["cold_links"] = measure_cold_links(site)
    return measured


def _first_view(site: Path) -> dict[str, Any]:
    """Bytes before the search page's first title, per view (tools.bench.first_view)."""
    from tools.bench import first_view

    return first_view.measure(site)


def run(
    n: int,
    seed: int = 1,
    workdir: Path | None = None,
    browser: bool = True,
    log: Callable[[str], None] = print,
    preview: bool = True,
) -> dict[str, Any]:
    """Run the whole benchmark for ``n`` articles and return its figures."""
    own = workdir is None
    work = Path(tempfile.mkdtemp(prefix=f"arsip-bench-{n}-")) if own else Path(workdir)
    content, output, cache = work / "content", work / "output", work / "cache"
    try:
        result: dict[str, Any] = {
            "n": n,
            "seed": seed,
            "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "machine": {
                "cpus": os.cpu_count(),
                "memory_gb": round(
                    os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1
                ),
                "python": platform.python_version(),
                "platform": platform.platform(),
            },
        }
        started = time.perf_counter()
        with progress(n, f"Membuat {n} artikel sintetis") as bar:
            generate(content, n, seed, progress=bar.update)
        shutil.copytree(ROOT / "content" / "pages", content / "pages", dirs_exist_ok=True)
        result["generate_s"] = round(time.perf_counter() - started, 2)

        log(f"Cold build of {n} articles (Pelican + Pagefind) ...")
        cold = _worker(content, output, cache, preview=False)
        cold["ms_per_article"] = round(1000 * cold["pelican_s"] / n, 2)
        # CPU time does not depend on the other processes of a shared machine; wall time does.
        cold["cpu_ms_per_article"] = round(1000 * cold["pelican_cpu_s"] / n, 2)
        result["cold"] = cold
        log(json.dumps(cold))
        result["output"] = _folder_size(output, exclude="pagefind")
        result["search_index"] = _folder_size(output / "pagefind")
        result["size"] = size.breakdown(output, n)  # per folder and kind (tools/bench/size.py)

        if browser:
            log("Search page in headless Chromium ...")
            result["search"] = _search(output)
            result["first_view"] = _first_view(output)

        if not preview:
            result["load_after"] = _load()
            return result
        log("Preview: first build (content cache filled) ...")
        try:
            result["preview_first"] = _worker(content, output, cache, preview=True)
            log(json.dumps(result["preview_first"]))
            edited = _edit_one(content)
            log(f"Preview: rebuild after editing {edited.name} ...")
            result["rebuild_one_edit"] = _worker(content, output, cache, preview=True)
            result["rebuild_one_edit"]["edited"] = str(edited.relative_to(content))
            log(json.dumps(result["rebuild_one_edit"]))
        except BuildError as exc:
            # Keep the cold figures (minutes of work) and say what failed.
            result["error"] = str(exc)
            log(str(exc))
        result["load_after"] = _load()
        return result
    finally:
        if own:
            shutil.rmtree(work, ignore_errors=True)


def summary(result: dict[str, Any]) -> str:
    """A few human-readable lines of the figures."""
    cold = result["cold"]
    rebuild = result.get("rebuild_one_edit") or {"wall_s": float("nan"), "pelican_s": 0.0}
    lines = [
        f"Benchmark: {result['n']} articles, {result['date']}, "
        f"{result['machine']['cpus']} CPUs / {result['machine']['memory_gb']} GB, "
        f"load {cold['load_before']}",
        f"  cold build      {cold['wall_s']:7.1f} s  (Pelican {cold['pelican_s']:.1f} s = "
        f"{cold['ms_per_article']} ms/article, then Pagefind {cold.get('pagefind_wait_s')} s; "
        f"Pagefind ran {cold['pagefind_s']} s in all)",
        f"  cold CPU        Pelican {cold['pelican_cpu_s']:.1f} s = "
        f"{cold['cpu_ms_per_article']} ms/article, Pagefind {cold['pagefind_cpu_s']:.1f} s",
        f"  peak memory     Pelican {cold['pelican_peak_mb']:.0f} MB "
        f"(+ workers {cold.get('pelican_worker_peak_mb', 0):.0f} MB), "
        f"Pagefind {cold['pagefind_peak_mb']} MB",
        f"  preview rebuild {rebuild['wall_s']:7.1f} s after one edit "
        f"(Pelican {rebuild['pelican_s']:.1f} s, Pagefind {rebuild.get('pagefind_s')} s)",
        f"  output          {result['output']['files']} files, "
        f"{result['output']['bytes'] / 2**20:.1f} MB; search index "
        f"{result['search_index']['files']} files, {result['search_index']['bytes'] / 2**20:.1f} MB",
    ]
    for name, s in result.get("search", {}).get("scenarios", {}).items():
        lines.append(
            f"  search {name:16} first result {s['ms_to_first_result']} ms, "
            f"{(s.get('bytes_to_first_result') or 0) / 1024:.1f} KB; complete "
            f"{s.get('ms_to_complete')} ms, {s['bytes'] / 1024:.1f} KB, {s['requests']} requests"
        )
    for name, s in result.get("search", {}).get("cold_links", {}).get("scenarios", {}).items():
        lines.append(
            f"  link {name:18} first result {s['ms_to_first_result']} ms "
            f"(median of {s['ms_to_first_result_runs']}), complete {s['ms_to_complete']} ms, "
            f"{s['bytes'] / 1024:.1f} KB (no test driver)"
        )
    if "first_view" in result:
        from tools.bench import first_view

        lines += first_view.summary(result["first_view"])
    if "error" in result:
        lines.append("  ERROR: " + result["error"].splitlines()[-1])
    return "\n".join(lines)


def write(result: dict[str, Any], folder: Path = RESULTS) -> Path:
    """Write ``bench-<n>.json`` (git-ignored) and return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"bench-{result['n']}.json"
    path.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path
