"""`scopesim keys SOURCE` on the TF-written fixtures of tests/checkpoints/."""

import json
import os

import pytest
from click.testing import CliRunner

from scopesim.cli import cli

from test_checkpoint_reader import FIXTURES, ROOT, expected, prefix_of


def invoke(*args):
    runner = CliRunner()
    result = runner.invoke(cli, list(args), env={"NO_COLOR": "1", "COLUMNS": "200"})
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
