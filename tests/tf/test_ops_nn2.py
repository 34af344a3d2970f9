"""The composite nn functions, one TensorFlow rule per probe case
(tf_probes/ops_nn2/dropout.py and nn2.py, what TensorFlow 2.21 printed in
the .out beside each): dropout's scope and ops with `rate` and `keep_prob`,
moments, batch_normalization, the cross entropies' plumbing,
embedding_lookup over one tensor; names, constants, op types, shapes,
dtypes and errors."""

import pytest

from probe_cases import Folder

OPS_NN2 = Folder("ops_nn2")
cases, check = OPS_NN2.recorded_names, OPS_NN2.check


@pytest.mark.parametrize("name", cases("dropout"))
def test_dropout_rule(name):
    check("dropout", name)


@pytest.mark.parametrize("name", cases("nn2"))
def test_composite_nn_rule(name):
    check("nn2", name)


@pytest.mark.parametrize("name", cases("zero_fraction"))
def test_zero_fraction_rule(name):
    check("zero_fraction", name)


@pytest.mark.parametrize("name", cases("nn2_more"))
def test_more_composite_rule(name):
    check("nn2_more", name)
