"""The `scopesim` command, through click's CliRunner.

Every name expected here is the one TensorFlow 2.21 (tf.compat.v1, graph
mode) gives for the equivalent program (see samples/tf/ and the catalogue).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner

from scopesim import TENSORFLOW_VERSION, __version__
from scopesim.cli import App, cli
from scopesim.exitcodes import ExitCode
from scopesim.render import make_consoles
from scopesim.result import OpInfo, RunResult, VariableInfo

ANSI = re.compile(r"\x1b\[")

ALREADY_EXISTS = ("Variable scope1/variable1 already exists, disallowed. Did you mean to set "
                  "reuse=True or reuse=tf.AUTO_REUSE in VarScope? Originally defined at:")

SAMPLE7 = """\
scope "variable_scope1" <
    name_scope "name_scope1" <
        var1 = var variable1 [1]
        var2 = 1.0 + var1
    >
>
print var1
print var2
"""

#: graph.get_operations() of SAMPLE7's TensorFlow equivalent.
SAMPLE7_OPS = [
    ("variable_scope1/variable1/Initializer/random_uniform/shape", "Const"),
    ("variable_scope1/variable1/Initializer/random_uniform/min", "Const"),
    ("variable_scope1/variable1/Initializer/random_uniform/max", "Const"),
    ("variable_scope1/variable1/Initializer/random_uniform/RandomUniform", "RandomUniform"),
    ("variable_scope1/variable1/Initializer/random_uniform/sub", "Sub"),
    ("variable_scope1/variable1/Initializer/random_uniform/mul", "Mul"),
    ("variable_scope1/variable1/Initializer/random_uniform", "AddV2"),
    ("variable_scope1/variable1", "VariableV2"),
    ("variable_scope1/variable1/Assign", "Assign"),
    ("variable_scope1/variable1/read", "Identity"),
    ("variable_scope1/name_scope1/add/x", "Const"),
    ("variable_scope1/name_scope1/add", "AddV2"),
]

DUPLICATE = """\
scope "scope1" <
    variable1 = var variable1 [1]
    print variable1
    variable2 = var variable1 [1]
    print variable2
>
"""

SHARING = """\
scope "scope1" <
    v1 = var variable1 [1]
>
scope "scope1" reuse=true <
    v2 = var variable1 [1]
    step = op step
>
assert v1 is v2
print v1
print step
"""

#: A syntax error at line 2, column 9 (the `)`).  (Version 1's `var [1]` is
#: no longer one: in version 2 it is the subscript `var[1]` of a handle `var`.)
SYNTAX_ERROR = 'scope "a" <\n    x = )\n>\n'


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def write(tmp_path, monkeypatch):
    """Write a program into a temporary folder (the working directory) and
    return its relative name, so traces show a short path."""
    monkeypatch.chdir(tmp_path)

    def write(text: str, name: str = "prog.scope") -> str:
        (tmp_path / name).write_text(text, encoding="utf-8")
        return name

    return write


def invoke(runner, args, *, input=None, width=200, env=None, obj=None):
    environment = {"COLUMNS": str(width), "NO_COLOR": None, "FORCE_COLOR": None,
                   "TERM": "xterm-256color", **(env or {})}
    return runner.invoke(cli, args, input=input, env=environment, obj=obj)


def assert_no_python_traceback(result) -> None:
    assert "Traceback (most recent call last)" not in result.stdout + result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


# ------------------------------------------------------------------ run: text


def test_run_prints_the_programs_lines_then_variables_then_ops(runner, write):
    result = invoke(runner, ["run", write(SAMPLE7)])
    assert result.exit_code == ExitCode.OK
    assert result.stdout.splitlines() == [
        "variable_scope1/variable1:0",
        "variable_scope1/name_scope1/add:0",
        "",
        "variables (1)",
        "└── variable_scope1/",
        "    └── variable1:0  (1,) float32  trainable  get_variable  handles: var1",
        "",
        "ops (12)",
        "└── variable_scope1/",
        "    ├── variable variable1 (VariableV2, +9 internal ops)",
        "    └── name_scope1/",
        "        └── add  AddV2",
        "            └── x  Const",
    ]
    assert result.stderr == ""


def test_run_all_ops_shows_every_op_with_its_type(runner, write):
    result = invoke(runner, ["run", "--all-ops", write(SAMPLE7)])
    assert result.exit_code == ExitCode.OK
    assert "internal ops" not in result.stdout
    ops_part = result.stdout.split("ops (12)")[1]
    for name, op_type in SAMPLE7_OPS:
        assert f"{name.rsplit('/', 1)[-1]}  {op_type}" in ops_part
    assert "RandomUniform  RandomUniform" in ops_part


#: A program filing variables, a tensor and things without a name in
#: collections.  Below: what TensorFlow 2.21 listed for its emitted
#: equivalent (`get_all_collection_keys()`, each item's `.name`): only string
#: keys count, and "numbers" and "empty" hold items without a `.name`.
COLLECTIONS = """\
scope "enc" <
    w = var w [2, 2]
    n = var steps [] dtype=int32 trainable=false initializer=zeros
>
y = tf.identity(w, name="y")
tf.add_to_collection("outputs", y)
tf.add_to_collection("outputs", w)
tf.add_to_collection("numbers", 3)
tf.add_to_collection(("a", 1), w)
tf.add_to_collection("empty", "text")
"""
COLLECTIONS_TF = {"trainable_variables": ["enc/w:0"], "variables": ["enc/w:0", "enc/steps:0"],
                  "outputs": ["y:0", "enc/w:0"]}


def test_run_collections_adds_a_tree_of_the_collections_after_the_ops(runner, write):
    result = invoke(runner, ["run", "--collections", write(COLLECTIONS)])
    assert result.exit_code == ExitCode.OK
    lines = result.stdout.splitlines()
    assert lines[0] == "variables (2)" and "ops (15)" in lines
    start = lines.index("collections (3)")
    assert lines[start - 1] == ""
    expected = ["collections (3)"]
    keys = sorted(COLLECTIONS_TF)
    for key in keys:
        guide, inner = ("└── ", "    ") if key == keys[-1] else ("├── ", "│   ")
        names = COLLECTIONS_TF[key]
        expected.append(f"{guide}{key} ({len(names)})")
        expected += [f"{inner}{'└── ' if i == len(names) - 1 else '├── '}{name}"
                     for i, name in enumerate(names)]
    assert lines[start:] == expected


def test_run_without_collections_flag_shows_no_collections_tree(runner, write):
    result = invoke(runner, ["run", write(COLLECTIONS)])
    assert result.exit_code == ExitCode.OK
    assert "collections (" not in result.stdout


def test_run_json_has_the_collections_with_or_without_the_flag(runner, write):
    name = write(COLLECTIONS)
    for extra in ([], ["--collections"]):
        result = invoke(runner, ["run", "--format", "json", *extra, name])
        assert result.exit_code == ExitCode.OK
        collections = json.loads(result.stdout)["collections"]
        assert list(collections) == sorted(COLLECTIONS_TF)
        assert collections == COLLECTIONS_TF


def test_run_shows_the_handles_that_share_a_variable(runner, write):
    result = invoke(runner, ["run", write(SHARING)])
    assert result.exit_code == ExitCode.OK
    assert result.stdout.splitlines()[:2] == ["scope1/variable1:0", "scope1_1/step"]
    assert "variable1:0  (1,) float32  trainable  get_variable  handles: v1, v2" in result.stdout
    assert "scope1_1/" in result.stdout and "step  NoOp" in result.stdout


def test_run_labels_tf_variables_and_non_trainable_variables(runner, write):
    program = "v = variable variable1 [2, 3]\nw = var w [3] dtype=int32 trainable=false\n"
    result = invoke(runner, ["run", write(program)])
    assert result.exit_code == ExitCode.OK
    assert "variable1:0  (2, 3) float32  trainable  tf.Variable  handles: v" in result.stdout
    assert "w:0  (3,) int32  not trainable  get_variable  handles: w" in result.stdout


def test_run_shows_the_store_key_when_the_op_name_differs(runner, write):
    """Catalogue E2: tf.Variable s/v takes the op name, get_variable gets s/v_1."""
    program = ('scope "s" < tv = variable v [] init=zeros >\n'
               'scope "s" < gv = var v [] >\nprint tv\nprint gv\n')
    result = invoke(runner, ["run", write(program)])
    assert result.exit_code == ExitCode.OK
    assert result.stdout.splitlines()[:2] == ["s/v:0", "s/v_1:0"]
    assert "v_1:0  () float32  trainable  get_variable  stored as s/v  handles: gv" in result.stdout


def test_run_reads_the_program_from_stdin_with_dash(runner):
    result = invoke(runner, ["run", "-"], input=SAMPLE7)
    assert result.exit_code == ExitCode.OK
    assert result.stdout.splitlines()[:2] == ["variable_scope1/variable1:0",
                                              "variable_scope1/name_scope1/add:0"]


# ------------------------------------------------------------------ run: json


def test_run_json_is_exactly_the_contract_object(runner, write):
    result = invoke(runner, ["run", "--format", "json", write(SAMPLE7)])
    assert result.exit_code == ExitCode.OK
    data = json.loads(result.stdout)
    assert result.stdout == json.dumps(data, indent=2) + "\n"
    assert data == {
        "output": ["variable_scope1/variable1:0", "variable_scope1/name_scope1/add:0"],
        "variables": [{"name": "variable_scope1/variable1:0", "shape": [1],
                       "dtype": "float32", "trainable": True}],
        "ops": [{"name": name, "type": op_type} for name, op_type in SAMPLE7_OPS],
        # recorded from TensorFlow 2.21 (scopesim verify on SAMPLE7)
        "collections": {"trainable_variables": ["variable_scope1/variable1:0"],
                        "variables": ["variable_scope1/variable1:0"]},
        "error": None,
    }
    assert result.stderr == ""


def test_run_json_from_stdin(runner):
    result = invoke(runner, ["run", "-", "--format", "json"], input=SAMPLE7)
    assert result.exit_code == ExitCode.OK
    assert json.loads(result.stdout)["output"][1] == "variable_scope1/name_scope1/add:0"


def test_run_json_of_a_program_that_raises_exits_1_with_the_error(runner, write):
    result = invoke(runner, ["run", "--format=json", write(DUPLICATE)])
    assert result.exit_code == ExitCode.PROGRAM_ERROR
    data = json.loads(result.stdout)
    assert data["output"] == ["scope1/variable1:0"]
    assert [v["name"] for v in data["variables"]] == ["scope1/variable1:0"]
    assert data["error"]["type"] == "ValueError"
    assert data["error"]["message"].startswith(ALREADY_EXISTS)
    assert data["error"]["line"] == 4
    assert result.stderr == ""


def test_run_json_of_a_syntax_error_exits_2_with_a_syntax_error_object(runner, write):
    result = invoke(runner, ["run", "--format", "json", write(SYNTAX_ERROR)])
    assert result.exit_code == ExitCode.USAGE
    data = json.loads(result.stdout)
    assert data["output"] == data["variables"] == data["ops"] == []
    assert data["collections"] == {}
    assert data["error"]["type"] == "SyntaxError"
    assert (data["error"]["line"], data["error"]["column"]) == (2, 9)
    assert data["error"]["message"]
    assert result.stderr == ""


def test_format_is_case_insensitive_and_checked(runner, write):
    path = write(SAMPLE7)
    assert invoke(runner, ["run", "--format", "JSON", path]).exit_code == ExitCode.OK
    bad = invoke(runner, ["run", "--format", "xml", path])
    assert bad.exit_code == ExitCode.USAGE
    assert "xml" in bad.stderr


# ---------------------------------------------------------------- run: errors


def test_uncaught_error_prints_a_trace_with_caret_and_tensorflows_message(runner, write):
    path = write(DUPLICATE)
    result = invoke(runner, ["run", path])
    assert result.exit_code == ExitCode.PROGRAM_ERROR
    # everything before the error happened: the print and the variable
    assert result.stdout.splitlines()[0] == "scope1/variable1:0"
    assert "variable1:0  (1,) float32  trainable  get_variable  handles: variable1" in result.stdout
    column = json.loads(invoke(runner, ["run", "--format", "json", path]).stdout)["error"]["column"]
    lines = result.stderr.splitlines()
    assert lines[0] == "Traceback (most recent scope last):"
    assert lines[1] == f'  File "{path}", line 4, column {column}, in scope "scope1"'
    assert lines[2] == "    variable2 = var variable1 [1]"
    assert lines[3].startswith(" " * 4 + " " * (column - 5) + "^")   # source dedented by 4
    assert lines[4] == "ValueError: " + ALREADY_EXISTS
    assert any(f'"{path}", line 2' in line for line in lines[5:])   # Originally defined at
    assert_no_python_traceback(result)


def test_name_error_trace_names_the_enclosing_scopes(runner, write):
    program = 'scope "a" <\n    name_scope "n" <\n        print x\n    >\n>\n'
    result = invoke(runner, ["run", write(program)])
    assert result.exit_code == ExitCode.PROGRAM_ERROR
    lines = result.stderr.splitlines()
    assert lines[1] == '  File "prog.scope", line 3, column 15, in scope "a" > name_scope "n"'
    assert lines[2:] == ["    print x", "          ^", "NameError: name 'x' is not defined"]


def test_failed_assert_is_an_assertion_error(runner, write):
    result = invoke(runner, ["run", write("v = var w [1]\nassert v is none\n")])
    assert result.exit_code == ExitCode.PROGRAM_ERROR
    assert result.stderr.splitlines()[-1] == "AssertionError"


def test_syntax_error_exits_2_with_the_line_and_a_caret(runner, write):
    result = invoke(runner, ["run", write(SYNTAX_ERROR)])
    assert result.exit_code == ExitCode.USAGE
    assert result.stdout == ""
    header, source, caret = result.stderr.splitlines()[:3]
    assert header.startswith("prog.scope:2:9: syntax error: ")
    assert source == "        x = )"
    assert caret == " " * 12 + "^"          # under the `)` of column 9
    assert_no_python_traceback(result)


NOT_SIMULATED = 'print "before"\nx = tf.py_func()\n'


def test_not_simulated_exits_2_with_the_trace_on_stderr(runner, write):
    result = invoke(runner, ["run", write(NOT_SIMULATED)])
    assert result.exit_code == ExitCode.USAGE
    assert result.stdout.startswith("before\n")
    assert "NotSimulated: tf.py_func is not simulated" in result.stderr
    assert "NotSimulated" not in result.stdout
    assert_no_python_traceback(result)


def test_not_simulated_in_json_exits_2_with_the_error_object(runner, write):
    result = invoke(runner, ["run", "--format", "json", write(NOT_SIMULATED)])
    assert result.exit_code == ExitCode.USAGE
    data = json.loads(result.stdout)
    assert data["output"] == ["before"]
    assert data["error"]["type"] == "NotSimulated"
    assert data["error"]["message"] == "tf.py_func is not simulated"
    assert result.stderr == ""


def test_control_bytes_in_a_syntax_error_and_a_trace_are_escaped(runner, write):
    """Issue 11.7: the source line of an error shows NUL and \\x01 escaped,
    with the caret under the character it points at."""
    result = invoke(runner, ["run", write("x = 1\x01 + 2\n")])
    assert result.exit_code == ExitCode.USAGE
    assert "\x01" not in result.stderr
    _, source, caret = result.stderr.splitlines()[:3]
    assert (source, caret) == ("    x = 1\\x01 + 2", "         ^")
    result = invoke(runner, ["run", write("w = var w [1]\nv = var w [1]  # \x00\x01\n")])
    assert "\x00" not in result.stderr and "\x01" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines[2:4] == ["    v = var w [1]  # \\x00\\x01", "        ^^^^^^^^^"]


def test_control_bytes_in_the_originally_defined_at_frame_are_escaped(runner, write):
    result = invoke(runner, ["run", write("w = var w [1]  # \x01\nv = var w [1]\n")])
    assert result.exit_code == ExitCode.PROGRAM_ERROR
    assert "\x01" not in result.stderr
    assert "    w = var w [1]  # \\x01\n" in result.stderr


def test_syntax_error_from_stdin_is_named_stdin(runner):
    result = invoke(runner, ["run", "-"], input=SYNTAX_ERROR)
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.startswith("<stdin>:2:9: syntax error: ")


@pytest.mark.parametrize("make, reason", [
    (lambda tmp: "missing.scope", "no such file"),
    (lambda tmp: str(tmp), "directory"),
    (lambda tmp: (tmp / "latin1.scope").write_bytes(b'print "caf\xe9"\n') and "latin1.scope",
     "not UTF-8"),
])
def test_unreadable_file_exits_2_with_a_clear_message(runner, tmp_path, monkeypatch, make,
                                                       reason):
    monkeypatch.chdir(tmp_path)
    result = invoke(runner, ["run", make(tmp_path)])
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.startswith("scopesim: cannot read ")
    assert reason in result.stderr
    assert result.stdout == ""
    assert_no_python_traceback(result)


def test_unreadable_file_in_json_mode_leaves_stdout_empty(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke(runner, ["run", "--format", "json", "missing.scope"])
    assert result.exit_code == ExitCode.USAGE
    assert result.stdout == ""
    assert result.stderr == "scopesim: cannot read 'missing.scope': no such file\n"


def test_not_utf8_names_the_line_of_the_bad_byte(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "latin1.scope").write_bytes(b'op a\nop b\nprint "caf\xe9"\n')
    result = invoke(runner, ["run", "latin1.scope"])
    assert "byte 0xe9 on line 3" in result.stderr


def test_windows_newlines_and_a_byte_order_mark_are_accepted(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "crlf.scope").write_bytes(b"\xef\xbb\xbf" + SAMPLE7.replace("\n", "\r\n").encode())
    result = invoke(runner, ["run", "crlf.scope"])
    assert result.exit_code == ExitCode.OK
    assert result.stdout.splitlines()[1] == "variable_scope1/name_scope1/add:0"


def test_broken_pipe_is_not_an_internal_error(runner, write, monkeypatch):
    """`scopesim run f | head`: click's quiet exit, not "internal error"."""
    import scopesim.clibase
    import scopesim.render

    def closed_pipe(*args, **kwargs):
        raise BrokenPipeError(32, "Broken pipe")

    # rich's text (a terminal), and the text written without rich (a pipe)
    monkeypatch.setattr(scopesim.render, "print_run", closed_pipe)
    monkeypatch.setattr(scopesim.clibase, "write_stream", closed_pipe)
    result = invoke(runner, ["run", write(SAMPLE7)])
    assert result.exit_code == ExitCode.BROKEN_PIPE == 141
    assert result.stderr == ""


def test_internal_error_exits_3_without_a_python_traceback(runner, write, monkeypatch):
    import scopesim.interpreter

    def broken(program):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(scopesim.interpreter, "run", broken)
    result = invoke(runner, ["run", write(SAMPLE7)])
    assert result.exit_code == ExitCode.INTERNAL
    assert result.stderr.startswith("scopesim: internal error: RecursionError")
    assert "report" in result.stderr
    assert_no_python_traceback(result)


def test_a_library_module_missing_from_the_installation_is_reported(runner, write,
                                                                    monkeypatch):
    from scopesim import cli as cli_module

    with pytest.raises(cli_module.Unavailable):
        cli_module.load("no_such_module", "anything")
    with pytest.raises(cli_module.Unavailable):
        cli_module.load("render", "no_such_function")

    def missing(module, attr):
        raise cli_module.Unavailable(f"scopesim.{module} is not part of this installation")

    monkeypatch.setattr(cli_module, "load", missing)
    result = invoke(runner, ["emit", write(SAMPLE7)])
    assert result.exit_code == ExitCode.INTERNAL
    assert result.stderr.startswith("scopesim: scopesim.parser is not part of this installation")
    assert_no_python_traceback(result)


def test_missing_file_argument_is_a_usage_error(runner):
    result = invoke(runner, ["run"])
    assert result.exit_code == ExitCode.USAGE
    assert "Missing argument" in result.stderr


# --------------------------------------------------------------------- width


def printed_lines(stdout: str) -> int:
    """How many lines at the top of stdout the program printed (verbatim,
    never wrapped: they are TensorFlow's output)."""
    return stdout.splitlines().index("")


@pytest.mark.parametrize("width", [40, 80])
def test_output_fits_narrow_terminals(runner, write, width):
    long = "a_rather_long_variable_scope_name_for_a_narrow_terminal"
    program = (f'scope "{long}" <\n  scope "{long}_2" <\n'
               f'    w = var an_extremely_long_variable_name_that_never_ends [1024, 3]\n'
               f'    print w\n    y = w @ w\n    var an_extremely_long_variable_name_that_never_ends [1024, 3]\n'
               '  >\n>\n')
    path = write(program)
    for args in (["run", path], ["run", "--all-ops", path]):
        result = invoke(runner, args, obj=App(width=width))   # a terminal this wide
        assert result.exit_code == ExitCode.PROGRAM_ERROR
        skip = printed_lines(result.stdout)
        for line in result.stdout.splitlines()[skip:] + result.stderr.splitlines():
            assert len(line) <= width, line
            assert line == line.rstrip()


def test_ten_thousand_nested_scopes_render(runner, write, monkeypatch):
    """The rendering side of 10,000 levels (a hand-built result, fast)."""
    import scopesim.interpreter

    name = "/".join(["s"] * 10_000 + ["w"])
    deep = RunResult(output=[f"{name}:0"],
                     variables=[VariableInfo(f"{name}:0", (1,), "float32", True, "get_variable",
                                             name, ("w",))],
                     ops=[OpInfo(name, "VariableV2", name), OpInfo(f"{name}/read", "Identity", name)])
    monkeypatch.setattr(scopesim.interpreter, "run", lambda program: deep)
    result = invoke(runner, ["run", write("op x\n")], obj=App(width=40))
    assert result.exit_code == ExitCode.OK
    assert result.stdout.count("… 9,994 more …") == 2
    assert all(len(line) <= 40 for line in result.stdout.splitlines()[1:])


def test_deeply_nested_program_runs_and_renders(runner, write):
    depth = 1_000
    program = ('scope "s" <\n' * depth + "w = var w [1]\n" + ">\n" * depth
               + 'scope "s" <\n' * depth + "bad = var w [1]\n" + ">\n" * depth)
    result = invoke(runner, ["run", write(program)], obj=App(width=80))
    assert result.exit_code == ExitCode.PROGRAM_ERROR
    assert "s/s/s/… 994 more …/s/s/s/" in result.stdout
    assert '… 994 more …' in result.stderr
    message = re.sub(r"\s", "", result.stderr.split("ValueError: ")[1])
    assert message.startswith("Variable" + "s/" * depth + "walreadyexists,disallowed.")
    assert_no_python_traceback(result)


def scopesim_process(args, *, cwd, stdout=subprocess.PIPE, env=None, **kwargs):
    """`scopesim ARGS` as a real process (real streams, not CliRunner's),
    with no COLUMNS and no terminal."""
    environment = {k: v for k, v in os.environ.items()
                   if k not in ("COLUMNS", "LINES", "FORCE_COLOR", "TTY_COMPATIBLE")}
    environment.update(env or {})
    return subprocess.run([sys.executable, "-m", "scopesim", *args], cwd=cwd, stdout=stdout,
                          stderr=subprocess.PIPE, env=environment, text=True, timeout=60,
                          **kwargs)


LONG_NAME = "a_scope_name_longer_than_any_terminal_" * 4


def test_output_to_a_file_or_pipe_is_never_wrapped(tmp_path):
    """Issue 11.2: a file or a pipe has no width: a long scope name, a
    source line and TensorFlow's message each stay on one line."""
    (tmp_path / "long.scope").write_text(
        f'scope "{LONG_NAME}" <\n    w = var w [1]\n    print w\n    var w [1]\n>\n')
    with open(tmp_path / "out.txt", "w") as out:
        result = scopesim_process(["run", "long.scope"], cwd=tmp_path, stdout=out)
    assert result.returncode == ExitCode.PROGRAM_ERROR
    stdout = (tmp_path / "out.txt").read_text()
    assert f"{LONG_NAME}/w:0\n" in stdout                       # the printed line
    assert f"── {LONG_NAME}/\n" in stdout                         # the trees
    assert (f"ValueError: Variable {LONG_NAME}/w already exists, disallowed. Did you mean to "
            "set reuse=True or reuse=tf.AUTO_REUSE in VarScope? Originally defined at:\n"
            in result.stderr)
    assert f', in scope "{LONG_NAME}"\n' in result.stderr          # the location line
    assert "…" not in result.stderr


def test_check_report_in_a_pipe_keeps_file_paths_whole(tmp_path):
    folder = tmp_path / ("a_folder_with_a_rather_long_name_" * 4)
    folder.mkdir()
    (folder / "sample.scope").write_text('print "x"\n\n# --- expected output ---\n#| x\n')
    result = scopesim_process(["check", str(folder)], cwd=tmp_path)
    assert result.returncode == ExitCode.OK, result.stdout + result.stderr
    assert f"PASS    {folder / 'sample.scope'}\n" in result.stdout


@pytest.mark.parametrize("args", [["run", "dup.scope"], ["run", "--format", "json", "dup.scope"],
                                  ["emit", "dup.scope"], ["check", "dup.scope"], ["--help"],
                                  ["--version"], ["run", "--help"]])
def test_a_closed_pipe_is_a_quiet_exit_141(tmp_path, args):
    """Issue 11.4: `scopesim run f | head -0` exits as a Unix tool killed by
    SIGPIPE is reported (128 + 13), with nothing on stderr.  The reading end
    is closed before scopesim starts, so the first write fails for sure."""
    (tmp_path / "dup.scope").write_text("var w [1]\nvar w [1]\n")
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = scopesim_process(args, cwd=tmp_path, stdout=write_end)
    finally:
        os.close(write_end)
    assert result.returncode == ExitCode.BROKEN_PIPE == 141
    assert result.stderr == ""


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["run", "ok.scope"], ["run", "--format", "json", "ok.scope"],
                                  ["emit", "ok.scope"], ["check", "ok.scope"], ["--help"],
                                  ["--version"]])
def test_a_failed_write_is_a_cannot_write_error(tmp_path, args):
    """Issue 11.4: `> /dev/full` is not an internal error: one line, exit 2."""
    (tmp_path / "ok.scope").write_text('print "x"\n\n# --- expected output ---\n#| x\n')
    with open("/dev/full", "w") as full:
        result = scopesim_process(args, cwd=tmp_path, stdout=full)
    assert result.returncode == ExitCode.USAGE
    assert result.stderr == "scopesim: cannot write the output: no space left on device\n"


# --------------------------------------------------------------------- color


def test_color_is_used_when_forced(runner, write):
    result = invoke(runner, ["run", write(DUPLICATE)], env={"FORCE_COLOR": "1"})
    assert ANSI.search(result.stdout) and ANSI.search(result.stderr)


@pytest.mark.parametrize("args, env", [
    (["--no-color", "run"], {}),
    (["run", "--no-color"], {}),
    (["run"], {"NO_COLOR": "1"}),
])
def test_no_color_flag_and_variable_give_plain_text(runner, write, args, env):
    result = invoke(runner, [*args, write(DUPLICATE)], env={"FORCE_COLOR": "1", **env})
    assert result.exit_code == ExitCode.PROGRAM_ERROR
    assert not ANSI.search(result.stdout + result.stderr)
    assert result.stderr.splitlines()[0] == "Traceback (most recent scope last):"


def test_consoles_can_be_injected(runner, write):
    app = App.with_consoles(make_consoles(no_color=True, width=30))
    result = invoke(runner, ["run", write(SAMPLE7)], obj=app)
    assert "    └── variable1:0  (1,)" in result.stdout
    assert all(len(line) <= 30 for line in result.stdout.splitlines()[2:])


# ------------------------------------------------------ version, help, others


def test_version_names_the_tensorflow_it_reproduces(runner):
    result = invoke(runner, ["--version"])
    assert result.exit_code == ExitCode.OK
    assert result.stdout == (f"scopesim {__version__}\nreproduces TensorFlow "
                             f"{TENSORFLOW_VERSION} (tf.compat.v1 graph mode)\n")
    assert TENSORFLOW_VERSION == "2.21.0"


def test_help_documents_the_exit_codes(runner):
    result = invoke(runner, ["--help"])
    assert result.exit_code == ExitCode.OK
    assert "Exit codes: 0 ok; 1 the program raised an error" in " ".join(result.stdout.split())
    for command in ("run", "repl", "check", "emit", "verify"):
        assert command in result.stdout


def test_run_help_documents_the_json_syntax_error_choice(runner):
    result = invoke(runner, ["run", "--help"])
    assert '"SyntaxError"' in result.stdout
    assert "--all-ops" in result.stdout


def test_unknown_command_is_a_usage_error(runner):
    assert invoke(runner, ["frobnicate"]).exit_code == ExitCode.USAGE


def test_emit_prints_the_tensorflow_equivalent(runner, write):
    result = invoke(runner, ["emit", write(SAMPLE7)])
    assert result.exit_code == ExitCode.OK
    assert "with tf.variable_scope('variable_scope1'):" in result.stdout
    assert "with tf.name_scope('name_scope1'):" in result.stdout


def test_emit_of_a_syntax_error_exits_2(runner, write):
    result = invoke(runner, ["emit", write(SYNTAX_ERROR)])
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.startswith("prog.scope:2:9: syntax error: ")


def test_check_of_a_missing_path_exits_2(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke(runner, ["check", "nowhere"])
    assert result.exit_code == ExitCode.USAGE
    assert result.stdout == "" and "ERROR nowhere: no such file or folder" in result.stderr


def test_check_without_a_path_asks_for_one(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "prog.scope").write_text("var w [1]\n")
    result = invoke(runner, ["check", "--update"])
    assert result.exit_code == ExitCode.USAGE and result.stdout == ""
    assert "which samples?" in result.stderr
    assert (tmp_path / "prog.scope").read_text() == "var w [1]\n"
    assert "there is no default" in invoke(runner, ["check", "--help"]).stdout


def test_check_update_records_then_check_passes(runner, write):
    path = write(SHARING, "sharing.scope")
    assert invoke(runner, ["check", "--update", path]).exit_code == ExitCode.DIFFERENCE
    assert "#| scope1" not in open(path, encoding="utf-8").read()      # no block: untouched
    assert invoke(runner, ["check", "--record-new", path]).exit_code == ExitCode.OK
    assert "#| scope1/variable1:0" in open(path, encoding="utf-8").read()
    result = invoke(runner, ["check", path])
    assert result.exit_code == ExitCode.OK, result.stdout


def test_verify_without_tensorflow_says_so_on_stderr_and_exits_2(runner, write, monkeypatch):
    import scopesim.verify
    from scopesim.tf_runner import TensorFlowNotFound

    def missing():
        raise TensorFlowNotFound("TensorFlow is not installed")
    monkeypatch.setattr(scopesim.verify, "find_tensorflow_python", missing)
    result = invoke(runner, ["verify", write(SAMPLE7)])
    assert result.exit_code == ExitCode.USAGE
    assert result.stdout == ""
    assert "TensorFlow is not installed" in result.stderr


def test_verify_needs_a_file(runner):
    assert invoke(runner, ["verify"]).exit_code == ExitCode.USAGE


def test_repl_runs_piped_input(runner):
    result = invoke(runner, ["repl"], input='scope "scope1" <\n  v = var variable1 [1]\n>\nprint v\n')
    assert result.exit_code == ExitCode.OK
    assert "scope1/variable1:0" in result.stdout


def test_repl_collections_shows_the_collections_so_far(runner):
    """The first four statements of COLLECTIONS: TensorFlow's collections are
    COLLECTIONS_TF's "variables" and "trainable_variables", and "outputs"
    holding y:0 alone."""
    program = "\n".join(COLLECTIONS.splitlines()[:6])
    result = invoke(runner, ["repl"], input=program + "\n:collections\n")
    assert result.exit_code == ExitCode.OK
    lines = result.stdout.splitlines()
    start = lines.index("collections (3)")
    assert lines[start:start + 8] == [
        "collections (3)", "├── outputs (1)", "│   └── y:0",
        "├── trainable_variables (1)", "│   └── enc/w:0",
        "└── variables (2)", "    ├── enc/w:0", "    └── enc/steps:0"]


# ---------------------------------------------------------------------- doc


def test_doc_prints_the_language_reference_plain_when_not_a_terminal(runner):
    from pathlib import Path
    page = Path(__file__).resolve().parent.parent / "docs" / "language.md"
    result = invoke(runner, ["doc"])
    assert result.exit_code == ExitCode.OK
    assert result.stdout == page.read_text(encoding="utf-8")
    assert "\x1b" not in result.stdout


def test_doc_api_prints_the_simulated_names(runner):
    result = invoke(runner, ["doc", "api"])
    assert result.exit_code == ExitCode.OK
    assert result.stdout.startswith("# The `tf` namespace")
    assert "- `get_variable(name, shape=None" in result.stdout


def test_doc_goes_through_a_pager_on_a_terminal(runner, monkeypatch):
    import click

    import scopesim.cli as cli_module
    paged = []
    monkeypatch.setattr(cli_module, "_stdout_is_terminal", lambda: True)
    monkeypatch.setattr(click, "echo_via_pager", lambda text: paged.append(text))
    result = invoke(runner, ["doc"])
    assert result.exit_code == ExitCode.OK
    assert result.stdout == "" and paged[0].startswith("# The scope language")


def test_doc_of_an_unknown_page_is_a_usage_error(runner):
    assert invoke(runner, ["doc", "nope"]).exit_code == ExitCode.USAGE


def test_doc_missing_from_the_installation_is_reported(runner, monkeypatch):
    import scopesim.doc
    monkeypatch.setattr(scopesim.doc, "read_doc", lambda page="language": None)
    result = invoke(runner, ["doc"])
    assert result.exit_code == ExitCode.INTERNAL
    assert "not part of this installation" in result.stderr


def test_help_points_at_the_reference(runner):
    result = invoke(runner, ["--help"])
    assert "scopesim doc" in " ".join(result.stdout.split())
    assert "doc " in result.stdout


# ------------------------------------------------------- help texts (11.9)


@pytest.mark.parametrize("command, example", [
    ("run", "scopesim run model.scope"), ("check", "scopesim check samples"),
    ("emit", "scopesim emit model.scope > model_tf.py"), ("verify", "scopesim verify model.scope"),
])
def test_each_command_help_has_an_example(runner, command, example):
    text = invoke(runner, [command, "--help"]).stdout
    assert "Example" in text and example in text


def test_help_documents_shell_completion_and_it_works(tmp_path):
    assert "_SCOPESIM_COMPLETE=bash_source scopesim" in invoke(CliRunner(), ["--help"]).stdout
    result = scopesim_process([], cwd=tmp_path, env={"_SCOPESIM_COMPLETE": "bash_complete",
                                                     "COMP_WORDS": "scopesim ch",
                                                     "COMP_CWORD": "1"})
    assert result.stdout.split() == ["plain,check"]


def test_repl_help_says_where_the_history_is_kept(runner):
    assert "~/.local/state/scopesim/history" in invoke(runner, ["repl", "--help"]).stdout


def test_package_metadata_has_project_urls():
    import tomllib
    from pathlib import Path
    meta = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text())
    assert meta["project"]["urls"]["Homepage"].startswith("https://")


def test_op_graph_and_initializer_of_variables_and_tensors(runner, write):
    """Issue 11.8, through version 2's API: TensorFlow prints `w` for
    `v.op.name`, and a variable's initializer is its Assign op."""
    program = ('v = var w [2]\nt = v + 1.0\n'
               'print v.op.name, v.graph is tf.get_default_graph(), v.initializer.name\n'
               'print t.op.name, t.graph is tf.get_default_graph(), t.op.type\n'
               'u = tf.Variable(tf.zeros([2]), name="u")\n'
               'print u.op.name, u.initializer.name, u.op.type\n')
    result = invoke(runner, ["run", write(program)])
    assert result.exit_code == ExitCode.OK, result.stderr
    assert result.stdout.splitlines()[:3] == ["w True w/Assign", "add True AddV2",
                                              "u u/Assign VariableV2"]


def test_verify_says_an_unreadable_file_on_stderr(runner, write, monkeypatch):
    """Issue 11.3: only the verdicts and the summary are on stdout."""
    import scopesim.verify
    monkeypatch.setattr(scopesim.verify, "find_tensorflow_python", lambda: "python-with-tf")
    result = invoke(runner, ["verify", "nonexist.scope"])
    assert result.exit_code == ExitCode.USAGE
    assert "nonexist.scope: cannot read" in result.stderr
    assert "nonexist" not in result.stdout and "cannot" not in result.stdout


def test_not_utf8_after_a_byte_order_mark_names_the_bad_byte_and_its_line(runner, tmp_path,
                                                                           monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bom.scope").write_bytes(b"\xef\xbb\xbfx = 1\nprint \"caf\xff\"\n")
    result = invoke(runner, ["run", "bom.scope"])
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr == ("scopesim: cannot read 'bom.scope': not UTF-8 text "
                             "(byte 0xff on line 2)\n")
