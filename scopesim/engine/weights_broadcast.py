"""The losses' run-time checks: `ops/weights_broadcast_ops.py`
(`assert_broadcastable`, `broadcast_weights`) with their checks when
shapes are not static: `_has_valid_nonscalar_shape` and `_has_valid_dims`
(a v1 `cond` each, `sets.set_difference`); `check_ops.assert_equal` (the
sparse cross entropy's shapes); and `control_flow_assert.Assert` (the
`AssertGuard` cond around the `Assert` op, or the op itself), as TF 2.21
builds them in graph mode, each named in its docstring.
`g` is the default graph.
"""

from __future__ import annotations

from contextlib import contextmanager

from ..errors import TFValueError
from . import opdefs_array as _opdefs  # noqa: F401 - registers the OpDefs
from .array_fns import concat, expand_dims, ones_like, rank, shape, size
from .cond_v1 import cond
from .convert import convert_to_tensor
from .graph import Graph, Tensor
from .math import multiply
from .math_fns import equality
from .opdef import OPS, OpDef, graph_from_inputs, name_scope
from .ops import generated, op_scope
from .shape_inference import constant_value

_PREFIX = "weights can not be broadcast to values."


class _Controller:
    """What `Graph.control_dependencies([op])` pushes: the op it adds and
    the ops made inside it (see `Graph._control_inputs_for`)."""

    __slots__ = ("control_inputs", "seen")

    def __init__(self, control_inputs: list) -> None:
        self.control_inputs = control_inputs
        self.seen = set()


@contextmanager
def control_dependencies(g: Graph, ops: list):
    """`ops.control_dependencies(ops)`, less those an enclosing block adds."""
    current = g.current_control_dependencies()
    g._control_stack.append(_Controller([op for op in ops if op not in current]))
    try:
        yield
    finally:
        g._control_stack.pop()


def no_op(g: Graph, name: str | None = None):
    """`control_flow_ops.no_op(name=name)`."""
    with op_scope(g, name, "NoOp") as scope:
        return generated(g, "NoOp", scope, (), None)


def _numpy_text(values: list) -> str:
    """A shape vector as numpy prints it (`[2 3]`)."""
    return "[" + " ".join(str(v) for v in values) + "]"


# ================================================================== Assert


def _assert_op(g: Graph, condition: Tensor, data, summarize: int = 3, name="Assert"):
    """`gen_logging_ops._assert`: in `Assert/`, each datum converted
    (`data_0`, `data_1`, ...; tensors as they are), the op without outputs."""
    with op_scope(g, name, "Assert") as scope:
        tensors = [d if isinstance(d, Tensor) else convert_to_tensor(g, d, name=f"data_{i}")
                   for i, d in enumerate(data)]
        return g.create_op("Assert", scope, outputs=(), inputs=(condition, *tensors),
                           attrs={"T": [t._dt for t in tensors], "summarize": summarize})


def assert_(g: Graph, condition: Tensor, data, name=None):
    """`control_flow_assert.Assert` in graph mode: in `Assert/` (or `name`),
    the data converted (`Const`, `Const_1`, ...); all strings and int32 is
    the Assert op itself, else a v1 cond `AssertGuard` on the condition
    whose true branch is a `NoOp` and false branch the Assert; its op."""
    with name_scope(g, name, "Assert"):
        xs = [d if isinstance(d, Tensor) else convert_to_tensor(g, d) for d in data]
        if all(x._dt in ("string", "int32") for x in xs):
            return _assert_op(g, condition, data)
        guarded = cond(g, condition, lambda: no_op(g), lambda: _assert_op(g, condition, data),
                       name="AssertGuard")
        return guarded._op


def assert_equal(g: Graph, x: Tensor, y: Tensor):
    """`check_ops.assert_equal` (v1) in graph mode: `assert_equal/` opened
    and left (x is y: a NoOp there), then `_binary_assert` in
    `assert_equal_1/`: both converted, the data (the message, the names,
    the tensors), `Equal`, `All` over every dim (`Const`), a static check
    when both values are known, then `Assert`."""
    from ..tf.framework.errors_impl import InvalidArgumentError
    from .math_fns import reduce
    g = graph_from_inputs(g, (x, y))
    with name_scope(g, None, "assert_equal"):
        if x is y:
            return no_op(g)
    with name_scope(g, None, "assert_equal"):
        x = convert_to_tensor(g, x, name="x")
        y = convert_to_tensor(g, y, name="y")
        data = ["Condition x == y did not hold element-wise:", f"x ({x.name}) = ", x,
                f"y ({y.name}) = ", y]
        condition = reduce(g, "All", equality(g, "Equal", x, y))
        x_static, y_static = constant_value(x), constant_value(y)
        if x_static is not None and y_static is not None and x_static != y_static:
            raise InvalidArgumentError(None, None, "\n".join(
                str(d if not isinstance(d, Tensor) else constant_value(d)) for d in data))
        return assert_(g, condition, data)


OPS["All"] = OpDef((("input", "=bool"), ("reduction_indices", "Tidx")), {"Tidx": "int32, int64"},
                   "reduction", {"Tidx": "int32"}, output_dtype="bool")


# ================================================================= sets


def set_difference(g: Graph, a: Tensor, b: Tensor) -> Tensor:
    """`sets.set_difference(a, b)` of dense tensors:
    `gen_set_ops.dense_to_dense_set_operation(a, b, "a-b")` (indices
    [?, rank] int64, values [?], shape [rank] int64, the rank of the first
    input whose rank is known); the SparseTensor's `values`."""
    g = graph_from_inputs(g, (a, b))
    with op_scope(g, None, "DenseToDenseSetOperation") as scope:
        known = a._dims if a._dims is not None else b._dims
        out_rank = None if known is None else len(known)
        op = g.create_op("DenseToDenseSetOperation", scope,
                         outputs=(((None, out_rank), "int64"), ((None,), a._dt),
                                  ((out_rank,), "int64")),
                         inputs=(a, b), attrs={"set_operation": "a-b",
                                               "validate_indices": True, "T": a._dt})
        return op.outputs[1]


# ============================================================ the checks


def _has_valid_dims(g: Graph, weights_shape: Tensor, values_shape: Tensor) -> Tensor:
    """`weights_broadcast_ops._has_valid_dims`: in `has_invalid_dims/`,
    each weights dim must be 1 or the values' dim: `ExpandDims`,
    `ones_like`, `concat` of the valid dims, `ExpandDims_1`, their set
    difference's `num_invalid_dims` (Size), `Equal` to 0 named by the scope."""
    g = graph_from_inputs(g, (weights_shape, values_shape))
    with name_scope(g, None, "has_invalid_dims") as scope:
        values_shape_2d = expand_dims(g, values_shape, -1)
        valid_dims = concat(g, (values_shape_2d, ones_like(g, values_shape_2d)), 1)
        weights_shape_2d = expand_dims(g, weights_shape, -1)
        invalid_dims = set_difference(g, weights_shape_2d, valid_dims)
        num_invalid_dims = size(g, invalid_dims, name="num_invalid_dims")
        return equality(g, "Equal", 0, num_invalid_dims, name=scope)


def _has_valid_nonscalar_shape(g: Graph, weights_rank, weights_shape, values_rank,
                               values_shape) -> Tensor:
    """`weights_broadcast_ops._has_valid_nonscalar_shape`: in
    `has_valid_nonscalar_shape/`, `is_same_rank` (Equal), then a cond named
    by the scope: `_has_valid_dims`, else `is_same_rank` itself."""
    g = graph_from_inputs(g, (weights_rank, weights_shape, values_rank, values_shape))
    with name_scope(g, None, "has_valid_nonscalar_shape") as scope:
        is_same_rank = equality(g, "Equal", values_rank, weights_rank, name="is_same_rank")
        return cond(g, is_same_rank, lambda: _has_valid_dims(g, weights_shape, values_shape),
                    lambda: is_same_rank, name=scope)


def assert_broadcastable(g: Graph, weights, values):
    """`weights_broadcast_ops.assert_broadcastable`: in
    `assert_broadcastable/`, `weights/` (the weights converted by that
    scope's name, `shape`, `rank`) and `values/`; static ranks and shapes
    give `static_scalar_check_success` or `static_dims_check_success`
    (NoOps) or the ValueError; otherwise the run-time checks: `is_scalar`,
    the `is_valid_shape` cond (`is_scalar`, else
    `_has_valid_nonscalar_shape`) and the Assert named by the scope over
    the message, the shapes and `is_scalar`."""
    g = graph_from_inputs(g, (weights, values))
    with name_scope(g, None, "assert_broadcastable") as scope:
        with name_scope(g, None, "weights") as weights_scope:
            weights = convert_to_tensor(g, weights, name=weights_scope)
            weights_shape = shape(g, weights, name="shape")
            weights_rank = rank(g, weights, name="rank")
        weights_rank_static = constant_value(weights_rank)
        with name_scope(g, None, "values") as values_scope:
            values = convert_to_tensor(g, values, name=values_scope)
            values_shape = shape(g, values, name="shape")
            values_rank = rank(g, values, name="rank")
        values_rank_static = constant_value(values_rank)
        if weights_rank_static is not None and values_rank_static is not None:
            if weights_rank_static == 0:
                return no_op(g, "static_scalar_check_success")
            if weights_rank_static != values_rank_static:
                raise TFValueError(
                    f"{_PREFIX} values.rank={values_rank_static}. "
                    f"weights.rank={weights_rank_static}. values.shape={values.shape}. "
                    f"weights.shape={weights.shape}. Received weights={weights}, "
                    f"values={values}")
            weights_static = constant_value(weights_shape)
            values_static = constant_value(values_shape)
            if weights_static is not None and values_static is not None:
                for i in range(len(values_static)):
                    if weights_static[i] not in (1, values_static[i]):
                        raise TFValueError(
                            f"{_PREFIX} Mismatch at dim {i}. values.shape="
                            f"{_numpy_text(values_static)}, weights.shape="
                            f"{_numpy_text(weights_static)}. Received weights={weights}, "
                            f"values={values}")
                return no_op(g, "static_dims_check_success")
        is_scalar = equality(g, "Equal", 0, weights_rank, name="is_scalar")
        data = (_PREFIX, "weights.shape=", weights.name, weights_shape,
                "values.shape=", values.name, values_shape, "is_scalar=", is_scalar)
        is_valid_shape = cond(
            g, is_scalar, lambda: is_scalar,
            lambda: _has_valid_nonscalar_shape(g, weights_rank, weights_shape, values_rank,
                                               values_shape),
            name="is_valid_shape")
        return assert_(g, is_valid_shape, data, name=scope)


def _compatible(a, b) -> bool:
    if a is None or b is None:
        return True
    return len(a) == len(b) and all(x is None or y is None or x == y for x, y in zip(a, b))


def broadcast_weights(g: Graph, weights, values) -> Tensor:
    """`weights_broadcast_ops.broadcast_weights`: in `broadcast_weights/`,
    the weights as they are when both shapes are fully defined and
    compatible, else `weights * ones_like(values)` named by the scope under
    the control of `assert_broadcastable`."""
    g = graph_from_inputs(g, (weights, values))
    with name_scope(g, None, "broadcast_weights") as scope:
        values = convert_to_tensor(g, values, name="values")
        weights = convert_to_tensor(g, weights, values._dt, name="weights")
        w, v = weights._dims, values._dims
        if w is not None and v is not None and None not in w and None not in v \
                and _compatible(w, v):
            return weights
        with control_dependencies(g, [assert_broadcastable(g, weights, values)]):
            return multiply(g, weights, ones_like(g, values), name=scope)
