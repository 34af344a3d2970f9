"""sequence_mask, tensordot, einsum, variables as the ops' inputs, names
inside scopes and more errors, one TensorFlow rule per case of
tf_probes/ops_array/ops_more.py (what TensorFlow 2.21 printed: ops_more.out)."""

import pytest

from probe_cases import Folder

OPS_ARRAY = Folder("ops_array")


@pytest.mark.parametrize("name", OPS_ARRAY.case_names("ops_more"))
def test_more_op_rule(name):
    OPS_ARRAY.check("ops_more", name)
