"""`ops/array_ops.py` and `framework/constant_op.py`: constant, identity,
zeros, ones, placeholders, `strided_slice`, and `Tensor.__getitem__`
(`tensor_getitem_override._slice_helper`; a variable's subscript runs on
its value, as `Variable._OverloadAllOperators` attaches it)."""

from __future__ import annotations

from ...engine import array as _array
from ...engine import math as _m
from ...engine.convert import convert_to_tensor as _convert_to_tensor
from ...engine.convert import tf_constant
from ...engine.graph import Tensor, get_default_graph
from ...engine.initializers import fill
from ...engine.ops import convert as _convert
from ...errors import NotSimulated
from ..framework.dtypes import base_name
from ..framework.tensor_shape import dims_of
from ..util.dispatch import add_dispatch_support


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


@add_dispatch_support
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


newaxis = None


def placeholder(dtype, shape=None, name=None):
    """`tf.compat.v1.placeholder` (`array_ops.placeholder`)."""
    return _array.placeholder(get_default_graph(), dtype, shape, name)


def placeholder_with_default(input, shape, name=None):  # noqa: A002 - TensorFlow's name
    """`tf.compat.v1.placeholder_with_default` (`array_ops.placeholder_with_default`)."""
    return _array.placeholder_with_default(get_default_graph(), input, shape, name)


def strided_slice(input_, begin, end, strides=None, begin_mask=0, end_mask=0, ellipsis_mask=0,
                  new_axis_mask=0, shrink_axis_mask=0, var=None, name=None):
    """`tf.strided_slice` (`array_ops.strided_slice`)."""
    return _array.strided_slice(get_default_graph(), input_, begin, end, strides, begin_mask,
                                end_mask, ellipsis_mask, new_axis_mask, shrink_axis_mask, name)


def _slice_helper(tensor, slice_spec):
    """`Tensor.__getitem__` (`tensor_getitem_override._slice_helper`)."""
    return _array.slice_helper(tensor.graph, tensor, slice_spec, _add)


def _add(x, y):
    return x + y


_slice_helper.__name__ = "__getitem__"
Tensor.__getitem__ = _slice_helper
