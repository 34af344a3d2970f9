"""The math functions of issue 8, as `ops/math_ops.py` of TF 2.21 builds
them in graph mode: the reductions (`_ReductionDims`, `_may_reduce_to_scalar`,
the v1 aliases `reduction_indices` and `keep_dims`), `argmax`/`argmin`,
`add_n`, and the generated binary and unary ops (`maximum`, `equal`,
`sqrt`, ...).  `g` is the default graph.
"""

from __future__ import annotations

from ..errors import NotSimulated, TFTypeError, TFValueError
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


def _tensordot_reshape(g: Graph, a: Tensor, axes, flipped: bool):
    """`tensordot._tensordot_reshape`: a fully defined shape is transposed
    and reshaped with constants (each only when needed); a known rank goes
    through `axes`/`free` constants, Shape, two gathers, their products and
    a stacked shape; returns (reshaped, free dims, their static dims)."""
    from .array_fns import concat, gather, reshape, shape, stack, transpose
    dims = a._dims
    if dims is None:
        raise NotSimulated("tf.tensordot of a tensor of unknown rank")
    axes = [i if i >= 0 else i + len(dims) for i in axes]
    free = [i for i in range(len(dims)) if i not in axes]
    if is_fully_defined(dims):
        free_dims = [dims[i] for i in free]
        prod_free = _prod([dims[i] for i in free])
        prod_axes = _prod([dims[i] for i in axes])
        perm = list(axes) + free if flipped else free + list(axes)
        new_shape = [prod_axes, prod_free] if flipped else [prod_free, prod_axes]
        a_trans = transpose(g, a, perm) if perm != list(range(len(dims))) else a
        if list(a_trans._dims) != new_shape:
            return reshape(g, a_trans, new_shape), free_dims, free_dims
        return a_trans, free_dims, free_dims
    free_static = [dims[i] for i in free]
    axes_t = convert_to_tensor(g, axes, "int32", name="axes")
    free_t = convert_to_tensor(g, free, "int32", name="free")
    shape_a = shape(g, a)
    free_dims = gather(g, shape_a, free_t)
    axes_dims = gather(g, shape_a, axes_t)
    prod_free = reduce(g, "Prod", free_dims)
    prod_axes = reduce(g, "Prod", axes_dims)
    if flipped:
        perm = concat(g, [axes_t, free_t], 0)
        new_shape = stack(g, [prod_axes, prod_free])
    else:
        perm = concat(g, [free_t, axes_t], 0)
        new_shape = stack(g, [prod_free, prod_axes])
    return reshape(g, transpose(g, a, perm), new_shape), free_dims, free_static


def _prod(values) -> int:
    out = 1
    for v in values:
        out *= v
    return out


def _tensordot_axes(a: Tensor, axes):
    """`tensordot._tensordot_axes`: an int is the last/first `axes` dims; a
    pair of lists (or ints) as given."""
    if isinstance(axes, int) and not isinstance(axes, bool):
        if axes < 0:
            raise TFValueError(f"`axes` must be at least 0. Received: {axes}.")
        if a._dims is None:
            raise NotSimulated("tf.tensordot of a tensor of unknown rank")
        ndims = len(a._dims)
        if axes > ndims:
            raise TFValueError(f"`axes` must not be larger than the number of dimensions of "
                               f"tensor {a}.  Received {axes}, vs tensor dimensions {ndims}.")
        return list(range(ndims - axes, ndims)), list(range(axes))
    if isinstance(axes, (list, tuple)):
        if len(axes) != 2:
            raise TFValueError(f"`axes` must be an integer or have length 2. Received {axes}.")
        a_axes, b_axes = axes
        if isinstance(a_axes, int) and isinstance(b_axes, int):
            a_axes, b_axes = [a_axes], [b_axes]
        if not isinstance(a_axes, (list, tuple)) or not isinstance(b_axes, (list, tuple)):
            raise NotSimulated("tf.tensordot(axes=<tensors>)")
        if len(a_axes) != len(b_axes):
            raise TFValueError(f"Different number of contraction axes `a` and `b`, "
                               f"{len(a_axes)} != {len(b_axes)}.")
        return list(a_axes), list(b_axes)
    raise NotSimulated("tf.tensordot(axes=<a tensor>)")


def tensordot(g: Graph, a, b, axes, name=None) -> Tensor:
    """`math_ops.tensordot`: in `Tensordot/`, both sides reshaped to
    matrices, `MatMul`, then reshaped to the free dims (the Reshape named
    by the scope; skipped when the product already has them)."""
    from .array_fns import concat, reshape
    from .math import matmul
    from .opdef import graph_from_inputs, name_scope
    g = graph_from_inputs(g, (a, b))
    with name_scope(g, name, "Tensordot") as scope:
        a = convert_to_tensor(g, a, name="a")
        b = convert_to_tensor(g, b, name="b")
        a_axes, b_axes = _tensordot_axes(a, axes)
        a_reshape, a_free, a_static = _tensordot_reshape(g, a, a_axes, False)
        b_reshape, b_free, b_static = _tensordot_reshape(g, b, b_axes, True)
        product = matmul(g, a_reshape, b_reshape)
        if isinstance(a_free, list) and isinstance(b_free, list):
            if is_fully_defined(product._dims) and list(product._dims) == a_free + b_free:
                return product
            return reshape(g, product, a_free + b_free, name=scope)
        a_free = convert_to_tensor(g, a_free, "int32")
        b_free = convert_to_tensor(g, b_free, "int32")
        out = reshape(g, product, concat(g, [a_free, b_free], 0), name=scope)
        static = tuple(a_static + b_static)
        if out._dims is None:
            out._dims = static
        else:
            out._dims = tuple(x if x is not None else y for x, y in zip(out._dims, static))
        return out


def _resolve_equation(equation: str) -> str:
    """`_einsum_v2_parse_and_resolve_equation` without ellipses: spaces
    removed; an implicit output is the labels used once, sorted."""
    equation = equation.replace(" ", "")
    if "." in equation:
        raise NotSimulated("tf.einsum with an ellipsis")
    if "->" in equation:
        return equation
    labels = equation.replace(",", "")
    output = "".join(sorted(c for c in set(labels) if labels.count(c) == 1))
    return f"{equation}->{output}"


def einsum(g: Graph, equation: str, inputs, name=None) -> Tensor:
    """`special_math_ops._einsum_v2` (up to two operands): in `einsum/`,
    the Einsum op of the resolved equation."""
    from .nodedef import StrAttr
    from .opdef import graph_from_inputs, name_scope
    if len(inputs) > 2:
        raise NotSimulated("tf.einsum of more than two operands (opt_einsum)")
    g = graph_from_inputs(g, inputs)
    with name_scope(g, name, "einsum"):
        resolved = _resolve_equation(equation)
        return apply_op(g, "Einsum", None, [list(inputs)],
                        {"equation": StrAttr(resolved), "N": len(inputs)})
