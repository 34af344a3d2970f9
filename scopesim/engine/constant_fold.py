"""More of `EvaluateConstantTensor` (shape_refiner.cc): TensorFlow's shape
inference runs small subgraphs of known values to learn a shape tensor or
an index tensor.  `shape_inference.constant_value` covers scalars; this
module folds the integer and bool vectors of the composite ops' plumbing
(softmax's wrapped axis, tensordot's `ListDiff`/`Select` permutations and `GatherV2`/`Prod`
shapes, a partitioned embedding_lookup's `FloorMod`/`DynamicPartition`
indices): elementwise arithmetic and comparisons (scalars, or with a
scalar broadcast),
`Select`, `ListDiff`, `GatherV2` of a vector, `Prod`/`Sum` of a vector,
`Reshape` to a vector, `DynamicPartition`, and a `StridedSlice` row of a
matrix.  Each returns None when a value is not known, and
`constant_value` goes on with its own rules.
"""

from __future__ import annotations


def _is_int(v) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _flat(value) -> bool:
    """A vector of ints or bools (no nesting)."""
    return isinstance(value, list) and all(isinstance(v, int) for v in value)


def _elementwise(fn, x, y):
    """`fn` over a vector and a vector of the same length or a scalar."""
    if _flat(x) and _flat(y):
        return [fn(a, b) for a, b in zip(x, y)] if len(x) == len(y) else None
    if _flat(x) and _is_int(y):
        return [fn(a, y) for a in x]
    if _is_int(x) and _flat(y):
        return [fn(x, b) for b in y]
    if _is_int(x) and _is_int(y):
        return fn(x, y)
    return None


_BINARY = {"AddV2": lambda a, b: a + b, "Sub": lambda a, b: a - b,
           "FloorMod": lambda a, b: a % b, "FloorDiv": lambda a, b: a // b,
           "Maximum": max, "Minimum": min, "Less": lambda a, b: a < b,
           "GreaterEqual": lambda a, b: a >= b}


def _binary(op, t, value):
    try:
        return _elementwise(_BINARY[op._type], value(op._inputs[0]), value(op._inputs[1]))
    except ZeroDivisionError:
        return None


def _select(op, t, value):
    c, x, y = (value(i) for i in op._inputs)
    if isinstance(c, bool) and x is not None and y is not None:   # a scalar condition
        return x if c else y
    if not (_flat(c) and _flat(x) and _flat(y)) or not len(c) == len(x) == len(y):
        return None
    return [a if k else b for k, a, b in zip(c, x, y)]


def _list_diff(op, t, value):
    """ListDiff's `out` (the values of x not in y); its `idx` is not folded."""
    if op._outputs[0] is not t:
        return None
    x, y = value(op._inputs[0]), value(op._inputs[1])
    if not (_flat(x) and _flat(y)):
        return None
    return [v for v in x if v not in y]


def _gather(op, t, value):
    params, indices, axis = (value(i) for i in op._inputs)
    if axis != 0 or not _flat(params) or (op._attrs or {}).get("batch_dims"):
        return None
    if _is_int(indices):
        indices = [indices]
        scalar = True
    else:
        scalar = False
    if not _flat(indices) or any(not -len(params) <= i < len(params) for i in indices):
        return None
    picked = [params[i] for i in indices]
    return picked[0] if scalar else picked


def _reduce(op, t, value):
    x, axes = value(op._inputs[0]), value(op._inputs[1])
    if not _flat(x) or axes not in (0, -1, [0], [-1]) or (op._attrs or {}).get("keep_dims"):
        return None
    out = 1 if op._type == "Prod" else 0
    for v in x:
        out = out * v if op._type == "Prod" else out + v
    return out


def _reshape(op, t, value):
    x, shape = value(op._inputs[0]), value(op._inputs[1])
    if _is_int(x) and shape in ([-1], [1]):      # a scalar made a vector of one
        return [x]
    if not isinstance(x, list) or shape not in ([-1], [len(x)]):
        return None
    flat = x
    while flat and isinstance(flat[0], list):
        flat = [v for row in flat for v in row]
    return flat if _flat(flat) else None


def _dynamic_partition(op, t, value):
    data, partitions = value(op._inputs[0]), value(op._inputs[1])
    if not (_flat(data) and _flat(partitions)) or len(data) != len(partitions):
        return None
    index = next(i for i, out in enumerate(op._outputs) if out is t)
    return [d for d, p in zip(data, partitions) if p == index]


def _matrix_row(op, t, value):
    """`m[i]` of a known matrix (tensordot's `axes[0]`, `axes[1]`)."""
    values = [value(i) for i in op._inputs]
    attrs = op._attrs or {}
    matrix, begin, end, strides = values
    if not (isinstance(matrix, list) and matrix and all(_flat(row) for row in matrix)):
        return None
    if attrs.get("shrink_axis_mask") != 1 or attrs.get("ellipsis_mask") or \
            attrs.get("new_axis_mask") or begin is None or len(begin) != 1 or strides != [1]:
        return None
    i = begin[0]
    return matrix[i] if -len(matrix) <= i < len(matrix) else None


FOLDS = {"AddV2": _binary, "Sub": _binary, "FloorMod": _binary, "FloorDiv": _binary,
         "Maximum": _binary, "Minimum": _binary, "Less": _binary, "GreaterEqual": _binary,
         "Select": _select, "ListDiff": _list_diff, "GatherV2": _gather, "Prod": _reduce,
         "Sum": _reduce, "Reshape": _reshape, "DynamicPartition": _dynamic_partition,
         "StridedSlice": _matrix_row}


def fold(t, value):
    """The value of `t` when its op is one of `FOLDS` and its inputs'
    values (`value(tensor)`, i.e. `constant_value`) are known; else None."""
    op = t._op
    rule = FOLDS.get(op._type)
    if rule is None:
        return None
    return rule(op, t, value)
