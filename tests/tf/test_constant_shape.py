"""`tf.compat.v1.constant(value, shape=...)` (`constant_op.constant_v1`,
`make_tensor_proto` without `allow_broadcast`), one rule per probe case
(tf_probes/ops_gaps/constant_shape.py, what TensorFlow 2.21 printed in
constant_shape.out): the filled or reshaped tensor, its Const's NodeDef
text (`*_val` of the values kept, `tensor_content` of a full value), the
errors of too many elements, of `verify_shape` and of bad dims, and the
filled value as shape inference reads it."""

import pytest

from probe_cases import Folder
from scopesim.errors import NotSimulated
from scopesim.tf import compat_v1 as T

OPS_GAPS = Folder("ops_gaps")


@pytest.mark.parametrize("name", OPS_GAPS.recorded_names("constant_shape"))
def test_constant_shape_rule(name):
    OPS_GAPS.check("constant_shape", name)


def test_every_probe_case_is_recorded():
    assert OPS_GAPS.case_names("constant_shape") == OPS_GAPS.recorded_names("constant_shape")


def test_a_scalar_of_no_value_is_not_simulated():
    # TensorFlow makes a float32 scalar whose proto keeps no value (its NodeDef
    # text prints none); scopesim keeps no such scalar and says so
    T.reset_default_graph()
    with pytest.raises(NotSimulated, match=r"tf\.constant\(\[\], shape=\[\]\)"):
        T.constant([], shape=[])
