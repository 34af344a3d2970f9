"""`ops/nn_ops.py` (and the `gen_nn_ops` functions `tf.nn` exports): the
activations, bias_add, xw_plus_b, l2_loss, conv2d and the pools (the rules
are in `scopesim.engine.nn` and `nn_conv`)."""

from __future__ import annotations

from ...engine import math as _m
from ...engine import nn as _nn
from ...engine import nn_conv as _conv
from ...engine import nn_impl as _impl
from ...engine.graph import _GLOBAL, _GRAPH_STACK, get_default_graph
from ..util.dispatch import add_dispatch_support


def relu(features, name=None):
    """`tf.nn.relu` (`gen_nn_ops.relu`)."""
    return _m.relu(_GRAPH_STACK[-1] if _GRAPH_STACK else _GLOBAL[0],   # `get_default_graph()`
                   features, name)


@add_dispatch_support
def relu6(features, name=None):
    """`tf.nn.relu6` (`nn_ops.relu6`)."""
    return _nn.relu6(get_default_graph(), features, name)


def elu(features, name=None):
    """`tf.nn.elu` (`gen_nn_ops.elu`)."""
    return _nn.elu(get_default_graph(), features, name)


def softplus(features, name=None):
    """`tf.nn.softplus` (`gen_nn_ops.softplus`)."""
    return _nn.softplus(get_default_graph(), features, name)


@add_dispatch_support
def leaky_relu(features, alpha=0.2, name=None):
    """`tf.nn.leaky_relu` (`nn_ops.leaky_relu`)."""
    return _nn.leaky_relu(get_default_graph(), features, alpha, name)


@add_dispatch_support
def softmax(logits, axis=None, name=None, dim=None):
    """`tf.compat.v1.nn.softmax` (`nn_ops.softmax`)."""
    return _nn.softmax(get_default_graph(), logits, axis, name, dim)


@add_dispatch_support
def log_softmax(logits, axis=None, name=None, dim=None):
    """`tf.compat.v1.nn.log_softmax` (`nn_ops.log_softmax`)."""
    return _nn.log_softmax(get_default_graph(), logits, axis, name, dim)


@add_dispatch_support
def bias_add(value, bias, data_format=None, name=None):
    """`tf.nn.bias_add` (`nn_ops.bias_add`)."""
    return _nn.bias_add(get_default_graph(), value, bias, data_format, name)


@add_dispatch_support
def xw_plus_b(x, weights, biases, name=None):  # pylint: disable=invalid-name
    """`tf.compat.v1.nn.xw_plus_b` (`nn_ops.xw_plus_b`)."""
    return _nn.xw_plus_b(get_default_graph(), x, weights, biases, name)


def l2_loss(t, name=None):
    """`tf.nn.l2_loss` (`gen_nn_ops.l2_loss`)."""
    return _nn.l2_loss(get_default_graph(), t, name)


@add_dispatch_support
def conv2d(input, filter=None, strides=None, padding=None, use_cudnn_on_gpu=True,  # noqa: A002
           data_format="NHWC", dilations=[1, 1, 1, 1], name=None, filters=None):  # noqa: B006
    """`tf.compat.v1.nn.conv2d` (`nn_ops.conv2d`)."""
    return _conv.conv2d(get_default_graph(), input, filter, strides, padding, use_cudnn_on_gpu,
                      data_format, dilations, name, filters)


@add_dispatch_support
def max_pool(value, ksize, strides, padding, data_format="NHWC", name=None,
             input=None):  # noqa: A002
    """`tf.compat.v1.nn.max_pool` (`nn_ops.max_pool`)."""
    return _conv.max_pool(get_default_graph(), value, ksize, strides, padding, data_format, name,
                        input)


@add_dispatch_support
def avg_pool(value, ksize, strides, padding, data_format="NHWC", name=None,
             input=None):  # noqa: A002
    """`tf.compat.v1.nn.avg_pool` (`nn_ops.avg_pool`)."""
    return _conv.avg_pool(get_default_graph(), value, ksize, strides, padding, data_format, name,
                        input)


@add_dispatch_support
def dropout(x, keep_prob=None, noise_shape=None, seed=None, name=None, rate=None):
    """`tf.compat.v1.nn.dropout` (`nn_ops.dropout`; `keep_prob` deprecated:
    TensorFlow's warning is a log line, not printed here)."""
    return _impl.dropout(get_default_graph(), x, keep_prob, noise_shape, seed, name, rate)


@add_dispatch_support
def softmax_cross_entropy_with_logits_v2_helper(labels, logits, axis=None, name=None, dim=None):
    """`tf.compat.v1.nn.softmax_cross_entropy_with_logits_v2`
    (`nn_ops.softmax_cross_entropy_with_logits_v2_helper`)."""
    return _impl.softmax_cross_entropy_with_logits_v2(get_default_graph(), labels, logits, axis,
                                                      name, dim)


softmax_cross_entropy_with_logits_v2 = softmax_cross_entropy_with_logits_v2_helper


@add_dispatch_support
def softmax_cross_entropy_with_logits(labels=None, logits=None, dim=-1, name=None, axis=None):
    """`tf.compat.v1.nn.softmax_cross_entropy_with_logits`
    (`nn_ops.softmax_cross_entropy_with_logits`, deprecated: its warning is
    not printed)."""
    return _impl.softmax_cross_entropy_with_logits(get_default_graph(), labels, logits, dim,
                                                   name, axis)


@add_dispatch_support
def sparse_softmax_cross_entropy_with_logits(labels=None, logits=None, name=None):
    """`tf.compat.v1.nn.sparse_softmax_cross_entropy_with_logits`
    (`nn_ops.sparse_softmax_cross_entropy_with_logits`)."""
    return _impl.sparse_softmax_cross_entropy_with_logits(get_default_graph(), labels, logits,
                                                          name)
