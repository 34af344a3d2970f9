"""The v1 losses, one TensorFlow rule per case of tf_probes/ops_nn2/losses.py
and losses_more.py (what TensorFlow 2.21 printed in the .out beside each):
mean_squared_error, softmax_cross_entropy, sparse_softmax_cross_entropy
with their weights, reductions, assert_broadcastable / num_present / value
plumbing and control dependencies, the `losses` collection,
compute_weighted_loss, add_loss, get_regularization_loss; the softmax cross
entropy on another axis."""

import pytest

from test_ops_nn2 import cases, check


@pytest.mark.parametrize("name", cases("losses"))
def test_loss_rule(name):
    check("losses", name)


@pytest.mark.parametrize("name", cases("losses_more"))
def test_more_loss_rule(name):
    check("losses_more", name)
