"""`Span`: a region of a program's source (errors, traces and results point
at one).  Kept apart from the version-1 syntax tree of `scopesim/ast.py`
(which re-exports it), so that a run does not build that module's classes."""

from __future__ import annotations

from .record import Record

_set = object.__setattr__


class Span(Record):
    """A region of the source: 1-based line and column, end exclusive."""

    __slots__ = ("line", "column", "end_line", "end_column")

    def __init__(self, line: int, column: int, end_line: int, end_column: int) -> None:
        _set(self, "line", line)
        _set(self, "column", column)
        _set(self, "end_line", end_line)
        _set(self, "end_column", end_column)
