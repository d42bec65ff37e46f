"""Fixtures of the peer check: Pelican's sdist (sample sites, expected output) and locales.

Both are made once and kept in ``.cache/`` (git-ignored): the first run needs PyPI for the
sdist, later runs are offline.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from peer.harness import HarnessError, locales, pelican_sdist


@pytest.fixture(scope="session")
def sdist() -> Path:
    """Pelican's extracted sdist (same version as the installed Pelican)."""
    try:
        return pelican_sdist()
    except HarnessError as exc:
        pytest.fail(str(exc))


@pytest.fixture(scope="session")
def locale_env() -> dict[str, str]:
    """The environment under which the sample sites' locales exist (LOCPATH)."""
    folder, why = locales()
    return {"LOCPATH": str(folder)} if folder else {"PEER_NO_LOCALES": why}
