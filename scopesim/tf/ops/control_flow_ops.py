"""`ops/control_flow_ops.py`: no_op, group."""

from __future__ import annotations

from ...engine.graph import get_default_graph
from ...engine.ops import generated, op_scope
from ...errors import TFTypeError, TFValueError
from ..framework.ops import _graph_control


def no_op(name=None):
    """`tf.no_op` (`gen_control_flow_ops.no_op`)."""
    g = get_default_graph()
    with op_scope(g, name, "NoOp") as scope:
        op = generated(g, "NoOp", scope, (), None)
    op._attrs = {}            # NoOp has no attrs: its NodeDef is name, op, inputs, device
    return op


def _flatten(value, out: list) -> list:
    """`nest.flatten`: lists, tuples and dicts (by sorted key) are structure."""
    if isinstance(value, (list, tuple)):
        for item in value:
            _flatten(item, out)
    elif isinstance(value, dict):
        for key in sorted(value):
            _flatten(value[key], out)
    else:
        out.append(value)
    return out


def _group_control_deps(g, dev, deps, name=None):
    """`control_flow_ops._GroupControlDeps`: a NoOp under
    `control_dependencies(deps)` (and `device(dev)`)."""
    with _graph_control(g, deps):
        if dev is None:
            return no_op(name=name)
        with g.device(dev):
            return no_op(name=name)


def group(*inputs, **kwargs):
    """`tf.group(*inputs, **kwargs)`: a NoOp depending on every input; when
    the inputs are on several devices, one NoOp per device (sorted), then the
    returned one over them."""
    name = kwargs.pop("name", None)
    if kwargs:
        raise TFValueError("Unknown keyword arguments: " + ", ".join(kwargs.keys()))
    g = get_default_graph()
    with op_scope(g, name, "group_deps") as scope:
        if not inputs:
            return no_op(name=scope)
        on_device: dict = {}
        for inp in _flatten(inputs, []):
            if not hasattr(inp, "device"):
                raise TFTypeError("'inputs' should be zero or more (nested) Tensors. "
                                  f"Received '{inp}' with type '{type(inp)}'.")
            on_device.setdefault(inp.device, []).append(inp)
        if len(on_device) == 1:
            (dev, deps), = on_device.items()
            return _group_control_deps(g, dev, deps, name=scope)
        deps = [_group_control_deps(g, dev, on_device[dev])
                for dev in sorted(on_device, key=lambda d: "" if d is None else d)]
        with _graph_control(g, deps):
            return no_op(name=scope)
