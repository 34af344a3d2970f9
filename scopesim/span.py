"""`Span`: a region of a program's source (errors, traces and results point
at one).  Kept apart from the version-1 syntax tree of `scopesim/ast.py`
(which re-exports it), so that a run does not build that module's classes."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    """A region of the source: 1-based line and column, end exclusive."""

    line: int
    column: int
    end_line: int
    end_column: int
