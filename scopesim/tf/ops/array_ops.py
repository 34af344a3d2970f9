"""`ops/array_ops.py` and `framework/constant_op.py`: constant, identity,
zeros, ones, placeholders, `strided_slice`, and `Tensor.__getitem__`
(`tensor_getitem_override._slice_helper`; a variable's subscript runs on
its value, as `Variable._OverloadAllOperators` attaches it)."""

from __future__ import annotations

from ..framework.dtypes import as_dtype as _as_dtype

from ...engine import array as _array
from ...engine import array_fns as _af
from ...engine import math as _m
from ...engine.convert import convert_to_tensor as _convert_to_tensor
from ...engine.convert import tf_constant, tf_constant_shaped
from ...engine.graph import Tensor, get_default_graph
from ...engine.initializers import fill
from ...engine.ops import convert as _convert
from ...errors import NotSimulated
from ..framework.dtypes import base_name
from ..framework.dtypes import float32 as _float32
from ..framework.dtypes import int32 as _int32
from ..framework.dtypes import bool as _bool
from ..framework.tensor_shape import dims_of
from ..util.dispatch import add_dispatch_support


def constant(value, dtype=None, shape=None, name="Const", verify_shape=False):
    """`tf.compat.v1.constant` (`constant_op.constant_v1`): a Const op named
    by `_create_op_internal`; the dtype inferred, or the value checked
    against `dtype`.  A `shape` fills or reshapes the value to it
    (`convert.tf_constant_shaped`); `verify_shape` checks a given `shape`
    only (`make_tensor_proto`): without one it changes nothing."""
    g = get_default_graph()
    if shape is not None:
        return tf_constant_shaped(g, value, None if dtype is None else base_name(dtype), shape,
                                  name, verify_shape)
    if dtype is None:
        return tf_constant(g, value, name)
    return _convert(g, value, base_name(dtype), "Const" if name is None else name)


@add_dispatch_support
def identity(input, name=None):  # noqa: A002 - TensorFlow's parameter name
    """`tf.identity` (`array_ops.identity`)."""
    return _m.identity(get_default_graph(), input, name)


@add_dispatch_support
def zeros(shape, dtype=_float32, name=None, layout=None):
    """`tf.zeros` (`array_ops.zeros`): a shape tensor is a Fill of it."""
    _no_layout("zeros", layout)
    return _af.zeros_or_ones(get_default_graph(), "zeros", shape, _dtype(dtype), name)


@add_dispatch_support
def ones(shape, dtype=_float32, name=None, layout=None):
    """`tf.ones` (`array_ops.ones`)."""
    _no_layout("ones", layout)
    return _af.zeros_or_ones(get_default_graph(), "ones", shape, _dtype(dtype), name)


def _no_layout(func: str, layout) -> None:
    if layout is not None:
        raise NotSimulated(f"tf.{func}(layout=…)")


def _dtype(dtype):
    """A `dtype=` argument as TensorFlow's Python reads it: `as_dtype(dtype).base_dtype`."""
    return None if dtype is None else _as_dtype(dtype).base_dtype.name


def convert_to_tensor(value, dtype=None, name=None, preferred_dtype=None, dtype_hint=None):
    """`tf.compat.v1.convert_to_tensor`."""
    hint = dtype_hint if dtype_hint is not None else preferred_dtype
    return _convert_to_tensor(get_default_graph(), value,
                              None if dtype is None else base_name(dtype), name,
                              None if hint is None else base_name(hint))


newaxis = None


@add_dispatch_support
def reshape(tensor, shape, name=None):
    """`tf.reshape` (`array_ops.reshape`)."""
    return _af.reshape(get_default_graph(), tensor, shape, name)


@add_dispatch_support
def concat(values, axis, name="concat"):
    """`tf.concat` (`array_ops.concat`)."""
    return _af.concat(get_default_graph(), values, axis, name)


@add_dispatch_support
def stack(values, axis=0, name="stack"):
    """`tf.stack` (`array_ops_stack.stack`)."""
    return _af.stack(get_default_graph(), values, axis, name)


@add_dispatch_support
def unstack(value, num=None, axis=0, name="unstack"):
    """`tf.unstack` (`array_ops_stack.unstack`)."""
    return _af.unstack(get_default_graph(), value, num, axis, name)


@add_dispatch_support
def split(value, num_or_size_splits, axis=0, num=None, name="split"):
    """`tf.split` (`array_ops.split`)."""
    return _af.split(get_default_graph(), value, num_or_size_splits, axis, num, name)


@add_dispatch_support
def expand_dims(input, axis=None, name=None, dim=None):  # noqa: A002
    """`tf.compat.v1.expand_dims` (`array_ops.expand_dims`)."""
    return _af.expand_dims(get_default_graph(), input, axis, name, dim)


@add_dispatch_support
def squeeze(input, axis=None, name=None, squeeze_dims=None):  # noqa: A002
    """`tf.compat.v1.squeeze` (`array_ops.squeeze`)."""
    return _af.squeeze(get_default_graph(), input, axis, name, squeeze_dims)


@add_dispatch_support
def transpose(a, perm=None, name="transpose", conjugate=False):
    """`tf.compat.v1.transpose` (`array_ops.transpose`)."""
    return _af.transpose(get_default_graph(), a, perm, name, conjugate)


@add_dispatch_support
def shape(input, name=None, out_type=None):  # noqa: A002
    """`tf.compat.v1.shape` (`array_ops.shape`)."""
    return _af.shape(get_default_graph(), input, name, _dtype(out_type))


@add_dispatch_support
def size(input, name=None, out_type=_int32):  # noqa: A002
    """`tf.compat.v1.size` (`array_ops.size`)."""
    return _af.size(get_default_graph(), input, name, _dtype(out_type))


@add_dispatch_support
def rank(input, name=None):  # noqa: A002
    """`tf.rank` (`array_ops.rank`)."""
    return _af.rank(get_default_graph(), input, name)


@add_dispatch_support
def tile(input, multiples, name=None):  # noqa: A002
    """`tf.tile` (`gen_array_ops.tile`)."""
    return _af.tile(get_default_graph(), input, multiples, name)


@add_dispatch_support
def gather(params, indices, validate_indices=None, name=None, axis=None, batch_dims=0):
    """`tf.compat.v1.gather` (`array_ops.gather`)."""
    return _af.gather(get_default_graph(), params, indices, validate_indices, name, axis,
                      batch_dims)


@add_dispatch_support
def zeros_like(tensor, dtype=None, name=None, optimize=True):
    """`tf.compat.v1.zeros_like` (`array_ops.zeros_like`)."""
    return _af.zeros_like(get_default_graph(), tensor, _dtype(dtype), name, optimize)


@add_dispatch_support
def ones_like(tensor, dtype=None, name=None, optimize=True):
    """`tf.compat.v1.ones_like` (`array_ops.ones_like`)."""
    return _af.ones_like(get_default_graph(), tensor, _dtype(dtype), name, optimize)


@add_dispatch_support
def fill(dims, value, name=None, layout=None):
    """`tf.fill` (`array_ops.fill`)."""
    _no_layout("fill", layout)
    return _af.fill(get_default_graph(), dims, value, name)


@add_dispatch_support
def one_hot(indices, depth, on_value=None, off_value=None, axis=None, dtype=None, name=None):
    """`tf.one_hot` (`array_ops.one_hot`)."""
    return _af.one_hot(get_default_graph(), indices, depth, on_value, off_value, axis,
                       _dtype(dtype), name)


@add_dispatch_support
def where(condition, x=None, y=None, name=None):
    """`tf.compat.v1.where` (`array_ops.where`: Where, or Select)."""
    return _af.where(get_default_graph(), condition, x, y, name)


@add_dispatch_support
def where_v2(condition, x=None, y=None, name=None):
    """`tf.compat.v1.where_v2` (`array_ops.where_v2`: Where, or SelectV2)."""
    return _af.where(get_default_graph(), condition, x, y, name, v2=True)


@add_dispatch_support
def slice(input_, begin, size, name=None):  # noqa: A001
    """`tf.slice` (`array_ops.slice`)."""
    return _af.slice_(get_default_graph(), input_, begin, size, name)


@add_dispatch_support
def pad(tensor, paddings, mode="CONSTANT", name=None, constant_values=0):
    """`tf.compat.v1.pad` (`array_ops.pad`)."""
    return _af.pad(get_default_graph(), tensor, paddings, mode, name, constant_values)


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


@add_dispatch_support
def sequence_mask(lengths, maxlen=None, dtype=_bool, name=None):
    """`tf.sequence_mask` (`array_ops.sequence_mask`)."""
    return _af.sequence_mask(get_default_graph(), lengths, maxlen, _dtype(dtype), name)
