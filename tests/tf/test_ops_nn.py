"""The nn ops, one TensorFlow rule per probe case (tf_probes/ops_nn/*.py,
what TensorFlow 2.21 printed in the .out beside each): names, scopes,
internal constants, op types, shapes, dtypes and errors."""

import pytest

from probe_cases import Folder

OPS_NN = Folder("ops_nn")
cases, check = OPS_NN.recorded_names, OPS_NN.check


@pytest.mark.parametrize("name", cases("nn_act"))
def test_activation_and_bias_add_rule(name):
    check("nn_act", name)


@pytest.mark.parametrize("name", cases("nn_conv"))
def test_conv_and_pool_rule(name):
    check("nn_conv", name)
