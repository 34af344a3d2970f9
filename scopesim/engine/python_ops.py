"""Python's operators on a program's values: `+ - * / @`, unary `-`, `==`, `is`, calls.

Python dispatches an operator as CPython's `Objects/abstract.c` does
(`binary_op1`: the left operand's method, then the right one's reflected
method; then, for `+` and `*`, a sequence's concatenation or repetition;
else "unsupported operand type(s)"), and each class answers for itself:

- a Tensor or Variable: the overloads of `math.py`;
- a TensorShape: `TensorShape.__add__` / `__radd__` (concatenation with
  `as_shape(other)`) and `__eq__` (`framework/tensor_shape.py`), whose
  `Dimension` checks raise;
- a DType: `DType.__eq__` (`framework/dtypes.py`, through `as_dtype`);
- Python's own values: Python's operators;
- an Operation, a VariableScope, an exception, AUTO_REUSE: nothing but
  identity, so Python's errors, naming TensorFlow's classes.
"""

from __future__ import annotations

import operator
from typing import NoReturn

from ..errors import PyError, TFTypeError, TFValueError
from . import math as tfmath
from .dtypes import dtype_name as as_dtype
from .graph import Graph, Tensor
from .dtypes import DType
from .tensor_shape import TensorShape
from .values import class_repr, is_tensor_like, py_repr, type_name
from .variables import RefVariable as Variable

_PYTHON_TYPES = (str, int, float, bool, type(None), list)
_SEQUENCES = (str, list)
_ARITHMETIC = {"+": operator.add, "-": operator.sub, "*": operator.mul,
               "/": operator.truediv, "@": operator.matmul}

#: A repeated string or list longer than this is a MemoryError (scopesim's
#: limit: Python would try to build it).
MAX_SEQUENCE = 10_000_000


def binary(g: Graph, symbol: str, x, y):
    """`x <symbol> y` for any two values of a program: a TensorShape's
    `__add__` (it tries a tensor too), a tensor's operator (or the reflected
    one of a tensor on the right), a TensorShape's `__radd__`, Python's
    arithmetic on its own values, else the sequence fallbacks or the error."""
    if symbol == "+" and isinstance(x, TensorShape):
        return concatenate(x, as_shape(g, y))
    if is_tensor_like(x) or is_tensor_like(y):
        return tfmath.binary_operator(g, symbol, x, y)
    if symbol == "+" and isinstance(y, TensorShape):
        return concatenate(as_shape(g, x), y)
    if isinstance(x, _PYTHON_TYPES) and isinstance(y, _PYTHON_TYPES):
        return python_arithmetic(symbol, x, y)
    raise _sequence_or_unsupported(symbol, x, y)


def python_arithmetic(symbol: str, x, y):
    """Python's own operators on Python's values (`1.0 + 2.0` is just 3.0)."""
    if symbol == "*" and _repeat_too_long(x, y):
        raise PyError("MemoryError", "")
    try:
        return _ARITHMETIC[symbol](x, y)
    except (TypeError, ZeroDivisionError, OverflowError, ValueError) as e:
        raise PyError(type(e).__name__, str(e)) from None


def _repeat_too_long(x, y) -> bool:
    for seq, n in ((x, y), (y, x)):
        if isinstance(seq, _SEQUENCES) and isinstance(n, int) and len(seq) * n > MAX_SEQUENCE:
            return True
    return False


def _sequence_or_unsupported(symbol: str, x, y) -> PyError:
    """When neither operand implements the operator: the left operand's
    `sq_concat` (`"s" + o`), either operand's `sq_repeat` (`"s" * o`,
    `o * "s"`), else "unsupported operand type(s)"."""
    if symbol == "+" and isinstance(x, _SEQUENCES):
        kind = type(x).__name__
        return PyError("TypeError", f'can only concatenate {kind} (not "{type_name(y)}") to {kind}')
    if symbol == "*" and isinstance(x, _SEQUENCES):
        return PyError("TypeError", f"can't multiply sequence by non-int of type '{type_name(y)}'")
    if symbol == "*" and isinstance(y, _SEQUENCES):
        return PyError("TypeError", f"can't multiply sequence by non-int of type '{type_name(x)}'")
    return PyError("TypeError", f"unsupported operand type(s) for {symbol}: "
                                f"'{type_name(x)}' and '{type_name(y)}'")


def negative(g: Graph, x):
    """`-x`: `Tensor.__neg__` (a Neg op), a number's negation, else Python's TypeError."""
    if is_tensor_like(x):
        return tfmath.negate(g, x)
    if isinstance(x, (int, float)):
        return -x
    raise PyError("TypeError", f"bad operand type for unary -: '{type_name(x)}'")


def call(value) -> NoReturn:
    """`value(...)`: no value of a program has a `__call__`."""
    raise PyError("TypeError", f"'{type_name(value)}' object is not callable")


# ------------------------------------------------------------ TensorShape


def concatenate(x: TensorShape, y: TensorShape) -> TensorShape:
    """`TensorShape.concatenate`: an unknown rank on either side is unknown."""
    if x._dims is None or y._dims is None:
        return TensorShape(None)
    return TensorShape._of(x._dims + y._dims)


def as_shape(g: Graph, value) -> TensorShape:
    """`tensor_shape.as_shape` (`TensorShape(value)` unless it is one): None
    is an unknown rank, a list one dim per element, a string one per
    character (each fails, wrapped), anything else a single dim once
    `iter(value)` has failed (a Variable's `__iter__` reads it first: a
    `read` Identity)."""
    if isinstance(value, TensorShape):
        return value
    if value is None:
        return TensorShape(None)
    if isinstance(value, list):
        return TensorShape._of(tuple(as_dimension(d) for d in value))
    if isinstance(value, str):
        dims = []
        for d in value:
            try:
                dims.append(as_dimension(d))
            except TFTypeError:
                raise TFTypeError(
                    f"Failed to convert '{value!r}' to a shape: '{d!r}'could not be converted to a "
                    f"dimension. A shape should either be single dimension (e.g. 10), or an "
                    f"iterable of dimensions (e.g. [1, 10, None]).") from None
        return TensorShape._of(tuple(dims))
    if isinstance(value, Variable):
        g.create_op("Identity", "read", outputs=((value._dims, value._dt),))
    return TensorShape._of((as_dimension(value),))


def as_dimension(value):
    """`Dimension(value).value`: an int (a bool stays a bool) at least 0, or
    None; no other value of a program has an `__index__`."""
    if isinstance(value, int):
        if value < 0:
            raise TFValueError(f"Dimension {int(value)} must be >= 0")
        return value
    if value is None:
        return None
    raise TFTypeError(f"Dimension value must be integer or None or have an __index__ method, "
                      f"got value '{py_repr(value)}' with type '{class_repr(value)}'")


# ------------------------------------------------------------ comparisons


def equal(g: Graph, x, y) -> bool:
    """`x == y`: `x.__eq__(y)`, then `y.__eq__(x)`, then identity."""
    result = _eq(g, x, y)
    if result is NotImplemented:
        result = _eq(g, y, x)
    return x is y if result is NotImplemented else result


def _eq(g: Graph, x, y):
    """`x.__eq__(y)`: a graph-mode Tensor or Variable compares by identity;
    a TensorShape by dims after `as_shape` (NotImplemented if that raises
    TypeError); a DType by `as_dtype` (False if that fails); Python's values
    among themselves; any other object is only equal to itself."""
    if isinstance(x, (Tensor, Variable)):
        return x is y
    if isinstance(x, TensorShape):
        try:
            return x._dims == as_shape(g, y)._dims
        except TFTypeError:
            return NotImplemented
    if isinstance(x, DType):
        return y is not None and x.name == as_dtype(y)
    if isinstance(x, _PYTHON_TYPES) and isinstance(y, _PYTHON_TYPES):
        return x == y
    return True if x is y else NotImplemented


def identical(x, y) -> bool:
    """`x is y`: identity for objects; for Python values, equality of the
    same type (CPython interns the small values a program can write)."""
    if isinstance(x, _PYTHON_TYPES) and isinstance(y, _PYTHON_TYPES):
        return type(x) is type(y) and x == y
    return x is y
