"""`ops/control_flow_ops.py`: no_op, group."""

from __future__ import annotations

from ...engine.graph import Operation, Tensor, get_default_graph
from ...engine.ops import generated, op_scope


def no_op(name=None):
    """`tf.no_op` (`gen_control_flow_ops.no_op`)."""
    g = get_default_graph()
    with op_scope(g, name, "NoOp") as scope:
        return generated(g, "NoOp", scope, (), None)


def group(*inputs, name=None):
    """`tf.group(*inputs, name=None)`: a NoOp depending on every input."""
    g = get_default_graph()
    ops = []
    for x in inputs:
        if isinstance(x, Tensor):
            x = x.op
        elif hasattr(x, "_snapshot"):
            x = x.op
        if isinstance(x, Operation):
            ops.append(x)
    from ..framework.ops import _graph_control
    with op_scope(g, name, "group_deps") as scope:
        with _graph_control(g, ops):
            return generated(g, "NoOp", scope, (), None)
