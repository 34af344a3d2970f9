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


def test_compact_attrs_read_and_change_as_a_dict():
    """An op keeps its attrs compactly (engine/graph.py `Operation._attr_data`):
    `_attrs` makes them the op's own dict (the same at every read, changed
    by what changes it), `_set_attr` changes them kept compact, and both
    ways the NodeDef text and `get_attr` are those of the dict."""
    from scopesim.engine.graph import Graph
    from scopesim.engine.nodedef import StrAttr

    def made():
        g = Graph()
        x = g.create_tensor("Placeholder", "x", (2,), "float32", (),
                            {"dtype": "float32", "shape": None})
        return g.create_tensor("Identity", "y", (2,), "float32", (x,), {"T": "float32"})._op

    located = [StrAttr("loc:@x")]
    compact, plain = made(), made()
    assert compact._attr_data.__class__ is tuple and compact._attr_dict() == {"T": "float32"}
    compact._set_attr("_class", located)
    compact._set_attr("T", "float32")
    assert compact._attr_data.__class__ is tuple
    attrs = plain._attrs
    assert attrs is plain._attrs and attrs == {"T": "float32"}
    attrs["_class"] = located
    assert plain._attrs["_class"] is located
    assert str(compact) == str(plain)
    assert compact.get_attr("_class") == plain.get_attr("_class") == [b"loc:@x"]
    assert compact._attrs == plain._attrs and list(compact._attrs) == ["T", "_class"]
