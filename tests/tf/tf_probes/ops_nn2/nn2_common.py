"""Shared by the probes of tests/tf/tf_probes/ops_nn2/ (the composite nn
functions and the losses): `ops(T)` prints every op of the default graph in
creation order (name, type, input tensors, each output's shape and dtype),
on top of probe_common's show/err/main.  Run a probe from this folder:
`~/tfvenv/bin/python dropout.py > dropout.out`."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from probe_common import ADDR, cases, err, main, show  # noqa: E402,F401


def ops(T, start=0):
    for op in T.get_default_graph().get_operations()[start:]:
        outs = " ".join(f"{o.shape}:{o.dtype.name}" for o in op.outputs)
        show(op.name, op.type, [t.name for t in op.inputs], outs)


def tensor(t):
    show(t.name, t.op.type, t.shape, t.dtype.name)
