"""Shared by the probes of this folder (ops_array.py, ops_math.py): `show`, `err`,
`ops` (every op made: name, type, inputs, outputs' shapes and dtypes) and
`main`, which runs each `case_*` under TensorFlow 2.21 and prints `== case`
before its lines (the .out files)."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from probe_common import cases, err, main, show  # noqa: E402,F401


def ops(T, start=0):
    for op in T.get_default_graph().get_operations()[start:]:
        show(op.name, op.type, [t.name for t in op.inputs],
             [(str(t.shape), t.dtype.name) for t in op.outputs])


def r(t):
    """A result: a tensor's repr, or a list's."""
    return repr(t)
