"""Share plugin: what a link to an article shows (description, JSON-LD NewsArticle)."""

from .share import register

__all__ = ["register"]
