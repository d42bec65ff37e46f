"""The peer check's tools: Pelican's own sample sites, locales, builds in other processes.

Pelican's sdist holds its sample sites (``samples/``) and what its functional tests expect
them to build into (``pelican/tests/output/``). It is fetched with pip at test set-up and kept
in ``.cache/`` (git-ignored), so that later runs are offline. Each build runs in a new
interpreter (``runner.py``); the trees and reports of two builds are compared here.
"""

from __future__ import annotations

import difflib
import json
import locale
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / ".cache"
RUNNER = Path(__file__).with_name("runner.py")
#: How many times a speed build runs on a small site: forked-worker bugs do not show every time.
REPEAT = int(os.environ.get("PEER_REPEAT", "8"))

#: The locales Pelican's functional tests set (``locale.normalize("en_US")`` and the others),
#: as (definition, charmap, folder name glibc looks up).
LOCALES = (
    ("en_US", "ISO-8859-1", "en_US.iso88591"),
    ("en_US", "UTF-8", "en_US.utf8"),
    ("fr_FR", "UTF-8", "fr_FR.utf8"),
)


class HarnessError(RuntimeError):
    """The check could not be set up or a build process died; the message says why."""


def pelican_version() -> str:
    return metadata.version("pelican")


def pelican_sdist(cache: Path = CACHE) -> Path:
    """The extracted sdist of the installed Pelican (downloaded once with pip)."""
    version = pelican_version()
    folder = cache / "pelican-sdist"
    tree = folder / f"pelican-{version}"
    if (tree / "samples" / "content").is_dir():
        return tree
    archive = folder / f"pelican-{version}.tar.gz"
    if not archive.exists():
        folder.mkdir(parents=True, exist_ok=True)
        cmd = [sys.executable, "-m", "pip", "download", "--no-binary", ":all:", "--no-deps"]
        cmd += ["--disable-pip-version-check", "-q", f"pelican=={version}", "-d", str(folder)]
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode != 0 or not archive.exists():
            raise HarnessError(
                f"pip could not download pelican=={version}'s sdist into {folder}:\n"
                f"{proc.stdout[-2000:]}{proc.stderr[-2000:]}"
            )
    # Extract beside, then rename: an interrupted run leaves no half tree behind.
    partial = Path(tempfile.mkdtemp(prefix="extract-", dir=folder))
    try:
        with tarfile.open(archive) as tar:
            tar.extractall(partial, filter="data")
    except (OSError, tarfile.TarError) as exc:
        archive.unlink(missing_ok=True)  # downloaded again next time
        raise HarnessError(
            f"{archive} could not be extracted ({exc}); run the tests again"
        ) from exc
    shutil.rmtree(tree, ignore_errors=True)
    (partial / f"pelican-{version}").rename(tree)
    shutil.rmtree(partial)
    return tree


def locales(cache: Path = CACHE) -> tuple[Path | None, str]:
    """A LOCPATH folder holding :data:`LOCALES`, compiled with glibc's ``localedef`` from
    Debian's ``locales`` definitions (no root needed: nothing is installed system-wide).
    ``(None, reason)`` when they cannot be made."""
    folder = cache / "locales"
    if all((folder / name / "LC_CTYPE").exists() for _, _, name in LOCALES):
        return folder, ""
    definitions = Path("/usr/share/i18n/locales")
    if not (definitions / "fr_FR").exists() and os.geteuid() == 0 and shutil.which("apt-get"):
        # CI runs as root in a Debian image without the definitions: install them.
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], env=env, capture_output=True)
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "locales"],
            env=env,
            capture_output=True,
        )
    if not shutil.which("localedef") or not (definitions / "fr_FR").exists():
        return None, (
            "the fr_FR.UTF-8 locale cannot be made: glibc's localedef and Debian's `locales` "
            "package (/usr/share/i18n/locales) are needed (apt-get install locales)"
        )
    folder.mkdir(parents=True, exist_ok=True)
    for source, charmap, name in LOCALES:
        if (folder / name / "LC_CTYPE").exists():
            continue
        proc = subprocess.run(
            ["localedef", "-i", source, "-f", charmap, str(folder / name)],
            capture_output=True,
            text=True,
        )
        if not (folder / name / "LC_CTYPE").exists():
            return None, f"localedef {source}.{charmap} failed: {proc.stderr.strip()[-500:]}"
    return folder, ""


def sample_specs(sdist: Path) -> dict[str, dict[str, Any]]:
    """How Pelican's ``test_pelican.py`` builds each sample site (settings file, overrides
    besides the output and cache folders), by the name of its expected output folder."""
    samples = sdist / "samples"
    content = str(samples / "content")
    return {
        "basic": {
            "settings_file": None,
            "overrides": {"PATH": content, "LOCALE": locale.normalize("en_US")},
        },
        "custom": {
            "settings_file": str(samples / "pelican.conf.py"),
            "overrides": {"PATH": content, "LOCALE": locale.normalize("en_US.UTF-8")},
        },
        "custom_locale": {
            "settings_file": str(samples / "pelican.conf_FR.py"),
            "overrides": {"PATH": content, "LOCALE": "fr_FR.UTF-8"},
        },
    }


ATTACHING_ARTICLE = """\
Title: An article with an attachment
Date: 2012-11-29 10:00
Category: cat1
Tags: foo

The [meeting notes]({attach}../attachments/notes.txt) go with this article;
see also [a file-relative link to unbelievable]({filename}../unbelievable.rst).
"""


def sample_spec(name: str, sdist: Path, tmp: Path) -> dict[str, Any]:
    """The build of one case: a Pelican site of :func:`sample_specs`, or a variant of the
    sample sites (``basic_without_category_pages``, ``attach``: its content is made in
    ``tmp``, ``custom_absolute_urls``)."""
    specs = sample_specs(sdist)
    if name in specs:
        return specs[name]
    if name == "custom_absolute_urls":
        custom = specs["custom"]
        return {**custom, "overrides": {**custom["overrides"], "RELATIVE_URLS": False}}
    basic = specs["basic"]
    # No category or author pages, as this project's settings. Pelican then gives no article
    # its default category, which its theme and its drafts need: the metadata gives it.
    overrides = {
        **basic["overrides"],
        "CATEGORY_SAVE_AS": "",
        "AUTHOR_SAVE_AS": "",
        "DEFAULT_METADATA": {"category": "misc"},
    }
    if name == "basic_without_category_pages":
        return {**basic, "overrides": overrides}
    if name == "attach":
        content = tmp / "content"
        if not content.exists():
            shutil.copytree(sdist / "samples" / "content", content)
            (content / "attachments").mkdir()
            (content / "attachments" / "notes.txt").write_text("Notes.\n", encoding="utf-8")
            (content / "cat1" / "attached.md").write_text(ATTACHING_ARTICLE, encoding="utf-8")
        overrides.update(PATH=str(content), STATIC_PATHS=["attachments"])
        return {**basic, "overrides": overrides}
    raise KeyError(name)


def run_build(
    spec: dict[str, Any],
    side: str,
    output: Path,
    env: dict[str, str] | None = None,
    timeout: float = 600,
) -> dict[str, Any]:
    """Build ``spec`` (see runner.py) as ``side`` into ``output`` in a new process; the
    runner's report. ``CACHE_PATH`` is a folder beside ``output`` unless the spec sets one."""
    output.parent.mkdir(parents=True, exist_ok=True)
    overrides = {
        "CACHE_PATH": str(output.parent / f"{output.name}.cache"),
        **(spec.get("overrides") or {}),
        "OUTPUT_PATH": str(output),
    }
    work = output.parent / f"{output.name}.{side}.spec.json"
    report = output.parent / f"{output.name}.{side}.report.json"
    report.unlink(missing_ok=True)
    full = {**spec, "overrides": overrides, "side": side, "report": str(report)}
    work.write_text(json.dumps(full), encoding="utf-8")
    child_env = {**os.environ, "PYTHONUTF8": "1", **(env or {})}
    for key, value in (env or {}).items():
        if value is None:
            child_env.pop(key, None)
    proc = subprocess.run(
        [sys.executable, str(RUNNER), str(work)],
        cwd=ROOT,
        env=child_env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=timeout,
    )
    if proc.returncode != 0 or not report.exists():
        raise HarnessError(
            f"the {side} build process died (exit status {proc.returncode}):\n"
            f"{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
        )
    result = json.loads(report.read_text(encoding="utf-8"))
    result["stderr"] = proc.stderr
    return result


def tree(folder: Path, skip: tuple[str, ...] = ()) -> dict[str, bytes]:
    """Every file below ``folder`` (relative POSIX path -> bytes), but those under ``skip``."""
    files = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_file() and not any(rel == s or rel.startswith(s + "/") for s in skip):
            files[rel] = path.read_bytes()
    return files


def tree_diff(
    expected: dict[str, bytes], actual: dict[str, bytes], names: tuple[str, str], lines: int = 12
) -> str:
    """What differs between two trees, for a person: files only on one side, then the first
    lines of a unified diff of each differing file. Empty when the trees are identical."""
    left, right = names
    out = []
    only_left = sorted(expected.keys() - actual.keys())
    only_right = sorted(actual.keys() - expected.keys())
    if only_left:
        out.append(f"only in {left} ({len(only_left)}): {only_left[:15]}")
    if only_right:
        out.append(f"only in {right} ({len(only_right)}): {only_right[:15]}")
    different = sorted(k for k in expected.keys() & actual.keys() if expected[k] != actual[k])
    if different:
        out.append(f"{len(different)} file(s) differ: {different[:15]}")
    for name in different[:4]:
        a = expected[name].decode("utf-8", "replace").splitlines()
        b = actual[name].decode("utf-8", "replace").splitlines()
        diff = list(
            difflib.unified_diff(a, b, f"{left}/{name}", f"{right}/{name}", n=1, lineterm="")
        )
        out.append("\n".join(line[:200] for line in diff[: lines + 2]))
    return "\n".join(out)


def git_diff_ignoring_whitespace(left: Path, right: Path) -> str:
    """Pelican's own comparison (``git diff --no-index -w``); empty when equal."""
    options = ["--no-pager", "diff", "--no-ext-diff", "--no-index", "--exit-code", "-w"]
    proc = subprocess.run(
        ["git", *options, str(left), str(right)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
    )
    if proc.returncode not in (0, 1):
        raise HarnessError(f"git diff failed: {proc.stderr}")
    return proc.stdout


def report_diff(stock: dict[str, Any], fast: dict[str, Any]) -> list[tuple[str, str]]:
    """How two runner reports disagree, as (kind, explanation) pairs: log records (compared
    as sorted lists: records of other processes may arrive in another order), and each
    signal's calls (in order)."""
    problems = []
    if sorted(stock["log"]) != sorted(fast["log"]):
        problems.append(
            (
                "log",
                "log records differ:\n  stock: "
                + json.dumps(sorted(stock["log"]), ensure_ascii=False)
                + "\n  speed: "
                + json.dumps(sorted(fast["log"]), ensure_ascii=False),
            )
        )
    for name, calls in stock["signals"].items():
        theirs = fast["signals"].get(name, [])
        if calls != theirs:
            problems.append(
                (
                    f"signal {name}",
                    f"signal {name}: stock sent {len(calls)}, speed {len(theirs)}; "
                    f"stock only {sorted(set(calls) - set(theirs))[:8]}, "
                    f"speed only {sorted(set(theirs) - set(calls))[:8]}"
                    + ("; same calls, other order" if sorted(calls) == sorted(theirs) else ""),
                )
            )
    return problems


class Runs:
    """The problems of repeated builds against one reference, and how often each kind came."""

    def __init__(self) -> None:
        self.count = 0
        self.failed: list[tuple[int, list[tuple[str, str]]]] = []

    def add(self, problems: list[tuple[str, str]]) -> None:
        self.count += 1
        if problems:
            self.failed.append((self.count, problems))

    def summary(self) -> str:
        """ "" when every run was clean; else the tally by kind and the first failed run."""
        if not self.failed:
            return ""
        kinds: dict[str, int] = {}
        for _, problems in self.failed:
            for kind in dict(problems):
                kinds[kind] = kinds.get(kind, 0) + 1
        tally = ", ".join(f"{kind} {n}/{self.count}" for kind, n in kinds.items())
        run, problems = self.failed[0]
        first = "\n".join(text for _, text in problems)
        return f"{len(self.failed)} of {self.count} runs differ ({tally}); run {run}:\n{first}"
