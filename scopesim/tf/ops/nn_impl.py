"""`ops/nn_impl.py` (and `ops/embedding_ops.py`'s `embedding_lookup`): the
composite nn functions of tf.compat.v1.nn (the rules are in
`scopesim.engine.nn_impl`).  Deprecation warnings are TensorFlow's log
lines, never the program's output: none is printed."""

from __future__ import annotations

from ...engine import embedding as _embedding
from ...engine import nn_impl as _impl
from ...engine.graph import get_default_graph
from ..util.dispatch import add_dispatch_support


@add_dispatch_support
def moments(x, axes, shift=None, name=None, keep_dims=None, keepdims=None):
    """`tf.compat.v1.nn.moments` (`nn_impl.moments`)."""
    return _impl.moments(get_default_graph(), x, axes, shift, name, keep_dims, keepdims)


@add_dispatch_support
def batch_normalization(x, mean, variance, offset, scale, variance_epsilon, name=None):
    """`tf.nn.batch_normalization` (`nn_impl.batch_normalization`)."""
    return _impl.batch_normalization(get_default_graph(), x, mean, variance, offset, scale,
                                     variance_epsilon, name)


@add_dispatch_support
def sigmoid_cross_entropy_with_logits(labels=None, logits=None, name=None):
    """`tf.compat.v1.nn.sigmoid_cross_entropy_with_logits`
    (`nn_impl.sigmoid_cross_entropy_with_logits`)."""
    return _impl.sigmoid_cross_entropy_with_logits(get_default_graph(), labels, logits, name)


@add_dispatch_support
def embedding_lookup(params, ids, partition_strategy="mod", name=None, validate_indices=True,
                     max_norm=None):
    """`tf.compat.v1.nn.embedding_lookup` (`embedding_ops.embedding_lookup`)."""
    return _embedding.embedding_lookup(get_default_graph(), params, ids, partition_strategy, name,
                                  validate_indices, max_norm)


@add_dispatch_support
def zero_fraction(value, name=None):
    """`tf.nn.zero_fraction` (`nn_impl.zero_fraction`)."""
    return _impl.zero_fraction(get_default_graph(), value, name)
