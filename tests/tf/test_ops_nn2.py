"""The composite nn functions, one TensorFlow rule per probe case
(tf_probes/ops_nn2/dropout.py and nn2.py, what TensorFlow 2.21 printed in
the .out beside each): dropout's scope and ops with `rate` and `keep_prob`,
moments, batch_normalization, the cross entropies' plumbing,
embedding_lookup over one tensor; names, constants, op types, shapes,
dtypes and errors."""

import sys

import pytest

from probe_cases import PROBES, recorded, run_case

OPS_NN2 = PROBES / "ops_nn2"
if str(OPS_NN2) not in sys.path:
    sys.path.insert(0, str(OPS_NN2))

import nn2_common  # noqa: E402,F401 - the probes' helpers, importable by name


def cases(probe: str) -> list:
    return list(recorded(f"ops_nn2/{probe}"))


def check(probe: str, name: str) -> None:
    assert run_case(probe, name) == recorded(f"ops_nn2/{probe}")[name]


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
