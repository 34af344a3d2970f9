"""tf.train.init_from_checkpoint and load_variable against TensorFlow 2.21.

The probes of tests/checkpoints/api/ (init_*.py, load_*.py) were run by real
TensorFlow (tools/record_checkpoint_api.py -> NAME.expected.json); here each
runs under scopesim's `tensorflow` and must print the same lines (ops,
devices, shapes, initializers, errors) and build the same graph.  The
name-keyed rule (scopesim.checkpoint.assignment) is checked on its own
against the same recorded texts.  No TensorFlow is needed.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from scopesim.checkpoint.assignment import (resolve_assignment_map, shape_map_text,
                                            tensor_shape_text)
from scopesim.checkpoint.cxx_order import hash_bytes, unordered_map_order
from scopesim.errors import NotSimulated, TFValueError
from scopesim.pyfront import run_python
from scopesim.verify import compare_results

API = Path(__file__).parent / "checkpoints" / "api"
ROOT = API.parent


def run_probe(name: str) -> tuple[dict, dict]:
    """(TensorFlow's recorded result, scopesim's) of probe NAME, run from its folder."""
    path = API / f"{name}.py"
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    cwd = os.getcwd()
    os.chdir(API)
    try:
        got = run_python(path.read_text(encoding="utf-8"), path.name).to_json()
    finally:
        os.chdir(cwd)
    return expected, got


def assert_probe_agrees(name: str) -> dict:
    expected, got = run_probe(name)
    differences = compare_results(expected, got)
    report = []
    for difference in differences:
        report.append(f"--- {difference.section} ---")
        report += difference.unified()
    assert not differences, f"{name} differs from TensorFlow:\n" + "\n".join(report)
    return expected


def recorded_lines(name: str) -> list:
    return json.loads((API / f"{name}.expected.json").read_text(encoding="utf-8"))["output"]


# ------------------------------------------------------------ the whole probes


def test_ref_variable_gets_restorev2_and_assign_and_its_initializer_is_the_assign_tensor():
    out = assert_probe_agrees("init_ref_variable")
    assert "Assign:0 SymbolicTensor" in out["output"]


def test_resource_variable_gets_identity_and_assignvariableop():
    out = assert_probe_agrees("init_resource_variable")
    assert "AssignVariableOp Operation" in out["output"]


def test_partitioned_variable_by_name_restores_each_part_with_its_slice():
    assert_probe_agrees("init_partitioned_variable")


def test_partitioned_variable_as_a_list_of_parts():
    assert_probe_agrees("init_partitioned_list")


def test_scope_maps_root_maps_and_list_of_pairs():
    assert_probe_agrees("init_scope_maps")


def test_variable_objects_name_scope_and_device():
    assert_probe_agrees("init_variable_objects")


def test_errors_word_for_word():
    assert_probe_agrees("init_errors")


def test_load_variable_errors_and_the_readers_key_order():
    assert_probe_agrees("load_variable_errors")


# ------------------------------------------- the name-keyed rule on its own

PLAIN = {"name_str": ([], "string"), "half": ([5], "float16"), "global_step": ([], "int64"),
         "flag": ([3], "bool"), "enc/w1": ([4, 8], "float32"), "enc/b1": ([8], "float32"),
         "dec/w2": ([8, 2], "float32"), "dbl": ([2, 2, 2], "float64"),
         "counter": ([], "int32"), "big": ([300, 70], "float32")}
CKPT = "../plain/model.ckpt-1000"


def _error(assignment_map, store, checkpoint=PLAIN, path=CKPT) -> str:
    with pytest.raises(TFValueError) as info:
        resolve_assignment_map(assignment_map, checkpoint, store, path)
    return "ValueError: " + str(info.value)


def test_rule_missing_tensor_prints_the_whole_key_map_in_the_readers_order():
    line = _error({"nope/w1": "enc/w1"}, {"enc/w1": ([4, 8], "float32")})
    assert line == recorded_lines("init_errors")[0]


def test_rule_shape_mismatch():
    line = _error({"enc/b1": "enc/b1"}, {"enc/b1": ([5], "float32")})
    assert line == recorded_lines("init_errors")[1]


def test_rule_a_name_not_in_the_store_is_a_scope_and_must_map_to_a_scope():
    store = {"enc/w1": ([4, 8], "float32")}
    assert _error({"enc/w1": "enc/w9"}, store) == recorded_lines("init_errors")[2]
    assert _error({"enc/w1": "w9"}, store) == recorded_lines("init_errors")[3]


def test_rule_scope_variable_missing_from_the_checkpoint():
    store = {"enc/w1": ([4, 8], "float32"), "enc/b1": ([5], "float32")}
    assert _error({"dec/": "enc/"}, store) == recorded_lines("init_errors")[5]


def test_rule_scope_map_expands_sorted_and_strips_part_suffixes():
    store = {"model/enc/w1": ([4, 8], "float32"), "model/enc/b1": ([8], "float32"),
             "model/other": ([3], "float32")}
    got = resolve_assignment_map({"enc/": "model/enc/"}, PLAIN, store, CKPT)
    assert list(got.items()) == [("model/enc/b1", "enc/b1"), ("model/enc/w1", "enc/w1")]
    parts = {"emb/table/part_0": ([4, 8], "float32"), "emb/table/part_1": ([6, 8], "float32")}
    ckpt = {"emb/table": ([10, 8], "float32")}
    assert resolve_assignment_map({"/": "/"}, ckpt, parts) == {
        "emb/table/part_0": "emb/table", "emb/table/part_1": "emb/table"}


def test_rule_root_into_a_scope():
    store = {"outer/p": ([4], "float32"), "outer/w": ([2, 3], "float32")}
    ckpt = {"p": ([4], "float32"), "w": ([2, 3], "float32")}
    assert resolve_assignment_map([("/", "outer/")], ckpt, store) == {"outer/p": "p",
                                                                        "outer/w": "w"}


def test_rule_partitioned_by_name_is_not_shape_checked():
    # TF compares shapes only for one variable, not for the list of parts
    parts = {"w/part_0": ([1, 3], "float32"), "w/part_1": ([1, 3], "float32")}
    got = resolve_assignment_map({"p": "w"}, {"p": ([4], "float32")}, parts)
    assert got == {"w/part_0": "p", "w/part_1": "p"}


def test_rule_order_is_the_sorted_checkpoint_keys():
    store = {"a": ([], "float32"), "b": ([], "float32")}
    ckpt = {"x": ([], "float32"), "y": ([], "float32")}
    assert list(resolve_assignment_map({"y": "a", "x": "b"}, ckpt, store)) == ["b", "a"]


def test_reader_order_is_libstdcxx_unordered_map_order_on_every_fixture():
    # TF 2.21 printed the plain fixture's map in this order (recorded)
    recorded = recorded_lines("load_variable_errors")[5]
    assert shape_map_text({k: v[0] for k, v in PLAIN.items()}) == recorded
    assert unordered_map_order(["a"]) == ["a"]


def test_hash_bytes_is_std_hash_of_strings():
    # std::hash<std::string> of libstdc++ (x86-64), values printed by a C++ program
    assert hash_bytes(b"") == 6142509188972423790
    assert hash_bytes(b"w") != hash_bytes(b"p")


def test_tensor_shape_text():
    assert [tensor_shape_text(s) for s in ([2, 3], [5], [], [None, 3], None)] == [
        "(2, 3)", "(5,)", "()", "(None, 3)", "<unknown>"]


def test_load_variable_of_a_key_it_has_is_not_simulated():
    from scopesim.tf import compat_v1 as tf
    with pytest.raises(NotSimulated):
        tf.train.load_variable(str(ROOT / "tiny" / "tiny"), "w")
    with pytest.raises(NotSimulated):
        tf.train.load_variable(str(ROOT / "tiny" / "tiny"), "w:0")


def test_odd_values_fail_as_python_fails_in_tensorflow():
    assert_probe_agrees("init_odd_values")


def test_a_variable_initialized_from_a_checkpoint_in_use():
    # initializer is a Tensor for a RefVariable; initialized_value() switches the
    # restored tensor on its CPU device; tensors print their device
    out = assert_probe_agrees("init_then_use")
    assert out["output"][0] == 'Tensor("Assign:0", shape=(2, 3), dtype=float32_ref)'
