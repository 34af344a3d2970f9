"""The graph-mode check at its root (every op a program creates), and
`tensorflow.keras` (issue 9, item 1).

TensorFlow 2.21 (TF_USE_LEGACY_KERAS=1) imports `tensorflow.keras`,
`tensorflow.keras.layers` and `tensorflow.compat.v1.keras.layers` as
modules, says `No module named 'tensorflow.keras.nosuch'` for a module it
lacks and an ImportError for `from tensorflow.keras import nosuch`; in graph
mode `tf.compat.v1.nn.relu([2.0])` and `tf.compat.v1.random.normal([2])`
print the tensors below (checked with ~/tfvenv/bin/python).
"""

from __future__ import annotations

import textwrap

import pytest

from scopesim.engine.graph import Graph
from scopesim.errors import NotSimulated
from scopesim.pyfront import run_python
from scopesim.pyfront.namespace import GRAPH_MODE_HINT, Namespaces

HEADER = "import tensorflow as tf\ntf.compat.v1.disable_v2_behavior()\n"


def run(source: str, **kwargs):
    return run_python(textwrap.dedent(source), "model.py", **kwargs)


# ---------------------------------------------------------- graph mode


@pytest.mark.parametrize("call", ["tf.compat.v1.random.normal([2])",
                                  "tf.compat.v1.nn.relu([2.0])", "tf.nn.relu([2.0])",
                                  "tf.compat.v1.math.add(1, 2)",
                                  "tf.compat.v1.nn.bias_add([[1.0]], [1.0])"])
def test_every_graph_building_call_before_graph_mode_is_not_simulated(call):
    result = run(f"import tensorflow as tf\nx = {call}\n")
    assert result.error.type == "NotSimulated"
    assert result.error.message.endswith(f"is not simulated in eager mode: {GRAPH_MODE_HINT}")
    assert result.error.line == 2
    assert result.ops == []


def test_the_message_names_the_function_called():
    result = run("import tensorflow as tf\nx = tf.compat.v1.nn.relu([2.0])\n")
    assert result.error.message.startswith("relu() (creating a Const op) is not simulated")


def test_the_same_calls_in_graph_mode_build_the_graph():
    result = run(HEADER + "print(tf.compat.v1.nn.relu([2.0]))\n"
                          "print(tf.compat.v1.random.normal([2]))\n")
    assert result.error is None
    assert result.output == ['Tensor("Relu:0", shape=(1,), dtype=float32)',
                             'Tensor("random_normal:0", shape=(2,), dtype=float32)']


def test_the_root_check_is_removed_after_the_run():
    create_op = Graph.__dict__["create_op"]
    run("import tensorflow as tf\nx = tf.compat.v1.nn.relu([2.0])\n")
    assert Graph.__dict__["create_op"] is create_op
    from scopesim.tf import compat_v1
    with compat_v1.Graph().as_default():
        assert compat_v1.nn.relu([2.0]).name == "Relu:0"    # outside a run: no check


def test_variables_after_disable_eager_execution_alone_are_caught_at_the_root():
    spaces = Namespaces()
    spaces._disable_eager_execution()
    spaces.check_op("Relu")                       # ops are fine: graph mode is on
    for op_type in ("VariableV2", "VarHandleOp"):
        with pytest.raises(NotSimulated, match="resource variables"):
            spaces.check_op(op_type)
    spaces._disable_v2_behavior()
    spaces.check_op("VariableV2")


# ------------------------------------------------------ tensorflow.keras


@pytest.mark.parametrize("imports", [
    "import tensorflow.keras", "import tensorflow.keras as k",
    "from tensorflow.keras import layers", "import tensorflow.keras.layers as L",
    "from tensorflow.keras import backend", "import tensorflow.compat.v1.keras",
    "from tensorflow.compat.v1.keras import layers"])
def test_tensorflow_keras_modules_import(imports):
    assert run(HEADER + imports + "\n").error is None


@pytest.mark.parametrize("tf1", [False, True])
def test_tensorflow_keras_names_are_not_simulated_naming_them(tf1):
    result = run(HEADER + "from tensorflow.keras.layers import Dense\n", tf1=tf1)
    assert (result.error.type, result.error.message) == \
        ("NotSimulated", "tf.keras.layers.Dense is not simulated")
    result = run(HEADER + "import tensorflow.compat.v1 as v1\nv1.keras.layers.Dense(3)\n",
                 tf1=tf1)
    assert result.error.message == "tf.keras.layers.Dense is not simulated"


def test_a_keras_module_tensorflow_lacks_is_not_found():
    error = run(HEADER + "import tensorflow.keras.nosuch\n").error
    assert (error.type, error.message) == ("ModuleNotFoundError",
                                           "No module named 'tensorflow.keras.nosuch'")
    assert run(HEADER + "from tensorflow.keras import nosuch\n").error.type == "ImportError"


def test_keras_modules_are_gone_after_the_run():
    import sys
    run(HEADER + "import tensorflow.keras.layers\n")
    assert not [k for k in sys.modules if k.startswith(("tensorflow", "tf_keras"))]
