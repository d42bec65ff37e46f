"""The editors' ingest: a raw news article in, a draft Markdown article out.

One module per concern: ``clean`` (page furniture, related-article blocks, credits), ``source``
(dateline and outlet), ``dates``, ``people`` (official and role), ``places`` (region and
province), ``title``, ``tags``, ``write`` (front-matter and files), ``core`` (puts them
together) and ``cli`` (files, errors, report). Near-duplicates are found by ``arsip.dedup``.
"""

from arsip.ingest.cli import ingest_paths, main
from arsip.ingest.core import Draft, IngestError, extract

__all__ = ["Draft", "IngestError", "extract", "ingest_paths", "main"]
