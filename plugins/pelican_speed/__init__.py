"""pelican_speed: Pelican 4.12's build made linear, parallel and incremental, same bytes.

The one package of this project that touches Pelican internals (listed, with the reason for
each, in :data:`config.PATCHES`). It is on unless ``PELICAN_SPEED = {"enabled": False}``,
and only on a Pelican version it was proven against (:data:`config.PROVEN`); otherwise the
build is stock Pelican's, with one log line saying why. The proof: tests/peer builds
Pelican's own sample sites, this project's content and a generated archive with stock
Pelican and with this package, each in its own process, and compares every byte and every
warning.

- :mod:`linear`: Pelican's quadratic list scans made linear (upstreamable patches).
- :mod:`fast`: memoized URLs, slugs and Jinja filters; the preview that skips unchanged pages.
- :mod:`quick`: the preview's quick rebuild after edits to article bodies alone.
- :mod:`parallel`: reading and rendering in forked processes, one per core.
- :mod:`logs`: the workers' log records, handled by the build's process in build order.
"""

from __future__ import annotations

from typing import Any

from pelican import signals

from . import fast, parallel, quick
from .config import PATCHES, PROVEN, config, install

__all__ = ["PATCHES", "PROVEN", "config", "register"]


def _initialized(pelican: Any) -> None:
    install(pelican.settings)


def register() -> None:
    """Pelican's plugin entry point: receivers only; patches follow each build's settings."""
    signals.initialized.connect(_initialized)
    fast.connect()
    quick.connect()
    parallel.connect()
