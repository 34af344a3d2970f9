"""The array functions of issue 8, as `ops/array_ops.py` (and
`array_ops_stack.py`) of TF 2.21 build them in graph mode.

Each function mirrors one TensorFlow function (named in its docstring): the
name scope it opens, the constants it makes from Python arguments, its
checks and error texts, then the generated wrapper (`opdef.apply_op`, with
the OpDefs of `opdefs_array.py` and the shape functions of
`shapes_array.py`).  `g` is the default graph.
"""

from __future__ import annotations

from ..errors import NotSimulated, TFTypeError, TFValueError
from . import opdefs_array as _opdefs  # noqa: F401 - registers the OpDefs
from .array import stack as _stack_axis0
from .convert import convert_to_tensor
from .gen_ops import make_int, make_type
from .graph import Graph, Tensor
from .initializers import fill as _small_or_fill
from .math import cast, identity
from .nodedef import StrAttr
from .opdef import apply_op, graph_from_inputs, name_scope
from .ops import constant as _const_op
from .ops import value_shape
from .shapes import is_fully_defined, num_elements
from .tensor_shape import Dimension, TensorShape
from .resource import BaseResourceVariable
from .shape_inference import constant_value
from .values import truth


def deprecated_argument_lookup(new_name: str, new_value, old_name: str, old_value):
    """`deprecation.deprecated_argument_lookup` (its warning never printed)."""
    if old_value is not None:
        if new_value is not None:
            raise TFValueError(f"Cannot specify both '{old_name}' and '{new_name}'.")
        return old_value
    return new_value


def _min_length(g: Graph, op_type: str, name, arg: str, values, minimum: int) -> None:
    """`_apply_op_helper`'s list length check (inside the op's scope)."""
    if len(values) < minimum:
        with name_scope(g, name if truth(name) else op_type):
            raise TFValueError(f"List argument '{arg}' to '{op_type}' Op with length "
                               f"{len(values)} shorter than minimum length {minimum}.")


def reshape(g: Graph, tensor, shape, name=None) -> Tensor:
    """`array_ops.reshape`: `gen_array_ops.reshape` (`Reshape/shape`)."""
    return apply_op(g, "Reshape", name, [tensor, shape])


def concat(g: Graph, values, axis, name="concat") -> Tensor:
    """`array_ops.concat`: one value is an `identity` named `name` inside
    `name/` (after converting `axis` as `concat_dim`); else ConcatV2
    (`concat/axis`)."""
    if not isinstance(values, (list, tuple)):
        values = [values]
    if len(values) == 1:
        with name_scope(g, name) as scope:
            dim = convert_to_tensor(g, axis, "int32", name="concat_dim")
            if dim._dims is not None and len(dim._dims) != 0:
                raise TFValueError(f"Shape {dim.shape} must have rank 0")
            del scope
            return identity(g, values[0], name=name)
    values = list(values)
    _min_length(g, "ConcatV2", name, "values", values, 2)
    return apply_op(g, "ConcatV2", name, [values, axis], {"N": len(values)})


def stack(g: Graph, values, axis=0, name="stack") -> Tensor:
    """`array_ops_stack.stack`: axis 0 converts the list as a whole
    (one Const, or the autopacking Pack); otherwise the first value's rank
    bounds `axis` and it is a Pack with that axis."""
    if axis == 0:
        if not isinstance(values, (list, tuple)):
            # `convert_to_tensor(values, name=name)` first (a number is one Const),
            # then `values[0]`
            try:
                return convert_to_tensor(g, values, name=name)
            except (TFTypeError, TFValueError):
                values[0]  # fuzz: Python's error, as TF's
        return _stack_axis0(g, list(values), name)
    first = convert_to_tensor(g, values[0], name=name)
    if first._dims is not None:
        expanded = len(first._dims) + 1
        if axis < -expanded or axis >= expanded:
            raise TFValueError(f"Argument `axis` = {axis} not in range [{-expanded}, "
                               f"{expanded})")
    values = list(values)
    return apply_op(g, "Pack", name, [values], {"N": len(values), "axis": make_int(axis, "axis")})


def unstack(g: Graph, value, num=None, axis=0, name="unstack") -> list:
    """`array_ops_stack.unstack`: `num` from the shape when not given."""
    if num is None:
        value = convert_to_tensor(g, value)
        dims = value._dims
        if dims is not None:
            if axis < -len(dims) or axis >= len(dims):
                raise TFValueError(f"Argument `axis` = {axis} not in range [{-len(dims)}, "
                                   f"{len(dims)})")
            num = dims[axis]
        if num is None:
            raise TFValueError(f"Cannot infer argument `num` from shape {value.shape}")
    return apply_op(g, "Unpack", name, [value], {"num": make_int(num, "num"),
                                                 "axis": make_int(axis, "axis")})


def split(g: Graph, value, num_or_size_splits, axis=0, num=None, name="split") -> list:
    """`array_ops.split`: a number is Split (`split/split_dim`); sizes are
    converted first (a `Const` outside the scope) and SplitV."""
    if isinstance(num_or_size_splits, (int, Dimension)) and \
            not isinstance(num_or_size_splits, bool):
        count = num_or_size_splits
        if isinstance(count, Dimension):
            count = count.value
        return apply_op(g, "Split", name, [axis, value], {"num_split": make_int(count,
                                                                                "num_split")})
    sizes = convert_to_tensor(g, num_or_size_splits)
    if sizes._dims == ():
        raise TFValueError(f"Rank-0 tensors are not supported as the num_or_size_splits "
                           f"argument to split. Argument provided: {num_or_size_splits}")
    if num is None:
        if sizes._dims:
            num = sizes._dims[0]
        if num is None:
            raise TFValueError(f"Cannot infer argument `num` from shape {num_or_size_splits}")
    return apply_op(g, "SplitV", name, [value, sizes, axis],
                    {"num_split": make_int(num, "num_split")})


def expand_dims(g: Graph, input, axis=None, name=None, dim=None) -> Tensor:  # noqa: A002
    """`array_ops.expand_dims` (v1): `dim` is the deprecated `axis`."""
    axis = deprecated_argument_lookup("axis", axis, "dim", dim)
    if axis is None:
        raise TFValueError("Must specify an axis argument to tf.expand_dims()")
    return apply_op(g, "ExpandDims", name, [input, axis])


def squeeze(g: Graph, input, axis=None, name=None, squeeze_dims=None) -> Tensor:  # noqa: A002
    """`array_ops.squeeze` (v1): a scalar axis becomes a list; the
    generated wrapper wants a list of ints (`squeeze_dims` attr)."""
    axis = deprecated_argument_lookup("axis", axis, "squeeze_dims", squeeze_dims)
    if isinstance(axis, (int, float, str, bytes)):      # `np.isscalar`
        axis = [axis]
    if axis is None:
        axis = []
    if not isinstance(axis, (list, tuple)):
        raise TFTypeError(f"Expected list for 'axis' argument to 'squeeze' Op, not {axis!r}.")
    axis = [make_int(a, "axis") for a in axis]
    return apply_op(g, "Squeeze", name, [input], {"squeeze_dims": axis})


def transpose(g: Graph, a, perm=None, name="transpose", conjugate=False) -> Tensor:
    """`array_ops.transpose` (v1): in `transpose/`; no perm is the dims
    reversed (`transpose/perm` for a known rank, else `Rank`, `sub`,
    `Range` from rank - 1 down to 0).  `conjugate` matters only for a
    complex tensor (ConjugateTranspose, not simulated)."""
    g = graph_from_inputs(g, (a,))
    with name_scope(g, name, "transpose") as scope:
        if not isinstance(a, Tensor):
            a = convert_to_tensor(g, a, name="a")
        if conjugate and a._dt in ("complex64", "complex128"):
            raise NotSimulated("tf.transpose(conjugate=True) of a complex tensor")
        if perm is None:
            a = convert_to_tensor(g, a, name="a")
            if a._dims is None:            # a scalar's perm is the empty Const
                from .math import binary_operator
                rank = apply_op(g, "Rank", None, [a])
                start = binary_operator(g, "-", rank, 1)
                perm = apply_op(g, "Range", None, [start, -1, -1])
            elif not a._dims:               # np.arange(-1, -1, -1, dtype=np.int32)
                perm = _const_op(g, "int32", (0,), "perm", [])
            else:
                rank = len(a._dims)
                perm = list(range(rank - 1, -1, -1))
        return apply_op(g, "Transpose", scope, [a, perm])


def shape_internal(g: Graph, input, name=None, optimize=True, out_type=None) -> Tensor:  # noqa: A002
    """`array_ops.shape_internal`: in `Shape/`, a fully defined shape is a
    constant (`shape_as_tensor` when no out_type is given), else Shape."""
    g = graph_from_inputs(g, (input,))
    with name_scope(g, name, "Shape") as scope:
        input = convert_to_tensor(g, input)
        dims = input._dims
        if optimize and is_fully_defined(dims):
            if not out_type:
                dtype = "int64" if any(d >= 2**31 for d in dims) else "int32"
                return _const_op(g, dtype, (len(dims),), "shape_as_tensor", list(dims))
            return convert_to_tensor(g, list(dims), make_type(out_type, "out_type"), scope)
        out_type = "int32" if not out_type else make_type(out_type, "out_type")
        return apply_op(g, "Shape", scope, [input], {"out_type": out_type}, out_dtype=out_type)


def shape(g: Graph, input, name=None, out_type=None) -> Tensor:  # noqa: A002
    """`array_ops.shape` (v1): `out_type` int32 unless given."""
    return shape_internal(g, input, name, True, out_type or "int32")


def size(g: Graph, input, name=None, out_type="int32") -> Tensor:  # noqa: A002
    """`array_ops.size` (v1) -> `size_internal`: a constant for a fully
    defined shape (or one with a 0 dim), else Size."""
    g = graph_from_inputs(g, (input,))
    with name_scope(g, name, "Size") as scope:
        input = convert_to_tensor(g, input)
        out_type = make_type(out_type, "out_type")
        dims = input._dims
        if is_fully_defined(dims):
            return convert_to_tensor(g, num_elements(dims), out_type, scope)
        if dims and any(d == 0 for d in dims):
            return convert_to_tensor(g, 0, out_type, scope)
        return apply_op(g, "Size", scope, [input], {"out_type": out_type}, out_dtype=out_type)


def rank(g: Graph, input, name=None) -> Tensor:  # noqa: A002
    """`array_ops.rank` -> `rank_internal`: a constant for a known rank, else Rank."""
    g = graph_from_inputs(g, (input,))
    with name_scope(g, name, "Rank") as scope:
        input = convert_to_tensor(g, input)
        if input._dims is not None:
            return convert_to_tensor(g, len(input._dims), "int32", scope)
        return apply_op(g, "Rank", scope, [input])


def tile(g: Graph, input, multiples, name=None) -> Tensor:  # noqa: A002
    """`gen_array_ops.tile` (`Tile/multiples`)."""
    return apply_op(g, "Tile", name, [input, multiples])


def gather(g: Graph, params, indices, validate_indices=None, name=None, axis=None,
           batch_dims=0) -> Tensor:
    """`array_ops.gather` (v1): GatherV2 with its axis (`GatherV2/axis`)."""
    if axis is None:
        axis = batch_dims
    attrs = {"batch_dims": make_int(batch_dims, "batch_dims")}
    axis_value = constant_value(axis) if isinstance(axis, Tensor) else axis
    if axis_value == 0 and isinstance(params, BaseResourceVariable):
        return resource_sparse_read(g, params, indices, name)
    return apply_op(g, "GatherV2", name, [params, indices, axis], attrs)


def resource_sparse_read(g: Graph, var, indices, name=None) -> Tensor:
    """`BaseResourceVariable.sparse_read` (what `gather` tries first): in
    `Gather/`, `gen_resource_variable_ops.resource_gather` of the handle."""
    g = graph_from_inputs(g, (var.handle,))
    with name_scope(g, "Gather" if name is None else name) as scope:
        attrs = {"batch_dims": 0, "validate_indices": True, "dtype": var._dt}
        return apply_op(g, "ResourceGather", scope, [var.handle, indices], attrs,
                        out_dtype=var._dt)


def _fill_of_tensor(g: Graph, shape_t: Tensor, value, dtype: str, scope: str) -> Tensor:
    """`zeros`/`ones` of a shape tensor: a `Const` of the value and a Fill
    named by the scope."""
    if not shape_t._dims:
        shape_t = reshape(g, shape_t, [-1])
    fill_value = convert_to_tensor(g, value, dtype)
    return apply_op(g, "Fill", scope, [shape_t, fill_value])


def zeros_or_ones(g: Graph, which: str, shape, dtype="float32", name=None) -> Tensor:
    """`array_ops.zeros` / `ones`: a static shape is one Const when small,
    else `shape_as_tensor` and a Fill; a shape tensor is a Fill of it."""
    dtype = make_type(dtype, "dtype")
    if isinstance(shape, Tensor):
        value = (which == "ones") if dtype == "bool" else (1 if which == "ones" else 0)
        if dtype == "string":
            value = "" if which == "zeros" else 1
        g = graph_from_inputs(g, (shape,))
        with name_scope(g, name, which) as scope:
            return _fill_of_tensor(g, shape, value, dtype, scope)
    # Any other shape: `_constant_if_small` of the list as given (its dims
    # int()-ed by make_tensor_proto), else shape_as_tensor, else int32.
    return _small_or_fill(g, which, shape, dtype, name)


def zeros_like(g: Graph, tensor, dtype=None, name=None, optimize=True) -> Tensor:
    """`array_ops.zeros_like` (v1) -> `zeros_like_impl` -> `array_like_impl`:
    a fully defined shape is `zeros` of it (of `dtype` or the tensor's),
    else another dtype is `zeros` of `shape_internal`, else ZerosLike."""
    g = graph_from_inputs(g, (tensor,))
    with name_scope(g, name, "zeros_like") as scope:
        if not isinstance(tensor, Tensor):
            tensor = convert_to_tensor(g, tensor, name="tensor")
        dtype = None if dtype is None else make_type(dtype, "dtype")
        if optimize and is_fully_defined(tensor._dims):      # `array_like_impl`
            return zeros_or_ones(g, "zeros", tensor.shape, dtype or tensor._dt, scope)
        if dtype is not None and dtype != tensor._dt:
            return zeros_or_ones(g, "zeros", shape_internal(g, tensor, optimize=optimize),
                                 dtype, scope)
        return apply_op(g, "ZerosLike", scope, [tensor])


def ones_like(g: Graph, tensor, dtype=None, name=None, optimize=True) -> Tensor:
    """`array_ops.ones_like` (v1) -> `ones_like_impl`: `ones` of
    `shape_internal(tensor)`, its static shape set from the tensor's."""
    g = graph_from_inputs(g, (tensor,))
    with name_scope(g, name, "ones_like") as scope:
        tensor = convert_to_tensor(g, tensor, name="tensor")
        ones_shape = shape_internal(g, tensor, optimize=optimize)
        dtype = tensor._dt if dtype is None else make_type(dtype, "dtype")
        ret = zeros_or_ones(g, "ones", ones_shape, dtype, scope)
        ret._dims = tensor._dims if ret._dims is None else ret._dims
        if tensor._dims is not None and ret._dims is not None:
            ret._dims = tuple(a if a is not None else b for a, b in zip(ret._dims, tensor._dims))
        return ret


def fill(g: Graph, dims, value, name=None) -> Tensor:
    """`array_ops.fill` -> `gen_array_ops.fill` (`Fill/dims`, `Fill/value`)."""
    return apply_op(g, "Fill", name, [dims, value])


_RANGE_HIERARCHY = ("int32", "int64", "float16", "bfloat16", "float32", "float64")


def range_(g: Graph, start, limit=None, delta=1, dtype=None, name="range") -> Tensor:
    """`math_ops.range`: in `range/`, Python bounds become `start`, `limit`,
    `delta`; the widest of their dtypes (or `dtype`) casts all three."""
    if limit is None:
        start, limit = 0, start
    g = graph_from_inputs(g, (start, limit, delta))
    with name_scope(g, name, "Range") as scope:
        dt = None if dtype is None else make_type(dtype, "dtype")
        if not isinstance(start, Tensor):
            start = convert_to_tensor(g, start, dt, name="start")
        if not isinstance(limit, Tensor):
            limit = convert_to_tensor(g, limit, dt, name="limit")
        if not isinstance(delta, Tensor):
            delta = convert_to_tensor(g, delta, dt, name="delta")
        if dt is None:
            # TensorFlow's bare `assert` of the dtypes: an AssertionError with no message.
            if not all(t._dt in _RANGE_HIERARCHY for t in (start, limit, delta)):
                raise AssertionError()
            dt = max((t._dt for t in (start, limit, delta)), key=_RANGE_HIERARCHY.index)
        start, limit, delta = (cast(g, t, dt) for t in (start, limit, delta))
        return apply_op(g, "Range", scope, [start, limit, delta])


def one_hot(g: Graph, indices, depth, on_value=None, off_value=None, axis=None, dtype=None,
            name=None) -> Tensor:
    """`array_ops.one_hot`: in `one_hot/`, given on/off values are converted
    (`Const`, `Const_1`) and fix the dtype; missing ones are `on_value` (1)
    and `off_value` (0) of it (float32 by default)."""
    g = graph_from_inputs(g, (indices, depth, on_value, off_value))
    with name_scope(g, name, "one_hot") as scope:
        dt = None if dtype is None else make_type(dtype, "dtype")
        on_exists, off_exists = on_value is not None, off_value is not None
        if on_exists:
            on_value = convert_to_tensor(g, on_value, dtype_hint=dt)
        if off_exists:
            off_value = convert_to_tensor(g, off_value, dtype_hint=dt)
        if on_exists or off_exists:
            if dt is not None:
                if on_exists and on_value._dt != dt:
                    raise TFTypeError(f"dtype <dtype: '{on_value._dt}'> of on_value does not "
                                      f"match dtype parameter <dtype: '{dt}'>")
                if off_exists and off_value._dt != dt:
                    raise TFTypeError(f"dtype <dtype: '{off_value._dt}'> of off_value does not "
                                      f"match dtype parameter <dtype: '{dt}'>")
            else:
                dt = on_value._dt if on_exists else off_value._dt
            if on_exists and off_exists and on_value._dt != off_value._dt:
                raise TFTypeError(f"dtype <dtype: '{on_value._dt}'> of on_value does not match "
                                  f"dtype <dtype: '{off_value._dt}'> of off_value")
        else:
            dt = dt or "float32"
        if not on_exists:
            on_value = convert_to_tensor(g, 1, dt, name="on_value")
        if not off_exists:
            off_value = convert_to_tensor(g, 0, dt, name="off_value")
        attrs = {"axis": make_int(-1 if axis is None else axis, "axis")}
        return apply_op(g, "OneHot", scope, [indices, depth, on_value, off_value], attrs)


def where(g: Graph, condition, x=None, y=None, name=None, v2=False) -> Tensor:
    """`array_ops.where` (v1: Select) / `where_v2` (SelectV2); no x and y is
    Where in `Where/` (the condition preferring bool)."""
    if x is None and y is None:
        g = graph_from_inputs(g, (condition,))
        with name_scope(g, name, "Where") as scope:
            condition = convert_to_tensor(g, condition, name="condition", dtype_hint="bool")
            return apply_op(g, "Where", scope, [condition])
    if x is not None and y is not None:
        return apply_op(g, "SelectV2" if v2 else "Select", name, [condition, x, y])
    raise TFValueError("x and y must both be non-None or both be None.")


def slice_(g: Graph, input_, begin, size, name=None) -> Tensor:
    """`array_ops.slice` -> `gen_array_ops._slice` (`Slice/begin`, `Slice/size`)."""
    return apply_op(g, "Slice", name, [input_, begin, size])


def pad(g: Graph, tensor, paddings, mode="CONSTANT", name=None, constant_values=0) -> Tensor:
    """`array_ops.pad`: CONSTANT with a zero Python value is Pad, else PadV2;
    REFLECT and SYMMETRIC are MirrorPad."""
    mode = mode.upper()
    if mode == "CONSTANT":
        if not isinstance(constant_values, Tensor) and isinstance(constant_values,
                                                                  (int, float, bool)) \
                and constant_values == 0:
            return apply_op(g, "Pad", name, [tensor, paddings])
        return apply_op(g, "PadV2", name, [tensor, paddings, constant_values])
    if mode in ("REFLECT", "SYMMETRIC"):
        return apply_op(g, "MirrorPad", name, [tensor, paddings], {"mode": StrAttr(mode)})
    raise TFValueError('Value of argument `mode` expected to be one of "CONSTANT", "REFLECT", '
                       f'or "SYMMETRIC". Received `mode` = {mode}')


_ = value_shape


def sequence_mask(g: Graph, lengths, maxlen=None, dtype="bool", name=None) -> Tensor:
    """`array_ops.sequence_mask`: in `SequenceMask/` (ops by their default
    names), `maxlen` is `Max` of all the lengths (at least 0, `Maximum`)
    unless given; `Range` below it compared (`Less`) with the lengths
    expanded and cast; cast to `dtype` unless bool."""
    from .math import compare
    from .math_fns import all_dimensions
    g = graph_from_inputs(g, (lengths, maxlen))
    with name_scope(g, name, "SequenceMask"):
        lengths = convert_to_tensor(g, lengths)
        if maxlen is None:
            maxlen = apply_op(g, "Max", None, [lengths, all_dimensions(g, lengths)],
                              {"keep_dims": False})
            maxlen = apply_op(g, "Maximum", None,
                              [convert_to_tensor(g, 0, maxlen._dt), maxlen])
        else:
            maxlen = convert_to_tensor(g, maxlen)
        if maxlen._dims is not None and len(maxlen._dims) != 0:
            raise TFValueError(f"Argument `maxlen` must be scalar for sequence_mask, received "
                               f"`maxlen` = {maxlen} with shape '{maxlen.shape}' instead")
        row_vector = apply_op(g, "Range", None, [convert_to_tensor(g, 0, maxlen._dt), maxlen,
                                                 convert_to_tensor(g, 1, maxlen._dt)])
        matrix = apply_op(g, "Cast", None, [expand_dims(g, lengths, -1)],
                          {"DstT": maxlen._dt, "Truncate": False}, out_dtype=maxlen._dt)
        result = compare(g, "Less", row_vector, matrix)
        if dtype is None or dtype == "bool":
            return result
        return apply_op(g, "Cast", None, [result], {"DstT": dtype, "Truncate": False},
                        out_dtype=dtype)
