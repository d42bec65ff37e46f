"""Taxonomies plugin: region, official, source and election pages; related articles."""

from .taxonomies import register

__all__ = ["register"]
