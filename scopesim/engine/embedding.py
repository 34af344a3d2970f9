"""Embeddings: `ops/embedding_ops.py`'s `embedding_lookup` and
`_embedding_lookup_and_transform` (one tensor, or partitioned parameters by
`partition_strategy` "mod" or "div"), its `_clip` and `clip_ops.clip_by_norm`
(`max_norm`), as TF 2.21 builds them in graph mode, each named in its
docstring.  The DynamicPartition and ParallelDynamicStitch OpDefs are in
`opdefs_nn.py`.  `g` is the default graph.
"""

from __future__ import annotations

import numbers

from ..errors import TFValueError
from . import opdefs_nn as _opdefs_nn  # noqa: F401 - registers the OpDefs
from .array import slice_helper
from .array_fns import (concat, gather, ones_like, range_, rank, reshape, resource_sparse_read,
                        shape, size, stack, where)
from .convert import convert_to_tensor
from .gen_ops import gen_binary, gen_unary
from .graph import Graph, Tensor
from .math import binary_operator, cast, compare, identity
from .math_fns import reduce
from .opdef import apply_op, graph_from_inputs, name_scope
from .resource import BaseResourceVariable
from .tensor_shape import TensorShape


def _op(g: Graph, symbol: str, x, y) -> Tensor:
    """`x <symbol> y` of a Tensor (Python's operator dispatch)."""
    return binary_operator(g, symbol, x, y)


def _add(g: Graph):
    return lambda a, b: binary_operator(g, "+", a, b)


def _shape_of(x):
    """`x.get_shape()` of a tensor or variable, as a dims tuple (None: unknown rank)."""
    return x._dims


def _merge(a, b):
    """`TensorShape.merge_with` of dims tuples."""
    if a is None:
        return b
    if b is None:
        return a
    if len(a) != len(b) or any(x is not None and y is not None and x != y for x, y in zip(a, b)):
        raise TFValueError(f"Shapes {TensorShape._of(a)} and {TensorShape._of(b)} are not "
                           f"compatible")
    return tuple(x if x is not None else y for x, y in zip(a, b))


# ============================================================ clip_by_norm


def clip_by_norm(g: Graph, t, clip_norm, axes=None, name=None) -> Tensor:
    """`clip_ops.clip_by_norm`: in `clip_by_norm/`, `t` converted; a
    negative Python `clip_norm` is 0, a tensor one is `Maximum` with 0 cast
    to t's dtype; `l2sum` (`mul`, `Sum` over `axes` kept), `Greater`, the
    two-tap where (`ones_like`, `Select`, `Sqrt`, `Select_1`), `mul_1` by
    the clip norm (its shape must be t's), then `Maximum` of the norm and
    the clip norm, `truediv`, and the `Identity` named by the scope."""
    g = graph_from_inputs(g, (t, clip_norm))
    with name_scope(g, name, "clip_by_norm") as scope:
        values = convert_to_tensor(g, t, name="t")
        if isinstance(clip_norm, numbers.Number) and not isinstance(clip_norm, bool):
            if clip_norm < 0:
                clip_norm = 0
        else:
            clip_norm = cast(g, gen_binary(g, "Maximum", clip_norm, 0, None), values._dt)
        l2sum = reduce(g, "Sum", _op(g, "*", values, values), axes, keepdims=True)
        pred = compare(g, "Greater", l2sum, 0)
        l2sum_safe = where(g, pred, l2sum, ones_like(g, l2sum))
        l2norm = where(g, pred, gen_unary(g, "Sqrt", l2sum_safe), l2sum)
        intermediate = _op(g, "*", values, clip_norm)
        a, b = values._dims, intermediate._dims
        if a is not None and b is not None and (len(a) != len(b) or any(
                x is not None and y is not None and x != y for x, y in zip(a, b))):
            raise TFValueError(f"Shapes {values.shape} and {intermediate.shape} are "
                               f"incompatible")
        denominator = gen_binary(g, "Maximum", l2norm, clip_norm, None)
        return identity(g, _op(g, "/", intermediate, denominator), name=scope)


def _clip(g: Graph, params: Tensor, ids: Tensor, max_norm) -> Tensor:
    """`embedding_ops._clip`: no `max_norm` is `params`; else
    `clip_by_norm` over the dims after the ids' (a list when both ranks are
    known and non-zero, else `range` of their `Rank`s)."""
    if max_norm is None:
        return params

    def _rank(x):
        ndims = None if x._dims is None else len(x._dims)
        if ndims:
            return ndims, True
        return rank(g, x), False

    ids_rank, ids_static = _rank(ids)
    params_rank, params_static = _rank(params)
    if ids_static and params_static:
        axes = list(range(ids_rank, params_rank))
    else:
        axes = range_(g, ids_rank, params_rank)
    return clip_by_norm(g, params, max_norm, axes=axes)


# ============================================================ embedding_lookup


def _first_dim(p):
    """`dimension_value(p.get_shape()[0])`: None for an unknown rank; a
    scalar's is the IndexError of its empty list of dims."""
    dims = _shape_of(p)
    return None if dims is None else list(dims)[0]


def _partition_sizes(g: Graph, params: list, flat_ids: Tensor) -> Tensor:
    """The "div" strategy's `num_total_ids`: a `Const` of the static sum of
    the partitions' first dims when it is known and non-zero, else `Sum` of
    the `stack` of each first dim (static, or `Shape[0]`), cast to the ids'
    dtype."""
    firsts = [_first_dim(p) for p in params]
    total = None if any(f is None for f in firsts) else sum(firsts)
    if total:
        return convert_to_tensor(g, total, flat_ids._dt)
    sizes = [f if f is not None else slice_helper(g, shape(g, p), 0, _add(g))
             for p, f in zip(params, firsts)]
    return reduce(g, "Sum", cast(g, stack(g, sizes), flat_ids._dt))


def _assign_partitions(g: Graph, params: list, flat_ids: Tensor, strategy: str):
    """`p_assignments` and `new_ids` of `_embedding_lookup_and_transform`:
    "mod" is `ids % np` and `ids // np`; "div" splits the total ids evenly,
    the first `extras` partitions one longer (`floordiv`, `mod`, `add`,
    `Maximum`, `Less`, `Select`)."""
    n = len(params)
    if strategy == "mod":
        return _op(g, "%", flat_ids, n), _op(g, "//", flat_ids, n)
    if strategy == "div":
        num_total_ids = _partition_sizes(g, params, flat_ids)
        ids_per_partition = _op(g, "//", num_total_ids, n)
        extras = _op(g, "%", num_total_ids, n)
        p_assignments = gen_binary(
            g, "Maximum", _op(g, "//", flat_ids, _op(g, "+", ids_per_partition, 1)),
            _op(g, "//", _op(g, "-", flat_ids, extras), ids_per_partition), None)
        is_in_first_extras_partitions = compare(g, "Less", p_assignments, extras)
        new_ids = where(g, is_in_first_extras_partitions,
                        _op(g, "%", flat_ids, _op(g, "+", ids_per_partition, 1)),
                        _op(g, "%", _op(g, "-", flat_ids, extras), ids_per_partition))
        return p_assignments, new_ids
    raise TFValueError(f"Unrecognized partition strategy: {strategy}."
                       "Must be one of either `mod` or `div`.")


def _gather(g: Graph, params, ids: Tensor, name=None) -> Tensor:
    """`array_ops.gather(params, ids, name=name)`: a resource variable's
    `sparse_read` (`Gather/ResourceGather`), else GatherV2 on axis 0."""
    if isinstance(params, BaseResourceVariable):
        return resource_sparse_read(g, params, ids, name)
    return gather(g, params, ids, name=name)


def _lookup_partitioned(g: Graph, params: list, ids: Tensor, strategy: str, scope: str,
                        max_norm) -> Tensor:
    """The several-partitions branch: the ids flattened (`Reshape`), their
    positions (`Size`, `range`), each assigned a partition and an id in it;
    `DynamicPartition` of the ids and of the positions; a gather per
    partition; `ParallelDynamicStitch` named by the scope; reshaped
    (`Reshape_1`) to the ids' shape plus the element shape (static when
    fully defined, else `Shape` of the first partition from dim 1), with
    that static shape; then `_clip`."""
    n = len(params)
    flat_ids = reshape(g, ids, [-1])
    original_indices = range_(g, size(g, flat_ids, out_type="int32"))
    p_assignments, new_ids = _assign_partitions(g, params, flat_ids, strategy)
    p_assignments = cast(g, p_assignments, "int32")
    gather_ids = apply_op(g, "DynamicPartition", None, [new_ids, p_assignments],
                          {"num_partitions": n})
    pindices = apply_op(g, "DynamicPartition", None, [original_indices, p_assignments],
                        {"num_partitions": n})
    partitioned_result = [_gather(g, p, pids) for p, pids in zip(params, gather_ids)]
    ret = apply_op(g, "ParallelDynamicStitch", scope, [list(pindices), partitioned_result],
                   {"N": n})
    shapes = [_shape_of(p) for p in params]
    element = None if shapes[0] is None else tuple(shapes[0][1:])
    for other in shapes[1:]:
        element = _merge(element, None if other is None else tuple(other[1:]))
    if element is not None and None not in element:
        element_shape_d = list(element)
    else:
        element_shape_d = slice_helper(g, shape(g, params[0]), slice(1, None), _add(g))
    ret = reshape(g, ret, concat(g, [shape(g, ids), element_shape_d], 0))
    static = None if ids._dims is None or element is None else tuple(ids._dims) + element
    if static is not None:
        ret._dims = static if ret._dims is None else tuple(
            a if a is not None else b for a, b in zip(ret._dims, static))
    return _clip(g, ret, ids, max_norm)


def embedding_lookup(g: Graph, params, ids, partition_strategy="mod", name=None,
                     validate_indices=True, max_norm=None) -> Tensor:
    """`embedding_ops.embedding_lookup` -> `_embedding_lookup_and_transform`:
    a PartitionedVariable is the list of its variables, a list a list of
    partitions (a tuple is one value, autopacked); in `embedding_lookup/`,
    the params converted (`params_0`, `params_1`, ...; none when one is a
    resource variable), `ids` converted (`ids`).  One partition:
    `GatherV2` named by the scope (`embedding_lookup/axis`; a resource
    variable's `ResourceGather`), `_clip`, then its `Identity`.  Several:
    `_lookup_partitioned`.  `validate_indices` is ignored, as TensorFlow
    ignores it."""
    from .partitioned import PartitionedVariable
    del validate_indices
    if params is None:
        raise TFValueError("params must be specified")
    if isinstance(params, (list, tuple)) and not params:
        raise TFValueError("Length of params is currently 0. Need at least one param.")
    if isinstance(params, PartitionedVariable):
        params = list(params)
    if not isinstance(params, list):
        params = [params]
    g = graph_from_inputs(g, [p.handle if isinstance(p, BaseResourceVariable) else p
                              for p in params] + [ids])
    with name_scope(g, name, "embedding_lookup") as scope:
        if not any(isinstance(p, BaseResourceVariable) for p in params):
            params = [convert_to_tensor(g, p, name=f"params_{i}") for i, p in enumerate(params)]
        ids = convert_to_tensor(g, ids, name="ids")
        if len(params) == 1:
            result = _clip(g, _gather(g, params[0], ids, scope), ids, max_norm)
            return identity(g, result)
        return _lookup_partitioned(g, params, ids, partition_strategy, scope, max_norm)
