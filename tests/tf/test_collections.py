"""tf.device and caching collections_keys, one TensorFlow rule per case of
tf_probes/collections_keys.py (what TensorFlow 2.21 printed: collections_keys.out)."""

import pytest

from probe_cases import case_names, check


@pytest.mark.parametrize("name", case_names("collections_keys"))
def test_collections_rule(name):
    check("collections_keys", name)
