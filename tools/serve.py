"""A static file server for the built site, optionally under a sub-path.

GitHub project pages serve the site under ``/<repo>/``; serving ``output/`` under a prefix
(``--prefix /arsip``) shows locally whether every link survives that. Unknown paths get the
site's 404 page, as on GitHub Pages.
"""

from __future__ import annotations

import functools
import http.server
import io
import socket
import threading
from pathlib import Path


class _Handler(http.server.SimpleHTTPRequestHandler):
    prefix = ""

    def translate_path(self, path: str) -> str:
        if self.prefix:
            if not (path == self.prefix or path.startswith(self.prefix + "/")):
                return str(Path(self.directory) / "__outside_prefix__")
            path = path[len(self.prefix) :] or "/"
        return super().translate_path(path)

    def send_head(self):  # type: ignore[no-untyped-def]
        target = Path(self.translate_path(self.path.split("?", 1)[0].split("#", 1)[0]))
        if not target.exists():
            page = Path(self.directory) / "404.html"
            body = page.read_bytes() if page.exists() else b"Not found"
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()

            return io.BytesIO(body)
        return super().send_head()

    def log_message(self, format: str, *args: object) -> None:
        if self.server_quiet:  # type: ignore[attr-defined]
            return
        super().log_message(format, *args)


def make_server(
    directory: str | Path,
    port: int = 8000,
    prefix: str = "",
    host: str = "127.0.0.1",
    quiet: bool = False,
) -> http.server.ThreadingHTTPServer:
    """An HTTP server for ``directory`` at ``http://host:port<prefix>/`` (port 0: any free)."""
    handler = type("Handler", (_Handler,), {"prefix": prefix.rstrip("/"), "server_quiet": quiet})
    return http.server.ThreadingHTTPServer(
        (host, port), functools.partial(handler, directory=str(directory))
    )


def serve_in_thread(
    directory: str | Path, prefix: str = ""
) -> tuple[str, http.server.ThreadingHTTPServer]:
    """Start a quiet server on a free port; return its base URL and the server (to shut down)."""
    server = make_server(directory, 0, prefix, quiet=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = server.server_address[:2]
    return f"http://{host}:{port}{prefix.rstrip('/')}", server


def port_free(port: int, host: str = "127.0.0.1") -> bool:
    """Whether a server could listen on ``host:port`` now (bound as the server binds it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as http.server does
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


def free_port_near(port: int, host: str = "127.0.0.1", tries: int = 20) -> int:
    """The first free port after ``port`` (to suggest one), else any free port."""
    for candidate in range(port + 1, min(port + 1 + tries, 65536)):
        if port_free(candidate, host):
            return candidate
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def has_search_index(directory: str | Path) -> bool:
    """Whether the built site has its Pagefind index (a year's, or a leading slice's)."""
    return any(Path(directory, "pagefind").glob("*/pagefind-entry.json"))
