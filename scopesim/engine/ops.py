"""Op construction and the conversion of Python scalars to constants.

Two ways TensorFlow names an op, kept apart here as they are in TF:
- `constant`: `Graph._create_op_internal("Const", name)` directly;
- `generated`: `op_def_library._apply_op_helper`, which opens
  `name_scope(name or OpType)` first (so the name is checked as a scope name),
  converts Python inputs inside it (`add/y`), then creates the op with the
  scope's exact name.

The conversion rules of Python values (`python_dtype`, `check_convertible`)
mirror `framework/tensor_util.py` `make_tensor_proto` and `_AssertCompatible`
as `tf.constant` / `convert_to_tensor` apply them (TF 2.21); `convert.py`
builds `convert_to_tensor` on them.
"""

from __future__ import annotations

from ..errors import NotSimulated, PyError, TFTypeError, TFValueError
from .tensor_shape import Dimension
from .graph import Graph, Tensor
from .shapes import FLOAT_DTYPES, Shape

#: `tensor_util`'s advice after "Failed to convert elements of ... to Tensor."
FAILED_TO_CONVERT_ADVICE = ("Consider casting elements to a supported type. See "
                            "https://www.tensorflow.org/api_docs/python/tf/dtypes for supported "
                            "TF dtypes.")


def failed_to_convert(text: str) -> TFTypeError:
    """`make_tensor_proto` of a value numpy cannot hold (`str(value)` quoted)."""
    return TFTypeError(f"Failed to convert elements of {text} to Tensor. "
                       f"{FAILED_TO_CONVERT_ADVICE}")


def python_dtype(value) -> str:
    """The dtype `tf.constant(value)` infers for a Python scalar or a flat
    list or tuple (nested too): bool, int32 (then int64, then uint64 as the value grows), float32,
    string; an empty list is float32.  `None` is "None values not
    supported."; an int beyond uint64 cannot be converted."""
    if value is None:
        raise TFValueError("None values not supported.")
    if isinstance(value, (list, tuple)):
        return _list_dtype(value)
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        for dtype, low, high in (("int32", -2**31, 2**31), ("int64", -2**63, 2**63),
                                 ("uint64", 0, 2**64)):
            if low <= value < high:
                return dtype
        raise failed_to_convert(str(value))
    if isinstance(value, float):
        return "float32"
    if isinstance(value, str):
        return "string"
    raise failed_to_convert(str(value))


def _list_dtype(values: list) -> str:
    """numpy's dtype for a list (flat or nested), as `make_tensor_proto`
    keeps it: an int past int64 is uint64, which numpy promotes with signed
    ints to float64 (float32 in TensorFlow: `[2, 2**63]`); an element that
    cannot be converted fails the whole value, quoted whole."""
    if not values:
        return "float32"
    try:
        kinds = {python_dtype(v) for v in values if not isinstance(v, (list, tuple)) or v}
    except TFTypeError:
        raise failed_to_convert(str(values)) from None
    if not kinds:
        return "float32"
    if kinds == {"string"}:
        return "string"
    if "string" in kinds:
        raise failed_to_convert(str(values))
    if "uint64" in kinds and kinds & {"int32", "int64"}:
        return "float32"
    for dtype in ("float32", "uint64", "int64", "int32", "bool"):
        if dtype in kinds:
            return dtype
    raise failed_to_convert(str(values))


def check_convertible(value, dtype: str) -> None:
    """`_AssertCompatible(value, dtype)`: a float does not convert to an
    integer or bool dtype, an int not to bool or string, a string only to
    string, a bool only to numbers and bool; other objects never.  An int
    outside C's long range overflows converting to an integer dtype.  A list
    is checked element by element."""
    if value is None:
        raise TFValueError("None values not supported.")
    if isinstance(value, (list, tuple)):
        for element in value:
            if element is None:       # inside a list: `_AssertCompatible`'s mismatch
                raise TFTypeError(f"Expected {dtype}, but got None of type 'NoneType'.")
            check_convertible(element, dtype)
        return
    if isinstance(value, bool):
        ok = dtype != "string"
    elif isinstance(value, int):
        ok = dtype not in ("bool", "string")
        if ok and dtype not in FLOAT_DTYPES and not -2**63 <= value < 2**64:
            raise PyError("OverflowError", "Python int too large to convert to C long")
    elif isinstance(value, float):
        ok = dtype in FLOAT_DTYPES or dtype in ("bfloat16", "complex64", "complex128")
    elif isinstance(value, str):
        ok = dtype == "string"
    elif isinstance(value, Dimension):    # `_check_int` takes a Dimension, nothing else does
        ok = dtype in _INT_DTYPES
        if ok and value.value is None:
            raise NotSimulated("converting an unknown Dimension to a tensor")
    else:
        ok = False
    if not ok:
        raise TFTypeError(f"Expected {dtype}, but got {value} of type '{type(value).__name__}'.")


_INT_DTYPES = ("int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64")


def _dimension_values(value):
    """A checked value with each Dimension as its int (numpy's `np.array(...,
    dtype=int32)` reads it through `__int__`)."""
    if isinstance(value, Dimension):
        return value.value
    if isinstance(value, (list, tuple)):
        converted = [_dimension_values(v) for v in value]
        return converted if isinstance(value, list) else tuple(converted)
    return value


_NO_VALUE = object()


def constant(g: Graph, dtype: str, shape: Shape = (), name: str | None = None,
             value=_NO_VALUE) -> Tensor:
    """`tf.constant(..., name=name)`: a `Const` op named by `_create_op_internal`;
    its `value` attr is the Python value when the caller knows it."""
    attrs = None if value is _NO_VALUE else {"value": value, "dtype": dtype}
    # `name=""` is not the default: `unique_name("")` is the scope itself
    # (`n/`), an invalid node name at the root
    return g.create_tensor("Const", "Const" if name is None else name, shape, dtype,
                           attrs=attrs)


def value_shape(value) -> Shape:
    """The shape of the constant a Python value makes: nested lists (and
    tuples) give one dim per level; a ragged nesting is numpy's error as
    `make_tensor_proto` reports it."""
    shape = _nested_shape(value, ())
    return shape


def _nested_shape(value, outer: tuple) -> Shape:
    """The dims of a nested list below the `outer` dims already found."""
    if not isinstance(value, (list, tuple)):
        return ()
    if not value:
        return (0,)
    here = outer + (len(value),)
    inner = [_nested_shape(v, here) for v in value]
    if any(s != inner[0] for s in inner):
        raise TFValueError(f"setting an array element with a sequence. The requested array has "
                           f"an inhomogeneous shape after {len(here)} dimensions. The detected "
                           f"shape was {here} + inhomogeneous part.")
    return (len(value),) + inner[0]


def convert(g: Graph, value, dtype: str | None, name: str) -> Tensor:
    """`ops.convert_to_tensor(value, dtype, name)` of a Tensor or a Python
    value: a Tensor passes through, a Python value becomes a `Const` named
    `name` in the current scope (the full version is `convert.convert_to_tensor`)."""
    if isinstance(value, Tensor):
        return value
    dtype, shape, value = tensor_value(value, dtype)
    return constant(g, dtype, shape, name, value)


def tensor_value(value, dtype: str | None) -> tuple:
    """`make_tensor_proto`'s conversion of a Python or numpy value to its
    numpy array, as `(dtype, shape, value)`: a numpy value cast to `dtype`
    (`numpy_value`), a Python value checked against it (`_AssertCompatible`)
    or its own dtype inferred."""
    if type(value) in _SCALARS:           # a Python scalar: no numpy, no dims
        if dtype is None:
            return python_dtype(value), (), value
        check_convertible(value, dtype)
        return dtype, (), _wrap_int32(value) if dtype == "int32" else value
    array = numpy_array(value)
    if array is not None:
        return numpy_value(array, dtype)
    if dtype is None:
        dtype = python_dtype(value)
    else:
        check_convertible(value, dtype)
        value = _dimension_values(value)
        if dtype == "int32":
            value = _wrap_int32(value)
    return dtype, value_shape(value), value


_SCALARS = frozenset((bool, int, float, str))


def _wrap_int32(value):
    """A Python int converted to int32 keeps its low 32 bits (the C long is
    truncated: `tf.constant(2**32 + 3, tf.int32)` holds 3)."""
    if isinstance(value, (list, tuple)):
        wrapped = [_wrap_int32(v) for v in value]
        return wrapped if isinstance(value, list) else tuple(wrapped)
    if isinstance(value, int) and not isinstance(value, bool) and \
            not -2**31 <= value < 2**31:
        return (value + 2**31) % 2**32 - 2**31
    return value


def op_scope(g: Graph, name: str | None, op_type: str):
    """`with ops.name_scope(name or op_type) as scope` of `_apply_op_helper`
    (the graph's name scope itself: entering yields the scope string)."""
    return g.name_scope(name or op_type)


def generated(g: Graph, op_type: str, scope: str, shape: Shape, dtype: str | None,
              inputs=()):
    """Create the op of an `op_scope` with the scope's exact name."""
    if dtype is None:
        return g.create_op(op_type, scope, inputs=inputs)
    return g.create_tensor(op_type, scope, shape, dtype, inputs)


#: numpy's dtype names that are TensorFlow's too (`dtypes.as_dtype(np_dtype)`).
_NUMPY_DTYPES = frozenset(("float16", "float32", "float64", "int8", "int16", "int32", "int64",
                           "uint8", "uint16", "uint32", "uint64", "bool", "complex64",
                           "complex128"))


def numpy_array(value):
    """`value` if it is a numpy array or scalar (`np.ndarray`, `np.generic`),
    else None.  numpy is never imported here: a program that has such a
    value has imported it already."""
    import sys
    np = sys.modules.get("numpy")
    if np is None or not isinstance(value, (np.ndarray, np.generic)):
        return None
    return value


def numpy_constant(g: Graph, array, dtype: str | None, name: str) -> Tensor:
    """`tensor_util.make_tensor_proto` of a numpy value (`numpy_value`)."""
    dtype, shape, value = numpy_value(array, dtype)
    return constant(g, dtype, shape, name, value)


def numpy_value(array, dtype: str | None) -> tuple:
    """A numpy value as `make_tensor_proto` converts it, `(dtype, shape,
    value)`: with a dtype, the values are cast to it (`values.astype(
    dtype.as_numpy_dtype)`, silently, as numpy casts); without, the array's
    own dtype is the tensor's."""
    import numpy as np
    own = np.asarray(array).dtype.name
    if own not in _NUMPY_DTYPES:
        raise NotSimulated(f"tf.constant of a numpy array of dtype {own} is not simulated")
    if dtype is not None and dtype != own:
        if dtype not in _NUMPY_DTYPES:
            raise NotSimulated(f"converting a numpy {own} array to {dtype} is not simulated")
        array = np.asarray(array).astype(dtype)
    array = np.asarray(array)
    return dtype or own, tuple(int(d) for d in array.shape), array.tolist()
