"""A pytest plugin (``-p register_speed``) that registers the speed layer before any test
runs, as a site's ``PLUGINS`` would, for Pelican's own unit suite (test_peer_pelican_suite.py)."""

from __future__ import annotations

import importlib

import speed  # tests/peer/speed.py: the one switch

for _name in speed.speed_plugins():
    _plugin = importlib.import_module(_name)
    _plugin.register()
    # The layer's patches follow each build's settings (installed at `initialized`); Pelican's
    # unit tests mostly make generators without a build: install them for the whole run.
    importlib.import_module(f"{_name}.config").install({})
