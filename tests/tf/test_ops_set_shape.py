"""Tensor.set_shape, one TensorFlow rule per case of
tf_probes/ops_array/ops_set_shape.py (what TensorFlow 2.21 printed:
ops_set_shape.out)."""

import pytest

from ops_probe_cases import case_names, check


@pytest.mark.parametrize("name", case_names("ops_set_shape"))
def test_set_shape_rule(name):
    check("ops_set_shape", name)
