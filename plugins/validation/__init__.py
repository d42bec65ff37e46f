"""Validation plugin: reads articles' YAML front-matter through the archive schema."""

from .validation import register

__all__ = ["register"]
