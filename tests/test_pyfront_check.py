"""`scopesim check FILE.py` and `scopesim verify FILE.py` (issue 9, item 3).

The expected lines are TensorFlow 2.21's: the program of `MODEL` printed
`enc/w:0` and raised the ValueError below when run with TF_USE_LEGACY_KERAS=1
under ~/tfvenv/bin/python (its "Originally defined at:" frame list also
had the recording script's own frame after the program's).  The verify
tests stand in for TensorFlow with the corpus recordings of
`tests/pycorpus/*.expected.json` (made by tools/record_py.py from TF 2.21),
and run the real thing when TensorFlow can be found.
"""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path

import pytest
from rich.console import Console

from scopesim import exitcodes, verify
from scopesim.check import MARKER, check_paths
from scopesim.pyfront import verify as pyverify
from scopesim.tf_runner import TensorFlowNotFound, find_tensorflow_python

CORPUS = Path(__file__).parent / "pycorpus"

MODEL = '''import tensorflow as tf
tf.compat.v1.disable_v2_behavior()
v1 = tf.compat.v1
with v1.variable_scope("enc"):
    w = v1.get_variable("w", [2])
print(w.name)
v1.get_variable("enc/w", [2])
'''

BLOCK = MARKER + '''
#| enc/w:0
#! ValueError: Variable enc/w already exists, disallowed. Did you mean to set reuse=True or reuse=tf.AUTO_REUSE in VarScope? Originally defined at:
#!
#!   File "m.py", line 5, in <module>
#!
'''


def console():
    out = io.StringIO()
    return Console(file=out, width=300, color_system=None), out


def run_check(*paths, update=False, record_new=False):
    con, out = console()
    return check_paths([str(p) for p in paths], update, con, con,
                       record_new=record_new), out.getvalue()


# ------------------------------------------------------------------ check


def test_a_python_sample_with_tensorflows_output_passes(tmp_path):
    path = tmp_path / "m.py"
    path.write_text(MODEL + "\n" + BLOCK)
    status, printed = run_check(path)
    assert (status, printed.splitlines()[0]) == (0, f"PASS    {path}")


def test_a_python_sample_that_differs_fails_with_a_diff(tmp_path):
    path = tmp_path / "m.py"
    path.write_text(MODEL + "\n" + BLOCK.replace("#| enc/w:0", "#| enc/w_1:0"))
    status, printed = run_check(path)
    assert status == 1
    assert "-#| enc/w_1:0" in printed and "+#| enc/w:0" in printed


def test_update_records_the_block_at_the_end_and_python_still_runs_it(tmp_path):
    path = tmp_path / "m.py"
    path.write_text(MODEL)
    status, printed = run_check(path, update=True, record_new=True)
    assert status == 0 and "UPDATED" in printed
    assert path.read_text() == MODEL + "\n" + BLOCK
    compile(path.read_text(), "m.py", "exec")       # the block is only comments
    assert run_check(path)[0] == 0


def test_a_python_syntax_error_fails_with_pythons_caret_and_is_never_updated(tmp_path):
    path = tmp_path / "bad.py"
    path.write_text("x = (\n")
    status, printed = run_check(path, update=True)
    assert status == 2                      # a syntax error, as for `run`
    assert "FAIL    " in printed and "syntax error, file not updated" in printed
    assert "SyntaxError: '(' was never closed" in printed and "^" in printed
    assert path.read_text() == "x = (\n"


def test_a_sample_imports_its_own_helper_modules(tmp_path):
    (tmp_path / "layers.py").write_text(
        "import tensorflow.compat.v1 as tf\n"
        "def dense(x):\n    return tf.get_variable('kernel', [2])\n")
    path = tmp_path / "m.py"
    path.write_text("import tensorflow.compat.v1 as tf\ntf.disable_v2_behavior()\n"
                    "import layers\nprint(layers.dense(None).name)\n\n"
                    + MARKER + "\n#| kernel:0\n")
    assert run_check(path)[0] == 0


def test_a_folder_takes_python_files_with_a_block_only(tmp_path):
    (tmp_path / "m.py").write_text(MODEL + "\n" + BLOCK)
    (tmp_path / "helper.py").write_text("print(1)\n")
    (tmp_path / "test_x.py").write_text(f's = """\n{MARKER}\n"""\nprint(s)\n')
    status, printed = run_check(tmp_path)
    assert status == 0
    assert "1 file(s): 1 passed" in printed and "helper.py" not in printed


def test_check_py_on_the_command_line(tmp_path):
    from click.testing import CliRunner
    from scopesim.cli import cli
    path = tmp_path / "m.py"
    path.write_text(MODEL + "\n" + BLOCK)
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 0, result.output


# ------------------------------------------------------------------ verify


def recorded(name: str) -> dict:
    return json.loads((CORPUS / f"{name}.expected.json").read_text(encoding="utf-8"))


def fake_tensorflow(monkeypatch, alter=lambda result: result):
    """Stand in for TensorFlow with the corpus recording of each program."""
    monkeypatch.setattr(verify, "find_tensorflow_python", lambda: "python")

    def run_python_jobs(jobs, python):
        for job in jobs:
            name = Path(job["filename"]).stem
            yield job["id"], {"result": alter(copy.deepcopy(recorded(name)))}
    monkeypatch.setattr(pyverify, "run_python_jobs", run_python_jobs)


def test_verify_a_python_program_that_agrees(monkeypatch):
    fake_tensorflow(monkeypatch)
    con, out = console()
    paths = [str(CORPUS / "readme_model.py"), str(CORPUS / "reuse_error.py")]
    assert verify.verify_paths(paths, con) == exitcodes.OK
    assert "readme_model.py: agrees with TensorFlow" in out.getvalue()
    assert "2 agree, 0 differ" in out.getvalue()


def test_verify_a_python_program_that_differs(monkeypatch):
    def rename(result):
        result["variables"][0]["name"] = "layer_0/kernel_1:0"
        return result
    fake_tensorflow(monkeypatch, rename)
    con, out = console()
    code = verify.verify_paths([str(CORPUS / "readme_model.py")], con)
    assert code == exitcodes.DIFFERENCE
    assert "DIFFERS from TensorFlow (variables)" in out.getvalue()
    assert "-layer_0/kernel_1:0" in out.getvalue()


def test_verify_a_python_file_that_does_not_compile(monkeypatch, tmp_path):
    fake_tensorflow(monkeypatch)
    con, out = console()
    bad = tmp_path / "bad.py"
    bad.write_text("def f(:\n")
    assert verify.verify_paths([str(bad)], con) == exitcodes.USAGE
    assert "bad.py: cannot verify, not a program" in out.getvalue()
    assert "SyntaxError" in out.getvalue()


def test_a_runner_that_stops_early_leaves_the_rest_unverifiable(tmp_path):
    jobs = [pyverify.python_job("0", "print(1)\n", str(tmp_path / "a.py"))]
    payloads = list(pyverify.run_python_jobs(jobs, "/bin/false"))
    assert payloads[0][0] == "0" and "TensorFlow stopped" in payloads[0][1]["unverifiable"]


@pytest.fixture
def tf_python():
    try:
        return find_tensorflow_python()
    except TensorFlowNotFound as e:
        pytest.skip(str(e))


def test_live_corpus_programs_agree_with_tensorflow(tf_python, tmp_path):
    eager = tmp_path / "eager.py"           # no graph mode: TensorFlow stays eager
    eager.write_text("import tensorflow as tf\nprint(tf.compat.v1.executing_eagerly())\n")
    graph = tmp_path / "graph.py"           # runs after a program that turned it on
    graph.write_text(MODEL)
    programs = [(str(CORPUS / "template_towers.py"),
                 (CORPUS / "template_towers.py").read_text()),
                (str(eager), eager.read_text()), (str(graph), graph.read_text())]
    outcomes = list(pyverify.verify_python_programs(programs, tf_python))
    assert [o.status for o in outcomes] == ["agree", "agree", "agree"], \
        [(o.filename, [d.unified() for d in o.differences], o.reason) for o in outcomes]
    assert outcomes[1].tensorflow["output"] == ["True"]
