"""A pytest plugin (``-p register_speed``) that registers the speed layer before any test
runs, as a site's ``PLUGINS`` would, for Pelican's own unit suite (test_peer_pelican_suite.py)."""

from __future__ import annotations

import importlib

import speed  # tests/peer/speed.py: the one switch

for _name in speed.speed_plugins():
    importlib.import_module(_name).register()
