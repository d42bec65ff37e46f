"""Fixtures of the peer check: Pelican's sdist (sample sites, expected output) and locales.

Both are made once and kept in ``.cache/`` (git-ignored): the first run needs PyPI for the
sdist, later runs are offline.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from harness import HarnessError, locales, pelican_sdist

#: How many times each speed build runs: forked-worker bugs do not show on every run.
REPEAT = int(os.environ.get("PEER_REPEAT", "8"))


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
