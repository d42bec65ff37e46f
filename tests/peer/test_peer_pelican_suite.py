"""Pelican's own unit tests (from its sdist) with the speed layer registered must fail no test
that they do not fail without it.

The suite runs twice, each time in its own pytest process: stock, and with every speed plugin
registered before the first test (``register_speed.py``). Tests that fail stock fail for
reasons of this environment (Pelican's suite expects no other Pelican plugin installed and
typogrify's ``smartypants``), so the check is the difference: failures with the speed layer
that stock Pelican does not have. Only the modules that exercise what the speed layer
replaces run (site builds, generators, contents, URL wrappers, themes).
"""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from peer.harness import ROOT

HERE = Path(__file__).resolve().parent
MODULES = (
    "test_pelican.py",
    "test_generators.py",
    "test_contents.py",
    "test_urlwrappers.py",
    "test_theme.py",
)


def _start_suite(sdist: Path, results: Path, env: dict[str, str], speed: bool) -> Any:
    """Start one run of the suite (a pytest process) writing JUnit XML to ``results``."""
    paths = [str(Path("pelican") / "tests" / m) for m in MODULES]
    cmd = [sys.executable, "-m", "pytest", "-c", "pyproject.toml", "--rootdir", "."]
    cmd += ["-q", "-p", "no:cacheprovider", f"--junitxml={results}", *paths]
    if speed:
        cmd[3:3] = ["-p", "register_speed"]
    # The sdist's package first (same version as the installed one); the project's plugins and
    # the switch after it. No other pytest plugin is loaded (CI annotation plugins included).
    pythonpath = os.pathsep.join([str(sdist), str(ROOT / "plugins"), str(HERE), str(ROOT)])
    child_env = {
        **os.environ,
        **env,
        "PYTHONPATH": pythonpath,
        "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1",
        "PYTHONUTF8": "1",
    }
    return subprocess.Popen(
        cmd,
        cwd=sdist,
        env=child_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        errors="replace",
    )


def _failures(proc: Any, results: Path) -> dict[str, str]:
    """Failed and erroring tests of a finished run: test id -> first line of the message."""
    output, _ = proc.communicate()
    if not results.exists():
        pytest.fail(f"Pelican's suite did not run:\n{output[-4000:]}")
    root = ET.parse(results).getroot()
    failed: dict[str, str] = {}
    for case in root.iter("testcase"):
        for problem in [*case.findall("failure"), *case.findall("error")]:
            first = (problem.get("message") or "").strip().splitlines()
            failed[f"{case.get('classname')}::{case.get('name')}"] = first[0][:300] if first else ""
    total = sum(1 for _ in root.iter("testcase"))
    assert total > 100, f"only {total} tests ran:\n{output[-2000:]}"
    return failed


@pytest.mark.slow
def test_pelicans_unit_suite_fails_nothing_more_with_the_speed_layer(
    sdist: Path, locale_env: dict[str, str], tmp_path: Path
) -> None:
    env = {k: v for k, v in locale_env.items() if k == "LOCPATH"}
    # Both runs at once (one process each): same CPU time, half the wait.
    stock_run = _start_suite(sdist, tmp_path / "stock.xml", env, speed=False)
    fast_run = _start_suite(sdist, tmp_path / "speed.xml", env, speed=True)
    stock = _failures(stock_run, tmp_path / "stock.xml")
    fast = _failures(fast_run, tmp_path / "speed.xml")
    new = {test: message for test, message in fast.items() if test not in stock}
    if new:
        lines = [f"  {test}: {message}" for test, message in sorted(new.items())]
        pytest.fail(
            f"{len(new)} of Pelican's tests fail only with the speed layer "
            f"({len(stock)} fail stock in this environment too):\n" + "\n".join(lines),
            pytrace=False,
        )
