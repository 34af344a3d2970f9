"""tf.device and caching control_dependencies, one TensorFlow rule per case of
tf_probes/control_dependencies.py (what TensorFlow 2.21 printed: control_dependencies.out)."""

import pytest

from probe_cases import case_names, check


@pytest.mark.parametrize("name", case_names("control_dependencies"))
def test_control_dependencies_rule(name):
    check("control_dependencies", name)
