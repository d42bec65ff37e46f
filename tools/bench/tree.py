"""A command's cost as a whole: wall time, CPU of every process, and memory of the process tree.

The build is several processes: Pelican's, the forked reading and rendering workers
(plugins/pelican_speed), and Pagefind's runs (plugins/search_index). Each plugin records its
own children, but only :func:`run_measured` sees the whole tree at every moment:

- **CPU**: user + system seconds of the command and of every process under it (Linux counts
  a reaped process's time in its parent's ``RUSAGE_CHILDREN``, transitively).
- **Peak memory**: every ``interval`` seconds, the tree is listed from ``/proc`` and each
  process's ``Rss`` and ``Pss`` are read from ``/proc/PID/smaps_rollup``; the peak of their
  sums is kept. The RSS sum counts a page shared by a forked worker and its parent once per
  process (an upper bound); PSS divides each shared page among the processes sharing it, so
  its sum is the memory the build really held (what the 2 GB goal is about).

Run by :mod:`tools.bench.scale` and by hand::

    python -m tools.bench.tree -- python -m tools.bench.worker CONTENT OUTPUT
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any


@dataclass
class TreeRun:
    """What :func:`run_measured` measured of one command."""

    returncode: int
    wall_s: float
    cpu_s: float  # user + system of the command and every process under it
    peak_rss_mb: float  # largest sum of RSS over the tree (shared pages counted per process)
    peak_pss_mb: float  # largest sum of PSS over the tree (shared pages divided)
    peak_processes: int  # most processes in the tree at one sample
    samples: int
    load_before: list[float]
    load_after: list[float]
    stdout: str
    stderr: str

    def figures(self) -> dict[str, Any]:
        """The figures without the command's output."""
        return {k: v for k, v in asdict(self).items() if k not in ("stdout", "stderr")}


def _children_map() -> dict[int, list[int]]:
    """Parent pid -> child pids of every process now (from ``/proc/PID/stat``)."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue  # ended meanwhile
        # The command name may hold spaces and parentheses: fields start after the last ")".
        ppid = int(stat[stat.rindex(b")") + 2 :].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    return children


def tree(root: int) -> list[int]:
    """``root`` and every process under it, now."""
    children = _children_map()
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, ()))
    return found


def memory_kib(pid: int) -> tuple[int, int]:
    """The process's resident (RSS) and proportional (PSS) memory in KiB; zeros once gone."""
    rss = pss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as f:
            for line in f:
                if line.startswith("Rss:"):
                    rss = int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss = int(line.split()[1])
    except (OSError, ValueError):
        pass
    return rss, pss


def _load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def run_measured(
    command: Sequence[str],
    cwd: str | os.PathLike[str] | None = None,
    env: dict[str, str] | None = None,
    interval: float = 0.1,
) -> TreeRun:
    """Run ``command`` to its end and measure it as a whole (see the module's docstring).

    Its output is captured (``TreeRun.stdout``/``stderr``). One command at a time per
    process: the CPU figure is this process's ``RUSAGE_CHILDREN`` before and after."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    load_before = _load()
    started = time.perf_counter()
    proc = subprocess.Popen(
        list(command),
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        errors="replace",
    )
    peak = {"rss": 0, "pss": 0, "procs": 0, "samples": 0}
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            rss = pss = 0
            pids = tree(proc.pid)
            for pid in pids:
                r, p = memory_kib(pid)
                rss, pss = rss + r, pss + p
            peak["rss"] = max(peak["rss"], rss)
            peak["pss"] = max(peak["pss"], pss)
            peak["procs"] = max(peak["procs"], len(pids))
            peak["samples"] += 1
            done.wait(interval)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    # communicate(): the pipes are read while the command runs (a full pipe would block it).
    stdout, stderr = proc.communicate()
    wall = time.perf_counter() - started
    done.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return TreeRun(
        returncode=proc.returncode,
        wall_s=round(wall, 2),
        cpu_s=round(cpu, 2),
        peak_rss_mb=round(peak["rss"] / 1024, 1),
        peak_pss_mb=round(peak["pss"] / 1024, 1),
        peak_processes=peak["procs"],
        samples=peak["samples"],
        load_before=load_before,
        load_after=_load(),
        stdout=stdout,
        stderr=stderr,
    )


def main(argv: list[str] | None = None) -> int:
    """``python -m tools.bench.tree [--] COMMAND...``: run it, print its figures as JSON."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["--"]:
        args = args[1:]
    if not args:
        print("usage: python -m tools.bench.tree [--] COMMAND...", file=sys.stderr)
        return 2
    run = run_measured(args, cwd=Path.cwd())
    sys.stderr.write(run.stderr[-4000:])
    print(json.dumps(run.figures()))
    return run.returncode


if __name__ == "__main__":
    sys.exit(main())
