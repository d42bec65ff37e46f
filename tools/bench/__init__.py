"""Scale benchmark: a synthetic archive of N valid articles, built with the real settings.

``invoke bench --n 10000`` (see :mod:`tools.bench.run`) generates the archive with
:mod:`tools.bench.generate`, builds it cold, rebuilds it after one edit, measures the search
payload in headless Chromium and writes the figures as JSON (bench-results/bench-<n>.json).
"""
