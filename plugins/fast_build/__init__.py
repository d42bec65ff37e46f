from .fast_build import register

__all__ = ["register"]
