"""The C++ shape functions of the array and math ops of issue 8.

Mirrors `core/ops/array_ops.cc` (Reshape's `SetOutputShapeForReshape`,
ConcatV2's `ConcatShapeHelper`, Pack, Unpack, Split, SplitV, ExpandDims,
Squeeze, Transpose, Shape, Tile, GatherV2, Fill, Range, OneHot, Where,
Select, Slice, Pad), `core/ops/math_ops.cc` (the reductions' `ReductionShape`,
ArgMax, AddN) and `InferenceContext::MakeShapeFromShapeTensor` (a shape
tensor evaluated as far as it can be: a Const, a Pack of scalars, a Shape
op).  Each is registered in `shape_inference.SHAPE_FNS` under the name its
OpDef gives (`opdefs_array.py`) and is called as fn(inputs, attrs, error).
"""

from __future__ import annotations

from ..errors import TFValueError
from .shape_inference import SHAPE_FNS, broadcast_shape, merge, merge_shapes, with_rank
from .shape_inference import constant_value as _constant_value
from .shapes import as_list_text


def _lists(value):
    if isinstance(value, (list, tuple)):
        return [_lists(v) for v in value]
    return value


def constant_value(t):
    """`shape_inference.constant_value`, nested tuples as lists, and a
    ConcatV2 of known vectors on axis 0."""
    op = t._op
    if op._type == "ConcatV2":
        parts = [constant_value(i) for i in op._inputs[:-1]]
        if _constant_value(op._inputs[-1]) == 0 and all(isinstance(p, list) for p in parts):
            return [v for p in parts for v in p]
        return None
    return _lists(_constant_value(t))


def _register(name: str):
    def wrap(fn):
        SHAPE_FNS[name] = fn
        return fn
    return wrap


def _context(error, context: str):
    """`TF_RETURN_WITH_CONTEXT_IF_ERROR`: the message gains "\\n\\t<context>"."""
    def with_context(message, computed=None, partial=None):
        return error(f"{message}\n\t{context}", computed, partial)
    return with_context


def shape_from_tensor(t, error):
    """`MakeShapeFromShapeTensor` over `ShapeRefiner::ConstantPartialShape`:
    the tensor must be rank 1; a known value gives its dims (-1 unknown,
    below -1 an error); a Shape op its input's dims; a Pack its scalars'
    values (a StridedSlice of a Shape picks a known dim); a ConcatV2 its
    parts; a StridedSlice of a Shape a slice of the dims; else unknown dims
    of the tensor's length (None: unknown rank).  Returns (dims, whether
    they came from the tensor's value or partial shape, which an error of
    the shape function's rerun quotes)."""
    dims = with_rank(t._dims, 1, error)
    value = constant_value(t)
    if isinstance(value, list):
        out = []
        for v in value:
            if not isinstance(v, int) or v == -1:
                out.append(None)
            elif v < -1:
                raise TFValueError(f"Invalid value in tensor used for shape: {v}")
            else:
                out.append(v)
        return tuple(out), True
    partial = _partial_shape(t)
    if partial is not None:
        return partial, True
    if dims is None or dims[0] is None:
        return None, False
    return (None,) * dims[0], False


def _partial_shape(t):
    """`ConstantPartialShape` of the ops it knows (None when it cannot)."""
    op = t._op
    kind = op._type
    if kind == "Shape":
        return op._inputs[0]._dims
    if kind == "Cast":
        return _partial_shape(op._inputs[0])
    if kind == "Pack":
        out = []
        for element in op._inputs:
            v = constant_value(element)
            out.append(v if isinstance(v, int) and v >= 0 else None)
        return tuple(out)
    if kind == "ConcatV2":
        if _constant_value(op._inputs[-1]) not in (0, -1):
            return None
        out = ()
        for part in op._inputs[:-1]:
            value = constant_value(part)
            if isinstance(value, list):
                piece = tuple(None if not isinstance(v, int) or v < 0 else v for v in value)
            else:
                piece = _partial_shape(part)
                if piece is None:
                    length = None if part._dims is None or len(part._dims) != 1 \
                        else part._dims[0]
                    if length is None:
                        return None
                    piece = (None,) * length
            out += piece
        return out
    if kind == "StridedSlice" and op._inputs[0]._op._type == "Shape":
        return _sliced_dims(op)
    return None


def _slice_spec(op):
    begin, end, strides = (constant_value(i) for i in op._inputs[1:])
    if not all(isinstance(v, list) and len(v) == 1 for v in (begin, end, strides)):
        return None
    attrs = op._attr_dict() or {}
    if attrs.get("ellipsis_mask") or attrs.get("new_axis_mask"):
        return None
    return begin[0], end[0], strides[0], attrs


def _sliced_dims(op):
    """`PartialStridedSliceShape`: a rank-1 slice of a Shape's dims."""
    spec = _slice_spec(op)
    dims = op._inputs[0]._op._inputs[0]._dims
    if spec is None or dims is None or spec[3].get("shrink_axis_mask"):
        return None
    begin, end, stride, attrs = spec
    start = None if attrs.get("begin_mask") & 1 else begin
    stop = None if attrs.get("end_mask") & 1 else end
    return tuple(dims[slice(start, stop, stride)])


def _num_elements(dims):
    """`InferenceContext::NumElements`: known when every dim is, or 0 when one is 0."""
    if dims is None:
        return None
    if any(d == 0 for d in dims):
        return 0
    if any(d is None for d in dims):
        return None
    n = 1
    for d in dims:
        n *= d
    return n


@_register("reshape")
def reshape_shape(inputs, attrs, error):
    """`SetOutputShapeForReshape`.  An error quotes the shape tensor's
    value as a partial shape, except when the tensor is known to be empty:
    its shape alone gives the scalar target, so the shape function fails on
    its first run, before ShapeRefiner hands it the tensor."""
    in_dims = inputs[0]._dims
    out, from_value = shape_from_tensor(inputs[1], error)
    partial = {1: out} if from_value and out is not None and inputs[1]._dims != (0,) else None
    if in_dims is None or out is None:
        return out
    n_in, n_out = _num_elements(in_dims), _num_elements(out)
    if n_in is not None and n_out is not None:
        if n_in != n_out:
            raise error(f"Cannot reshape a tensor with {n_in} elements to shape "
                        f"{as_list_text(out)} ({n_out} elements)", partial=partial)
        return out
    known_out, out_unknown, too_many = 1, -1, False
    for i, d in enumerate(out):
        if d is None:
            too_many = too_many or out_unknown >= 0
            out_unknown = i
        else:
            known_out *= d
    known_in, in_unknown = 1, -1
    for i, d in enumerate(in_dims):
        if d is None:
            too_many = too_many or in_unknown >= 0
            in_unknown = i
        else:
            known_in *= d
    if too_many:
        return out
    if in_unknown < 0 and out_unknown >= 0 and known_out > 0:
        if known_in % known_out:
            raise error(f"Dimension size must be evenly divisible by {known_out} but is "
                        f"{known_in}", partial=partial)
        return out[:out_unknown] + (known_in // known_out,) + out[out_unknown + 1:]
    if in_unknown >= 0 and out_unknown < 0 and known_in != 0:
        if known_out % known_in:
            raise error(f"Dimension size must be evenly divisible by {known_in} but is "
                        f"{known_out}", partial=partial)
    return out


def _merge_or_unknown(a, b, error):
    return merge_shapes(a, b, error)


@_register("concat")
def concat_shape(inputs, attrs, error):
    """`ConcatShapeHelper` (ConcatV2: the axis is the last input): the known
    ranks must agree; an unknown axis gives unknown dims of that rank; else
    the inputs, from the last, must have rank > axis, their dims before and
    after the axis merge and the axis dims add up."""
    values, axis_t = inputs[:-1], inputs[-1]
    with_rank(axis_t._dims, 0, error)
    # The first run (the axis not handed over yet): the first known rank
    # decides; a scalar there is the error before the others are checked.
    rank = next((len(t._dims) for t in values if t._dims is not None), None)
    if rank == 0:
        raise error("Can't concatenate scalars (use tf.stack instead)")
    if rank is not None:
        for t in values:
            with_rank(t._dims, rank, error)
    axis = constant_value(axis_t)
    if not isinstance(axis, int):
        return None if rank is None else (None,) * rank
    computed = {len(inputs) - 1: axis}
    min_rank = -axis if axis < 0 else axis + 1

    def split(dims):
        if dims is None:
            return None, None, None
        if len(dims) < min_rank:
            raise error(f"Shape must be at least rank {min_rank} but is rank {len(dims)}",
                        computed)
        after = () if axis == -1 else dims[axis + 1:]
        return dims[:axis], dims[axis], after

    before, middle, after = split(values[-1]._dims)
    for t in reversed(values[:-1]):
        b, m, a = split(t._dims)
        before = merge_shapes(b, before, lambda msg: error(msg, computed))
        middle = None if m is None or middle is None else m + middle
        after = merge_shapes(a, after, lambda msg: error(msg, computed))
    if before is None or after is None:
        return None
    return tuple(before) + (middle,) + tuple(after)


@_register("pack")
def pack_shape(inputs, attrs, error):
    """Pack: the inputs merged from the last ("From merging shape i with
    other shapes."), then N inserted at `axis`."""
    cur = inputs[-1]._dims
    for i in range(len(inputs) - 2, -1, -1):
        cur = merge_shapes(inputs[i]._dims, cur,
                           _context(error, f"From merging shape {i} with other shapes."))
    if cur is None:
        return None
    axis = attrs.get("axis", 0)
    rank = len(cur)
    if axis < -(rank + 1) or axis > rank:
        raise error(f"Invalid axis: {axis}; must be in [{-(rank + 1)},{rank + 1})")
    if axis < 0:
        axis += rank + 1
    return tuple(cur[:axis]) + (len(inputs),) + tuple(cur[axis:])


@_register("add_n")
def add_n_shape(inputs, attrs, error):
    """AddN: the inputs merged from the last (unknown ranks skipped)."""
    cur = inputs[-1]._dims
    for i in range(len(inputs) - 2, -1, -1):
        if inputs[i]._dims is not None:
            cur = merge_shapes(inputs[i]._dims, cur,
                               _context(error, f"From merging shape {i} with other shapes."))
    return cur


@_register("unpack")
def unpack_shape(inputs, attrs, error):
    """Unpack: the input without its `axis` dim, `num` times."""
    dims = inputs[0]._dims
    num = attrs["num"]
    if dims is None:
        return [None] * num
    axis = attrs["axis"]
    rank = len(dims)
    if axis < -rank or axis >= rank:
        raise error(f"Invalid axis: {axis}; must be in [{-rank},{rank})")
    if axis < 0:
        axis += rank
    if dims[axis] is not None and dims[axis] != num:
        raise error(f"Dimension must be {num} but is {dims[axis]}")
    return [tuple(dims[:axis]) + tuple(dims[axis + 1:])] * num


def _split_axis(dims, split_dim, error, computed):
    """The split dim in [-rank, rank) (`MakeDimForScalarInput`'s words)."""
    rank = len(dims)
    if split_dim < -rank or split_dim >= rank:
        raise error(f"Dimension size, given by scalar input {split_dim} must be in range "
                    f"[-{rank}, {rank})", computed)
    return split_dim + rank if split_dim < 0 else split_dim


@_register("split")
def split_shape(inputs, attrs, error):
    """Split (`split_dim`, `value`): the split dim divided evenly."""
    num = attrs["num_split"]
    if num < 1:          # `_apply_op_helper`'s attr minimum
        raise TFValueError(f"Attr 'num_split' of 'Split' Op passed {num} less than minimum 1.")
    dims = inputs[1]._dims
    split_dim = constant_value(inputs[0])
    if not isinstance(split_dim, int):
        return [None if dims is None else (None,) * len(dims)] * num
    if dims is None:
        return [None] * num
    computed = {0: split_dim}
    axis = _split_axis(dims, split_dim, error, computed)
    size = dims[axis]
    if size is not None:
        if size % num:
            raise error(f"Dimension size must be evenly divisible by {num} but is {size}\n\t"
                        f"Number of ways to split should evenly divide the split dimension",
                        computed)
        size //= num
    return [tuple(dims[:axis]) + (size,) + tuple(dims[axis + 1:])] * num


@_register("split_v")
def split_v_shape(inputs, attrs, error):
    """SplitV (`value`, `size_splits`, `split_dim`): one output per size, a
    -1 size taking what the others leave.  A scalar value fails on the
    first run ("Can't split scalars", nothing computed yet); later errors
    quote both tensors the function reads, the sizes when they are known."""
    num = attrs["num_split"]
    dims = inputs[0]._dims
    split_dim = constant_value(inputs[2])
    sizes = constant_value(inputs[1])
    if dims is not None and len(dims) == 0:
        raise error("Can't split scalars")
    if dims is None:
        return [None] * num
    if not isinstance(split_dim, int):
        return [(None,) * len(dims)] * num
    computed = {2: split_dim}
    if isinstance(sizes, list):
        computed = {1: sizes, 2: split_dim}
    axis = _split_axis(dims, split_dim, error, computed)
    if not isinstance(sizes, list):
        return [tuple(dims[:axis]) + (None,) + tuple(dims[axis + 1:])] * num
    if sizes.count(-1) > 1:
        raise error("size_splits can only have one -1", computed)
    size = dims[axis]
    known = [s for s in sizes if s != -1]
    out = list(sizes)
    if size is not None:
        if -1 not in sizes:
            if sum(known) != size:
                raise error(f"can't split axis of size {size} into pieces of size "
                            f"[{','.join(str(s) for s in sizes)}]", computed)
        else:
            out[sizes.index(-1)] = size - sum(known)
    return [tuple(dims[:axis]) + (None if s == -1 else s,) + tuple(dims[axis + 1:])
            for s in out]


@_register("expand_dims")
def expand_dims_shape(inputs, attrs, error):
    """ExpandDims: a 1 inserted at `dim` in [-rank-1, rank]."""
    dims = inputs[0]._dims
    dim = constant_value(inputs[1])
    if isinstance(dim, list):
        if len(dim) != 1:
            raise error("'dim' input must be a tensor with a single value", {1: dim})
        dim = dim[0]
    if dims is None or not isinstance(dim, int):
        return None
    rank = len(dims)
    if dim < -rank - 1 or dim > rank:
        raise error(f"dim {dim} not in the interval [{-rank - 1}, {rank}].", {1: dim})
    if dim < 0:
        dim += rank + 1
    return tuple(dims[:dim]) + (1,) + tuple(dims[dim:])


@_register("squeeze")
def squeeze_shape(inputs, attrs, error):
    """Squeeze: the listed dims (which must be 1), or every dim of size 1;
    an unknown dim is kept when listed dims are given and not it, else the
    shape is unknown."""
    dims = inputs[0]._dims
    if dims is None:
        return None
    rank = len(dims)
    wanted = set()
    squeeze_dims = attrs["squeeze_dims"]
    for i, d in enumerate(squeeze_dims):
        if d < -rank or d >= rank:
            raise error(f"squeeze_dims[{i}] not in [{-rank},{rank}).")
        wanted.add(d + rank if d < 0 else d)
    out = []
    for i, d in enumerate(dims):
        if d is None:
            if i in wanted:
                continue
            if not squeeze_dims:
                return None
        elif i in wanted:
            if d != 1:
                raise error(f"Can not squeeze dim[{i}], expected a dimension of 1, got {d}")
            continue
        elif not squeeze_dims and d == 1:
            continue
        out.append(d)
    return tuple(out)


@_register("transpose")
def transpose_shape(inputs, attrs, error):
    """`TransposeShapeFn`: the rank is the input's, else perm's length;
    an unknown input with a perm of fewer than 2 elements stays as it is;
    perm must be a vector of `rank` elements; a known perm picks the dims
    (only its first `rank` values are read, each in [-rank, rank)), else
    dims that are all the same known size are kept."""
    dims = inputs[0]._dims
    perm_shape = inputs[1]._dims
    perm = constant_value(inputs[1])
    perm = perm if isinstance(perm, list) else None
    perm_elems = _num_elements(perm_shape)
    if dims is None and perm is None and perm_elems is None:
        return None
    rank = len(dims) if dims is not None else perm_elems if perm_elems is not None else len(perm)
    if dims is None and rank < 2:
        return None
    with_rank(dims, rank, error)
    with_rank(perm_shape, 1, error)
    if perm_elems is not None and perm_elems != rank:
        raise error(f"Dimension must be {rank} but is {perm_elems}")
    if perm is None:
        if dims is not None and rank > 1 and all(d is not None and d == dims[0] for d in dims):
            return tuple(dims)
        return (None,) * rank
    out = []
    for p in perm[:rank]:
        if p >= rank or p < -rank:
            raise error(f"perm dim {p} is out of range of input rank {rank}", {1: perm})
        out.append(None if dims is None else dims[p])
    return tuple(out)


@_register("shape")
def shape_shape(inputs, attrs, error):
    """Shape: a vector of the input's rank."""
    dims = inputs[0]._dims
    return (None if dims is None else len(dims),)


@_register("scalar")
def scalar_shape(inputs, attrs, error):
    """Size, Rank: a scalar."""
    return ()


@_register("tile")
def tile_shape(inputs, attrs, error):
    """Tile: each known dim times its known multiple."""
    dims = inputs[0]._dims
    multiples, _ = shape_from_tensor(inputs[1], error)
    m_dims = inputs[1]._dims
    if dims is not None and m_dims is not None and m_dims[0] is not None \
            and m_dims[0] != len(dims):
        raise error(f"Shape must be rank {len(dims)} but is rank {m_dims[0]}")
    if multiples is None:
        return None if dims is None else (None,) * len(dims)
    if dims is None:
        return (None,) * len(multiples)
    return tuple(0 if m == 0 or d == 0 else None if d is None or m is None else d * m
                 for d, m in zip(dims, multiples))


@_register("resource_gather")
def resource_gather_shape(inputs, attrs, error):
    """ResourceGather: the indices' shape, then the variable's dims after
    the first (the handle's shape, from its VarHandleOp)."""
    handle, indices = inputs[0], inputs[1]._dims
    shape_attr = (handle._op._attr_dict() or {}).get("shape")
    var_dims = None if shape_attr is None else shape_attr.dims
    if indices is None or var_dims is None:
        return None
    return tuple(indices) + tuple(var_dims[1:])


@_register("gather_v2")
def gather_v2_shape(inputs, attrs, error):
    """GatherV2's shape function: params at least rank 1 and a scalar axis
    (checked before the axis is read); an unknown axis gives unknown dims of
    rank params + indices - 1 - batch_dims; a known one checks params' rank
    against it and indices' rank against batch_dims, then
    params[:axis] + indices[batch_dims:] + params[axis + 1:]."""
    params = with_rank(inputs[0]._dims, 1, error, at_least=True)
    indices = inputs[1]._dims
    with_rank(inputs[2]._dims, 0, error)
    axis = constant_value(inputs[2])
    batch_dims = attrs.get("batch_dims", 0)
    if not isinstance(axis, int):
        if params is None or indices is None:
            return None
        return (None,) * (len(params) + len(indices) - 1 - batch_dims)
    computed = {2: axis}

    def at_least(dims, rank):
        if dims is not None and len(dims) < rank:
            raise error(f"Shape must be at least rank {rank} but is rank {len(dims)}", computed)
    at_least(params, -axis if axis < 0 else axis + 1)
    at_least(indices, abs(batch_dims))
    if batch_dims < 0 and indices is not None:
        batch_dims += len(indices)
    at_least(params, batch_dims + 1)
    if params is None or indices is None:
        return None
    inner = () if axis == -1 else tuple(params[axis + 1:])
    return tuple(params[:axis]) + tuple(indices[batch_dims:]) + inner


@_register("fill")
def fill_shape(inputs, attrs, error):
    """Fill: the shape the `dims` tensor gives (value a scalar); a known
    negative dim is "Fill dimensions must be >= 0" (quoting the dims as
    partial shapes, -1 unknown; below -1 is "Invalid value in tensor used
    for shape")."""
    with_rank(inputs[1]._dims, 0, error)
    value = constant_value(inputs[0])
    if isinstance(value, list) and any(isinstance(v, int) and v < 0 for v in value):
        # The dims as a partial shape come first: below -1 is their error.
        shape_from_tensor(inputs[0], error)
        raise error("Fill dimensions must be >= 0", None,
                    {0: tuple(None if v == -1 else v for v in value)})
    dims, _ = shape_from_tensor(inputs[0], error)
    return dims


@_register("range")
def range_shape(inputs, attrs, error):
    """Range: a vector of ceil((limit - start) / delta) elements when all
    three are known."""
    for t, which in zip(inputs, ("start", "limit", "delta")):
        with_rank(t._dims, 0, lambda message: error(f"{message}\n\t for '{which}'"))
    start, limit, delta = (constant_value(t) for t in inputs)
    if any(not isinstance(v, (int, float)) for v in (start, limit, delta)):
        return (None,)
    computed = {0: start, 1: limit, 2: delta}
    if delta == 0:
        raise error("Requires delta != 0", computed)
    if delta > 0 and start > limit:
        raise error(f"Requires start <= limit when delta > 0: {start}/{limit}", computed)
    if delta < 0 and start < limit:
        raise error(f"Requires start >= limit when delta < 0: {start}/{limit}", computed)
    import math
    if isinstance(start, int) and isinstance(limit, int) and isinstance(delta, int):
        size = (abs(limit - start) + abs(delta) - 1) // abs(delta)
    else:
        size = math.ceil(abs((limit - start) / delta))
    return (max(size, 0),)


@_register("one_hot")
def one_hot_shape(inputs, attrs, error):
    """OneHot: `depth` (a non-negative scalar) inserted into the indices'
    shape at `axis`."""
    axis = attrs["axis"]
    if axis < -1:
        raise error("axis must be >= -1")
    depth = constant_value(inputs[1])
    if depth is not None:        # MakeDimForScalarInput of the depth's value
        if isinstance(depth, list):
            raise error(f"Input must be scalar but has rank {len(inputs[1]._dims)}", {1: depth})
        if isinstance(depth, int) and depth < 0:
            raise error(f"Dimension size, given by scalar input 1, must be non-negative but is "
                        f"{depth}", {1: depth})
    dims = inputs[0]._dims
    if dims is None:
        return None
    depth = depth if isinstance(depth, int) else None
    index = (axis + len(dims) + 1) % (len(dims) + 1)
    return tuple(dims[:index]) + (depth,) + tuple(dims[index:])


@_register("where")
def where_shape(inputs, attrs, error):
    """Where: (number of true elements, rank)."""
    dims = inputs[0]._dims
    return (None, None if dims is None else len(dims))


@_register("select")
def select_shape(inputs, attrs, error):
    """Select's shape function: t and e merged; a condition of unknown rank
    or rank 0 leaves that; of rank other than 1 (or with scalar t and e) it
    merges with them; a vector merges with their first dim."""
    cond, t, e = (i._dims for i in inputs)
    out = merge_shapes(t, e, error)
    if cond is None or out is None or len(cond) == 0:
        return out
    if len(cond) != 1 or len(out) == 0:
        return merge_shapes(out, cond, error)
    merge_shapes(cond, out[:1], error)
    return out


@_register("select_v2")
def select_v2_shape(inputs, attrs, error):
    """SelectV2: the three shapes broadcast."""
    cond, t, e = (i._dims for i in inputs)
    return broadcast_shape(cond, broadcast_shape(t, e, error), error)


@_register("slice")
def slice_shape(inputs, attrs, error):
    """Slice: each dim the known size (-1: the rest from begin)."""
    dims = inputs[0]._dims
    begin, size = constant_value(inputs[1]), constant_value(inputs[2])
    b_dims = with_rank(inputs[1]._dims, 1, error)
    s_dims = with_rank(inputs[2]._dims, 1, error)
    b_dims = merge_shapes(b_dims, s_dims, error)
    if dims is not None and b_dims is not None and b_dims[0] is not None:
        with_rank(dims, b_dims[0], error)
    if isinstance(size, list):
        shape_from_tensor(inputs[2], error)   # MakeShapeFromShapeTensor: below -1 is an error
        if dims is None:
            return tuple(None if s == -1 else s for s in size)
        out = []
        for i, s in enumerate(size):
            if s == -1:
                if isinstance(begin, list) and dims[i] is not None:
                    out.append(dims[i] - begin[i])
                else:
                    out.append(None)
            else:
                out.append(s)
        return tuple(out)
    if dims is not None:
        return (None,) * len(dims)
    if b_dims is not None and b_dims[0] is not None:
        return (None,) * b_dims[0]
    return None


@_register("pad")
def pad_shape(inputs, attrs, error):
    """`PadShapeFn` (Pad, PadV2, MirrorPad): paddings a matrix of
    [rank, 2]; each known dim plus its known paddings, which must be
    non-negative."""
    dims = inputs[0]._dims
    paddings = constant_value(inputs[1])
    p_dims = with_rank(inputs[1]._dims, 2, error)
    if p_dims is not None and p_dims[1] is not None and p_dims[1] != 2:
        raise error(f"Dimension must be 2 but is {p_dims[1]}")
    rank = None
    if p_dims is not None and p_dims[0] is not None:
        rank = p_dims[0]
    elif dims is not None:
        rank = len(dims)
    if rank is None:
        return None
    if dims is not None and len(dims) != rank:
        raise error(f"Shape must be rank {rank} but is rank {len(dims)}")
    if not isinstance(paddings, list):
        return (None,) * rank
    if any(p < 0 for pair in paddings for p in pair):
        raise error("Paddings must be non-negative", {1: paddings})
    if dims is None:
        return (None,) * rank
    return tuple(None if d is None else d + p[0] + p[1] for d, p in zip(dims, paddings))


@_register("reduction")
def reduction_shape(inputs, attrs, error):
    """`ReductionShape`: known indices (in [-rank, rank)) drop their dims or
    keep them as 1; unknown indices give an unknown shape (keep_dims: unknown
    dims of the rank); scalar when reducing all."""
    dims = inputs[0]._dims
    keep = attrs["keep_dims"]
    indices_t = inputs[1]
    if indices_t._dims is not None and len(indices_t._dims) > 1:
        raise error(f"Shape must be at most rank 1 but is rank {len(indices_t._dims)}")
    value = constant_value(indices_t)
    if value is None:
        idx_dims = indices_t._dims
        if idx_dims is not None and (idx_dims == (0,) or len(idx_dims) == 1 and idx_dims[0] == 0):
            return dims
        if keep and dims is not None:
            return (None,) * len(dims)
        return None
    if dims is None:
        return None
    indices = value if isinstance(value, list) else [value]
    rank = len(dims)
    wanted = set()
    for i in indices:
        if i < -rank or i >= rank:
            raise error(f"Invalid reduction dimension {i} for input with {rank} dimensions.",
                        {1: value})
        wanted.add(i + rank if i < 0 else i)
    out = []
    for i, d in enumerate(dims):
        if i in wanted:
            if keep:
                out.append(1)
        else:
            out.append(d)
    return tuple(out)


@_register("arg_min_max")
def arg_min_max_shape(inputs, attrs, error):
    """`ArgOpShape` (ArgMax, ArgMin): `dimension` must be a scalar; the
    input without the `dimension` dim."""
    with_rank(inputs[1]._dims, 0, error)
    dims = inputs[0]._dims
    dim = constant_value(inputs[1])
    if dims is None:
        return None
    if len(dims) <= 1:           # reducing a scalar or a vector: a scalar
        return ()
    if not isinstance(dim, int):
        return (None,) * (len(dims) - 1)
    rank = len(dims)
    if dim < -rank or dim >= rank:
        raise error(f"Dimension ({dim}) must be in the range [{-rank}, {rank}), where {rank} is "
                    f"the number of dimensions in the input.", {1: dim})
    if dim < 0:
        dim += rank
    return tuple(dims[:dim]) + tuple(dims[dim + 1:])


@_register("random")
def random_shape(inputs, attrs, error):
    """The random ops: the shape the `shape` tensor gives."""
    dims, _ = shape_from_tensor(inputs[0], error)
    return dims
