"""Shared by the probes of tests/tf/tf_probes/ops_gaps/ (the op library's
remaining rules: softmax on another axis, conv2d of rank above 4,
partitioned embedding_lookup, tensordot and einsum edge cases, losses of
run-time shapes): `ops(T)` prints every op of the default graph in creation
order (name, type, input tensors, each output's shape and dtype), on top of
probe_common's show/err/main.  Run a probe from this folder:
`~/tfvenv/bin/python softmax.py > softmax.out`."""

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
