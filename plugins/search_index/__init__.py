"""Search index plugin: Pagefind index and the compact browse data, written by the build."""

from .search_index import register

__all__ = ["register"]
