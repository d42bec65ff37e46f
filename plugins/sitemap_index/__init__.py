"""Sitemap index plugin: above the protocol's limits, sitemap.xml becomes an index of parts."""

from .sitemap_index import DEFAULTS, SitemapIndexError, config, register, split_sitemap

__all__ = ["DEFAULTS", "SitemapIndexError", "config", "register", "split_sitemap"]
