"""Library use (docs/python.md): the example test of the page runs and
passes, and fresh_graph() isolates each block from the caller's graph."""

from __future__ import annotations

import re
from pathlib import Path

from scopesim.tf import compat_v1 as tf
from scopesim.tf.testing import fresh_graph

DOC = Path(__file__).parent.parent / "docs" / "python.md"


def _example_test() -> str:
    blocks = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    return next(b for b in blocks if "def test_checkpoint_keys" in b)


def test_the_documented_example_passes():
    namespace: dict = {}
    exec(compile(_example_test(), "test_checkpoint_keys.py", "exec"), namespace)
    namespace["test_checkpoint_keys"]()


def test_fresh_graph_is_empty_and_leaves_the_callers_graph_alone():
    outer = tf.get_default_graph()
    before = len(outer.get_operations())
    with fresh_graph() as g:
        assert tf.get_default_graph() is not outer
        tf.get_variable("w", [2])
        with fresh_graph() as inner:
            tf.get_variable("w", [3])       # no clash: a graph of its own
        assert inner.variables == [{"name": "w:0", "shape": [3], "dtype": "float32",
                                    "trainable": True}]
    assert tf.get_default_graph() is outer
    assert len(outer.get_operations()) == before
    assert g.variable_names == ["w:0"]
    assert g.ops[-3:] == [{"name": "w", "type": "VariableV2"},
                          {"name": "w/Assign", "type": "Assign"},
                          {"name": "w/read", "type": "Identity"}]
    assert set(g.to_json()) == {"variables", "ops", "collections"}


def test_fresh_graph_follows_a_reset_default_graph():
    with fresh_graph() as g:
        tf.get_variable("old", [1])
        tf.reset_default_graph()
        tf.get_variable("new", [1])
    assert g.variable_names == ["new:0"]
