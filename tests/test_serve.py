"""`invoke serve` (./dev serve): a busy port is one line before any build, and a running
server says where the site is and whether search is ready."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

from tools import serve

ROOT = Path(__file__).resolve().parent.parent


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ARSIP_", "LC_"))}
    return {**env, "PYTHONUTF8": "1", "LANG": "C.UTF-8", **extra}


def test_a_busy_port_is_one_line_before_the_build() -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert not serve.port_free(port)
        started = time.monotonic()
        proc = subprocess.run(
            [sys.executable, "-m", "invoke", "serve", "--port", str(port)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=_env(),
            timeout=60,
        )
    assert proc.returncode == 1
    lines = (proc.stdout + proc.stderr).strip().splitlines()
    assert len(lines) == 1, lines
    assert f"Port {port} di 127.0.0.1 sedang dipakai" in lines[0]
    assert "./dev serve --port " in lines[0]
    suggested = int(lines[0].rsplit(" ", 1)[1])
    assert suggested != port
    assert "Traceback" not in proc.stderr and "Membangun" not in proc.stdout
    assert time.monotonic() - started < 30  # no build was started
    assert serve.port_free(port)  # once released


def test_serve_says_where_the_site_is(tmp_path: Path) -> None:
    port = serve.free_port_near(8100)
    proc = subprocess.Popen(
        [sys.executable, "-m", "invoke", "serve", "--no-build", "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=_env(ARSIP_LANG="en"),
    )
    try:
        line = proc.stdout.readline() if proc.stdout else ""
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert line.startswith(f"The site is at http://127.0.0.1:{port}/"), line
    has_index = serve.has_search_index(ROOT / "output")
    assert ("search is ready" in line) == has_index
    assert ("no search index" in line) != has_index


def test_search_index_detection(tmp_path: Path) -> None:
    assert not serve.has_search_index(tmp_path)
    (tmp_path / "pagefind" / "2024").mkdir(parents=True)
    assert not serve.has_search_index(tmp_path)
    (tmp_path / "pagefind" / "2024" / "pagefind-entry.json").write_text("{}", encoding="utf-8")
    assert serve.has_search_index(tmp_path)
