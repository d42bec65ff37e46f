"""Developer tools around the site: the build and preview server used by tasks.py and the
tests, and the benchmark (synthetic archive, measured builds, search in a browser)."""
