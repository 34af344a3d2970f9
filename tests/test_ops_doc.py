"""docs/ops.md, the op library's table (tools/op_table.py): current with
scopesim's op functions, and every row what TensorFlow 2.21 builds for the
same canonical call (tests/tf/op_table_tf.json, recorded by
tools/record_op_table.py)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _op_table():
    spec = importlib.util.spec_from_file_location("op_table", ROOT / "tools" / "op_table.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TABLE = _op_table()
RECORDED = json.loads((ROOT / "tests" / "tf" / "op_table_tf.json").read_text())
SCOPESIM = TABLE.scopesim_ops()


def test_ops_page_is_what_the_op_functions_build():
    actual = (ROOT / "docs" / "ops.md").read_text(encoding="utf-8")
    assert actual == TABLE.render(SCOPESIM), "docs/ops.md is stale: run python tools/op_table.py"


def test_recording_is_of_tensorflow_2_21_and_covers_every_row():
    assert RECORDED["tensorflow"] == "2.21.0"
    assert list(RECORDED["ops"]) == [call for _, call, *_ in TABLE.CALLS]


@pytest.mark.parametrize("call", [call for _, call, *_ in TABLE.CALLS])
def test_row_is_tensorflows(call):
    recorded = RECORDED["ops"][call]
    assert TABLE.row(SCOPESIM[call]) == TABLE.row(recorded)
    assert SCOPESIM[call] == recorded


def test_the_page_shows_a_row_of_tensorflow():
    text = (ROOT / "docs" / "ops.md").read_text(encoding="utf-8")
    assert ("| `tf.reduce_mean` | `tf.reduce_mean(x, 1)` | `Mean` | `Const`, `Mean` | "
            "`Mean/reduction_indices` |") in text
