"""`ops/state_ops.py`: `assign`, `assign_add`, `assign_sub` (the ops and
their shape check are in `scopesim.engine.variables`)."""

from __future__ import annotations

from ...engine import variables as _variables
from ...engine.graph import get_default_graph

__all__ = ["assign", "assign_add", "assign_sub"]


def _graph_of(ref):
    graph = getattr(ref, "graph", None)
    return graph if graph is not None else get_default_graph()


def assign(ref, value, validate_shape=None, use_locking=None, name=None):
    """`tf.compat.v1.assign(ref, value, validate_shape=None, use_locking=None, name=None)`."""
    return _variables.assign(_graph_of(ref), ref, value, validate_shape, use_locking, name)


def assign_add(ref, value, use_locking=None, name=None):
    """`tf.compat.v1.assign_add(ref, value, use_locking=None, name=None)`."""
    return _variables.assign_add(_graph_of(ref), ref, value, use_locking, name)


def assign_sub(ref, value, use_locking=None, name=None):
    """`tf.compat.v1.assign_sub(ref, value, use_locking=None, name=None)`."""
    return _variables.assign_sub(_graph_of(ref), ref, value, use_locking, name)
