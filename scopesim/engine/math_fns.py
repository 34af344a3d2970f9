"""The math functions of issue 8, as `ops/math_ops.py` of TF 2.21 builds
them in graph mode: the reductions (`_ReductionDims`, `_may_reduce_to_scalar`,
the v1 aliases `reduction_indices` and `keep_dims`), `argmax`/`argmin`,
`add_n`, and the generated binary and unary ops (`maximum`, `equal`,
`sqrt`, ...).  `g` is the default graph.
"""

from __future__ import annotations

from ..errors import TFTypeError, TFValueError
from . import opdefs_array as _opdefs  # noqa: F401 - registers the OpDefs
from .array_fns import deprecated_argument_lookup, range_, rank
from .convert import convert_to_tensor
from .gen_ops import make_bool, make_type
from .graph import Graph, Tensor
from .math import identity
from .opdef import apply_op, graph_from_inputs, name_scope
from .ops import constant as _const_op
from .shapes import is_fully_defined
from .resource import BaseResourceVariable
from .values import is_tensor_like

#: tf.reduce_<name> -> the op type.
REDUCTIONS = {"sum": "Sum", "mean": "Mean", "max": "Max", "min": "Min", "prod": "Prod"}


def all_dimensions(g: Graph, x):
    """`array_ops._all_dimensions`: a `Const` of 0..rank-1 for a tensor of
    known rank, else `Range(0, rank(x), 1)`."""
    if isinstance(x, Tensor) and x._dims is not None:
        return _const_op(g, "int32", (len(x._dims),), "Const", list(range(len(x._dims))))
    return apply_op(g, "Range", None, [0, rank(g, x), 1])


def reduction_dims(g: Graph, x, axis):
    """`math_ops._ReductionDims`: `axis` as given; None is a `Const` of
    0..rank-1 for a tensor of known non-zero rank, else
    `range(0, rank(x))`."""
    if axis is not None:
        return axis
    x_rank = None
    if is_tensor_like(x) or isinstance(x, BaseResourceVariable):   # a Tensor or a variable
        x_rank = x.shape.ndims
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
    if op_type == "ArgMax":
        axis = argmax_axis(g, axis)
    output_type = make_type(output_type, "output_type")
    return apply_op(g, op_type, name, [input, axis], {"output_type": output_type},
                    out_dtype=output_type)


#: The axis dtypes `math_ops.argmax_v2` takes; the small ones are cast to int32.
_ARGMAX_AXIS_DTYPES = ("int8", "uint8", "int16", "uint16", "int32", "int64")


def argmax_axis(g: Graph, axis):
    """`math_ops.argmax_v2`'s check of `axis` (argmin_v2 has none): a value
    with a dtype must have an integer one (int8/16 and uint8/16 are cast to
    int32), anything else must be a Python int."""
    if hasattr(axis, "dtype"):
        dtype = axis.dtype
        if getattr(dtype, "name", None) not in _ARGMAX_AXIS_DTYPES:
            raise TFTypeError(f"axis tensor dtypes {dtype} is not supported")
        if dtype.name in _ARGMAX_AXIS_DTYPES[:4]:
            from .math import cast
            axis = cast(g, axis, "int32")
        return axis
    if not isinstance(axis, int):
        raise TFTypeError("axis must be int or Tensor with integer datatype")
    return axis


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


def clip_by_value(g: Graph, t, clip_value_min, clip_value_max, name=None) -> Tensor:
    """`clip_ops.clip_by_value`: in `clip_by_value/`, `Minimum` of the
    values (converted as `t`) and the max, then `Maximum` with the min named
    by the scope itself; a result of another shape than the values (the
    bounds broadcast it) is TensorShape's incompatibility error."""
    g = graph_from_inputs(g, (t, clip_value_min, clip_value_max))
    with name_scope(g, name, "clip_by_value") as scope:
        values = convert_to_tensor(g, t, name="t")
        t_min = apply_op(g, "Minimum", None, [values, clip_value_max])
        values.shape.assert_is_compatible_with(t_min.shape)
        t_max = apply_op(g, "Maximum", scope, [t_min, clip_value_min])
        values.shape.assert_is_compatible_with(t_max.shape)
    return t_max


def equality(g: Graph, op_type: str, x, y, name=None) -> Tensor:
    """`math_ops.equal` / `not_equal` -> `gen_math_ops.equal`
    (`incompatible_shape_error=True`)."""
    return apply_op(g, op_type, name, [x, y], {"incompatible_shape_error": True})


def unary(g: Graph, op_type: str, x, name=None) -> Tensor:
    """`gen_math_ops.sqrt` / `rsqrt` / `exp` / `log`."""
    return apply_op(g, op_type, name, [x])
