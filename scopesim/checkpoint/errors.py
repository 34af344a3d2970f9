"""The one exception of the checkpoint reader."""

from __future__ import annotations


class CheckpointError(Exception):
    """A checkpoint that cannot be listed: missing, truncated, corrupt, foreign
    or using a feature the reader does not support.

    `path` is the file (or prefix, or directory) at fault and `problem` what
    is wrong with it; `str()` is "PATH: PROBLEM".  `unsupported` is true when
    the file may well be valid but uses something the reader does not read
    (a snappy-compressed block)."""

    def __init__(self, path: str, problem: str, *, unsupported: bool = False,
                 missing: bool = False):
        super().__init__(path, problem)
        self.path = path
        self.problem = problem
        self.unsupported = unsupported
        self.missing = missing

    def __str__(self) -> str:
        return f"{self.path}: {self.problem}"


class Corrupt(Exception):
    """Raised inside the decoders without the file name; the reader turns it
    into a CheckpointError naming the file and where."""
