"""tf.device and caching dtypes, one TensorFlow rule per case of
tf_probes/dtypes.py (what TensorFlow 2.21 printed: dtypes.out)."""

import pytest

from probe_cases import case_names, check


@pytest.mark.parametrize("name", case_names("dtypes"))
def test_dtypes_rule(name):
    check("dtypes", name)
