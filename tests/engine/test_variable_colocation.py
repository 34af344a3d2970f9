"""A variable's `_class: loc:@<name>` on its initializer's ops.

`RefVariable._init_from_args` makes the initializer's ops and the variable
op under `Graph._attr_scope({"_class": ...})`: each op gets the attr as it
is made, unless it has a `_class` of its own (an op colocated with another
variable keeps that one), and the ops made before making the variable fails
keep it.  engine/variables.py sets it at creation for the initializers it
makes itself, else once the variable op exists or on the failure:
tf_probes/variable_colocation.py prints the attr of every op in each case;
scopesim must print what TensorFlow 2.21 printed (variable_colocation.out).
"""

import difflib

from probe_replay import recorded, replay


def test_variable_colocation_answers_as_tensorflow(monkeypatch):
    got, expected = replay("variable_colocation", monkeypatch), recorded("variable_colocation")
    diff = list(difflib.unified_diff(expected, got, "tensorflow", "scopesim", lineterm="", n=1))
    assert got == expected, "\n".join(diff[:60])
