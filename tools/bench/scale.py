"""Scale figures of the build (``invoke bench -n N --scale``): the whole build as one cost,
and a one-article commit built with the publishing cache.

- **Cold build**, measured over its whole process tree (:mod:`tools.bench.tree`): wall time,
  CPU seconds of every process (Pelican, its forked workers, Pagefind), peak memory summed
  over the tree (RSS, and PSS, which counts a page shared by forked processes once).
- **Cold build with an empty cache** (what the publish workflow does after a code change):
  the same, filling the cache (``invoke publish --cache``, tools/build.py).
- **One-article commit**: one new article added to the archive, then a build with the cache
  that the previous build left (what the publish workflow does after an editor's commit).

Each build runs in its own process (:mod:`tools.bench.worker`), one after another. The
archive can be kept and reused (``--keep DIR``): generating 100,000 articles takes minutes.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from tools.bench.generate import generate
from tools.bench.tree import run_measured

ROOT = Path(__file__).resolve().parent.parent.parent


class ScaleError(RuntimeError):
    """A measured build failed; its output is in the message."""


def measured_build(content: Path, output: Path, build_cache: Path | None = None) -> dict[str, Any]:
    """One build exactly as ``invoke build`` (with ``--cache`` when ``build_cache``), in its
    own process, measured as a tree; the tree's figures with the worker's own (``build``)."""
    cmd = [sys.executable, "-m", "tools.bench.worker", str(content), str(output)]
    if build_cache is not None:
        cmd += ["--build-cache", str(build_cache)]
    # The generated archive's own registries (tools/bench/generate.py writes them beside it).
    env = {**os.environ, "PYTHONUTF8": "1", "ARSIP_DATA_DIR": str(content.parent / "data")}
    env.pop("ARSIP_PREVIEW", None)
    run = run_measured(cmd, cwd=ROOT, env=env)
    if run.returncode != 0:
        raise ScaleError(f"build failed:\n{run.stdout[-3000:]}\n{run.stderr[-3000:]}")
    result = run.figures()
    result["build"] = json.loads(run.stdout.strip().splitlines()[-1])
    return result


def add_article(content: Path, index: int, seed: int) -> Path:
    """Write article number ``index`` of the archive of ``seed`` (the archive of ``index + 1``
    articles starts with the same ``index`` files) and the registry entries it needs, as an
    editor's commit does; return its path."""
    with tempfile.TemporaryDirectory() as tmp:
        more = Path(tmp) / "content"
        new = generate(more, index + 1, seed, data=content.parent / "data")[-1]
        path = content / new.relative_to(more)
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(new, path)
    return path


def archive(folder: Path, n: int, seed: int) -> Path:
    """The generated archive of ``n`` articles in ``folder``/content, made once: kept with a
    stamp of ``n`` and ``seed`` and reused while they match."""
    content, stamp = folder / "content", folder / "archive.json"
    wanted = {"n": n, "seed": seed}
    if content.is_dir() and stamp.is_file() and json.loads(stamp.read_text("utf-8")) == wanted:
        return content
    shutil.rmtree(content, ignore_errors=True)
    stamp.unlink(missing_ok=True)
    generate(content, n, seed)
    shutil.copytree(ROOT / "content" / "pages", content / "pages", dirs_exist_ok=True)
    stamp.write_text(json.dumps(wanted), encoding="utf-8")
    return content


def run(n: int, seed: int = 7, keep: Path | None = None, log: Any = print) -> dict[str, Any]:
    """Cold build, cold build filling the cache, one-article commit with the cache."""
    work = Path(keep) if keep else Path(tempfile.mkdtemp(prefix=f"arsip-scale-{n}-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        content = archive(work, n, seed)
        commit = [p for p in content.glob("articles/*/*.md") if p.stem.endswith(f"-{n:06d}")]
        for leftover in commit:  # the article of an earlier run's commit
            leftover.unlink()
        result: dict[str, Any] = {"n": n, "seed": seed, "cpus": os.cpu_count()}
        cache = work / "build-cache"
        shutil.rmtree(cache, ignore_errors=True)
        log(f"Cold build of {n} articles, measured over its process tree ...")
        result["cold"] = measured_build(content, work / "output")
        log(json.dumps(result["cold"]))
        log("Cold build with an empty cache (filling it) ...")
        result["cold_cache"] = measured_build(content, work / "output", cache)
        log(json.dumps(result["cold_cache"]))
        added = add_article(content, n, seed)
        log(f"One article added ({added.name}): build with the cache ...")
        try:
            result["commit_one"] = measured_build(content, work / "output", cache)
            result["commit_one"]["added"] = str(added.relative_to(content))
        finally:
            added.unlink()
        log(json.dumps(result["commit_one"]))
        result["cpu_ms_per_article"] = round(1000 * result["cold"]["cpu_s"] / n, 2)
        return result
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)


def per_article_ratio(small: dict[str, Any], large: dict[str, Any]) -> float:
    """CPU per article of the larger run over that of the smaller (the goal: at most 1.2)."""
    return round(large["cpu_ms_per_article"] / small["cpu_ms_per_article"], 3)


def summary(result: dict[str, Any]) -> str:
    """A few lines of the figures."""
    lines = [f"Scale: {result['n']} articles (seed {result['seed']}), {result['cpus']} CPUs"]
    for name, label in (
        ("cold", "cold build"),
        ("cold_cache", "cold, filling cache"),
        ("commit_one", "one-article commit"),
    ):
        r = result.get(name)
        if r:
            lines.append(
                f"  {label:20} {r['wall_s']:8.1f} s wall, {r['cpu_s']:8.1f} CPU-s, peak "
                f"{r['peak_pss_mb']:.0f} MB PSS / {r['peak_rss_mb']:.0f} MB RSS over "
                f"{r['peak_processes']} processes (load {r['load_before']} -> {r['load_after']})"
            )
    lines.append(f"  CPU per article      {result['cpu_ms_per_article']} ms (cold build)")
    return "\n".join(lines)


def write(result: dict[str, Any], folder: Path = ROOT / "bench-results") -> Path:
    """Write ``scale-<n>.json`` (git-ignored) and return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"scale-{result['n']}.json"
    path.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return path
