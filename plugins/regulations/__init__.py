"""Regulations plugin: regulasi/ pages listing the articles that cite each regulation."""

from .regulations import register

__all__ = ["register"]
