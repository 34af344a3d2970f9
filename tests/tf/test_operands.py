"""tf.device and caching list_operands, one TensorFlow rule per case of
tf_probes/list_operands.py (what TensorFlow 2.21 printed: list_operands.out)."""

import pytest

from probe_cases import case_names, check


@pytest.mark.parametrize("name", case_names("list_operands"))
def test_operands_rule(name):
    check("list_operands", name)
