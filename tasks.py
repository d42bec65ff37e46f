"""Project tasks (invoke). `invoke --list` shows them; `invoke --help TASK` their options."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from invoke import Exit, task

from arsip.messages import t

ROOT = Path(__file__).resolve().parent
OUTPUT = ROOT / "output"
F = TypeVar("F", bound=Callable[..., Any])
#: The options of `new`, each with its help text in arsip/messages.py ("help.new.NAME").
NEW_OPTIONS = (
    "title", "date", "region", "official", "role", "source", "source_url", "tags", "election",
    "summary", "body", "body_file", "title_editorial",
)  # fmt: skip


def _doc(key: str) -> Callable[[F], F]:
    """Give a task its description (shown by --help and --list) in the editor's language."""

    def set_doc(body: F) -> F:
        body.__doc__ = t(key)
        return body

    return set_doc


def _build(siteurl: str = "", output: Path = OUTPUT, cache: str = "") -> Path:
    from tools.build import BuildFailed, build

    try:
        return build(siteurl=siteurl, output=output, cache=cache or None)
    except BuildFailed as exc:
        raise Exit(str(exc), code=1) from None


CACHE_HELP = (
    "a folder kept between builds (e.g. cache/build): what an earlier build of the same code "
    "read and indexed is reused; the site is the same"
)


@task(
    help={
        "siteurl": "absolute site URL, e.g. https://org.github.io/repo (default: none)",
        "cache": CACHE_HELP,
    }
)
def build(c, siteurl="", cache=""):
    """Build the whole site (pages, feeds, exports, search index) into output/."""
    out = _build(siteurl, cache=cache)
    from arsip.messages import t

    print(t("build.built", out=out))


@task(
    help={
        "siteurl": "the published URL, may contain a sub-path, e.g. https://example.org/arsip",
        "cache": CACHE_HELP,
    }
)
def publish(c, siteurl, cache=""):
    """Build the site for publication at SITEURL, then check it against GitHub Pages' limits."""
    if not siteurl.strip():
        raise Exit(
            "--siteurl is required: the published address, e.g. https://org.github.io/repo", 1
        )
    from tools.publish import check, measure

    out = _build(siteurl, cache=cache)
    from arsip.messages import t

    print(t("build.built_for", out=out, siteurl=siteurl))
    # GitHub Pages' limits (tools/publish.py): a warning from 80 %, a stop above a limit,
    # before the publish workflow's upload step.
    verdict = check(measure(out))
    if verdict.stops:
        raise Exit("\n".join(verdict.lines), code=1)
    print("\n".join(verdict.lines))


@task(
    help={
        "siteurl": "the address the site was built for (links under it are checked)",
        "pages": "a file listing the pages to check, one site-relative path a line",
        "site": "the built site (default: output/)",
    }
)
def check_pages(c, siteurl, pages, site=""):
    """HTML (Nu Html Checker) and internal links of some built pages, e.g. those a commit
    changed (`python -m tools.changes pages`); the publish workflow runs it after an editor's
    commit."""
    from tools.changes import main

    code = main(["check", site or str(OUTPUT), siteurl, pages])
    if code:
        raise Exit(code=code)


@task(
    help={
        "port": "port on 127.0.0.1 (default 8000)",
        "prefix": "serve under a sub-path, e.g. /arsip (builds with that sub-path)",
        "no_build": "serve output/ as it is",
    }
)
def serve(c, port=8000, prefix="", no_build=False):
    """Build the site and serve it at http://127.0.0.1:8000/ (Ctrl+C stops)."""
    from arsip.messages import t
    from tools.serve import free_port_near, has_search_index, make_server, port_free

    port = int(port)
    # A busy port is said before the build, not as a traceback after it.
    if not port_free(port):
        raise Exit(t("serve.port_busy", port=port, suggest=free_port_near(port)), code=1)
    prefix = "/" + prefix.strip("/") if prefix.strip("/") else ""
    if not no_build:
        print(t("serve.building"), flush=True)
        _build(f"http://127.0.0.1:{port}{prefix}" if prefix else "")
    try:
        server = make_server(OUTPUT, port, prefix)
    except OSError:  # taken while the site was building
        raise Exit(t("serve.port_busy", port=port, suggest=free_port_near(port)), code=1) from None
    url = f"http://127.0.0.1:{port}{prefix}/"
    ready = "serve.ready" if has_search_index(OUTPUT) else "serve.no_search"
    print(t(ready, url=url), flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@task(help={"port": "port on 127.0.0.1 (default 8000)"})
def livereload(c, port=8000):
    """Serve and rebuild on every change of content, theme or plugins (Pelican's autoreload)."""
    c.run(
        f"{sys.executable} -m pelican --autoreload --listen --bind 127.0.0.1 --port {port} "
        f"-s {ROOT / 'pelicanconf.py'}",
        pty=sys.stdout.isatty(),
        # Preview mode: content cache, unchanged pages not rendered again, and after edits to
        # article bodies only the pages showing them (plugins/pelican_speed).
        env={"ARSIP_PREVIEW": "1"},
    )


@task(help={"paths": t("help.check.paths"), "format": t("help.check.format")}, iterable=["paths"])
@_doc("help.check")
def check(c, paths=None, format="text"):
    from arsip.check import main

    code = main([*(str(p) for p in paths or []), "--format", format])
    if code:
        raise Exit(code=code)


@task(help={"path": t("help.ingest.path"), "dest": t("help.ingest.dest")})
@_doc("help.ingest")
def ingest(c, path, dest=""):
    from arsip.ingest import ingest_paths

    code = ingest_paths([path], Path(dest) if dest else ROOT / "content" / "articles")
    if code:
        raise Exit(code=code)


@task(help={name: t(f"help.new.{name}") for name in NEW_OPTIONS})
@_doc("help.new")
def new(
    c,
    title="",
    date="",
    region="",
    official="",
    role="",
    source="",
    source_url="",
    tags="",
    election="",
    summary="",
    body="",
    body_file="",
    title_editorial=False,
):
    values = dict(locals())  # first: only the task's parameters
    from arsip.new import main

    argv = [
        f"--{k.replace('_', '-')}={v}"
        for k, v in values.items()
        if k != "c" and v and v is not True
    ]
    argv += ["--title-editorial"] if title_editorial else []
    code = main(argv)
    if code:
        raise Exit(code=code)


@task(help={"k": "only tests matching this expression (pytest -k)", "x": "stop at first failure"})
def test(c, k="", x=False):
    """Run every test: unit, plugin, whole-site and browser tests (pytest)."""
    args = [sys.executable, "-m", "pytest"]
    if k:
        args += ["-k", k]
    if x:
        args.append("-x")
    c.run(" ".join(f"'{a}'" for a in args), pty=sys.stdout.isatty())


@task
def lint(c):
    """Ruff: lint and format check."""
    c.run(f"{sys.executable} -m ruff check .")
    c.run(f"{sys.executable} -m ruff format --check .")


@task(
    help={
        "n": "number of synthetic articles (default 10000)",
        "seed": "random seed of the synthetic archive (default 1)",
        "no_browser": "skip the search measurement in headless Chromium",
        "no_preview": "skip the preview builds (cold build only)",
        "scale": "instead: the whole build's CPU and memory (every process) and a one-article "
        "commit built with the publishing cache; writes bench-results/scale-N.json",
        "keep": "with --scale: keep the generated archive in this folder and reuse it",
    }
)
def bench(c, n=10000, seed=1, no_browser=False, no_preview=False, scale=False, keep=""):
    """Benchmark a synthetic archive of N articles; writes bench-results/bench-N.json."""
    import json

    if scale:
        _bench_scale(int(n), int(seed), keep)
        return
    from tools.bench import run, size

    result = run.run(int(n), int(seed), browser=not no_browser, preview=not no_preview)
    # Bytes per article since the largest smaller run of this seed (tools/bench/size.py).
    size.add_growth(result, run.RESULTS)
    path = run.write(result)
    print(json.dumps(result, indent=2, ensure_ascii=False))
    print(run.summary(result))
    print(size.summary(result))
    print(f"Written {path.relative_to(ROOT)}")


def _bench_scale(n: int, seed: int, keep: str) -> None:
    from tools.bench import scale

    result = scale.run(n, seed, Path(keep) if keep else None)
    path = scale.write(result)
    print(scale.summary(result))
    print(f"Written {path.relative_to(ROOT)}")


@task
def clean(c):
    """Remove output/ and caches."""
    import shutil

    for path in (OUTPUT, ROOT / "cache", ROOT / ".pytest_cache"):
        shutil.rmtree(path, ignore_errors=True)
    print("Cleaned")
