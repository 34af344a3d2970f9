"""The one exception of the checkpoint reader."""

from __future__ import annotations


class CheckpointError(Exception):
    """A checkpoint that cannot be listed: missing, truncated, corrupt, foreign
    or using a feature the reader does not support.

    `path` is the file (or prefix, or directory) at fault and `problem` what
    is wrong with it; `str()` is "PATH: PROBLEM".  `unsupported` is true when
    the file may well be valid but uses something the reader does not read
    (a snappy-compressed block); `missing` when there is no checkpoint there.
    `kind` names the problem for callers that word it otherwise (TensorFlow's
    texts): "missing", "short", "magic", "checksum", "unsupported", "corrupt"."""

    def __init__(self, path: str, problem: str, *, unsupported: bool = False,
                 missing: bool = False, kind: str | None = None):
        super().__init__(path, problem)
        self.path = path
        self.problem = problem
        self.unsupported = unsupported
        self.missing = missing
        self.kind = kind or ("missing" if missing else
                             "unsupported" if unsupported else "corrupt")

    def __str__(self) -> str:
        return f"{self.path}: {self.problem}"


class Corrupt(Exception):
    """Raised inside the decoders without the file name; the reader turns it
    into a CheckpointError naming the file and where."""

    def __init__(self, message: str, kind: str = "corrupt"):
        super().__init__(message)
        self.kind = kind
