"""Timeline plugin: the lini-masa/ page, articles per month as an inline SVG."""

from .timeline import register

__all__ = ["register"]
