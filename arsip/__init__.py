"""Arsip Netralitas ASN: the archive's domain code (schema, gazetteer, dates, ingest, tools).

Pelican plugins live in ``plugins/``; they import from here, never the other way round.
"""
