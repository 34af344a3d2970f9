"""The C++ shape functions of the math ops, and how their errors quote the node.

Mirrors `core/framework/common_shape_fns.cc` (`BroadcastBinaryOpOutputShapeFn`,
`MatMulShape`, `BatchMatMulV2Shape`, `UnchangedShape`) and
`InferenceContext::Merge` / `WithRank` (`core/framework/shape_inference.cc`),
with the "... for '{{node add}} = AddV2[T=DT_FLOAT](a/read, b/read)' with
input shapes: [2], [3]." suffix TensorFlow adds to a shape error.
"""

from __future__ import annotations

from ..errors import TFValueError
from .dtypes import dt_name
from .shapes import Shape, as_list_text


def infer_shape(shape_fn: str, op_type: str, op_name: str, attrs: dict, inputs: list) -> Shape:
    """The output shape of a new op: `shape_fn` is one of `unchanged`,
    `broadcast`, `matmul`, `batch_matmul` (the OpDef's shape function)."""
    def error(message: str) -> TFValueError:
        return TFValueError(f"{message} for {node_text(op_type, op_name, attrs, inputs)}")

    shapes = [t._dims for t in inputs]
    if shape_fn == "unchanged":
        return shapes[0]
    if shape_fn == "broadcast":
        return broadcast_shape(shapes[0], shapes[1], error)
    if shape_fn == "matmul":
        return matmul_shape(shapes[0], shapes[1], attrs["transpose_a"], attrs["transpose_b"], error)
    return batch_matmul_shape(shapes[0], shapes[1], attrs["adj_x"], attrs["adj_y"], error)


def node_text(op_type: str, op_name: str, attrs: dict, inputs: list) -> str:
    """How a shape error quotes the node: attrs sorted by name, inputs by
    op name (`:n` for outputs after the first), then the input shapes."""
    shown = []
    for key in sorted(attrs):
        value = attrs[key]
        shown.append(f"{key}={str(value).lower() if isinstance(value, bool) else dt_name(value)}")
    names = ", ".join(t.op.name if t._value_index == 0 else t.name for t in inputs)
    shapes = ", ".join(as_list_text(t._dims) for t in inputs)
    return (f"'{{{{node {op_name}}}}} = {op_type}[{', '.join(shown)}]({names})' "
            f"with input shapes: {shapes}.")


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
