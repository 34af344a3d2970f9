"""The math ops, one TensorFlow rule per case of tf_probes/ops_array/ops_math.py
(what TensorFlow 2.21 printed: ops_math.out): reductions and their
deprecated aliases, argmax, add_n, the binary and unary ops, the random
functions."""

import pytest

from probe_cases import Folder

OPS_ARRAY = Folder("ops_array")


@pytest.mark.parametrize("name", OPS_ARRAY.case_names("ops_math"))
def test_math_op_rule(name):
    OPS_ARRAY.check("ops_math", name)
