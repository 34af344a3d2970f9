"""The generated op wrappers the math calls, and their attr checks.

Mirrors the generated `gen_math_ops.py`, `gen_nn_ops.py` and
`gen_array_ops.py` of TF 2.21 in graph mode: each checks its non-type
attrs with `eager/execute.py`'s `make_bool` / `make_type`, then calls
`_apply_op_helper` (`opdef.apply_op`).
"""

from __future__ import annotations

from ..errors import TFTypeError, TFValueError
from .dtypes import dtype_name as as_dtype
from .graph import Graph, Tensor
from .opdef import apply_op
from .tensor_shape import as_shape
from .values import py_repr


def make_bool(value, arg_name: str) -> bool:
    """`eager/execute.py` `make_bool`: only True and False."""
    if not isinstance(value, bool):
        raise TFTypeError(f"Expected bool for argument '{arg_name}' not {py_repr(value)}.")
    return value


def make_type(value, arg_name: str) -> str:
    """`eager/execute.py` `make_type`: `as_dtype(value).base_dtype`."""
    dtype = as_dtype(value)
    if dtype is None:
        raise TFTypeError(f"Expected DataType for argument '{arg_name}' not {py_repr(value)}.")
    return dtype[:-4] if dtype.endswith("_ref") else dtype


def gen_binary(g: Graph, op_type: str, x, y, name) -> Tensor:
    """`gen_math_ops.add_v2` / `add` / `sub` / `mul` / `real_div`."""
    return apply_op(g, op_type, name, [x, y])


def gen_unary(g: Graph, op_type: str, x, name=None) -> Tensor:
    """`gen_math_ops.neg` / `tanh` / `sigmoid`, `gen_nn_ops.relu`,
    `gen_array_ops.identity`."""
    return apply_op(g, op_type, name, [x])


def gen_cast(g: Graph, x, dst: str, name=None) -> Tensor:
    """`gen_math_ops.cast(x, DstT)`."""
    return apply_op(g, "Cast", name, [x], {"DstT": dst, "Truncate": False}, out_dtype=dst)


def _bools(values: dict) -> dict:
    """The bool attrs of a generated wrapper: None is False, then `make_bool`."""
    for key, value in values.items():
        if value.__class__ is not bool:
            values[key] = make_bool(False if value is None else value, key)
    return values


def gen_mat_mul(g: Graph, a, b, transpose_a, transpose_b, grad_a, grad_b, name) -> Tensor:
    """`gen_math_ops.mat_mul`."""
    attrs = _bools(dict(transpose_a=transpose_a, transpose_b=transpose_b, grad_a=grad_a,
                        grad_b=grad_b))
    return apply_op(g, "MatMul", name, [a, b], attrs)


def gen_batch_mat_mul_v2(g: Graph, x, y, adj_x, adj_y, grad_x, grad_y, name) -> Tensor:
    """`gen_math_ops.batch_mat_mul_v2`."""
    attrs = _bools(dict(adj_x=adj_x, adj_y=adj_y, grad_x=grad_x, grad_y=grad_y))
    return apply_op(g, "BatchMatMulV2", name, [x, y], attrs)


def gen_batch_mat_mul_v3(g: Graph, x, y, tout, adj_x, adj_y, grad_x, grad_y, name) -> Tensor:
    """`gen_math_ops.batch_mat_mul_v3` (the output dtype is `Tout`)."""
    tout = make_type(tout, "Tout")
    attrs = {"Tout": tout, **_bools(dict(adj_x=adj_x, adj_y=adj_y, grad_x=grad_x, grad_y=grad_y))}
    return apply_op(g, "BatchMatMulV3", name, [x, y], attrs, out_dtype=tout)


def gen_sparse_mat_mul(g: Graph, a, b, transpose_a, transpose_b, a_is_sparse, b_is_sparse,
                       name) -> Tensor:
    """`gen_math_ops.sparse_mat_mul` (its output is always float32)."""
    attrs = _bools(dict(transpose_a=transpose_a, transpose_b=transpose_b,
                        a_is_sparse=a_is_sparse, b_is_sparse=b_is_sparse))
    return apply_op(g, "SparseMatMul", name, [a, b], attrs, out_dtype="float32")


def make_shape(value, arg_name: str):
    """`eager/execute.py` `make_shape`: `tensor_shape.as_shape(value)`, its
    TypeError/ValueError reworded "Error converting <arg> to a TensorShape: ..."."""
    try:
        return as_shape(value)._dims
    except TFTypeError as e:
        raise TFTypeError(f"Error converting {arg_name} to a TensorShape: {e.message}.") from None
    except TFValueError as e:
        raise TFValueError(f"Error converting {arg_name} to a TensorShape: {e.message}.") \
            from None


def make_int(value, arg_name: str) -> int:
    """`eager/execute.py` `make_int`: a string is refused, else `int(value)`,
    whose TypeError or ValueError is refused the same way."""
    if not isinstance(value, str):
        try:
            return int(value)
        except (TypeError, ValueError):
            pass
    raise TFTypeError(f"Expected int for argument '{arg_name}' not {py_repr(value)}.")
