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


def _fresh_python(code: str) -> str:
    """Run `code` in a new interpreter (the package imported the way it says)."""
    import subprocess
    import sys
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_import_scopesim_tf_as_tf_is_compat_v1():
    import scopesim.tf as package
    assert package.get_variable is tf.get_variable
    assert package.nn.relu is tf.nn.relu
    assert package.summary is tf.summary            # not the package's own summary.py
    assert "get_variable" in dir(package)


def test_import_scopesim_tf_names_as_tensorflow_does():
    import pytest
    import scopesim.tf as package
    from scopesim.errors import NotSimulated
    with pytest.raises(AttributeError,
                       match="^module 'tensorflow.compat.v1' has no attribute 'nope'$"):
        package.nope
    with pytest.raises(NotSimulated):
        package.summary.text


def test_import_scopesim_tf_after_a_submodule_and_before():
    first_runtime = _fresh_python(
        "import sys, scopesim.tf.runtime\n"
        "print('scopesim.tf.compat_v1' in sys.modules)\n"
        "import scopesim.tf as tf\n"
        "with tf.variable_scope('a'):\n    print(tf.get_variable('w', [2]).name)\n")
    assert first_runtime == "False\na/w:0\n"
    first_package = _fresh_python(
        "import scopesim.tf as tf\n"
        "print(tf.get_variable('w', [1]).name)\n"
        "from scopesim.tf import runtime, testing\n"
        "from scopesim.tf.testing import fresh_graph\n"
        "print(runtime.__name__, testing.__name__)\n")
    assert first_package == "w:0\nscopesim.tf.runtime scopesim.tf.testing\n"
