"""The composite nn functions: `ops/nn_impl.py` and the cross-entropy
functions of `ops/nn_ops.py` of TF 2.21 in graph mode, each named in its
docstring (`embedding_lookup`: `embedding.py`).

Each opens TensorFlow's name scope, converts its Python arguments with
TensorFlow's names and builds the same ops in the same order (`dropout/`
with its `Shape`, `random_uniform/`, `GreaterEqual` and `SelectV2`;
`moments/mean`, `StopGradient`, `SquaredDifference`, `variance`; the
`Rank`/`Shape`/`Slice`/`concat`/`Reshape` plumbing of the cross entropies).
`g` is the default graph.
"""

from __future__ import annotations

import numbers

from ..errors import TFValueError
from . import opdefs_array as _opdefs_array  # noqa: F401 - registers the OpDefs
from . import opdefs_nn as _opdefs_nn  # noqa: F401
from .array import slice_helper
from .array_fns import (concat, range_, rank, reshape, shape, size, slice_, squeeze,
                        transpose, where, zeros_like, zeros_or_ones)
from .cond_v1 import cond
from .convert import convert_to_tensor
from .dtypes import FLOATING
from .gen_ops import gen_binary, gen_unary
from .graph import Graph, Tensor
from .math import add, binary_operator, cast, compare, identity, negate, subtract
from .math_fns import equality, reduce
from .nn import deprecated_argument_lookup
from .opdef import apply_op, graph_from_inputs, name_scope
from .random_fns import uniform
from .resource import BaseResourceVariable
from .shape_inference import merge_shapes
from .tensor_shape import TensorShape
from .values import is_tensor_like


def _dtype(x) -> str:
    """`x.dtype` of a tensor or variable (its base dtype's name); anything
    else has no `dtype` and fails as Python does."""
    if isinstance(x, Tensor):
        return x._dt
    return x.dtype.base_dtype.name


def _op(g: Graph, symbol: str, x, y):
    """`x <symbol> y` as Python evaluates it: a Tensor operator when either
    side is tensor-like, else plain arithmetic."""
    if is_tensor_like(x) or is_tensor_like(y):
        return binary_operator(g, symbol, x, y)
    return {"+": lambda: x + y, "-": lambda: x - y, "*": lambda: x * y}[symbol]()


def set_shape(t: Tensor, dims) -> Tensor:
    """`Tensor.set_shape` in graph mode: the two shapes merged as the C++
    `InferenceContext::Merge` does (its errors: unequal ranks, a dim that
    differs)."""
    t._dims = merge_shapes(t._dims, None if dims is None else tuple(dims), TFValueError)
    return t


def compatible(a, b) -> bool:
    """`TensorShape.is_compatible_with` on dims tuples."""
    if a is None or b is None:
        return True
    return len(a) == len(b) and all(x is None or y is None or x == y for x, y in zip(a, b))


# ================================================================ dropout


def dropout(g: Graph, x, keep_prob=None, noise_shape=None, seed=None, name=None,
            rate=None) -> Tensor:
    """`nn_ops.dropout` (v1): `keep_prob` is `1 - rate` (a tensor's `sub` is
    made where the call is, before `dropout/`); then `dropout_v2`."""
    try:
        rate_from_keep_prob = None if keep_prob is None else _op(g, "-", 1.0, keep_prob)
    except TypeError:
        raise TFValueError("`keep_prob` must be a floating point number or Tensor. "
                           f"Received: keep_prob={keep_prob}") from None
    rate = deprecated_argument_lookup("rate", rate, "keep_prob", rate_from_keep_prob)
    if rate is None:
        raise TFValueError(f"`rate` must be provided. Received: rate={rate}")
    return dropout_v2(g, x, rate, noise_shape, seed, name)


def dropout_v2(g: Graph, x, rate, noise_shape=None, seed=None, name=None) -> Tensor:
    """`nn_ops.dropout_v2` -> `_dropout` with `random_uniform` in `dropout/`:
    a Python rate in [0, 1) scales by `Mul` of a `Const` (rate 0 returns
    `x`), a scalar tensor rate by `RealDiv` of `Sub(1, rate)`; the mask is
    `random_uniform(noise shape) >= rate`, the result
    `SelectV2(mask, scaled, 0)` with x's static shape."""
    g = graph_from_inputs(g, (x,))
    with name_scope(g, name, "dropout"):
        is_rate_number = isinstance(rate, numbers.Real)
        if is_rate_number and (rate < 0 or rate >= 1):
            raise TFValueError("`rate` must be a scalar tensor or a float in the range [0, 1). "
                               f"Received: rate={rate}")
        x = convert_to_tensor(g, x, name="x")
        if x._dt not in FLOATING:
            raise TFValueError("`x.dtype` must be a floating point tensor as `x` will be "
                               f"scaled. Received: x_dtype={x.dtype}")
        if is_rate_number and rate == 0:
            return x
        if not (is_tensor_like(rate) or isinstance(rate, BaseResourceVariable)):
            if not is_rate_number:
                raise TFValueError(f"`rate` must be a scalar or scalar tensor. Received: "
                                   f"rate={rate}")
            scale = convert_to_tensor(g, 1 / (1 - rate), x._dt)
            ret = gen_binary(g, "Mul", x, scale, None)
        else:
            rate_shape = rate.get_shape()
            if rate_shape.ndims is not None and rate_shape.ndims != 0:
                raise TFValueError(f"Shape {rate_shape} must have rank 0")
            if rate.dtype.name != x._dt:      # `is_compatible_with`: a _ref rate is not
                raise TFValueError("`x.dtype` must be compatible with `rate.dtype`. "
                                   f"Received: x.dtype={x.dtype} and rate.dtype={rate.dtype}")
            one = convert_to_tensor(g, 1, x._dt)
            ret = gen_binary(g, "RealDiv", x, gen_binary(g, "Sub", one, rate, None), None)
        noise = _get_noise_shape(g, x, noise_shape)
        random_tensor = uniform(g, noise, dtype=x._dt, seed=seed)
        keep_mask = compare(g, "GreaterEqual", random_tensor, rate)
        zero = convert_to_tensor(g, 0, x._dt)
        ret = where(g, keep_mask, ret, zero, v2=True)
        return set_shape(ret, x._dims)


def _get_noise_shape(g: Graph, x: Tensor, noise_shape):
    """`nn_ops._get_noise_shape`: None is `shape(x)`; a shape of x's rank
    takes x's known dims where it has None."""
    if noise_shape is None:
        return shape(g, x)
    try:
        dims = TensorShape(noise_shape)._dims if not isinstance(noise_shape, TensorShape) \
            else noise_shape._dims
    except (TypeError, ValueError):
        return noise_shape
    if x._dims is not None and dims is not None and len(x._dims) == len(dims):
        return TensorShape([xd if nd is None and xd is not None else nd
                            for xd, nd in zip(x._dims, dims)])
    return noise_shape


# ======================================================== moments, batchnorm


def moments(g: Graph, x, axes, shift=None, name=None, keep_dims=None, keepdims=None):
    """`nn_impl.moments` (v1): in `moments/`, a float16 `x` cast to float32,
    `mean` (Mean, keepdims), `StopGradient`, `SquaredDifference`,
    `variance`; without keep_dims both squeezed over `axes`, float16 cast
    back."""
    keep_dims = deprecated_argument_lookup("keepdims", keepdims, "keep_dims", keep_dims)
    if keep_dims is None:
        keep_dims = False
    g = graph_from_inputs(g, (x, axes))
    with name_scope(g, name, "moments"):
        half = _dtype(x) == "float16"
        y = cast(g, x, "float32") if half else x
        mean = reduce(g, "Mean", y, axes, keepdims=True, name="mean")
        variance = reduce(g, "Mean",
                          gen_binary(g, "SquaredDifference", y, stop_gradient(g, mean), None),
                          axes, keepdims=True, name="variance")
        if not keep_dims:
            mean = squeeze(g, mean, axes)
            variance = squeeze(g, variance, axes)
        if half:
            return cast(g, mean, "float16"), cast(g, variance, "float16")
        return mean, variance


def stop_gradient(g: Graph, input, name=None) -> Tensor:  # noqa: A002
    """`array_ops.stop_gradient` (`gen_array_ops.stop_gradient`)."""
    return apply_op(g, "StopGradient", name, [input])


def batch_normalization(g: Graph, x, mean, variance, offset, scale, variance_epsilon,
                        name=None) -> Tensor:
    """`nn_impl.batch_normalization`: in `batchnorm/`,
    `inv = rsqrt(variance + epsilon)` (times `scale`), then
    `x * inv + (offset - mean * inv)` (`-mean * inv` without offset), each
    cast to x's dtype."""
    g = graph_from_inputs(g, (x, mean, variance, scale, offset))
    with name_scope(g, name, "batchnorm"):
        inv = gen_unary(g, "Rsqrt", _op(g, "+", variance, variance_epsilon))
        if scale is not None:
            inv = _op(g, "*", inv, scale)
        dt = _dtype(x)
        left = _op(g, "*", x, cast(g, inv, dt))
        if offset is not None:
            right = _op(g, "-", offset, _op(g, "*", mean, inv))
        else:
            minus_mean = negate(g, mean) if is_tensor_like(mean) else -mean   # Python's `-`
            right = _op(g, "*", minus_mean, inv)
        return _op(g, "+", left, cast(g, right, dt))


def zeros(g: Graph, shape, dtype: str) -> Tensor:
    """`array_ops.zeros(shape, dtype)`."""
    return zeros_or_ones(g, "zeros", shape, dtype)


def _count_nonzero(g: Graph, input_tensor: Tensor, dtype: str) -> Tensor:
    """`nn_impl._count_nonzero`: in `count_nonzero/`, `zeros` of the
    input's dtype, `NotEqual`, `Cast` to `dtype`, `Sum` named
    `nonzero_count`."""
    with name_scope(g, None, "count_nonzero"):
        zero = zeros(g, [], input_tensor._dt)
        return reduce(g, "Sum", cast(g, equality(g, "NotEqual", input_tensor, zero), dtype),
                      name="nonzero_count")


def zero_fraction(g: Graph, value, name=None) -> Tensor:
    """`nn_impl.zero_fraction`: in `zero_fraction/`, `value` converted,
    its int64 `Size`, a v1 `cond` on `Size <= int32 max` (`LessEqual`)
    counting in int32 (cast to int64) or int64, then in
    `counts_to_fraction/` `sub`, `Cast`, `Cast_1`, `truediv`, and the
    `fraction` Identity."""
    g = graph_from_inputs(g, (value,))
    with name_scope(g, name, "zero_fraction"):
        value = convert_to_tensor(g, value, name="value")
        n = size(g, value, out_type="int64")
        num_nonzero = cond(
            g, compare(g, "LessEqual", n, 2**31 - 1),
            lambda: cast(g, _count_nonzero(g, value, "int32"), "int64"),
            lambda: _count_nonzero(g, value, "int64"))
        with name_scope(g, "counts_to_fraction"):
            num_zero = _op(g, "-", n, num_nonzero)
            fraction = binary_operator(g, "/", cast(g, num_zero, "float32"),
                                       cast(g, n, "float32"))
        return identity(g, fraction, "fraction")


# ========================================================= cross entropies


def _ensure_xent_args(name: str, labels, logits) -> None:
    """`nn_ops._ensure_xent_args`."""
    if labels is None or logits is None:
        raise TFValueError(f"Both `labels` and `logits` must be provided for {name}"
                           f"Received: labels={labels} and logits={logits}")


def _flatten_outer_dims(g: Graph, logits: Tensor) -> Tensor:
    """`nn_ops._flatten_outer_dims`: `Rank`, `Shape`, `Sub`, `Slice` of the
    last dim, `concat([[-1], last])`, `Reshape`; the static shape
    `[product, last]` when the outer dims are known."""
    r = rank(g, logits)
    last_dim_size = slice_(g, shape(g, logits), [subtract(g, r, 1)], [1])
    output = reshape(g, logits, concat(g, [[-1], last_dim_size], 0))
    if logits._dims is not None:
        dims = list(logits._dims)         # `shape.as_list()`: a scalar's [-1] is a list's IndexError
        if all(d is not None for d in dims[:-1]):
            product = 1
            for d in dims[:-1]:
                product *= d
            set_shape(output, (product, dims[-1]))
    return output


def _move_dim_to_end(g: Graph, tensor: Tensor, dim_index: int, rank_t: Tensor) -> Tensor:
    """`_move_dim_to_end` of the v2 helper: `transpose` by
    `concat([range(dim), range(dim + 1, rank), [dim]], 0)`."""
    perm = concat(g, [range_(g, dim_index), range_(g, dim_index + 1, rank_t), [dim_index]], 0)
    return transpose(g, tensor, perm)


def softmax_cross_entropy_with_logits_v2(g: Graph, labels, logits, axis=None, name=None,
                                         dim=None) -> Tensor:
    """`nn_ops.softmax_cross_entropy_with_logits_v2_helper` (v1's
    `softmax_cross_entropy_with_logits_v2`): in
    `softmax_cross_entropy_with_logits/`, `logits` and `labels` converted,
    half floats cast to float32, labels cast to the logits' dtype; `Rank`,
    `Shape`, both flattened to 2-D, SoftmaxCrossEntropyWithLogits named by
    the scope, its loss reshaped to the shape's first rank-1 dims (`Slice`)
    with the static shape of logits less the class dim.  Another axis than
    the last is moved to the end first (`range`, `range_1`, `concat`,
    `transpose`)."""
    axis = deprecated_argument_lookup("axis", axis, "dim", dim)
    if axis is None:
        axis = -1
    g = graph_from_inputs(g, (logits, labels))
    with name_scope(g, name, "softmax_cross_entropy_with_logits") as scope:
        logits = convert_to_tensor(g, logits, name="logits")
        labels = convert_to_tensor(g, labels, name="labels")
        to_float32 = logits._dt in ("float16", "bfloat16")
        precise_logits = cast(g, logits, "float32") if to_float32 else logits
        labels = cast(g, labels, precise_logits._dt)
        input_rank = rank(g, precise_logits)
        static = logits._dims
        if axis != -1:
            precise_logits = _move_dim_to_end(g, precise_logits, axis, input_rank)
            labels = _move_dim_to_end(g, labels, axis, input_rank)
        input_shape = shape(g, precise_logits)
        precise_logits = _flatten_outer_dims(g, precise_logits)
        labels = _flatten_outer_dims(g, labels)
        cost = apply_op(g, "SoftmaxCrossEntropyWithLogits", scope,
                        [precise_logits, labels])[0]
        output_shape = slice_(g, input_shape, [0], [subtract(g, input_rank, 1)])
        cost = reshape(g, cost, output_shape)
        if static is not None:
            static = list(static)
            del static[axis]
            set_shape(cost, tuple(static))
        if to_float32:
            return cast(g, cost, logits._dt)
        return cost


def softmax_cross_entropy_with_logits(g: Graph, labels=None, logits=None, dim=-1, name=None,
                                      axis=None) -> Tensor:
    """`nn_ops.softmax_cross_entropy_with_logits` (v1, deprecated): in
    `softmax_cross_entropy_with_logits_sg/`, the labels'
    `labels_stop_gradient`; then the v2 function in that same scope."""
    dim = deprecated_argument_lookup("axis", axis, "dim", dim)
    _ensure_xent_args("softmax_cross_entropy_with_logits", labels, logits)
    g = graph_from_inputs(g, (logits, labels))
    with name_scope(g, name, "softmax_cross_entropy_with_logits_sg") as scope:
        labels = stop_gradient(g, labels, name="labels_stop_gradient")
    return softmax_cross_entropy_with_logits_v2(g, labels, logits, axis=dim, name=scope)


def _shape_text(dims) -> str:
    return str(TensorShape._of(dims))


def sparse_softmax_cross_entropy_with_logits(g: Graph, labels=None, logits=None,
                                             name=None) -> Tensor:
    """`nn_ops.sparse_softmax_cross_entropy_with_logits` (v1): in
    `SparseSoftmaxCrossEntropyWithLogits/`, both converted (`Const`),
    float16 logits cast; `Shape` of the labels; the rank and shape checks;
    rank-2 logits go to the op (named `name`, else by its type); higher
    ranks flatten (`Shape_1`, `Rank`, the class dim by `strided_slice`,
    `Reshape`, `Reshape_1`) and reshape back (`Reshape_2`), under the
    control of an `assert_equal` of the labels' and logits' outer shapes
    when those are not fully known."""
    _ensure_xent_args("sparse_softmax_cross_entropy_with_logits", labels, logits)
    g = graph_from_inputs(g, (labels, logits))
    with name_scope(g, name, "SparseSoftmaxCrossEntropyWithLogits"):
        labels = convert_to_tensor(g, labels)
        logits = convert_to_tensor(g, logits)
        precise_logits = cast(g, logits, "float32") if logits._dt == "float16" else logits
        labels_static = labels._dims
        labels_shape = shape(g, labels)
        logits_dims = logits._dims
        outer = None if logits_dims is None else logits_dims[:-1]
        fully_defined = (labels_static is not None and all(d is not None for d in labels_static)
                         and outer is not None and all(d is not None for d in outer))
        if logits_dims is not None and len(logits_dims) == 0:
            raise TFValueError(f"`logits` cannot be a scalar. Received logits={logits}`")
        if logits_dims is not None and labels_static is not None \
                and len(labels_static) != len(logits_dims) - 1:
            raise TFValueError(
                "`labels.shape.rank` must equal `logits.shape.rank - 1`. Received: "
                f"labels.shape={_shape_text(labels_static)} of rank {len(labels_static)} and "
                f"logits.shape={_shape_text(logits_dims)} of rank {len(logits_dims)}")
        if fully_defined and tuple(labels_static) != tuple(outer):
            raise TFValueError(
                "`labels.shape` must equal `logits.shape` except for the last dimension. "
                f"Received: labels.shape={_shape_text(labels_static)} and "
                f"logits.shape={_shape_text(logits_dims)}")
        if logits_dims is not None and len(logits_dims) == 2:
            cost = apply_op(g, "SparseSoftmaxCrossEntropyWithLogits", name,
                            [precise_logits, labels])[0]
            return cast(g, cost, "float16") if logits._dt == "float16" else cost
        checks = []
        if not fully_defined:
            from .weights_broadcast import assert_equal
            checks.append(assert_equal(g, shape(g, labels), slice_helper(
                g, shape(g, logits), slice(None, -1), lambda a, b: _op(g, "+", a, b))))
        from .weights_broadcast import control_dependencies
        with control_dependencies(g, checks):
            logits_shape = shape(g, logits)
            num_classes = slice_helper(g, logits_shape, _op(g, "-", rank(g, logits), 1),
                                       lambda a, b: _op(g, "+", a, b))
            precise_logits = reshape(g, precise_logits, [-1, num_classes])
            labels = reshape(g, labels, [-1])
            cost = apply_op(g, "SparseSoftmaxCrossEntropyWithLogits", name,
                            [precise_logits, labels])[0]
            cost = set_shape(reshape(g, cost, labels_shape), labels_static)
            return cast(g, cost, "float16") if logits._dt == "float16" else cost


def sigmoid_cross_entropy_with_logits(g: Graph, labels=None, logits=None, name=None) -> Tensor:
    """`nn_impl.sigmoid_cross_entropy_with_logits` (v1): in `logistic_loss/`,
    `logits` and `labels` converted, their shapes compatible; `zeros_like`,
    `GreaterEqual`, `Select`, `Neg`, `Select_1`, `mul`, `sub`, `Exp`,
    `Log1p` and the `AddV2` named by the scope."""
    _ensure_xent_args("sigmoid_cross_entropy_with_logits", labels, logits)
    g = graph_from_inputs(g, (logits, labels))
    with name_scope(g, name, "logistic_loss") as scope:
        logits = convert_to_tensor(g, logits, name="logits")
        labels = convert_to_tensor(g, labels, name="labels")
        if not compatible(labels._dims, logits._dims):
            raise TFValueError("`logits` and `labels` must have the same shape, received "
                               f"({logits.shape} vs {labels.shape}).")
        zeros = zeros_like(g, logits, dtype=logits._dt)
        cond = compare(g, "GreaterEqual", logits, zeros)
        relu_logits = where(g, cond, logits, zeros)
        neg_abs_logits = where(g, cond, negate(g, logits), logits)
        diff = _op(g, "-", relu_logits, _op(g, "*", logits, labels))
        log1p = gen_unary(g, "Log1p", gen_unary(g, "Exp", neg_abs_logits))
        return add(g, diff, log1p, name=scope)
