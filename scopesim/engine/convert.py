"""Conversion of a program's values to tensors.

Mirrors `framework/tensor_conversion_registry.py` / `ops.convert_to_tensor`
(`dtype`, `dtype_hint`) and the conversion function registered for each
class: a Tensor as it is, a Variable through its `read` snapshot
(`ref_variable._TensorConversionFunction`), a TensorShape
(`constant_op._tensor_shape_tensor_conversion_function`), Python values
(`constant_op._constant_tensor_conversion_function`, with `tensor_util`'s
rules in `ops.py`); and `constant_op.constant` itself (`tf.constant`).
"""

from __future__ import annotations

import math
import numbers

from ..errors import NotSimulated, PyError, TFTypeError, TFValueError
from . import ops
from .graph import Graph, Operation, Tensor
from .ops import failed_to_convert, python_dtype, value_shape
from .nodedef import KeptValues
from .tensor_shape import Dimension, TensorShape
from .values import py_repr, py_str, type_name
from .resource import BaseResourceVariable
from .variables import RefVariable, _LazyEvalTensor

_PYTHON_VALUES = (bool, int, float, str, list, tuple, type(None))
#: Python's scalars (exactly these classes): none is a graph element or a
#: variable, so they go straight to `constant_op`'s conversion
_SCALARS = frozenset((bool, int, float, str))

#: `tensor_conversion_registry`: the conversion function of other modules'
#: classes, `fn(value, dtype_name_or_None, name) -> Tensor` (PartitionedVariable).
CONVERSION_FUNCTIONS: dict = {}


def tf_constant(g: Graph, value, name: str | None = None) -> Tensor:
    """`tf.constant(value, name=name)` in graph mode: `make_tensor_proto`
    infers the dtype of a Python value; any other object fails, quoted by
    its `str`.  The op is a `Const` named by `_create_op_internal`."""
    if type(value) in _SCALARS:           # a Python scalar: its dtype, no dims
        return ops.constant(g, python_dtype(value), (), name, value)
    array = ops.numpy_array(value)
    if array is not None:
        return ops.numpy_constant(g, array, None, "Const" if name is None else name)
    if not isinstance(value, _PYTHON_VALUES):
        raise failed_to_convert(py_str(value))
    return ops.constant(g, python_dtype(value), value_shape(value), name, value)


def tf_constant_shaped(g: Graph, value, dtype: str | None, shape, name: str | None,
                       verify_shape: bool) -> Tensor:
    """`tf.compat.v1.constant(value, dtype, shape, name, verify_shape)` in
    graph mode: `make_tensor_proto(..., allow_broadcast=False)`.  A shape of
    no elements given a Python value makes an empty tensor of `dtype`
    (float32 by default) and reads nothing but that the value is not None;
    otherwise the value is converted as without a shape, then checked
    against it (`_check_shaped_size`): as many elements are reshaped to it,
    fewer are kept as they are (the tensor repeats the last one,
    `nodedef.KeptValues`)."""
    if value is None:
        raise TFValueError("None values not supported.")
    dims = _shape_dims(shape)
    if isinstance(value, (Tensor, RefVariable, BaseResourceVariable)):
        raise NotSimulated(f"tf.constant(<a {type_name(value)}>, shape=…)")
    numpy = ops.numpy_array(value) is not None
    if not numpy and _product(dims if isinstance(dims, list) else [dims]) == 0:
        dims = _iterated(dims, shape)
        if any(d < 0 for d in dims):
            raise TFValueError("negative dimensions are not allowed")
        if any(isinstance(d, float) for d in shape):
            raise NotSimulated("tf.constant(shape=…) of no elements with a float dim")
        return ops.constant(g, dtype or "float32", tuple(dims), _name(name), _nested([], dims))
    if dtype is None and not numpy and not isinstance(value, _PYTHON_VALUES):
        raise failed_to_convert(py_str(value))
    dtype, value_dims, value = ops.tensor_value(value, dtype)
    dims = _iterated(dims, shape)
    _check_shaped_size(tuple(value_dims), tuple(dims), verify_shape)
    value = _shaped(_flat_values(value), dims, dtype)
    return ops.constant(g, dtype, tuple(dims), _name(name), value)


def _name(name: str | None) -> str:
    return "Const" if name is None else name


def _iterated(dims, shape) -> list:
    """`[int(dim) for dim in shape]`: a shape that is one int is not iterable."""
    if not isinstance(dims, list):
        raise TFTypeError(f"'{type_name(shape)}' object is not iterable")
    return dims


def _shape_dims(shape):
    """`shape` as `make_tensor_proto` reads it (`np.prod(shape)`, then
    `[int(dim) for dim in shape]`): a list of ints, or one int (whose
    iteration fails later, `_iterated`).  numpy cannot read a Tensor; an
    unknown dim fails `int()`, as does a TensorShape of unknown rank."""
    if isinstance(shape, Tensor):
        raise PyError("NotImplementedError",
                      f"Cannot convert a symbolic tf.Tensor ({shape.name}) to a numpy array. "
                      "This error may indicate that you're trying to pass a Tensor to a NumPy "
                      "call, which is not supported.")
    if isinstance(shape, numbers.Integral):
        return int(shape)
    if isinstance(shape, TensorShape):
        if shape.dims is None:
            raise TFTypeError("int() argument must be a string, a bytes-like object or a real "
                              "number, not 'TensorShape'")
        shape = list(shape.dims)
    elif ops.numpy_array(shape) is not None and shape.ndim == 1:
        shape = shape.tolist()
    if not isinstance(shape, (list, tuple)):
        raise NotSimulated(f"tf.constant(shape=<a {type_name(shape)}>)")
    return [_int_dim(d) for d in shape]


def _int_dim(d) -> int:
    """`int(dim)` of one dim: a Dimension through `__int__`, a float cut
    toward zero, a string of decimal digits read."""
    if isinstance(d, Dimension):
        if d.value is None:
            raise TFTypeError("__int__ returned non-int (type NoneType)")
        return d.value
    if d is None:
        raise TFTypeError("int() argument must be a string, a bytes-like object or a real "
                          "number, not 'NoneType'")
    if isinstance(d, numbers.Integral):
        return int(d)
    if isinstance(d, float) and math.isfinite(d):
        return int(d)
    if isinstance(d, str) and d.isascii() and d.isdigit():
        return int(d)
    raise NotSimulated(f"tf.constant(shape=…) with the dim {py_repr(d)}")


def _product(dims) -> int:
    size = 1
    for d in dims:
        size *= d
    return size


def _check_shaped_size(value_dims: tuple, dims: tuple, verify_shape: bool) -> None:
    """`make_tensor_proto`'s checks of a value against a given shape without
    `allow_broadcast` (`tf.compat.v1.constant`): with `verify_shape` the
    value's own shape must be the shape; no more elements than it holds."""
    if verify_shape and value_dims != dims:
        raise TFTypeError(f"Expected Tensor's shape: {dims!r}, but got {value_dims!r}.")
    size, given = _product(dims), _product(value_dims)
    if given > size:
        raise TFValueError(f"Too many elements provided. Takes at most {size:d}, "
                           f"but got {given:d}.")


def _flat_values(value) -> list:
    """The value's elements in C order (`nparray.ravel()`)."""
    if isinstance(value, (list, tuple)):
        return [x for v in value for x in _flat_values(v)]
    return [value]


def _shaped(flat: list, dims: list, dtype: str):
    """The tensor of shape `dims` a proto of the values `flat` holds: as
    many values reshaped (C order); fewer kept as they are
    (`nodedef.KeptValues`), the rest the last value kept, or zeros when none
    is (`Tensor::FromProto`)."""
    size = _product(dims)
    if len(flat) == size:
        return _nested(flat, dims)
    if not dims:
        raise NotSimulated("tf.constant([], shape=[]) (a scalar of no value)")
    last = flat[-1] if flat else _ZEROS.get(dtype, 0)
    return KeptValues(_nested(flat + [last] * (size - len(flat)), dims), flat)


_ZEROS = {"float16": 0.0, "float32": 0.0, "float64": 0.0, "bool": False, "string": ""}


def _nested(flat: list, dims: list):
    """`flat` (C order) as nested lists of shape `dims`."""
    if not dims:
        return flat[0]
    step = _product(dims[1:])
    return [_nested(flat[i * step:(i + 1) * step], dims[1:]) for i in range(dims[0])]


def convert_to_tensor(g: Graph, value, dtype: str | None = None, name: str | None = None,
                      dtype_hint: str | None = None) -> Tensor:
    """`ops.convert_to_tensor(value, dtype, name, dtype_hint)`: with a hint,
    the hinted conversion is tried first and any TypeError/ValueError makes
    it convert the value by its own dtype instead.  No name (None) is each
    conversion's own default (`Const`, `shape_as_tensor`, `packed`); an
    empty name is kept as it is."""
    if dtype is None and dtype_hint is not None:
        try:
            return _convert(g, value, dtype_hint, name)
        except (TFTypeError, TFValueError):
            pass
    return _convert(g, value, dtype, name)


def _convert(g: Graph, value, dtype: str | None, name: str | None) -> Tensor:
    """The conversion function registered for the value's class."""
    if type(value) in _SCALARS and type(value) not in CONVERSION_FUNCTIONS:
        return ops.convert(g, value, dtype, "Const" if name is None else name)
    if isinstance(value, Tensor):
        if dtype is not None and dtype != value._dt:
            raise TFValueError(_error_prefix(
                f"Tensor conversion requested dtype {dtype} for Tensor with dtype "
                f"{value._dt}: {py_repr(value)}", name))
        return value
    if isinstance(value, RefVariable):
        if dtype is not None and dtype != value._dt:
            raise TFValueError(f"Incompatible type conversion requested to type '{dtype}' for "
                               f"variable of type '{value._dt}_ref'")
        return value._snapshot
    if isinstance(value, BaseResourceVariable):  # `resource_variable_ops._dense_var_to_tensor`
        return value._dense_var_to_tensor(dtype)
    if isinstance(value, _LazyEvalTensor):       # its registered `_as_tensor`
        return _convert(g, value._as_tensor(), dtype, name)
    registered = CONVERSION_FUNCTIONS.get(type(value))
    if registered is not None:
        return registered(value, dtype, name)
    if isinstance(value, Operation):
        raise TFTypeError(f"can't convert Operation '{value.name}' to Tensor")
    if isinstance(value, TensorShape):
        return _tensor_shape_to_tensor(g, value, dtype, name)
    if isinstance(value, (list, tuple)):         # `_autopacking_conversion_function` first
        from .array import autopacking_conversion, holds_tensor
        if holds_tensor(value):
            return autopacking_conversion(g, value, dtype, name)
    if isinstance(value, _PYTHON_VALUES) or ops.numpy_array(value) is not None:
        return ops.convert(g, value, dtype, "Const" if name is None else name)
    if dtype is None:
        raise failed_to_convert(py_str(value))
    raise TFTypeError(f"Expected {dtype}, but got {py_str(value)} of type '{type_name(value)}'.")


def _error_prefix(message: str, name: str | None) -> str:
    """`tensor_conversion_registry._add_error_prefix`: `name: ` before the
    message when the conversion was given a name."""
    return message if name is None else f"{name}: {message}"


def _tensor_shape_to_tensor(g: Graph, shape: TensorShape, dtype: str | None,
                            name: str | None) -> Tensor:
    """`constant_op._tensor_shape_tensor_conversion_function` (unnamed:
    `shape_as_tensor`)."""
    if name is None:
        name = "shape_as_tensor"
    dims = shape._dims
    if dims is None or any(d is None for d in dims):
        raise TFValueError(f"Cannot convert a partially known TensorShape {shape} to a Tensor.")
    big = any(d >= 2**31 for d in dims)
    if dtype is not None:
        if dtype not in ("int32", "int64"):
            raise TFTypeError(f"Cannot convert TensorShape {shape} to dtype <dtype: '{dtype}'>. "
                              f"Allowed dtypes are tf.int32 and tf.int64.")
        if dtype == "int32" and big:
            raise TFValueError(f"Cannot convert TensorShape {shape} to dtype int32; a "
                               f"dimension is too large. Consider using tf.int64.")
    else:
        dtype = "int64" if big else "int32"
    values = [_as_int64(d) for d in dims] if dtype == "int64" else list(dims)
    return ops.constant(g, dtype, (len(dims),), name, values)


def _as_int64(dim: int) -> int:
    """A dim as `constant(s_list, dtype=int64)` stores it from a Python int:
    past 2**63 - 1 it wraps to the negative int64 of its bits (what a shape
    function then reads), past 2**64 - 1 it is Python's OverflowError."""
    if dim >= 2**64:
        raise OverflowError("Python int too large to convert to C long")
    return dim - 2**64 if dim >= 2**63 else dim
