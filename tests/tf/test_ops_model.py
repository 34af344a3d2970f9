"""The ops as model code combines them (shape tensors, tensor arguments,
resource variables, broadcasting), one TensorFlow rule per case of
tf_probes/ops_array/ops_model.py (what TensorFlow 2.21 printed: ops_model.out)."""

import pytest

from ops_probe_cases import case_names, check


@pytest.mark.parametrize("name", case_names("ops_model"))
def test_model_code_rule(name):
    check("ops_model", name)
