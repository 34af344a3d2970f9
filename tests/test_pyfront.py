"""The Python front end: the import hook, graph mode, TF2's top level,
--tf1, and `scopesim run model.py` (exit codes, traceback, JSON, argv).
Expected TensorFlow texts were read off TF 2.21 (tools/record_tf_names.py
--tensorflow keeps `module 'tensorflow' has no attribute 'variable_scope'`
in scopesim/pyfront/tf_top_names.json)."""

from __future__ import annotations

import json
import sys
import textwrap

import pytest
from click.testing import CliRunner

from scopesim.cli import cli
from scopesim.pyfront import PythonSyntaxError, run_python
from scopesim.pyfront.namespace import TOP, _TOP

HEADER = "import tensorflow as tf\ntf.compat.v1.disable_v2_behavior()\n"


def run(source: str, **kwargs):
    return run_python(textwrap.dedent(source), "model.py", **kwargs)


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def program(tmp_path):
    def write(text: str, name: str = "model.py") -> str:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return str(path)
    return write


def invoke(runner, args, input=None):
    return runner.invoke(cli, args, input=input, env={"COLUMNS": "200", "NO_COLOR": "1"})


# ------------------------------------------------------------- imports


@pytest.mark.parametrize("imports", [
    "import tensorflow as tf\ntf.compat.v1.disable_v2_behavior()\nT = tf.compat.v1",
    "import tensorflow.compat.v1 as T\nT.disable_v2_behavior()",
    "from tensorflow.compat import v1 as T\nT.disable_v2_behavior()",
    "import tensorflow.compat.v1\nT = tensorflow.compat.v1\nT.disable_eager_execution()\n"
    "T.disable_resource_variables()",
])
def test_every_import_style_gives_scopesims_tf_compat_v1(imports):
    result = run(imports + "\nwith T.variable_scope('a'):\n    v = T.get_variable('w', [1])\n"
                           "print(v)\n")
    assert result.error is None, result.error
    assert result.output == ["<tf.Variable 'a/w:0' shape=(1,) dtype=float32_ref>"]


def test_the_hook_is_gone_and_sys_modules_restored_after_the_run():
    sentinel = object()
    sys.modules["tensorflow"] = sentinel
    finders = list(sys.meta_path)
    try:
        result = run(HEADER + "import tf_keras\nimport tensorflow.compat.v1\nprint(tf.__name__)")
        assert result.output == ["tensorflow"]
        assert sys.modules["tensorflow"] is sentinel
        assert sys.meta_path == finders
        assert not any(k.startswith(("tensorflow.", "tf_keras")) for k in sys.modules)
    finally:
        del sys.modules["tensorflow"]


def test_tf_keras_names_are_not_simulated():
    result = run(HEADER + "import tf_keras\nx = tf_keras.layers.Dense\n")
    assert result.error.type == "NotSimulated"
    assert result.error.message == "tf_keras.layers.Dense is not simulated"


def test_tensorflow_internals_are_not_simulated_and_other_modules_not_found():
    assert run(HEADER + "from tensorflow.python.ops import variable_scope\n").error.type \
        == "NotSimulated"
    error = run(HEADER + "import tensorflow.nosuch\n").error
    assert (error.type, error.message) == ("ModuleNotFoundError",
                                           "No module named 'tensorflow.nosuch'")


# ---------------------------------------------------------- graph mode


def test_graph_building_before_graph_mode_is_not_simulated():
    result = run("import tensorflow as tf\nx = tf.compat.v1.placeholder(tf.float32)\n")
    assert result.error.type == "NotSimulated"
    assert "scopesim simulates graph mode: call tf.compat.v1.disable_v2_behavior()" \
        in result.error.message
    assert result.error.line == 2


def test_disable_eager_execution_alone_keeps_resource_variables_not_simulated():
    result = run("import tensorflow.compat.v1 as tf\ntf.disable_eager_execution()\n"
                 "x = tf.placeholder(tf.float32, [1], name='x')\nprint(x.name)\n"
                 "v = tf.get_variable('w', [1])\n")
    assert result.output == ["x:0"]
    assert result.error.type == "NotSimulated"
    assert "resource variables" in result.error.message


# ------------------------------------------------------- TF2's top level


def test_tf_variable_scope_is_tensorflows_attribute_error_with_a_hint():
    assert _TOP["missing_attribute_example"] == \
        "module 'tensorflow' has no attribute 'variable_scope'"
    result = run(HEADER + "with tf.variable_scope('a'):\n    pass\n")
    assert (result.error.type, result.error.message) == \
        ("AttributeError", "module 'tensorflow' has no attribute 'variable_scope'")
    assert "--tf1" in result.error.fields["python_traceback"]


def test_shared_top_level_names_are_scopesims_and_tf2_only_ones_not_simulated():
    assert TOP[""]["v1"]["matmul"] == "matmul"
    result = run(HEADER + "x = tf.compat.v1.placeholder(tf.float32, [2, 2])\n"
                          "print(tf.matmul(x, x).name, tf.nn.relu(x).name, tf.__version__)\n"
                          "tf.constant(1.0)\n")
    assert result.output == ["MatMul:0 Relu:0 2.21.0"]
    assert result.error.type == "NotSimulated"
    assert result.error.message.startswith("tf.constant of TensorFlow 2 is not simulated")


def test_tf1_gives_the_tf_compat_v1_api_at_the_top_level_graph_mode_on():
    result = run("import tensorflow as tf\nwith tf.variable_scope('a'):\n"
                 "    print(tf.get_variable('w', [1]).name)\n"
                 "import tensorflow.compat.v1 as v1\nprint(v1 is tf.compat.v1)\n", tf1=True)
    assert result.error is None
    assert result.output == ["a/w:0", "True"]
    error = run("import tensorflow as tf\ntf.nosuch\n", tf1=True).error
    assert error.message == "module 'tensorflow' has no attribute 'nosuch'"


# ------------------------------------------------------------ errors


def test_the_traceback_shows_the_programs_frames_only():
    result = run(HEADER + "T = tf.compat.v1\ndef f():\n    T.get_variable('w', [1])\n"
                          "f()\nf()\n")
    error = result.error
    assert (error.type, error.line, error.column) == ("ValueError", 5, 5)
    trace = error.fields["python_traceback"]
    assert trace.startswith("Traceback (most recent call last):\n"
                            '  File "model.py", line 7, in <module>\n')
    assert "scopesim" not in trace.replace("scopesim run", "") and "importlib" not in trace
    # "Originally defined at:" points at the program's lines
    assert error.message.endswith('Originally defined at:\n\n'
                                  '  File "model.py", line 5, in f\n'
                                  '  File "model.py", line 6, in <module>\n')


def test_a_syntax_error_is_pythons():
    with pytest.raises(PythonSyntaxError) as info:
        run("x = (\n")
    assert info.value.text.endswith("SyntaxError: '(' was never closed\n")
    assert "^" in info.value.text


# ---------------------------------------------------------------- CLI


def test_run_py_prints_output_then_trees(runner, program):
    result = invoke(runner, ["run", program(HEADER + "v = tf.compat.v1.get_variable('w', [2])\n"
                                                     "print('hello')\n")])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("hello\n\nvariables (1)")


def test_run_py_json_and_argv(runner, program):
    path = program(HEADER + "import sys\nprint(sys.argv[1:], __name__)\n")
    result = invoke(runner, ["run", path, "--format", "json", "--", "--lr", "0.1"])
    data = json.loads(result.stdout)
    assert data["output"] == ["['--lr', '0.1'] __main__"]
    assert set(data) == {"output", "variables", "ops", "collections", "error"}


def test_run_py_exit_codes(runner, program):
    error = invoke(runner, ["run", program(HEADER + "raise KeyError('k')\n")])
    assert error.exit_code == 1
    assert error.stderr.endswith("KeyError: 'k'\n")
    assert 'File "' in error.stderr and "scopesim/" not in error.stderr
    assert invoke(runner, ["run", program("import tensorflow as tf\n"
                                          "tf.compat.v1.placeholder(tf.float32)\n")]
                  ).exit_code == 2
    syntax = invoke(runner, ["run", program("def f(:\n")])
    assert syntax.exit_code == 2 and "^" in syntax.stderr and "SyntaxError" in syntax.stderr
    as_json = json.loads(invoke(runner, ["run", "--format", "json",
                                         program("def f(:\n")]).stdout)
    assert as_json["error"]["type"] == "SyntaxError"


def test_run_stdin_with_lang_py(runner):
    result = invoke(runner, ["run", "--lang", "py", "-"], input=HEADER + "print(1 + 1)\n")
    assert result.exit_code == 0
    assert result.stdout.startswith("2\n")


def test_scope_programs_take_no_program_arguments(runner, program):
    path = program('var w [1]\n', name="model.scope")
    assert invoke(runner, ["run", path, "extra"]).exit_code == 2
    assert invoke(runner, ["run", "--tf1", path]).exit_code == 2
    assert invoke(runner, ["run", path]).exit_code == 0
