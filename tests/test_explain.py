"""`scopesim explain FILE NAME`, `explain --error FILE` and the REPL's `:explain`.

The programs are corpus cases whose names TensorFlow 2.21 recorded
(tests/conformance/handwritten/*.expected.json, ..._v2/, and
tests/explain/*.py with their .expected.json, made by
`~/tfvenv/bin/python tools/record_py.py tests/explain/*.py`): every name a
test asks about is checked against that recording first.  What the
explanation says (which statement, which scope, which counter) is
scopesim's own analysis; the expected texts are read off the programs.
"""

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.console import Console

from scopesim.cli import cli
from scopesim.engine import observe
from scopesim.exitcodes import ExitCode

ROOT = Path(__file__).resolve().parent
HANDWRITTEN = ROOT / "conformance" / "handwritten"
HANDWRITTEN_V2 = ROOT / "conformance" / "handwritten_v2"
EXPLAIN = ROOT / "explain"

G2 = "G2_tf_variable_is_invisible_to_get_variable"
D5 = "D5_reuse_scope_with_missing_variable"
F1 = "F1_def_without_reuse_twice_is_an_error"
N7 = "N7_variable_scope_default_name_and_values"


def recorded(folder: Path, case: str) -> dict:
    return json.loads((folder / f"{case}.expected.json").read_text(encoding="utf-8"))


def tf_op_names(folder: Path, case: str) -> list[str]:
    return [op["name"] for op in recorded(folder, case)["ops"]]


def explain(monkeypatch, folder: Path, *args):
    """`scopesim --no-color explain ARGS` run in `folder` (short file names)."""
    monkeypatch.chdir(folder)
    result = CliRunner().invoke(cli, ["--no-color", "explain", *args],
                                env={"NO_COLOR": "1", "COLUMNS": "200"})
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "internal error" not in result.stdout + result.stderr
    assert observe.current is None          # the recorder is gone after the run
    return result


@pytest.mark.parametrize("program", sorted(p.name for p in EXPLAIN.glob("*.py")))
def test_the_explained_python_programs_agree_with_tensorflow(program, monkeypatch):
    """Explanations of names TensorFlow gives too: scopesim runs these
    programs as TensorFlow ran them (section by section, as pycorpus)."""
    from scopesim.pyfront import run_python
    from scopesim.verify import compare_results
    monkeypatch.chdir(EXPLAIN)
    expected = recorded(EXPLAIN, program[:-3])
    actual = run_python((EXPLAIN / program).read_text(encoding="utf-8"), program).to_json()
    assert not compare_results(expected, actual)


# ------------------------------------------------------------------ names


def test_the_registry_is_case_insensitive_and_lists_who_took_the_lower_numbers(monkeypatch):
    assert tf_op_names(EXPLAIN, "case_and_counters") == ["add", "Add_1", "Add_2"]
    assert recorded(EXPLAIN, "case_and_counters")["output"] == ["add:0 Add_1:0 Add_2:0"]
    result = explain(monkeypatch, EXPLAIN, "case_and_counters.py", "Add_2:0")
    assert result.exit_code == ExitCode.OK
    assert result.stdout == """\
Add_2:0 is output 0 of the op Add_2 (type AddV2).
Created by:
  File "case_and_counters.py", line 8, column 5
    c = tf.add(b, a)
        ^^^^^^^^^^^^
The name scope then: the root.
The variable scope then: the root.
Its suffix: the graph's name registry (ops and name scopes share it, names compared \
lower-cased) had been asked for 'Add' 2 times before, so this request got 'Add_2'.
The lower numbers were taken by, in order:
  add (op):
    File "case_and_counters.py", line 6, column 5
      a = tf.constant(1.0, name="add")
          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  Add_1 (op):
    File "case_and_counters.py", line 7, column 5
      b = tf.add(a, a, name="Add")
          ^^^^^^^^^^^^^^^^^^^^^^^^
(Names that differ only in case are one name to the registry.)
"""


def test_a_free_name_is_kept(monkeypatch):
    result = explain(monkeypatch, EXPLAIN, "case_and_counters.py", "add")
    assert result.exit_code == ExitCode.OK
    assert result.stdout.splitlines()[0] == "add is an op of type Const."
    assert result.stdout.splitlines()[-1] == (
        "Its name: 'add' was asked for and free in the graph's name registry (ops and name "
        "scopes share it, names compared lower-cased), so it is kept as it is.")


def test_get_variable_has_no_counter_but_its_op_may_be_renamed(monkeypatch):
    variables = [v["name"] for v in recorded(HANDWRITTEN, G2)["variables"]]
    assert variables == ["v:0", "v_1:0", "v_2:0"]
    result = explain(monkeypatch, HANDWRITTEN, f"{G2}.scope", "v_1:0")
    assert result.exit_code == ExitCode.OK
    assert result.stdout == f"""\
v_1:0 is a variable made by tf.get_variable (its op: v_1, type VariableV2).
Created by:
  File "{G2}.scope", line 4, column 6
    gv = var v [1]
         ^^^^^^^^^
The name scope then: the root (tf.get_variable ignores the name scope: the variable scope \
names its variables).
The variable scope then: the root.
Reuse: not given to the call; the variable scope's flag was False.
Its name: tf.get_variable names have no counter: 'v' is the name given, at the root \
variable scope.
But its op, and so the variable, is named 'v_1', not 'v' (the store still knows it as 'v'):
Its suffix: the graph's name registry (ops and name scopes share it, names compared \
lower-cased) had been asked for 'v' once before, so this request got 'v_1'.
The lower numbers were taken by, in order:
  v (op):
    File "{G2}.scope", line 2, column 6
      tv = variable v [1]
           ^^^^^^^^^^^^^^
"""


def test_a_shared_variable_lists_the_calls_that_shared_it(monkeypatch):
    pycorpus = ROOT / "pycorpus"
    assert "discriminator/d_h0/w:0" in [v["name"] for v in recorded(pycorpus, "gan")["variables"]]
    result = explain(monkeypatch, pycorpus, "--format", "json", "gan.py",
                     "discriminator/d_h0/w")
    (entry,) = json.loads(result.stdout)["found"]
    # made by discriminator(real) (line 33), shared by discriminator(fake, reuse=True) (34)
    assert [f["line"] for f in entry["created_at"]] == [33, 25, 11]
    assert [[f["line"] for f in frames] for frames in entry["shared_by"]] == [[34, 25, 11]]
    # under the name scope discriminator/, which get_variable does not use
    assert (entry["name_scope"]["name"], entry["name_scope"]["ignored"]) == \
        ("discriminator/", True)
    assert entry["naming"]["given"] == "d_h0/w"


def test_a_slice_of_a_partitioned_variable(monkeypatch):
    case = "N3_variable_scope_partitioner"
    assert [v["name"] for v in recorded(HANDWRITTEN_V2, case)["variables"]] == \
        ["emb/table/part_0:0", "emb/table/part_1:0", "emb/table/part_2:0"]
    result = explain(monkeypatch, HANDWRITTEN_V2, f"{case}.scope", "emb/table/part_2")
    assert result.exit_code == ExitCode.OK
    lines = result.stdout.splitlines()
    assert lines[:5] == [
        "emb/table/part_2:0 is a variable made by tf.get_variable (its op: emb/table/part_2, "
        "type VariableV2).",
        "Created by:",
        f'  File "{case}.scope", line 3, column 9, in with tf.variable_scope("emb", '
        'partitioner=tf.fixed_size_partitioner(3))',
        '    e = tf.get_variable("table", [10, 4])',
        "        " + "^" * 33]
    assert lines[-1] == (
        "Its name: tf.get_variable names have no counter: 'emb/table' is the variable scope "
        "'emb' + '/' + the name given, 'table'; a partitioner cut it into slices, and this is "
        "slice 2, 'emb/table/part_2'.")


def test_a_variable_by_op_name_and_by_tensor_name_is_the_same_answer(monkeypatch):
    assert "model/layer/w" in tf_op_names(EXPLAIN, "inherited_reuse")
    by_op = explain(monkeypatch, EXPLAIN, "--format", "json", "inherited_reuse.py",
                    "model/layer/w")
    by_tensor = explain(monkeypatch, EXPLAIN, "--format", "json", "inherited_reuse.py",
                        "model/layer/w:0")
    assert by_op.exit_code == by_tensor.exit_code == ExitCode.OK
    first, second = json.loads(by_op.stdout), json.loads(by_tensor.stdout)
    assert first["found"] == second["found"]
    (entry,) = first["found"]
    assert (entry["kind"], entry["name"], entry["op"], entry["made_by"]) == \
        ("variable", "model/layer/w:0", "model/layer/w", "tf.get_variable")
    # the first tower made it: line 17 calls tower, line 10 is the get_variable
    assert [(f["line"], f["function"]) for f in entry["created_at"]] == \
        [(17, "<module>"), (10, "tower")]
    assert entry["variable_scope"]["name"] == "model/layer"
    assert [(f["line"], f["column"]) for f in entry["variable_scope"]["opened_at"]] == \
        [(17, 5), (9, 5)]
    assert entry["naming"] == {
        "registry": "get_variable", "store_key": "model/layer/w",
        "variable_scope": "model/layer", "given": "w",
        "op_naming": entry["naming"]["op_naming"]}
    assert entry["naming"]["op_naming"]["counter"] == 0


def test_a_scope_name_with_or_without_its_slash(monkeypatch):
    ops = tf_op_names(EXPLAIN, "inherited_reuse")
    assert any(name.startswith("model/layer/") for name in ops)
    with_slash = json.loads(explain(monkeypatch, EXPLAIN, "--format", "json",
                                    "inherited_reuse.py", "model/layer/").stdout)
    without = json.loads(explain(monkeypatch, EXPLAIN, "--format", "json",
                                 "inherited_reuse.py", "model/layer").stdout)
    assert with_slash == {**without, "query": "model/layer/"}
    kinds = [(e["kind"], e["name"]) for e in without["found"]]
    assert kinds == [("name_scope", "model/layer/"), ("variable_scope", "model/layer")]
    name_scope, variable_scope = without["found"]
    # the name scope was opened once (by the first tower); the second
    # `with tf.variable_scope("model")` made model_1/, so model/layer/ was not re-opened
    assert [[f["line"] for f in opening] for opening in name_scope["openings"]] == [[17, 9]]
    assert [[f["line"] for f in opening] for opening in variable_scope["openings"]] == \
        [[17, 9], [20, 9]]
    assert variable_scope["naming"] == {"registry": "none", "given": "model/layer"}


def test_a_re_entered_variable_scope_opens_a_new_name_scope(monkeypatch):
    pycorpus = ROOT / "pycorpus"
    ops = tf_op_names(pycorpus, "gan")
    assert "discriminator_1/MatMul" in ops and "discriminator/MatMul" in ops
    result = explain(monkeypatch, pycorpus, "gan.py", "discriminator_1/")
    assert result.exit_code == ExitCode.OK
    enter = ('  File "gan.py", line 24, column 5, in discriminator\n'
             '    with T.variable_scope("discriminator", reuse=reuse):\n'
             "    ^\n")
    assert result.stdout == (
        "discriminator_1/ is the name scope 'discriminator_1/'.\n"
        "Opened by:\n"
        '  File "gan.py", line 34, column 25\n'
        "    d_fake, d_fake_logits = discriminator(fake, reuse=True)\n"
        "                            " + "^" * 31 + "\n" + enter +
        "That statement is a variable_scope: its variable scope is 'discriminator', its name "
        "scope 'discriminator_1/'. A variable scope takes the name it is given (or its default "
        "name's number); its name scope is numbered by the graph's name registry on every "
        "entry.\n"
        "Its suffix: the graph's name registry (ops and name scopes share it, names compared "
        "lower-cased) had been asked for 'discriminator' once before, so this request got "
        "'discriminator_1'.\n"
        "The lower numbers were taken by, in order:\n"
        "  discriminator (name scope):\n"
        '    File "gan.py", line 33, column 25\n'
        "      d_real, d_real_logits = discriminator(real)\n"
        "                              " + "^" * 19 + "\n"
        '    File "gan.py", line 24, column 5, in discriminator\n'
        '      with T.variable_scope("discriminator", reuse=reuse):\n'
        "      ^\n")


def test_default_names_come_from_the_variable_scope_counter(monkeypatch):
    assert recorded(HANDWRITTEN_V2, N7)["output"][-1] == "dense_3"
    result = explain(monkeypatch, HANDWRITTEN_V2, f"{N7}.scope", "dense_3")
    assert result.exit_code == ExitCode.OK
    loop = ('    File "{f}.scope", line 3, column 10, in for i in range(3)\n'
            '      with tf.variable_scope(None, default_name="dense") as s <\n'
            '           ^\n').format(f=N7)
    opened = (f'  File "{N7}.scope", line 11, column 6\n'
              '    with tf.variable_scope(None, "dense", values=[x]) as s <\n'
              '         ^\n')
    assert result.stdout == (
        "dense_3/ is the name scope 'dense_3/'.\n"
        "Opened by:\n" + opened +
        "Its suffix: the graph's name registry (ops and name scopes share it, names compared "
        "lower-cased) had been asked for 'dense' 3 times before, so this request got "
        "'dense_3'.\n"
        "The lower numbers were taken by, in order:\n"
        "  dense (name scope):\n" + loop +
        "  dense_1 (name scope):\n" + loop +
        "  dense_2 (name scope):\n" + loop +
        "\n"
        "dense_3 is the variable scope 'dense_3'.\n"
        "Opened by:\n" + opened +
        "The name scope then: 'dense_3/', opened by:\n" + opened +
        "Its suffix: default_name 'dense', at the root: the variable-scope counter "
        "(variable_scopes_count) counted these names as open there, so the first free "
        "number gave 'dense_3':\n"
        "  dense (variable scope):\n" + loop +
        "  dense_1 (variable scope):\n" + loop +
        "  dense_2 (variable scope):\n" + loop)


def test_an_unknown_name_lists_the_closest(monkeypatch):
    result = explain(monkeypatch, EXPLAIN, "inherited_reuse.py", "model/layer/ww")
    assert result.exit_code == ExitCode.NOT_FOUND == 1
    assert result.stdout == ""
    message = " ".join(result.stderr.split())
    head = ("scopesim: no op, tensor, variable or scope of inherited_reuse.py is named "
            "'model/layer/ww'; the closest names: ")
    assert message.startswith(head)
    closest = message[len(head):].split(", ")
    assert closest[:2] == ["model/layer/w", "model/layer/w:0"]     # difflib's best first
    assert 2 < len(closest) <= 5
    ops = tf_op_names(EXPLAIN, "inherited_reuse")
    scopes = {"model/layer", "model/layer/", "model_1/layer/", "model/", "model_1/", "model"}
    assert all(name.split(":")[0] in ops or name in scopes for name in closest)


def test_an_unknown_name_in_json(monkeypatch):
    result = explain(monkeypatch, EXPLAIN, "--format", "json", "case_and_counters.py", "Add_3")
    assert result.exit_code == ExitCode.NOT_FOUND
    # difflib's order: the best ratio first, equal ratios by name, last first
    assert json.loads(result.stdout) == {"program": "case_and_counters.py", "query": "Add_3",
                                         "found": [], "closest": ["Add_2", "Add_1", "Add_2:0",
                                                                  "Add_1:0", "add"]}


def test_a_name_in_another_case_is_unknown_but_suggested(monkeypatch):
    result = explain(monkeypatch, EXPLAIN, "case_and_counters.py", "ADD")
    assert result.exit_code == ExitCode.NOT_FOUND
    assert " ".join(result.stderr.split()).endswith("is named 'ADD'; the closest names: add")


def test_a_tensor_index_past_the_outputs_is_unknown(monkeypatch):
    result = explain(monkeypatch, EXPLAIN, "case_and_counters.py", "Add_2:1")
    assert result.exit_code == ExitCode.NOT_FOUND


def test_a_name_made_before_the_error_is_explained_with_a_note(monkeypatch):
    result = explain(monkeypatch, EXPLAIN, "inherited_reuse.py", "model/layer/w/read")
    assert result.exit_code == ExitCode.OK
    assert result.stdout.startswith("model/layer/w/read is an op of type Identity.\n")
    assert " ".join(result.stderr.split()) == (
        "scopesim: note: the program stopped at inherited_reuse.py:12:13 with ValueError; "
        "what it would have made after that is not in the graph (`scopesim explain --error "
        "inherited_reuse.py` explains the error)")


# ------------------------------------------------------------------ --error


def test_already_exists_shows_the_first_definition_and_the_reuse_flag(monkeypatch):
    error = recorded(HANDWRITTEN_V2, F1)["error"]
    assert error["message"].startswith("Variable net/kernel already exists, disallowed.")
    assert (error["line"], error["column"]) == (4, 9)
    result = explain(monkeypatch, HANDWRITTEN_V2, "--error", f"{F1}.scope")
    assert result.exit_code == ExitCode.PROGRAM_ERROR

    def call(line: str, column: int, source: str) -> str:
        return (f'  File "{F1}.scope", line {line}, column {column}, in with '
                f'tf.variable_scope("net")\n    {source}\n'
                f'    {" " * 4}^^^^^^^^\n')
    inner = (f'  File "{F1}.scope", line 8, column 12, in def block(x)\n'
             "    return dense(x, 4)\n"
             "           ^^^^^^^^^^^\n"
             f'  File "{F1}.scope", line 4, column 9, in def dense(x, n)\n'
             '    w = tf.get_variable("kernel", [x.get_shape()[1], n])\n'
             "        " + "^" * 48 + "\n")
    assert result.stdout == (
        "ValueError: Variable net/kernel already exists, disallowed. Did you mean to set "
        "reuse=True or reuse=tf.AUTO_REUSE in VarScope?\n"
        "The variable 'net/kernel' was first defined by:\n"
        + call("12", 9, "h = block(x)") + inner +
        "The failing call, which asked for it again:\n"
        + call("13", 9, "h = block(h)") + inner +
        "The reuse flag at the failing call was False:\n"
        "  The variable scope 'net' was opened without reuse, so its flag is that of the "
        "root:\n"
        f'    File "{F1}.scope", line 11, column 6\n'
        '      with tf.variable_scope("net") <\n'
        "           ^\n"
        "  The root variable scope's flag: False.\n")


def test_does_not_exist_traces_reuse_through_inheritance_to_reuse_variables(monkeypatch):
    error = recorded(EXPLAIN, "inherited_reuse")["error"]
    assert error["message"].startswith("Variable model/layer/bias does not exist")
    result = explain(monkeypatch, EXPLAIN, "--error", "inherited_reuse.py")
    assert result.exit_code == ExitCode.PROGRAM_ERROR
    tower = ('    File "inherited_reuse.py", line 20, column 5\n'
             "      tower(True)\n"
             "      ^^^^^^^^^^^\n")
    assert result.stdout == (
        "ValueError: Variable model/layer/bias does not exist, or was not created with "
        "tf.get_variable(). Did you mean to set reuse=tf.AUTO_REUSE in VarScope?\n"
        "The failing call, which asked for 'model/layer/bias' with reuse set:\n"
        + tower[2:].replace("\n    ", "\n  ") +
        '  File "inherited_reuse.py", line 12, column 13, in tower\n'
        '    tf.get_variable("bias", [3])\n'
        "    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n"
        "The reuse flag at the failing call was True:\n"
        "  The variable scope 'model/layer' was opened without reuse and inherited True "
        "from 'model':\n" + tower +
        '    File "inherited_reuse.py", line 9, column 5, in tower\n'
        '      with tf.variable_scope("layer"):\n'
        "      ^\n"
        "  The variable scope 'model' was set to reuse=True by reuse_variables():\n"
        '    File "inherited_reuse.py", line 19, column 5\n'
        "      scope.reuse_variables()\n"
        "      ^^^^^^^^^^^^^^^^^^^^^^^\n"
        "The get_variable names closest to it: model/layer/w.\n"
        "The get_variable names in 'model/layer': model/layer/w.\n")


def test_does_not_exist_under_a_scope_opened_with_reuse_true(monkeypatch):
    assert recorded(HANDWRITTEN, D5)["error"]["message"].startswith(
        "Variable never/x does not exist")
    result = explain(monkeypatch, HANDWRITTEN, "--format", "json", "--error", f"{D5}.scope")
    assert result.exit_code == ExitCode.PROGRAM_ERROR
    found = json.loads(result.stdout)
    assert (found["kind"], found["variable"], found["closest"], found["same_scope"]) == \
        ("does_not_exist", "never/x", [], [])
    (step,) = found["reuse"]
    assert (step["scope"], step["value"], step["source"]) == ("never", True, "variable_scope")
    assert [(f["line"], f["column"]) for f in step["at"]] == [(3, 1)]
    assert [(f["line"], f["column"]) for f in found["trace"]] == [(4, 5)]


def test_another_error_is_said_plainly_with_its_trace(monkeypatch):
    error = recorded(EXPLAIN, "attribute_typo")["error"]
    result = explain(monkeypatch, EXPLAIN, "--error", "attribute_typo.py")
    assert result.exit_code == ExitCode.PROGRAM_ERROR
    lines = result.stdout.splitlines()
    assert lines[0] == f"{error['type']}: {error['message']}"
    assert lines[1] == ("explain --error traces 'already exists' and 'does not exist' back "
                        "to the reuse flag; this error is shown as run shows it:")
    assert lines[2:] == ["Traceback (most recent call last):",
                         '  File "attribute_typo.py", line 6, in <module>',
                         "    print(x.nmae)",
                         "          ^^^^^^",
                         f"{error['type']}: {error['message']}"]


def test_not_simulated_is_said_to_be_scopesims_limit(monkeypatch, tmp_path):
    program = tmp_path / "eager.py"
    program.write_text("import tensorflow.compat.v1 as tf\nx = tf.constant(1.0)\n",
                       encoding="utf-8")
    result = explain(monkeypatch, tmp_path, "--error", "eager.py")
    assert result.exit_code == ExitCode.USAGE          # as `run` exits for NotSimulated
    lines = result.stdout.splitlines()
    assert lines[0].startswith("NotSimulated: tf.compat.v1.constant is not simulated")
    assert lines[1].startswith("This is not an error of the program: scopesim does not "
                               "simulate this TensorFlow feature")


def test_no_error(monkeypatch):
    result = explain(monkeypatch, EXPLAIN, "--error", "case_and_counters.py")
    assert (result.exit_code, result.stdout) == (ExitCode.OK, "The program raised no error.\n")


@pytest.mark.parametrize("args", [[f"{G2}.scope"], ["--error", f"{G2}.scope", "v"]])
def test_a_name_or_error_but_not_both(monkeypatch, args):
    result = explain(monkeypatch, HANDWRITTEN, *args)
    assert result.exit_code == ExitCode.USAGE
    assert "give either a NAME or --error" in result.stderr


def test_error_of_a_python_program_takes_its_arguments(monkeypatch):
    assert recorded(EXPLAIN, "argv_reuse")["error"]["message"].startswith(
        "Variable kernel already exists")
    result = explain(monkeypatch, EXPLAIN, "--error", "argv_reuse.py", "--name", "kernel")
    assert result.exit_code == ExitCode.PROGRAM_ERROR
    assert result.stdout.splitlines()[1:5] == [
        "The variable 'kernel' was first defined by:",
        '  File "argv_reuse.py", line 9, column 5',
        "    a = tf.get_variable(name, [1])",
        "        ^^^^^^^^^^^^^^^^^^^^^^^^^^"]


def test_a_syntax_error_is_reported_as_run_reports_it(monkeypatch, tmp_path):
    (tmp_path / "bad.scope").write_text('scope "a" <\n    x = )\n>\n', encoding="utf-8")
    result = explain(monkeypatch, tmp_path, "bad.scope", "x")
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.startswith("bad.scope:2:9: syntax error")


def test_help_has_an_example():
    result = CliRunner().invoke(cli, ["explain", "--help"])
    assert result.exit_code == 0
    assert "scopesim explain --error model.scope" in result.stdout


# ------------------------------------------------------------------ the REPL


def test_the_repl_explains_the_session_so_far_and_survives():
    from scopesim.repl import Repl
    out, err = io.StringIO(), io.StringIO()
    repl = Repl(Console(file=out, width=200, color_system=None),
                Console(file=err, width=200, color_system=None))
    # F6's statements, typed one by one (TensorFlow named them a/mul, mul)
    assert tf_op_names(HANDWRITTEN_V2, "F6_lambda_on_tensors")[10:14] == \
        ["a/mul/y", "a/mul", "mul/y", "mul"]
    for line in ('scale = lambda t: t * 2.0\n', 'v = tf.get_variable("v", [2])\n',
                 'with tf.name_scope("a") <\n    print scale(v)\n>\n', 'print scale(v)\n'):
        assert repl.submit(line)
    out.truncate(0)
    out.seek(0)
    assert repl.submit(":explain a/mul:0")
    text = out.getvalue()
    assert text.splitlines()[:5] == [
        "a/mul:0 is output 0 of the op a/mul (type Mul).",
        "Created by:",
        '  File "<repl-3>", line 2, column 11, in with tf.name_scope("a")',
        "    print scale(v)",
        "          ^^^^^^^^"]
    assert "The name scope then: 'a/', opened by:" in text
    assert repl.submit(":explain nothing_like_it")
    assert err.getvalue().startswith("no op, tensor, variable or scope is named "
                                     "'nothing_like_it'")
    assert repl.submit('w = tf.get_variable("v", [2])\n')
    out.truncate(0)
    out.seek(0)
    assert repl.submit(":explain --error")
    assert out.getvalue().startswith("ValueError: Variable v already exists, disallowed.")
    assert "The variable 'v' was first defined by:" in out.getvalue()
    assert repl.submit(":reset")
    assert repl.submit(":explain v")               # a fresh graph: nothing to explain
    assert "is named 'v'" in err.getvalue()


def test_the_python_repl_explains_too(capsys):
    from scopesim.pyfront.repl import PythonRepl
    from scopesim.tf import compat_v1, runtime
    err = io.StringIO()
    repl = PythonRepl(error_stream=err)
    # case_and_counters.py's statements, typed (TensorFlow named them add, Add_1, Add_2)
    assert tf_op_names(EXPLAIN, "case_and_counters") == ["add", "Add_1", "Add_2"]
    with runtime.ProgramGraph(compat_v1.Graph()):
        for text in ('a = tf.constant(1.0, name="add")', 'b = tf.add(a, a, name="Add")',
                     "def twice(t):\n    return tf.add(t, a)\n", "c = twice(b)"):
            repl.submit(text)
        capsys.readouterr()
        repl.submit(":explain Add_2")
        repl.submit(":explain Add_3")
    lines = capsys.readouterr().out.splitlines()
    assert lines[:8] == [
        "Add_2 is an op of type AddV2.",
        "Created by:",
        '  File "<repl>", line 1, column 5',
        "    c = twice(b)",
        "        ^^^^^^^^",
        '  File "<repl>", line 2, column 12, in twice',
        "    return tf.add(t, a)",
        "           ^^^^^^^^^^^^"]
    assert "  Add_1 (op):" in lines
    assert err.getvalue() == ("no op, tensor, variable or scope is named 'Add_3'; the closest "
                              "names: Add_2, Add_1, Add_2:0, Add_1:0, add\n")
    assert repl.failures == 0
