"""The search page's pure script modules (theme/static/js/search/), unit-tested by
``node --test`` (tests/js/*.test.mjs): run here so that ``./dev test`` runs them."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TESTS = sorted((ROOT / "tests" / "js").glob("*.test.mjs"))


def test_every_search_module_has_node_tests() -> None:
    modules = {p.stem for p in (ROOT / "theme" / "static" / "js" / "search").glob("*.js")}
    tested = {
        m for m in modules for t in TESTS if f"/search/{m}.js" in t.read_text(encoding="utf-8")
    }
    assert modules and tested == modules, f"modules without node tests: {modules - tested}"


@pytest.mark.parametrize("path", TESTS, ids=lambda p: p.name)
def test_node(path: Path) -> None:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is missing: ./dev test installs it with the other checkers")
    run = subprocess.run(
        [node, "--test", str(path)], capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert "# fail 0" in run.stdout and "# pass 0" not in run.stdout
