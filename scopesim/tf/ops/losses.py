"""`ops/losses/losses_impl.py` and `ops/losses/util.py`: the v1 losses of
tf.compat.v1.losses (the rules are in `scopesim.engine.losses`)."""

from __future__ import annotations

from ...engine import losses as _losses
from ...engine.graph import get_default_graph
from ...engine.losses import Reduction
from ..util.dispatch import add_dispatch_support

__all__ = ["Reduction", "add_loss", "compute_weighted_loss", "get_losses",
           "get_regularization_loss", "get_regularization_losses", "mean_squared_error",
           "softmax_cross_entropy", "sparse_softmax_cross_entropy"]

_LOSSES = "losses"


@add_dispatch_support
def compute_weighted_loss(losses, weights=1.0, scope=None, loss_collection=_LOSSES,
                          reduction=Reduction.SUM_BY_NONZERO_WEIGHTS):
    """`tf.compat.v1.losses.compute_weighted_loss` (`losses_impl.compute_weighted_loss`)."""
    return _losses.compute_weighted_loss(get_default_graph(), losses, weights, scope,
                                         loss_collection, reduction)


@add_dispatch_support
def mean_squared_error(labels, predictions, weights=1.0, scope=None, loss_collection=_LOSSES,
                       reduction=Reduction.SUM_BY_NONZERO_WEIGHTS):
    """`tf.compat.v1.losses.mean_squared_error` (`losses_impl.mean_squared_error`)."""
    return _losses.mean_squared_error(get_default_graph(), labels, predictions, weights, scope,
                                      loss_collection, reduction)


@add_dispatch_support
def softmax_cross_entropy(onehot_labels, logits, weights=1.0, label_smoothing=0, scope=None,
                          loss_collection=_LOSSES,
                          reduction=Reduction.SUM_BY_NONZERO_WEIGHTS):
    """`tf.compat.v1.losses.softmax_cross_entropy` (`losses_impl.softmax_cross_entropy`)."""
    return _losses.softmax_cross_entropy(get_default_graph(), onehot_labels, logits, weights,
                                         label_smoothing, scope, loss_collection, reduction)


@add_dispatch_support
def sparse_softmax_cross_entropy(labels, logits, weights=1.0, scope=None,
                                 loss_collection=_LOSSES,
                                 reduction=Reduction.SUM_BY_NONZERO_WEIGHTS):
    """`tf.compat.v1.losses.sparse_softmax_cross_entropy`
    (`losses_impl.sparse_softmax_cross_entropy`)."""
    return _losses.sparse_softmax_cross_entropy(get_default_graph(), labels, logits, weights,
                                                scope, loss_collection, reduction)


def add_loss(loss, loss_collection=_LOSSES):
    """`tf.compat.v1.losses.add_loss` (`losses.util.add_loss`)."""
    _losses.add_loss(get_default_graph(), loss, loss_collection)


def get_losses(scope=None, loss_collection=_LOSSES):
    """`tf.compat.v1.losses.get_losses` (`losses.util.get_losses`)."""
    return _losses.get_losses(get_default_graph(), scope, loss_collection)


def get_regularization_losses(scope=None):
    """`tf.compat.v1.losses.get_regularization_losses`
    (`losses.util.get_regularization_losses`)."""
    return _losses.get_regularization_losses(get_default_graph(), scope)


def get_regularization_loss(scope=None, name="total_regularization_loss"):
    """`tf.compat.v1.losses.get_regularization_loss`
    (`losses.util.get_regularization_loss`)."""
    return _losses.get_regularization_loss(get_default_graph(), scope, name)
