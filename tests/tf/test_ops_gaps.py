"""The op library's remaining rules, one TensorFlow rule per probe case
(tf_probes/ops_gaps/*.py, what TensorFlow 2.21 printed in the .out beside
each): names, scopes, internal constants, op types, shapes, dtypes and
errors."""

import pytest

from gaps_probes import cases, check


@pytest.mark.parametrize("name", cases("softmax"))
def test_softmax_wrap_2d_function_rule(name):
    check("softmax", name)


@pytest.mark.parametrize("name", cases("conv"))
def test_conv2d_squeeze_batch_dims_rule(name):
    check("conv", name)
