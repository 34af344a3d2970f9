"""The C++ shape functions of the math ops, and how their errors quote the node.

Mirrors `core/framework/common_shape_fns.cc` (`BroadcastBinaryOpOutputShapeFn`,
`MatMulShape`, `BatchMatMulV2Shape`, `UnchangedShape`) and
`InferenceContext::Merge` / `WithRank` (`core/framework/shape_inference.cc`),
with the "... for '{{node add}} = AddV2[T=DT_FLOAT](a/read, b/read)' with
input shapes: [2], [3]." suffix TensorFlow adds to a shape error.
"""

from __future__ import annotations

from ..errors import NotSimulated, TFValueError
from .constant_fold import fold
from .dtypes import dt_name
from .nodedef import StrAttr, float_text
from .shapes import Shape, as_list_text


#: Shape functions other modules register (`shapes_nn.py`, ...): the OpDef's
#: `shape_fn` name -> fn(inputs, attrs, error) returning the output shape.
SHAPE_FNS: dict = {}


def infer_shape(shape_fn: str, op_type: str, op_name: str, attrs: dict, inputs: list) -> Shape:
    """The output shape of a new op: `shape_fn` names the OpDef's shape
    function (`unchanged`, `broadcast`, `matmul`, `batch_matmul`,
    `placeholder`, `placeholder_with_default`, `pack`, `strided_slice`)."""
    registered = SHAPE_FNS.get(shape_fn)
    if registered is None and shape_fn == "unchanged":
        return inputs[0]._dims
    error = _shape_error(op_type, op_name, attrs, inputs)
    if registered is not None:
        return registered(inputs, attrs, error)
    shapes = [t._dims for t in inputs]
    if shape_fn == "broadcast":
        return broadcast_shape(shapes[0], shapes[1], error)
    if shape_fn == "matmul":
        return matmul_shape(shapes[0], shapes[1], attrs["transpose_a"], attrs["transpose_b"], error)
    if shape_fn == "placeholder":
        return attrs["shape"].dims
    if shape_fn == "placeholder_with_default":
        return placeholder_with_default_shape(shapes[0], attrs["shape"].dims, error)
    if shape_fn == "pack":
        return pack_shape(shapes, error)
    if shape_fn == "strided_slice":
        return strided_slice_shape(inputs, attrs, error)
    return batch_matmul_shape(shapes[0], shapes[1], attrs["adj_x"], attrs["adj_y"], error)


class _Refused(Exception):
    """A shape function's error in `try_infer_shape` (no message made)."""


def _refuse(message: str, computed=None, partial=None) -> _Refused:
    return _Refused()


def try_infer_shape(shape_fn: str, op_type: str, attrs: dict, inputs: list):
    """`(infer_shape(...),)` when the shape function succeeds, else None:
    for a caller that must know before it names the op (shape functions
    are pure; the caller then takes the general path, which raises the
    error with the node's name in it)."""
    try:
        registered = SHAPE_FNS.get(shape_fn)
        if registered is not None:
            return (registered(inputs, attrs, _refuse),)
        if shape_fn == "unchanged":
            return (inputs[0]._dims,)
        if shape_fn == "broadcast":
            return (broadcast_shape(inputs[0]._dims, inputs[1]._dims, _refuse),)
        if shape_fn == "matmul":
            a, b = inputs[0]._dims, inputs[1]._dims
            if a.__class__ is tuple and b.__class__ is tuple and len(a) == 2 and len(b) == 2:
                # `matmul_shape` of two matrices: the inner dims merge, or it fails
                transpose_a, transpose_b = attrs["transpose_a"], attrs["transpose_b"]
                inner_a = a[0] if transpose_a else a[1]
                inner_b = b[1] if transpose_b else b[0]
                if inner_a is not None and inner_b is not None and inner_a != inner_b:
                    return None
                return ((a[1] if transpose_a else a[0], b[0] if transpose_b else b[1]),)
            return (matmul_shape(a, b, attrs["transpose_a"], attrs["transpose_b"], _refuse),)
        return (infer_shape(shape_fn, op_type, "", attrs, inputs),)
    except (Exception, NotSimulated):
        return None


def _shape_error(op_type: str, op_name: str, attrs: dict, inputs: list):
    """The `error(message, computed, partial)` of a shape function: its
    ValueError, the node quoted after the message."""
    def error(message: str, computed=None, partial=None) -> TFValueError:
        return TFValueError(f"{message} for "
                            f"{node_text(op_type, op_name, attrs, inputs, computed, partial)}")
    return error


def _attr_text(value) -> str:
    """`SummarizeAttrValue`: a string attr quoted, a float shortest, a list in brackets."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, StrAttr):
        return f'"{value}"'
    if isinstance(value, float):
        return float_text(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_attr_text(v) for v in value) + "]"
    dims = getattr(value, "dims", False)
    if dims is not False:
        return "<unknown>" if dims is None else as_list_text(dims)
    return dt_name(value)


def _value_text(value) -> str:
    """A computed input tensor as the shape error shows it
    (`Tensor::SummarizeValue`: `<0 5>`, a matrix `<[0 0][-1 1]>`)."""
    def elements(v) -> str:
        if v and isinstance(v[0], list):
            return "".join(f"[{elements(row)}]" for row in v)
        return " ".join(str(x) for x in v)
    if isinstance(value, list):
        return f"<{elements(value)}>"
    return f"<{value}>"


def _control_inputs(inputs: list) -> list:
    """The control inputs the new node will have (its NodeDef's `^name`s):
    those of the enclosing `control_dependencies` blocks
    (`Graph._control_dependencies_for_inputs`)."""
    if not inputs:
        return []
    g = inputs[0]._op._graph
    return list(g._control_inputs_for(inputs)) if g._control_stack else []


def node_text(op_type: str, op_name: str, attrs: dict, inputs: list, computed=None,
              partial=None) -> str:
    """How a shape error quotes the node: attrs sorted by name, inputs by
    op name (`:n` for outputs after the first), then the input shapes and
    the input tensors the shape function evaluated (`computed`: index ->
    value)."""
    shown = [f"{key}={_attr_text(attrs[key])}" for key in sorted(attrs) if key[0] != "_"
             and key != "value"]
    names = ", ".join([t.op.name if t._value_index == 0 else t.name for t in inputs]
                      + [f"^{op.name}" for op in _control_inputs(inputs)])
    shapes = ", ".join(as_list_text(t._dims) for t in inputs)
    tail = ""
    if computed:
        tail = " and with computed input tensors: " + ", ".join(
            f"input[{i}] = {_value_text(computed[i])}" for i in sorted(computed))
    if partial:
        tail += " and with input tensors computed as partial shapes: " + ", ".join(
            f"input[{i}] = {as_list_text(partial[i])}" for i in sorted(partial))
    return (f"'{{{{node {op_name}}}}} = {op_type}[{', '.join(shown)}]({names})' "
            f"with input shapes: {shapes}{tail}.")


def constant_value(t):
    """`EvaluateConstantTensor` over the ops scopesim builds: a Const whose
    value is known, Pack, AddV2/Add, Sub, Mul, FloorDiv and FloorMod of scalars, Cast and Identity of known
    values, Max/Min of a known vector and Maximum/Minimum of scalars, a
    StridedSlice of a vector or a known dim of a Shape, Range of known bounds, ConcatV2 of
    vectors, and the vectors `constant_fold.fold` knows; None when the
    value cannot be computed."""
    op = t._op
    kind = op._type
    if kind == "Const":
        attrs = op._attr_dict()
        return None if attrs is None else attrs.get("value")
    folded = fold(t, constant_value)     # vectors of the composites' plumbing
    if folded is not None:
        return folded
    if kind == "Pack":
        values = [constant_value(i) for i in op._inputs]
        return None if any(v is None for v in values) else values
    if kind in ("AddV2", "Add"):
        x, y = constant_value(op._inputs[0]), constant_value(op._inputs[1])
        if isinstance(x, int) and isinstance(y, int):
            return x + y
        return None
    if kind == "Sub":
        x, y = constant_value(op._inputs[0]), constant_value(op._inputs[1])
        if isinstance(x, int) and isinstance(y, int):
            return x - y
        return None
    if kind in ("Mul", "FloorDiv"):
        x, y = constant_value(op._inputs[0]), constant_value(op._inputs[1])
        if _is_int(x) and _is_int(y) and (kind == "Mul" or y):
            return x * y if kind == "Mul" else x // y
        return None
    if kind == "FloorMod":
        x, y = constant_value(op._inputs[0]), constant_value(op._inputs[1])
        if isinstance(x, int) and isinstance(y, int) and y:
            return x % y
        return None
    if kind in ("Cast", "Identity"):
        return constant_value(op._inputs[0])
    if kind in ("Max", "Min"):
        return _extremum_value(op, max if kind == "Max" else min)
    if kind in ("Maximum", "Minimum"):
        x, y = constant_value(op._inputs[0]), constant_value(op._inputs[1])
        if _is_int(x) and _is_int(y):
            return max(x, y) if kind == "Maximum" else min(x, y)
        return None
    if kind == "StridedSlice":
        value = _strided_slice_value(op)
        return value if value is not None else _shape_slice_value(op)
    if kind == "Range":
        start, limit, delta = (constant_value(i) for i in op._inputs)
        if all(isinstance(v, int) for v in (start, limit, delta)) and delta:
            return list(range(start, limit, delta))
        return None
    if kind == "ConcatV2":
        parts = [constant_value(i) for i in op._inputs]
        if parts[-1] not in (0, -1) or any(
                not isinstance(p, list) or any(isinstance(v, list) for v in p)
                for p in parts[:-1]):
            return None
        return [v for p in parts[:-1] for v in p]
    return None


def _is_int(v) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _extremum_value(op, pick):
    """Max / Min of a known integer vector over its one axis, not kept (the
    `maxlen` of `sequence_mask`, evaluated as EvaluateConstantTensor does)."""
    values, axes = constant_value(op._inputs[0]), constant_value(op._inputs[1])
    if (op._attr_dict() or {}).get("keep_dims") or axes not in (0, -1, [0], [-1]):
        return None
    if not isinstance(values, list) or not values or not all(_is_int(v) for v in values):
        return None
    return pick(values)


def _shape_slice_value(op):
    """`EvaluateConstantTensor`'s shape slice: `shape(x)[i]` (a StridedSlice
    of a Shape shrinking one known index) is x's dim i when that is known.
    Its begin, end and strides must be Const ops (`shape(x)[rank(x) - 1]`
    or an index tensor is not inferred, as TF 2.21 does not)."""
    shape_op = op._inputs[0]._op
    if shape_op._type != "Shape" or any(i._op._type != "Const" for i in op._inputs[1:]):
        return None
    spec = [constant_value(i) for i in op._inputs[1:]]
    if not all(isinstance(v, list) and len(v) == 1 for v in spec):
        return None
    attrs = op._attr_dict() or {}
    if attrs.get("ellipsis_mask") or attrs.get("new_axis_mask") or \
            not attrs.get("shrink_axis_mask", 0) & 1:
        return None
    dims, index = shape_op._inputs[0]._dims, spec[0][0]
    if dims is None or not -len(dims) <= index < len(dims):
        return None
    return dims[index]


def _strided_slice_value(op):
    """A StridedSlice of a known vector by one known begin/end/stride (the
    `shape(x)[i]` of the nn functions): the element when the axis shrinks,
    else the Python slice; None otherwise (ellipsis, new axes, more dims)."""
    values = [constant_value(i) for i in op._inputs]
    if any(not isinstance(v, list) for v in values) or any(len(v) != 1 for v in values[1:]):
        return None
    attrs = op._attr_dict()
    if attrs.get("ellipsis_mask") or attrs.get("new_axis_mask"):
        return None
    vector, (begin,), (end,), (stride,) = values
    if attrs.get("shrink_axis_mask", 0) & 1:
        if not -len(vector) <= begin < len(vector):
            return None
        return vector[begin]
    begin = None if attrs.get("begin_mask", 0) & 1 else begin
    end = None if attrs.get("end_mask", 0) & 1 else end
    return vector[begin:end:stride]


def merge_shapes(a: Shape, b: Shape, error) -> Shape:
    """`InferenceContext::Merge` of two shapes."""
    if a is None:
        return b
    if b is None:
        return a
    if len(a) != len(b):
        raise error(f"Shapes must be equal rank, but are {len(a)} and {len(b)}")
    out = []
    for i, (x, y) in enumerate(zip(a, b)):
        if x is not None and y is not None and x != y:
            raise error(f"Dimension {i} in both shapes must be equal, but are {x} and {y}. "
                        f"Shapes are {as_list_text(a)} and {as_list_text(b)}.")
        out.append(x if x is not None else y)
    return tuple(out)


def placeholder_with_default_shape(input_shape: Shape, shape: Shape, error) -> Shape:
    """PlaceholderWithDefault's shape function: the attr shape, merged with
    the input's only to check them."""
    merge_shapes(input_shape, shape, error)
    return shape


def pack_shape(shapes: list, error) -> Shape:
    """Pack's shape function (axis 0): the inputs' merged shape, N in front."""
    merged = shapes[0]
    for other in shapes[1:]:
        merged = merge_shapes(merged, other, error)
    return None if merged is None else (len(shapes),) + tuple(merged)


_NEW_AXIS, _SHRINK_AXIS = -1, -2


def strided_slice_shape(inputs: list, attrs: dict, error) -> Shape:
    """StridedSlice's shape function and `ValidateStridedSliceOp`
    (`core/util/strided_slice_op.cc`): unknown rank, unknown spec length or
    unknown strides give an unknown shape; the sparse spec (an implicit
    ellipsis at its end) becomes a dense one over the input's dims; each
    dim's size is computed from the known begin/end (clamped, negative
    indices from the end; a shrunk index must be in range), else from the
    masks, else unknown.  Errors show the strides, and after the dense spec
    also the begin and end values, as computed input tensors."""
    input_shape = inputs[0]._dims
    spec_length = None
    for t in inputs[1:]:
        dims = with_rank(t._dims, 1, error)
        spec_length = merge(spec_length, None if dims is None else dims[0], error)
    strides = constant_value(inputs[3])
    if input_shape is None or spec_length is None or strides is None:
        return None
    computed = {3: strides}
    if not input_shape:
        raise error("Attempting to slice scalar input.", computed)
    begin_mask, end_mask = attrs["begin_mask"], attrs["end_mask"]
    ellipsis_mask, new_axis_mask = attrs["ellipsis_mask"], attrs["new_axis_mask"]
    shrink_mask = attrs["shrink_axis_mask"]
    if ellipsis_mask & (ellipsis_mask - 1):
        raise error("Multiple ellipses in slice spec not allowed", computed)
    sparse_dims = len(strides)
    if not ellipsis_mask:
        ellipsis_mask = 1 << sparse_dims
        sparse_dims += 1
    after_ellipsis = 0
    seen_ellipsis = False
    for i in range(sparse_dims):
        if seen_ellipsis and (new_axis_mask >> i) & 1:
            after_ellipsis += 1
        if (ellipsis_mask >> i) & 1:
            seen_ellipsis = True
    begin_value = constant_value(inputs[1])
    end_value = constant_value(inputs[2])
    rank = len(input_shape)
    # the dense spec: per input dim (begin, end, stride, begin masked, end masked, shrink)
    dense = []
    gather = []
    for i in range(sparse_dims):
        if (ellipsis_mask >> i) & 1:
            upto = min(rank - (sparse_dims - i) + 1 + after_ellipsis, rank)
            while len(dense) < upto:
                gather.append(len(dense))
                dense.append((0, 0, 1, True, True, False))
        elif (new_axis_mask >> i) & 1:
            gather.append(_NEW_AXIS)
        else:
            if len(dense) == rank:
                raise error(f"Index out of range using input dim {len(dense)}; input has only "
                            f"{rank} dims", computed)
            shrink = bool((shrink_mask >> i) & 1)
            gather.append(_SHRINK_AXIS if shrink else len(dense))
            dense.append((None if begin_value is None else begin_value[i],
                          None if end_value is None else end_value[i], strides[i],
                          bool((begin_mask >> i) & 1), bool((end_mask >> i) & 1), shrink))
    for i, entry in enumerate(dense):
        if entry[2] == 0:
            raise error(f"strides[{i}] must be non-zero", computed)
    if begin_value is not None:
        computed[1] = begin_value
    if end_value is not None:
        computed[2] = end_value
    known = begin_value is not None and end_value is not None
    sizes = []
    for i, (begin, end, stride, begin_masked, end_masked, shrink) in enumerate(dense):
        dim = input_shape[i]
        if dim is None:
            sizes.append(1 if shrink else None)
            continue
        if known:
            if shrink:
                forward = begin + dim if begin < 0 else begin
                if forward < 0 or forward >= dim:
                    raise error(f"slice index {forward} of dimension {i} out of bounds.", computed)
                begin, end = forward, forward + 1
            else:
                begin = _canonical(begin, begin_masked, 0, dim, stride)
                end = _canonical(end, end_masked, 1, dim, stride)
            length = end - begin
        elif shrink:
            length = 1
        elif begin_masked and end_masked:
            length = -dim if stride < 0 else dim
        else:
            sizes.append(None)
            continue
        if length == 0 or (length < 0) != (stride < 0):
            sizes.append(0)
        else:
            sizes.append(_ceil_div(length, stride))
    return tuple(1 if g == _NEW_AXIS else sizes[g] for g in gather if g != _SHRINK_AXIS)


def _ceil_div(length: int, stride: int) -> int:
    """C++'s `length / stride + (length % stride != 0)` (truncating division)."""
    q = abs(length) // abs(stride)
    r = abs(length) % abs(stride)
    return q + (1 if r else 0)


def _canonical(x: int, masked: bool, c: int, dim: int, stride: int) -> int:
    """`canonical` of ValidateStridedSliceOp: a masked bound is the end of
    the valid range the stride walks from; else negative counts from the end,
    clamped to the range."""
    valid = (0, dim) if stride > 0 else (-1, dim - 1)
    if masked:
        return valid[c] if stride > 0 else valid[(c + 1) & 1]
    forward = dim + x if x < 0 else x
    return max(valid[0], min(valid[1], forward))


def merge(a, b, error):
    """`InferenceContext::Merge` of two dims."""
    if a is not None and b is not None and a != b:
        raise error(f"Dimensions must be equal, but are {a} and {b}")
    return a if a is not None else b


def broadcast_shape(x: Shape, y: Shape, error) -> Shape:
    """`BroadcastBinaryOpOutputShapeFnHelper` (common_shape_fns.cc): numpy
    broadcasting from the right; an unknown dim gives way to a known one
    greater than 1, takes the other side's place against a 1, and stays
    unknown otherwise (against 0 too); unknown rank gives unknown rank."""
    if x is None or y is None:
        return None
    # the same shape, or a scalar on one side: that shape (the tuple itself)
    if x.__class__ is tuple and (not y or x == y):
        return x
    if not x and y.__class__ is tuple:
        return y
    # one shape the other's last dims (a bias): that shape, as the dims below
    # make it (a dim against 1 is itself, against an equal one too)
    if x.__class__ is tuple and y.__class__ is tuple:
        if len(y) < len(x):
            if x[len(x) - len(y):] == y:
                return x
        elif len(x) < len(y) and y[len(y) - len(x):] == x:
            return y
    rank = max(len(x), len(y))
    x = (1,) * (rank - len(x)) + tuple(x)
    y = (1,) * (rank - len(y)) + tuple(y)
    out = []
    for dx, dy in zip(x, y):
        if dx is None or dy is None:
            if dx is not None and dx > 1:
                out.append(dx)
            elif dy is not None and dy > 1:
                out.append(dy)
            elif dx == 1:
                out.append(dy)
            elif dy == 1:
                out.append(dx)
            else:
                out.append(None)
        elif dx == 1 or dy == 1:
            out.append(dy if dx == 1 else dx)
        else:
            out.append(merge(dx, dy, error))
    return tuple(out)


def with_rank(shape: Shape, rank: int, error, at_least: bool = False) -> Shape:
    """`WithRank` / `WithRankAtLeast`."""
    if shape is None:
        return None
    if len(shape) < rank or (not at_least and len(shape) != rank):
        raise error(f"Shape must be {'at least ' if at_least else ''}rank {rank} but is rank "
                    f"{len(shape)}")
    return shape


def matmul_shape(a: Shape, b: Shape, transpose_a: bool, transpose_b: bool, error) -> Shape:
    """`MatMulShape`: both rank 2, inner dims merged."""
    a = with_rank(a, 2, error) or (None, None)
    b = with_rank(b, 2, error) or (None, None)
    rows = a[1] if transpose_a else a[0]
    cols = b[0] if transpose_b else b[1]
    merge(a[0] if transpose_a else a[1], b[1] if transpose_b else b[0], error)
    return (rows, cols)


def batch_matmul_shape(a: Shape, b: Shape, adj_x: bool, adj_y: bool, error) -> Shape:
    """`BatchMatMulV2Shape`: rank at least 2, inner dims merged, then the
    batch dims broadcast."""
    a = with_rank(a, 2, error, at_least=True)
    b = with_rank(b, 2, error, at_least=True)
    a_rows, a_cols = (None, None) if a is None else a[-2:]
    b_rows, b_cols = (None, None) if b is None else b[-2:]
    rows = a_cols if adj_x else a_rows
    cols = b_rows if adj_y else b_cols
    merge(a_rows if adj_x else a_cols, b_cols if adj_y else b_rows, error)
    batch = broadcast_shape(None if a is None else a[:-2], None if b is None else b[:-2], error)
    return None if batch is None else batch + (rows, cols)
