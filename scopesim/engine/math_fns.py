"""The math functions of issue 8, as `ops/math_ops.py` of TF 2.21 builds
them in graph mode: the reductions (`_ReductionDims`, `_may_reduce_to_scalar`,
the v1 aliases `reduction_indices` and `keep_dims`), `argmax`/`argmin`,
`add_n`, and the generated binary and unary ops (`maximum`, `equal`,
`sqrt`, ...).  `g` is the default graph.
"""

from __future__ import annotations

from ..errors import TFValueError
from . import opdefs_array as _opdefs  # noqa: F401 - registers the OpDefs
from .array_fns import deprecated_argument_lookup, range_, rank
from .convert import convert_to_tensor
from .gen_ops import make_bool, make_type
from .graph import Graph, Tensor
from .math import identity
from .opdef import apply_op
from .ops import constant as _const_op
from .shapes import is_fully_defined

#: tf.reduce_<name> -> the op type.
REDUCTIONS = {"sum": "Sum", "mean": "Mean", "max": "Max", "min": "Min", "prod": "Prod"}


def reduction_dims(g: Graph, x, axis):
    """`math_ops._ReductionDims`: `axis` as given; None is a `Const` of
    0..rank-1 for a tensor of known non-zero rank, else
    `range(0, rank(x))`."""
    if axis is not None:
        return axis
    x_rank = len(x._dims) if isinstance(x, Tensor) and x._dims is not None else None
    if x_rank:
        return _const_op(g, "int32", (x_rank,), "Const", list(range(x_rank)))
    return range_(g, 0, rank(g, x))


def reduce(g: Graph, op_type: str, input_tensor, axis=None, keepdims=None, name=None,
           reduction_indices=None, keep_dims=None) -> Tensor:
    """`math_ops.reduce_sum_v1` (and `reduce_mean_v1`, `_max_v1`, `_min_v1`,
    `_prod_v1`): the deprecated aliases looked up, the reduction dims made
    (before the op's scope), the op; with no axis and no keepdims the
    result is a scalar (`_may_reduce_to_scalar`)."""
    axis = deprecated_argument_lookup("axis", axis, "reduction_indices", reduction_indices)
    keepdims = deprecated_argument_lookup("keepdims", keepdims, "keep_dims", keep_dims)
    keepdims = False if keepdims is None else bool(keepdims)
    dims = reduction_dims(g, input_tensor, axis)
    out = apply_op(g, op_type, name, [input_tensor, dims],
                   {"keep_dims": make_bool(keepdims, "keep_dims")})
    if not is_fully_defined(out._dims) and not keepdims and axis is None:
        out._dims = ()
    return out


def arg_min_max(g: Graph, op_type: str, input, axis=None, name=None, dimension=None,  # noqa: A002
                output_type="int64") -> Tensor:
    """`math_ops.argmax` / `argmin` (v1): `dimension` is the deprecated
    `axis`, None is 0 (`ArgMax/dimension`)."""
    axis = deprecated_argument_lookup("axis", axis, "dimension", dimension)
    if axis is None:
        axis = 0
    output_type = make_type(output_type, "output_type")
    return apply_op(g, op_type, name, [input, axis], {"output_type": output_type},
                    out_dtype=output_type)


_ADD_N_INPUTS = ("Inputs must be an iterable of at least one Tensor/IndexedSlices with the "
                 "same dtype and shape.")


def add_n(g: Graph, inputs, name=None) -> Tensor:
    """`math_ops.add_n`: a non-empty list converted (`Const` for Python
    values), one input returned (an `identity` when named), else AddN."""
    if isinstance(inputs, Tensor):
        iter(inputs)
    if not inputs or not isinstance(inputs, (list, tuple)):
        raise TFValueError(_ADD_N_INPUTS)
    inputs = [convert_to_tensor(g, x) for x in inputs]
    if len(inputs) == 1:
        if name:
            return identity(g, inputs[0], name=name)
        return inputs[0]
    return apply_op(g, "AddN", name, [inputs], {"N": len(inputs)})


def binary(g: Graph, op_type: str, x, y, name=None) -> Tensor:
    """`gen_math_ops.maximum` / `minimum`."""
    return apply_op(g, op_type, name, [x, y])


def equality(g: Graph, op_type: str, x, y, name=None) -> Tensor:
    """`math_ops.equal` / `not_equal` -> `gen_math_ops.equal`
    (`incompatible_shape_error=True`)."""
    return apply_op(g, op_type, name, [x, y], {"incompatible_shape_error": True})


def unary(g: Graph, op_type: str, x, name=None) -> Tensor:
    """`gen_math_ops.sqrt` / `rsqrt` / `exp` / `log`."""
    return apply_op(g, op_type, name, [x])
