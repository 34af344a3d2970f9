"""`scopesim keys SOURCE` on the TF-written fixtures of tests/checkpoints/."""

import json
import os

import pytest
from click.testing import CliRunner

from scopesim.cli import cli

from test_checkpoint_reader import FIXTURES, ROOT, expected, prefix_of


def invoke(*args, program_traceback=False):
    runner = CliRunner()
    result = runner.invoke(cli, list(args), env={"NO_COLOR": "1", "COLUMNS": "200"})
    assert result.exception is None or isinstance(result.exception, SystemExit)
    if not program_traceback:
        assert "Traceback (most recent call last)" not in result.stdout + result.stderr
    return result


@pytest.mark.parametrize("name", FIXTURES)
def test_json_is_what_tensorflow_listed(name):
    result = invoke("keys", prefix_of(name), "--format", "json")
    assert result.exit_code == 0, result.stderr
    got = json.loads(result.stdout)
    want = expected(name)
    assert [[k["name"], k["shape"]] for k in got["keys"]] == want["keys"]
    assert {k["name"]: k["dtype"] for k in got["keys"]} == want["dtypes"]
    assert got["checkpoint"] == prefix_of(name)


def test_text_columns():
    result = invoke("keys", os.path.join(ROOT, "adam"))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["beta1_power", "[]", "float32"]
    assert "emb/table/Adam    [10, 8]  float32" in lines
    assert lines[-1].split() == ["global_step", "[]", "int64"]


def test_tsv():
    result = invoke("keys", os.path.join(ROOT, "sharded"), "--format", "tsv")
    assert result.stdout == ("a\t[3]\tfloat32\nb\t[4, 4]\tfloat32\nc/d\t[2]\tint64\n"
                             "p\t[6, 2]\tfloat32\n")


def test_directory_uses_the_latest_checkpoint():
    result = invoke("keys", os.path.join(ROOT, "plain"), "--format", "json")
    assert json.loads(result.stdout)["checkpoint"].endswith("model.ckpt-1000")


@pytest.mark.parametrize("bad", ["missing", "foreign", "directory"])
def test_bad_checkpoint_is_exit_2_with_a_message(bad, tmp_path):
    if bad == "missing":
        source = str(tmp_path / "nope")
    elif bad == "foreign":
        (tmp_path / "x.index").write_bytes(b"\0" * 100)
        source = str(tmp_path / "x")
    else:
        source = str(tmp_path)
    result = invoke("keys", source)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("scopesim: cannot list checkpoint keys: " + source)


def test_snappy_is_exit_2(tmp_path):
    from test_checkpoint_reader import _recompress, _tiny_bytes
    (tmp_path / "s.index").write_bytes(_recompress(_tiny_bytes(), 1))
    result = invoke("keys", str(tmp_path / "s"))
    assert result.exit_code == 2 and "snappy" in result.stderr


# ------------------------------------------------------- keys of a program

PROGRAMS = sorted(f[:-3] for f in os.listdir(os.path.join(ROOT, "programs"))
                  if f.endswith(".py"))


@pytest.mark.parametrize("program", PROGRAMS)
def test_program_keys_are_what_tensorflows_saver_wrote(program):
    """tools/make_checkpoints.py ran the program under TF 2.21 and saved it with
    Saver(): the checkpoint's keys are the prediction's."""
    result = invoke("keys", os.path.join(ROOT, "programs", program + ".py"),
                    "--format", "json")
    assert result.exit_code == 0, result.stderr
    got = json.loads(result.stdout)["keys"]
    want = expected("program_" + program)
    assert [[k["name"], k["shape"]] for k in got] == want["keys"]
    assert {k["name"]: k["dtype"] for k in got} == want["dtypes"]
    # and the recorded checkpoint lists the same through the reader
    assert invoke("keys", prefix_of("program_" + program), "--format", "json").stdout \
        .split("\n", 1)[1] == result.stdout.split("\n", 1)[1]


def test_scope_program_keys(tmp_path):
    source = tmp_path / "k.scope"
    source.write_text('scope "a" < var w [2, 3] >\nvariable v [4] init=zeros\n')
    result = invoke("keys", str(source), "--format", "tsv")
    assert result.exit_code == 0
    assert result.stdout == "a/w\t[2, 3]\tfloat32\nv\t[4]\tfloat32\n"


def test_program_that_raises_exits_as_run_does(tmp_path):
    source = tmp_path / "bad.py"
    source.write_text('import tensorflow as tf\nraise ValueError("boom")\n')
    result = invoke("keys", str(source), program_traceback=True)
    assert result.exit_code == 1 and result.stdout == ""
    assert 'File "' + str(source) + '", line 2' in result.stderr
    assert "ValueError: boom" in result.stderr


def test_saver_keys_rules():
    from scopesim.checkpoint.program_keys import saver_keys

    class Shape:
        def __init__(self, dims):
            self.dims = dims

        def as_list(self):
            return list(self.dims)

    class V:
        def __init__(self, name, dims, info=None):
            self.op = type("Op", (), {"name": name})()
            self.shape = Shape(dims)
            self.dtype = type("D", (), {"base_dtype": type("B", (), {"name": "float32"})()})()
            self._save_slice_info = info

    info = type("I", (), {"full_name": "t", "full_shape": [10, 2]})()
    got = saver_keys([V("z", [1]), V("t/part_0", [5, 2], info), V("t/part_1", [5, 2], info)])
    assert got == [("t", [10, 2], "float32"), ("z", [1], "float32")]
    with pytest.raises(ValueError, match="At least two variables have the same name: z"):
        saver_keys([V("z", [1]), V("z", [1])])
