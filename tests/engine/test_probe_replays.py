"""The TensorFlow probes of tf_probes/, run unchanged with scopesim's
tf.compat.v1 in place of TensorFlow (probe_replay.py): each must print, line
for line, what TensorFlow 2.21 printed (its `.out`).

math_*: the op functions and Python's operators on every kind of operand
(names, dtypes, shapes, constants, dispatch's binding errors);
values_*: Python's operators, calls, `except` clauses and `name_scope` on
the values that are not tensors (TensorShape, DType, Operation,
VariableScope, a caught exception, AUTO_REUSE)."""

import difflib

import pytest

from probe_replay import recorded, replay

PROBES = ["math_operators", "math_functions", "math_shapes", "math_constants",
          "values_operators", "values_calls", "values_exceptions", "values_name_scopes"]


@pytest.mark.filterwarnings("ignore::SyntaxWarning")   # values_calls calls "s"(), 2(), ...
@pytest.mark.parametrize("probe", PROBES)
def test_probe_prints_what_tensorflow_printed(probe, monkeypatch):
    got, expected = replay(probe, monkeypatch), recorded(probe)
    diff = list(difflib.unified_diff(expected, got, "tensorflow", "scopesim", lineterm="", n=1))
    assert got == expected, "\n".join(diff[:60])
