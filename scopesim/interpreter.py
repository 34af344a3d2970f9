"""The version-1 name of the runner: `scopesim.runner` runs programs now."""

from .runner import Session, run

__all__ = ["Session", "run"]
