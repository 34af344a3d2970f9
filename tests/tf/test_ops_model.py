"""The ops as model code combines them (shape tensors, tensor arguments,
resource variables, broadcasting), one TensorFlow rule per case of
tf_probes/ops_array/ops_model.py (what TensorFlow 2.21 printed: ops_model.out)."""

import pytest

from probe_cases import Folder

OPS_ARRAY = Folder("ops_array")


@pytest.mark.parametrize("name", OPS_ARRAY.case_names("ops_model"))
def test_model_code_rule(name):
    OPS_ARRAY.check("ops_model", name)
