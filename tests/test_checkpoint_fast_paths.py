"""The checkpoint reader's fast paths give what its plain ones give, on the
checkpoints TensorFlow 2.21 wrote (tests/checkpoints/, whose keys TF listed
are checked in test_checkpoint_reader.py): the head cache of proto.entry_heads
against decoding every BundleEntryProto whole, the names decoded in one go
against one key at a time, the block walk's one-byte varints against long
keys and values."""

import pytest

from scopesim.checkpoint import read_index, table
from scopesim.checkpoint.keylists import KeyListError, parse_key_list
from scopesim.checkpoint.reader import decode, tensor_names

from test_checkpoint_reader import FIXTURES, expected, prefix_of


def _index_bytes(name):
    with open(prefix_of(name) + ".index", "rb") as f:
        return f.read()


def _fields(ckpt):
    return {name: (e.dtype, e.shape, e.shard_id, e.offset, e.size, e.crc32c, e.slices)
            for name, e in ckpt.tensors.items()}


@pytest.mark.parametrize("name", FIXTURES)
def test_trusted_heads_are_the_whole_entries_heads(name):
    data = _index_bytes(name)
    fast, whole = decode(data, "x.index"), decode(data, "x.index", verify=False)
    assert fast.variables() == whole.variables()
    assert fast.list_variables() == whole.list_variables()
    assert _fields(fast) == _fields(whole)


@pytest.mark.parametrize("name", FIXTURES)
def test_names_decoded_together_are_each_keys_name(name):
    keys, _spans = table.read_entries(_index_bytes(name))
    names, distinct = tensor_names(keys[1:])
    assert names == [k.decode("utf-8", "backslashreplace") for k in keys[1:]]
    assert distinct == all(b"\n" not in k and _is_utf8(k) for k in keys[1:])


def _is_utf8(key):
    try:
        key.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def test_names_with_a_newline_or_invalid_utf8_are_decoded_one_by_one():
    keys = [b"a", b"b\nc", b"d\xff", "\u6743\u91cd".encode()]
    names, distinct = tensor_names(keys)
    assert names == ["a", "b\nc", "d\\xff", "\u6743\u91cd"] and not distinct
    assert tensor_names([b"a", "\u6743".encode()]) == (["a", "\u6743"], True)


def test_long_keys_take_the_varint_path_of_the_block_walk():
    # 'names' holds a 311-byte key: its non_shared length is a two-byte varint
    keys, _spans = table.read_entries(_index_bytes("names"))
    assert ("x" * 300 + "/long_name").encode() in keys
    assert keys == sorted(keys) and len(set(keys)) == len(keys)


def test_block_entries_of_a_memoryview_block():
    data = _index_bytes("many")
    _meta, index_handle = table.read_footer(data)
    index = table.block_contents(data, index_handle, "index")
    separators = [key for key, _, _ in table.block_entries(index, "index")]
    walked, _ = table.walk_block(data, index_handle[0], index_handle[0] + index_handle[1],
                                 "index")
    assert separators == walked and len(walked) >= 3


def test_tensors_are_made_once_and_agree_with_the_listing():
    ckpt = read_index(prefix_of("many") + ".index")
    assert ckpt.tensors is ckpt.tensors
    assert [(n, e.shape, e.dtype_name) for n, e in ckpt.tensors.items()] == ckpt.variables()
    assert [[n, s] for n, s in ckpt.list_variables()] == expected("many")["keys"]


@pytest.mark.parametrize("text", [
    '{"checkpoint": "x", "keys": [{"name": "a", "shape": [[1]], "dtype": "float32"}]}',
    '{"checkpoint": "x", "keys": [{"name": "a", "shape": [1], "dtype": []}]}',
    '{"checkpoint": "x", "keys": [{"name": "a", "shape": [{"d": 1}], "dtype": "float32"}]}',
])
def test_a_json_key_list_with_unhashable_dims_or_dtype_is_not_a_key_list(text):
    with pytest.raises(KeyListError, match="not a key list"):
        parse_key_list(text, "x.json")
