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


# ------------------------------------------------------- keys in a terminal


def typed(keys: str, tmp_path) -> tuple[str, str]:
    """(stdout, stderr) of an interactive session given `keys`, then Ctrl-D."""
    import contextlib
    import io

    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    from scopesim.pyfront.repl import run_python_repl
    out, err = io.StringIO(), io.StringIO()
    with create_pipe_input() as pipe, contextlib.redirect_stdout(out), \
            contextlib.redirect_stderr(err):
        pipe.send_text(keys + "\x04")
        assert run_python_repl(input=pipe, output=DummyOutput(),
                               history_path=tmp_path / "history") == 0
    return out.getvalue(), err.getvalue()


def test_enter_runs_a_complete_line(tmp_path):
    out, _ = typed('w = tf.get_variable("w", [2])\rprint(w.name)\r', tmp_path)
    assert out.splitlines()[1:] == ["w:0"]


def test_enter_in_a_block_indents_and_a_blank_line_runs_it(tmp_path):
    # no indentation typed: Enter after `:` indents the body, and again after it
    out, _ = typed('for i in range(2):\rwith tf.variable_scope("s%d" % i):\r'
                   'print(tf.get_variable("w", [1]).name)\r\r', tmp_path)
    assert out.splitlines()[1:] == ["s0/w:0", "s1/w:0"]


def test_backspace_dedents_and_return_ends_a_function_body(tmp_path):
    out, _ = typed('def f(n):\rif n:\rreturn "yes"\rreturn "no"\r\r'
                   'def g():\rif True:\rx = 1\r\x7freturn x\r\r'
                   'print(f(1), f(0), g())\r', tmp_path)
    assert out.splitlines()[1:] == ["yes no 1"]


def test_next_indent():
    from scopesim.pyfront.repl import next_indent
    assert next_indent("for i in x:") == "    "
    assert next_indent("def f():\n    if a:  # why") == "        "
    assert next_indent("def f():\n    return 1") == ""
    assert next_indent("x = ('#',") == ""
    assert next_indent("    y = 1") == "    "


def test_escape_enter_opens_a_line_in_complete_input(tmp_path):
    out, _ = typed('print(1)\x1b\rprint(2)\r', tmp_path)
    assert out.splitlines()[1:] == ["1", "2"]
