"""Operation.control_inputs: in the order they were added while the op has at
most 8 in-edges (data and control inputs together); past that TensorFlow's
order changes from run to run, and scopesim says it is not simulated.
Recorded from TF 2.21 by tests/tf/tf_probes/control_inputs_order.py."""

import json
from pathlib import Path

import pytest

import scopesim.tf as scopesim_tf
from scopesim.errors import NotSimulated
from scopesim.tf.testing import fresh_graph

RECORDED = json.loads((Path(__file__).parent / "tf_probes" / "control_inputs_order.out")
                      .read_text())
T = scopesim_tf      # scopesim.tf is tf.compat.v1


def _op(d: int, c: int):
    data = [T.constant(1.0, name="a%d" % i) for i in range(d)]
    controls = [T.no_op(name="n%d" % i) for i in range(c)]
    with T.control_dependencies(controls):
        op = T.add_n(data, name="s").op if d else T.no_op(name="s")
    return op, [o.name for o in controls]


@pytest.mark.parametrize("case", sorted(RECORDED))
def test_control_inputs_order_is_tensorflows_or_not_simulated(case):
    d, c = map(int, case.split("+"))
    with fresh_graph():
        op, added = _op(d, c)
        if RECORDED[case]:
            assert [o.name for o in op.control_inputs] == added
        else:
            with pytest.raises(NotSimulated, match="control_inputs"):
                op.control_inputs


def test_the_recording_has_both_kinds():
    assert RECORDED["0+8"] and RECORDED["6+2"]
    assert not RECORDED["0+9"] and not RECORDED["7+2"]
