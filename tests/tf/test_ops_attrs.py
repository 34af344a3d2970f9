"""op.get_attr, str(op) (the NodeDef) and tensordot on partly known shapes,
one TensorFlow rule per case of tf_probes/ops_array/ops_attrs.py (what TensorFlow 2.21 printed: ops_attrs.out)."""

import pytest

from probe_cases import Folder

OPS_ARRAY = Folder("ops_array")


@pytest.mark.parametrize("name", OPS_ARRAY.case_names("ops_attrs"))
def test_op_attrs_rule(name):
    OPS_ARRAY.check("ops_attrs", name)
