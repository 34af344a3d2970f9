"""An op's outputs, kept compactly by the engine, as a program sees them.

engine/graph.py keeps a one-output op's tensor without a list until
`Operation.outputs` is read, and `_apply_op_helper`'s ops and constants are
created by shorter paths (`Graph.create_checked`, `Graph.create_tensor`):
tf_probes/op_outputs.py reads the outputs every way a program can (the same
list at every read, changed by `append`; `values()`; inputs, consumers, by
name) and makes the errors of those paths; scopesim must print what
TensorFlow 2.21 printed (op_outputs.out).
"""

import difflib

from probe_replay import recorded, replay


def test_op_outputs_answer_as_tensorflow(monkeypatch):
    got, expected = replay("op_outputs", monkeypatch), recorded("op_outputs")
    diff = list(difflib.unified_diff(expected, got, "tensorflow", "scopesim", lineterm="", n=1))
    assert got == expected, "\n".join(diff[:60])
