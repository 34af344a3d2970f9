"""`scopesim repl --python`: piped input, tf imported, completion, errors."""

from __future__ import annotations

import subprocess
import sys

from scopesim.pyfront.repl import PythonRepl


def test_piped_python_repl_has_tf_in_graph_mode():
    text = ('w = tf.get_variable("w", [2])\nprint(w.name)\nfor i in range(2):\n'
            '    print(i)\n\nimport tensorflow as T\nprint(T.compat.v1 is tf)\n')
    done = subprocess.run([sys.executable, "-m", "scopesim", "repl", "--python"], input=text,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["w:0", "0", "1", "True"]


def test_a_failure_is_a_program_traceback_and_exit_1():
    done = subprocess.run([sys.executable, "-m", "scopesim", "repl", "--python"],
                          input="x = undefined\n", capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert done.stderr.endswith("NameError: name 'undefined' is not defined\n")
    assert "scopesim/" not in done.stderr


def test_completion_of_names_and_attributes():
    repl = PythonRepl()
    assert repl.completions("tf.get_va") == ["get_variable", "get_variable_scope"]
    found = repl.completions("tf.nn.re")
    assert "relu" in found and all(name.startswith("re") for name in found)
    assert "tf" in repl.completions("t")
