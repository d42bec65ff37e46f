from .parallel_build import register

__all__ = ["register"]
