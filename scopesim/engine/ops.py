"""Op construction: constants, generated ops, and the math the language offers.

Two ways TensorFlow names an op, kept apart here as they are in TF:
- `constant`: `Graph._create_op_internal("Const", name)` directly;
- `generated`: `op_def_library._apply_op_helper`, which opens
  `name_scope(name or OpType)` first (so the name is checked as a scope name),
  converts Python inputs inside it (`add/y`), then creates the op with the
  scope's exact name.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from ..errors import TFTypeError
from .graph import Graph, Op, Tensor
from .shapes import FLOAT_DTYPES, Shape

INT_TYPES = ("int32", "int64")


def python_dtype(value) -> str:
    """The dtype `tf.constant(value)` infers for a Python scalar."""
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int32"
    if isinstance(value, float):
        return "float32"
    return "string"


def check_convertible(value, dtype: str) -> None:
    """`convert_to_tensor(value, dtype=dtype)` of a Python scalar: a float
    does not convert to an integer or bool dtype, an int not to bool."""
    bad = ((isinstance(value, float) and (dtype in INT_TYPES or dtype == "bool"))
           or (isinstance(value, int) and not isinstance(value, bool) and dtype == "bool")
           or (isinstance(value, str) and dtype != "string"))
    if bad:
        raise TFTypeError(f"Expected {dtype}, but got {value} of type '{type(value).__name__}'.")


def constant(g: Graph, dtype: str, shape: Shape = (), name: str | None = None) -> Tensor:
    """`tf.constant(..., name=name)`: a `Const` op named by `_create_op_internal`."""
    return g.create_op("Const", name or "Const", outputs=((shape, dtype),)).outputs[0]


def convert(g: Graph, value, dtype: str | None, name: str) -> Tensor:
    """`ops.convert_to_tensor(value, dtype, name)`: a Tensor passes through, a
    Python scalar becomes a `Const` named `name` in the current scope."""
    if isinstance(value, Tensor):
        return value
    if dtype is None:
        dtype = python_dtype(value)
    check_convertible(value, dtype)
    return constant(g, dtype, (), name)


@contextmanager
def op_scope(g: Graph, name: str | None, op_type: str) -> Iterator[str]:
    """`with ops.name_scope(name or op_type) as scope` of `_apply_op_helper`."""
    with g.name_scope(name or op_type) as scope:
        yield scope


def generated(g: Graph, op_type: str, scope: str, shape: Shape, dtype: str | None) -> Tensor | Op:
    """Create the op of an `op_scope` with the scope's exact name."""
    outputs = () if dtype is None else ((shape, dtype),)
    op = g.create_op(op_type, scope, outputs=outputs)
    return op.outputs[0] if outputs else op


def is_float(dtype: str) -> bool:
    return dtype in FLOAT_DTYPES
