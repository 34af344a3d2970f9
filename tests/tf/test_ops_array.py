"""The array ops, one TensorFlow rule per case of tf_probes/ops_array/ops_array.py
(what TensorFlow 2.21 printed: ops_array.out): op names and types, the
constants each wrapper makes, shapes (known, partly known, unknown), dtypes
and error texts."""

import pytest

from probe_cases import Folder

OPS_ARRAY = Folder("ops_array")


@pytest.mark.parametrize("name", OPS_ARRAY.case_names("ops_array"))
def test_array_op_rule(name):
    OPS_ARRAY.check("ops_array", name)
