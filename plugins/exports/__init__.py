"""Exports plugin: the archive as open data, data/articles.json and data/articles.csv."""

from .exports import register

__all__ = ["register"]
