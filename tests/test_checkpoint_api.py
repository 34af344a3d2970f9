"""tf.train.list_variables / load_checkpoint / latest_checkpoint of scopesim's tf
against what TensorFlow 2.21 returned and raised (tests/checkpoints/)."""

import json
import os

import pytest

from scopesim.tf import compat_v1 as tf

from test_checkpoint_reader import FIXTURES, ROOT, _tiny_bytes, expected, prefix_of

with open(os.path.join(ROOT, "errors.json"), encoding="utf-8") as _f:
    ERRORS = json.load(_f)


@pytest.mark.parametrize("name", FIXTURES)
def test_list_variables_returns_tensorflows_list(name):
    got = tf.train.list_variables(prefix_of(name))
    assert isinstance(got, list) and all(isinstance(item, tuple) for item in got)
    assert [[n, s] for n, s in got] == expected(name)["keys"]
    assert all(isinstance(s, list) for _, s in got)


@pytest.mark.parametrize("name", FIXTURES)
def test_load_checkpoint_dtype_map(name):
    reader = tf.train.load_checkpoint(prefix_of(name))
    dtypes = reader.get_variable_to_dtype_map()
    assert {k: v.name for k, v in dtypes.items()} == expected(name)["dtypes"]
    assert all(isinstance(v, tf.DType) for v in dtypes.values())
    first = expected(name)["keys"][0][0]
    assert reader.has_tensor(first) and not reader.has_tensor(first + "/nope")


def test_directory_and_latest_checkpoint():
    plain = os.path.join(ROOT, "plain")
    assert tf.train.latest_checkpoint(plain) == os.path.join(plain, "model.ckpt-1000")
    assert tf.train.list_variables(plain) == tf.train.list_variables(
        os.path.join(plain, "model.ckpt-1000"))
    assert tf.train.latest_checkpoint(os.path.join(ROOT, "many")) is None


def test_the_index_file_itself_is_accepted_as_tensorflow_does():
    assert ERRORS["index_file_given"]["error"] is None
    got = tf.train.list_variables(os.path.join(ROOT, "tiny", "tiny.index"))
    assert [[n, s] for n, s in got] == expected("tiny")["keys"]


def _make(case, folder):
    """The file of each recorded error case, made in `folder` as the tool made it."""
    if case == "missing_prefix":
        return os.path.join(folder, "nope", "model.ckpt")
    if case == "empty_directory":
        return folder
    if case == "foreign_index":
        open(os.path.join(folder, "bad.index"), "wb").write(b"not a table")
        return os.path.join(folder, "bad")
    if case == "bad_magic":
        open(os.path.join(folder, "magic.index"), "wb").write(b"x" * 100)
        return os.path.join(folder, "magic")
    if case == "truncated":
        open(os.path.join(folder, "cut.index"), "wb").write(_tiny_bytes()[:-1])
        return os.path.join(folder, "cut")
    if case == "bad_checksum":
        bad = bytearray(_tiny_bytes())
        bad[5] ^= 0x10
        open(os.path.join(folder, "crc.index"), "wb").write(bytes(bad))
        return os.path.join(folder, "crc")
    if case == "state_file_names_missing_checkpoint":
        os.makedirs(os.path.join(folder, "stale"))
        with open(os.path.join(folder, "stale", "checkpoint"), "w") as f:
            f.write('model_checkpoint_path: "gone-5"\n')
        return os.path.join(folder, "stale")
    raise AssertionError(case)


@pytest.mark.parametrize("case", [c for c in ERRORS if ERRORS[c].get("type")])
def test_errors_are_tensorflows(case, tmp_path):
    path = _make(case, str(tmp_path))
    with pytest.raises(Exception) as info:
        tf.train.list_variables(path)
    want = ERRORS[case]
    assert type(info.value).__name__ == want["type"]
    assert str(info.value).replace(str(tmp_path), "<dir>") == want["message"]
    if want["type"] != "ValueError":
        assert isinstance(info.value, tf.errors.OpError)
        assert repr(type(info.value)) == \
            f"<class 'tensorflow.python.framework.errors_impl.{want['type']}'>"
    else:
        assert isinstance(info.value, ValueError)


def test_get_tensor_is_not_simulated():
    from scopesim.errors import NotSimulated
    reader = tf.train.load_checkpoint(prefix_of("tiny"))
    with pytest.raises(NotSimulated):
        reader.get_tensor("w")
