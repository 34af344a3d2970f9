"""The v1 losses: `ops/losses/losses_impl.py`, `ops/losses/util.py` and the
`weights_broadcast_ops.py` they use, as TF 2.21 builds them in graph mode.

A loss opens its scope (`mean_squared_error/`), computes the per-element
losses, then `compute_weighted_loss` re-enters that scope: the weights'
`assert_broadcastable/` (a `NoOp` when the shapes are static, under whose
control the rest is built), `Mul`, `Sum`, the reduction's divisor
(`num_present/` with its `broadcast_weights/`, `num_elements`, or a sum of
`ones_like(losses) * weights`) and `value` (DivNoNan), then the loss is
added to the `losses` collection.  Weights whose shapes are not static get
TensorFlow's run-time checks (`weights_broadcast.py`).  `g` is the default
graph.
"""

from __future__ import annotations

from ..errors import TFValueError
from . import opdefs_array as _opdefs  # noqa: F401 - registers the OpDefs
from .array_fns import ones_like, rank, shape, size, squeeze, where, zeros_like
from .cond_v1 import cond
from .convert import convert_to_tensor
from .gen_ops import gen_binary
from .graph import Graph, Tensor
from .math import binary_operator, cast, multiply
from .math_fns import add_n, equality, reduce
from .nn_impl import (compatible, softmax_cross_entropy_with_logits_v2,
                      sparse_softmax_cross_entropy_with_logits, stop_gradient)
from .opdef import graph_from_inputs, name_scope
from .array import slice_helper
from .tensor_shape import TensorShape
from .weights_broadcast import assert_broadcastable, broadcast_weights, control_dependencies

LOSSES = "losses"
REGULARIZATION_LOSSES = "regularization_losses"


class Reduction:
    """`losses_impl.Reduction`: the reduction keys."""

    NONE = "none"
    SUM = "weighted_sum"
    SUM_OVER_BATCH_SIZE = "weighted_sum_over_batch_size"
    MEAN = "weighted_mean"
    SUM_BY_NONZERO_WEIGHTS = "weighted_sum_by_nonzero_weights"
    SUM_OVER_NONZERO_WEIGHTS = SUM_BY_NONZERO_WEIGHTS

    @classmethod
    def all(cls):
        return (cls.NONE, cls.SUM, cls.MEAN, cls.SUM_OVER_BATCH_SIZE,
                cls.SUM_OVER_NONZERO_WEIGHTS, cls.SUM_BY_NONZERO_WEIGHTS)

    @classmethod
    def validate(cls, key):
        if key not in cls.all():
            raise TFValueError(f"Invalid Reduction Key {key}. Key should be one of "
                               f"{cls.all()}.")


Reduction.__module__ = "tensorflow.python.ops.losses.losses_impl"


def _shape_text(dims) -> str:
    return str(TensorShape._of(dims))


def assert_is_compatible_with(a, b) -> None:
    """`TensorShape.assert_is_compatible_with`."""
    if not compatible(a, b):
        raise TFValueError(f"Shapes {_shape_text(a)} and {_shape_text(b)} are incompatible")


# ================================================================ losses


def _num_elements(g: Graph, losses: Tensor) -> Tensor:
    """`losses_impl._num_elements`: `size` named `num_elements`, cast."""
    with name_scope(g, None, "num_elements") as scope:
        return cast(g, size(g, losses, name=scope), losses._dt)


def _num_present(g: Graph, losses: Tensor, weights) -> Tensor:
    """`losses_impl._num_present` (not per batch): a non-zero Python float
    weight is `_num_elements`; else in `num_present/` the weights' `Equal`
    to 0, `Select` of `zeros_like`/`ones_like`, `broadcast_weights` over the
    losses and their `Sum` named by the scope."""
    if isinstance(weights, float) and weights != 0.0:
        return _num_elements(g, losses)
    with name_scope(g, None, "num_present") as scope:
        weights = cast(g, weights, "float32")
        present = where(g, equality(g, "Equal", weights, 0.0), zeros_like(g, weights),
                        ones_like(g, weights))
        present = broadcast_weights(g, present, losses)
        return reduce(g, "Sum", present, name=scope)


def _safe_mean(g: Graph, losses: Tensor, num_present: Tensor) -> Tensor:
    """`losses_impl._safe_mean`: `Sum` of the losses, `div_no_nan` named
    `value`."""
    total = reduce(g, "Sum", losses)
    return div_no_nan(g, total, num_present, name="value")


def div_no_nan(g: Graph, x, y, name=None) -> Tensor:
    """`math_ops.div_no_nan`: in `div_no_nan/` (or `name`), `x` and `y`
    (to x's dtype) converted, DivNoNan named by the scope."""
    g = graph_from_inputs(g, (x, y))
    with name_scope(g, name, "div_no_nan") as scope:
        x = convert_to_tensor(g, x, name="x")
        y = convert_to_tensor(g, y, x._dt, name="y")
        return gen_binary(g, "DivNoNan", x, y, scope)


def add_loss(g: Graph, loss, loss_collection=LOSSES) -> None:
    """`losses.util.add_loss`: into `loss_collection` when it is truthy."""
    if loss_collection:
        g.add_to_collection(loss_collection, loss)


def compute_weighted_loss(g: Graph, losses, weights=1.0, scope=None, loss_collection=LOSSES,
                          reduction=Reduction.SUM_BY_NONZERO_WEIGHTS) -> Tensor:
    """`losses_impl.compute_weighted_loss`: the reduction validated; in
    `weighted_loss/` (or the loss's scope), under `assert_broadcastable`'s
    control: the losses and weights cast to float32, `Mul`, then the
    reduction, cast back to the losses' dtype and added to the collection."""
    Reduction.validate(reduction)
    g = graph_from_inputs(g, (losses, weights))
    with name_scope(g, scope, "weighted_loss"):
        # (TensorFlow also records `reduction` as the graph's `_last_loss_reduction`,
        # which only Estimator reads)
        with control_dependencies(g, [assert_broadcastable(g, weights, losses)]):
            losses = convert_to_tensor(g, losses)
            input_dtype = losses._dt
            losses = cast(g, losses, "float32")
            weights = cast(g, weights, "float32")
            weighted_losses = multiply(g, losses, weights)
            if reduction == Reduction.NONE:
                loss = weighted_losses
            else:
                loss = reduce(g, "Sum", weighted_losses)
                if reduction == Reduction.MEAN:
                    ones = binary_operator(g, "*", ones_like(g, losses), weights)
                    loss = _safe_mean(g, loss, reduce(g, "Sum", ones))
                elif reduction == Reduction.SUM_BY_NONZERO_WEIGHTS:
                    loss = _safe_mean(g, loss, _num_present(g, losses, weights))
                elif reduction == Reduction.SUM_OVER_BATCH_SIZE:
                    loss = _safe_mean(g, loss, _num_elements(g, losses))
            loss = cast(g, loss, input_dtype)
            add_loss(g, loss, loss_collection)
            return loss


def mean_squared_error(g: Graph, labels, predictions, weights=1.0, scope=None,
                       loss_collection=LOSSES,
                       reduction=Reduction.SUM_BY_NONZERO_WEIGHTS) -> Tensor:
    """`losses_impl.mean_squared_error`: in `mean_squared_error/`, both cast
    to float32 (predictions first), their shapes compatible,
    `SquaredDifference`, then `compute_weighted_loss` in that scope."""
    if labels is None:
        raise TFValueError("Argument `labels` must not be None.")
    if predictions is None:
        raise TFValueError("Argument `predictions` must not be None.")
    g = graph_from_inputs(g, (predictions, labels, weights))
    with name_scope(g, scope, "mean_squared_error") as scope:
        predictions = cast(g, predictions, "float32")
        labels = cast(g, labels, "float32")
        assert_is_compatible_with(predictions._dims, labels._dims)
        losses = gen_binary(g, "SquaredDifference", predictions, labels, None)
        return compute_weighted_loss(g, losses, weights, scope, loss_collection, reduction)


def softmax_cross_entropy(g: Graph, onehot_labels, logits, weights=1.0, label_smoothing=0,
                          scope=None, loss_collection=LOSSES,
                          reduction=Reduction.SUM_BY_NONZERO_WEIGHTS) -> Tensor:
    """`losses_impl.softmax_cross_entropy`: in `softmax_cross_entropy_loss/`,
    `logits` converted (`Const`), the labels cast to its dtype, the shapes
    compatible, label smoothing, `labels_stop_gradient`, the v2 cross
    entropy named `xentropy`, then `compute_weighted_loss`."""
    if onehot_labels is None:
        raise TFValueError("Argument `onehot_labels` must not be None.")
    if logits is None:
        raise TFValueError("Argument `logits` must not be None.")
    g = graph_from_inputs(g, (logits, onehot_labels, weights))
    with name_scope(g, scope, "softmax_cross_entropy_loss") as scope:
        logits = convert_to_tensor(g, logits)
        onehot_labels = cast(g, onehot_labels, logits._dt)
        assert_is_compatible_with(logits._dims, onehot_labels._dims)
        if label_smoothing > 0:
            last = slice_helper(g, shape(g, onehot_labels), -1,
                                lambda a, b: binary_operator(g, "+", a, b))
            num_classes = cast(g, last, logits._dt)
            smooth_positives = 1.0 - label_smoothing
            smooth_negatives = truediv_r(g, label_smoothing, num_classes)
            onehot_labels = binary_operator(
                g, "+", binary_operator(g, "*", onehot_labels, smooth_positives),
                smooth_negatives)
        onehot_labels = stop_gradient(g, onehot_labels, name="labels_stop_gradient")
        losses = softmax_cross_entropy_with_logits_v2(g, onehot_labels, logits, name="xentropy")
        return compute_weighted_loss(g, losses, weights, scope, loss_collection, reduction)


def truediv_r(g: Graph, x, y: Tensor) -> Tensor:
    """`x / y` with a Python `x`: `y.__rtruediv__(x)`."""
    return binary_operator(g, "/", x, y)


def _squeezable(dims) -> bool:
    """`shape.dims[-1].is_compatible_with(1)` of a shape of known rank (a
    scalar's dims are an empty list: its IndexError)."""
    return list(dims)[-1] in (None, 1)


def _maybe_squeeze(g: Graph, x: Tensor, expected, rank_diff: Tensor) -> Tensor:
    """The dynamic branch of a squeeze: a v1 `cond` on `Equal(expected,
    rank_diff)` between `Squeeze(x, [-1])` and `x`."""
    return cond(g, equality(g, "Equal", expected, rank_diff), lambda: squeeze(g, x, [-1]),
                lambda: x)


def remove_squeezable_dimensions(g: Graph, labels, predictions, expected_rank_diff: int = 0):
    """`confusion_matrix.remove_squeezable_dimensions`: in
    `remove_squeezable_dimensions/`, both converted (`Const`); static ranks
    squeeze a trailing dim of 1 from the predictions or the labels when
    their ranks differ by one more or less than expected; otherwise
    `Rank`s, `sub`, and a cond each for the predictions and the labels
    whose rank is unknown or whose last dim may be 1."""
    g = graph_from_inputs(g, (labels, predictions))
    with name_scope(g, None, "remove_squeezable_dimensions"):
        predictions = convert_to_tensor(g, predictions)
        labels = convert_to_tensor(g, labels)
        p, lab = predictions._dims, labels._dims
        if p is not None and lab is not None:
            diff = len(p) - len(lab)
            if diff == expected_rank_diff + 1 and _squeezable(p):
                predictions = squeeze(g, predictions, [-1])
            elif diff == expected_rank_diff - 1 and _squeezable(lab):
                labels = squeeze(g, labels, [-1])
            return labels, predictions
        rank_diff = binary_operator(g, "-", rank(g, predictions), rank(g, labels))
        if p is None or _squeezable(p):
            predictions = _maybe_squeeze(g, predictions, expected_rank_diff + 1, rank_diff)
        if lab is None or _squeezable(lab):
            labels = _maybe_squeeze(g, labels, expected_rank_diff - 1, rank_diff)
        return labels, predictions


def _remove_squeezable_dimensions(g: Graph, labels, predictions, weights,
                                  expected_rank_diff: int):
    """`losses_impl._remove_squeezable_dimensions`: the labels' and
    predictions' (`remove_squeezable_dimensions`), then the weights
    converted (`Const`): static ranks squeeze them when one rank above the
    labels; otherwise `Rank`s, `sub`, and a cond when the weights' rank is
    unknown or their last dim may be 1."""
    labels, predictions = remove_squeezable_dimensions(g, labels, predictions,
                                                       expected_rank_diff)
    if weights is not None:
        weights = convert_to_tensor(g, weights)
        w, lab = weights._dims, labels._dims
        if w is not None and lab is not None:
            if len(w) - len(lab) == 1:
                weights = squeeze(g, weights, [-1])
            return labels, predictions, weights
        rank_diff = binary_operator(g, "-", rank(g, weights), rank(g, labels))
        if w is None or (len(w) > 0 and _squeezable(w)):
            weights = _maybe_squeeze(g, weights, 1, rank_diff)
    return labels, predictions, weights


def sparse_softmax_cross_entropy(g: Graph, labels, logits, weights=1.0, scope=None,
                                 loss_collection=LOSSES,
                                 reduction=Reduction.SUM_BY_NONZERO_WEIGHTS) -> Tensor:
    """`losses_impl.sparse_softmax_cross_entropy`: in
    `sparse_softmax_cross_entropy_loss/`, the squeezable dims removed, the
    sparse cross entropy named `xentropy`, then `compute_weighted_loss`."""
    if labels is None:
        raise TFValueError("Argument `labels` must not be None.")
    if logits is None:
        raise TFValueError("Argument `logits` must not be None.")
    g = graph_from_inputs(g, (logits, labels, weights))
    with name_scope(g, scope, "sparse_softmax_cross_entropy_loss") as scope:
        labels, logits, weights = _remove_squeezable_dimensions(g, labels, logits, weights, 1)
        losses = sparse_softmax_cross_entropy_with_logits(g, labels, logits, name="xentropy")
        return compute_weighted_loss(g, losses, weights, scope, loss_collection, reduction)


def get_losses(g: Graph, scope=None, loss_collection=LOSSES) -> list:
    """`losses.util.get_losses`."""
    return g.get_collection(loss_collection, scope)


def get_regularization_losses(g: Graph, scope=None) -> list:
    """`losses.util.get_regularization_losses`."""
    return g.get_collection(REGULARIZATION_LOSSES, scope)


def get_regularization_loss(g: Graph, scope=None, name="total_regularization_loss") -> Tensor:
    """`losses.util.get_regularization_loss`: `add_n` of the losses named
    `name` (one loss: its `identity`), none a `Const` 0.0."""
    losses = get_regularization_losses(g, scope)
    if losses:
        return add_n(g, losses, name=name)
    return convert_to_tensor(g, 0.0)
