"""`ops/nn_ops.py`: relu."""

from __future__ import annotations

from ...engine import math as _m
from ...engine.graph import get_default_graph


def relu(features, name=None):
    """`tf.nn.relu` (`gen_nn_ops.relu`)."""
    return _m.relu(get_default_graph(), features, name)
