"""Sitemap lastmod plugin: list pages get the newest article's date, not the build time."""

from .sitemap_lastmod import register

__all__ = ["register"]
