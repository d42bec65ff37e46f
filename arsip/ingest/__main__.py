"""``python -m arsip.ingest PATH --dest DIR``."""

from arsip.ingest.cli import main

raise SystemExit(main())
