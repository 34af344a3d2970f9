"""tf.device and caching devices, one TensorFlow rule per case of
tf_probes/devices.py (what TensorFlow 2.21 printed: devices.out)."""

import pytest

from probe_cases import case_names, check


@pytest.mark.parametrize("name", case_names("devices"))
def test_device_rule(name):
    check("devices", name)
