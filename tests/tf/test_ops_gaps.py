"""The op library's remaining rules, one TensorFlow rule per probe case
(tf_probes/ops_gaps/*.py, what TensorFlow 2.21 printed in the .out beside
each): names, scopes, internal constants, op types, shapes, dtypes and
errors."""

import pytest

from probe_cases import Folder

OPS_GAPS = Folder("ops_gaps")
cases, check = OPS_GAPS.recorded_names, OPS_GAPS.check


@pytest.mark.parametrize("name", cases("softmax"))
def test_softmax_wrap_2d_function_rule(name):
    check("softmax", name)


@pytest.mark.parametrize("name", cases("conv"))
def test_conv2d_squeeze_batch_dims_rule(name):
    check("conv", name)


@pytest.mark.parametrize("name", cases("embedding"))
def test_embedding_lookup_partitioned_rule(name):
    check("embedding", name)


@pytest.mark.parametrize("name", cases("contract"))
def test_tensordot_and_einsum_rule(name):
    check("contract", name)


@pytest.mark.parametrize("name", cases("args"))
def test_every_documented_argument(name):
    check("args", name)


@pytest.mark.parametrize("name", cases("losses_dynamic"))
def test_losses_run_time_checks_rule(name):
    check("losses_dynamic", name)


@pytest.mark.parametrize("name", cases("partitioned_resource"))
def test_partitioned_resource_variable_rule(name):
    check("partitioned_resource", name)


@pytest.mark.parametrize("name", cases("xent_shapes"))
def test_cross_entropy_run_time_shapes_rule(name):
    check("xent_shapes", name)


@pytest.mark.parametrize("name", cases("found"))
def test_rule_found_by_differential_runs(name):
    check("found", name)
