"""Quotes plugin: the quote index (kutipan/), and the quotes of person and region pages."""

from .quotes import register

__all__ = ["register"]
