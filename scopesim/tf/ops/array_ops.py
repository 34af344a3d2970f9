"""`ops/array_ops.py` and `framework/constant_op.py`: constant, identity, zeros, ones."""

from __future__ import annotations

from ...engine import math as _m
from ...engine.convert import convert_to_tensor as _convert_to_tensor
from ...engine.convert import tf_constant
from ...engine.graph import get_default_graph
from ...engine.initializers import fill
from ...engine.ops import convert as _convert
from ...errors import NotSimulated
from ..framework.dtypes import base_name
from ..framework.tensor_shape import dims_of


def constant(value, dtype=None, shape=None, name="Const", verify_shape=False):
    """`tf.compat.v1.constant` (`constant_op.constant_v1`): a Const op named
    by `_create_op_internal`; the dtype inferred, or the value checked
    against `dtype`."""
    if shape is not None or verify_shape:
        raise NotSimulated("tf.constant(shape=…)")
    g = get_default_graph()
    if dtype is None:
        return tf_constant(g, value, name)
    return _convert(g, value, base_name(dtype), name or "Const")


def identity(input, name=None):  # noqa: A002 - TensorFlow's parameter name
    """`tf.identity` (`array_ops.identity`)."""
    return _m.identity(get_default_graph(), input, name)


def zeros(shape, dtype=None, name=None):
    """`tf.zeros` (`array_ops.zeros`)."""
    return fill(get_default_graph(), "zeros", dims_of(shape), base_name(dtype), name)


def ones(shape, dtype=None, name=None):
    """`tf.ones` (`array_ops.ones`)."""
    return fill(get_default_graph(), "ones", dims_of(shape), base_name(dtype), name)


def convert_to_tensor(value, dtype=None, name=None, preferred_dtype=None, dtype_hint=None):
    """`tf.compat.v1.convert_to_tensor`."""
    hint = dtype_hint if dtype_hint is not None else preferred_dtype
    return _convert_to_tensor(get_default_graph(), value,
                              None if dtype is None else base_name(dtype), name or "Const",
                              None if hint is None else base_name(hint))
