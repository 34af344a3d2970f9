"""Tensor.set_shape, one TensorFlow rule per case of
tf_probes/ops_array/ops_set_shape.py (what TensorFlow 2.21 printed:
ops_set_shape.out)."""

import pytest

from probe_cases import Folder

OPS_ARRAY = Folder("ops_array")


@pytest.mark.parametrize("name", OPS_ARRAY.case_names("ops_set_shape"))
def test_set_shape_rule(name):
    OPS_ARRAY.check("ops_set_shape", name)
