"""One Pelican build in its own process: ``python tests/peer/runner.py SPEC.json``.

The peer check builds each side (stock Pelican, the speed layer) in a new interpreter, so
that nothing one side patches into Pelican can leak into the other. The spec (JSON) names the
settings file (none: Pelican's defaults), the overrides, and the side; the runner writes a
JSON report next to it: every log record of level WARNING and above that reached this
process's handlers, the signals plugins hook to (``content_written``, ``feed_generated``,
``feed_written``), what the speed layer says it did, and the traceback if the build raised.
Paths in messages are replaced by placeholders (both sides build into different folders).
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
import traceback
from pathlib import Path
from typing import Any

import speed  # tests/peer/speed.py: the one switch


class Collect(logging.Handler):
    """Keeps every record it is given (level, logger, message) in a list."""

    def __init__(self, clean: Any) -> None:
        super().__init__(logging.WARNING)
        self.clean = clean
        self.records: list[list[str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        try:
            message = record.getMessage()
        except Exception as exc:  # a bad format string is a finding too
            message = f"<unformattable {record.msg!r}: {exc}>"
        self.records.append([record.levelname, record.name, self.clean(message)])


def _cleaner(settings: dict[str, Any]) -> Any:
    places = [
        (os.path.abspath(settings[key]), f"<{key}>")
        for key in ("OUTPUT_PATH", "CACHE_PATH", "PATH")
        if settings.get(key)
    ]
    places.sort(key=lambda p: -len(p[0]))  # the longest first: one may contain another

    def clean(text: str) -> str:
        for path, mark in places:
            text = text.replace(path, mark)
        return re.sub(r" at 0x[0-9a-fA-F]+", " at 0x?", text)

    return clean


def _speed_report() -> dict[str, Any]:
    """What the speed plugins loaded in this process say they did (empty when none is)."""
    report: dict[str, Any] = {}
    parallel = sys.modules.get("pelican_speed.parallel")
    if parallel is not None:
        run = parallel.LAST_RUN
        report["parallel"] = {
            "phases": list(run.phases),
            "workers": run.workers,
            "rendered": run.rendered,
            "read_files": run.read_files,
        }
    quick = sys.modules.get("pelican_speed.quick")
    if quick is not None:
        report["preview"] = dict(quick.LAST_RUN)
    return report


def build(spec: dict[str, Any]) -> dict[str, Any]:
    """Build as ``spec`` says; the report (see the module's docstring)."""
    from pelican import Pelican, signals
    from pelican.settings import read_settings

    settings = read_settings(spec.get("settings_file"), override=spec.get("overrides") or {})
    if spec["side"] == "speed":
        settings = speed.with_speed(
            settings,
            force_parallel=spec.get("force_parallel", True),
            preview=spec.get("preview", False),
        )
    elif spec["side"] == "stock":
        settings = speed.without_speed(settings)
    else:
        raise ValueError(f"side: 'stock' or 'speed', not {spec['side']!r}")

    clean = _cleaner(settings)
    handler = Collect(clean)
    logging.getLogger().addHandler(handler)
    output = os.path.abspath(settings["OUTPUT_PATH"])
    heard: dict[str, list[str]] = {"content_written": [], "feed_generated": [], "feed_written": []}

    def rel(path: str) -> str:
        return os.path.relpath(os.path.abspath(path), output)

    def on_content(path: str, **_: Any) -> None:
        heard["content_written"].append(rel(path))

    def on_feed_generated(context: Any, feed: Any = None, **_: Any) -> None:
        heard["feed_generated"].append(clean(str(getattr(feed, "feed", {}).get("feed_url"))))

    def on_feed_written(path: str, **_: Any) -> None:
        heard["feed_written"].append(rel(path))

    signals.content_written.connect(on_content)
    signals.feed_generated.connect(on_feed_generated)
    signals.feed_written.connect(on_feed_written)
    error = None
    try:
        Pelican(settings).run()
    except BaseException:
        error = clean(traceback.format_exc())
    return {
        "side": spec["side"],
        "plugins": [str(p) for p in settings.get("PLUGINS") or []],
        "log": handler.records,
        "signals": heard,
        "speed": _speed_report(),
        "error": error,
    }


def main(argv: list[str]) -> int:
    spec_path = Path(argv[1])
    spec = json.loads(spec_path.read_text(encoding="utf-8"))
    report = build(spec)
    Path(spec["report"]).write_text(json.dumps(report, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
