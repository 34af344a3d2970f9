"""op.get_attr, str(op) (the NodeDef) and tensordot on partly known shapes,
one TensorFlow rule per case of tf_probes/ops_array/ops_attrs.py (what TensorFlow 2.21 printed: ops_attrs.out)."""

import pytest

from ops_probe_cases import case_names, check


@pytest.mark.parametrize("name", case_names("ops_attrs"))
def test_op_attrs_rule(name):
    check("ops_attrs", name)
