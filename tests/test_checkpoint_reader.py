"""The checkpoint reader against real checkpoints TensorFlow 2.21 wrote
(tests/checkpoints/, made by tools/make_checkpoints.py: the names, shapes
and dtypes TF listed are recorded beside each) and against corrupted copies."""

import gzip
import json
import os
import shutil

import pytest

from scopesim.checkpoint import CheckpointError, read_checkpoint, read_index, resolve
from scopesim.checkpoint import table
from scopesim.checkpoint.crc32c import crc32c, extend, mask, unmask
from scopesim.checkpoint.reader import decode, parse_state

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "checkpoints")
FIXTURES = sorted(d for d in os.listdir(ROOT)
                  if os.path.isfile(os.path.join(ROOT, d, "expected_keys.json"))
                  or os.path.isfile(os.path.join(ROOT, d, "expected_keys.json.gz")))


def expected(name):
    plain = os.path.join(ROOT, name, "expected_keys.json")
    if os.path.isfile(plain):
        with open(plain, encoding="utf-8") as f:
            return json.load(f)
    with gzip.open(plain + ".gz", "rt", encoding="utf-8") as f:
        return json.load(f)


def prefix_of(name):
    return os.path.join(ROOT, name, expected(name)["prefix"])


def listed(ckpt):
    return [[n, s] for n, s in ckpt.list_variables()]


def test_every_fixture_kind_is_there():
    assert {"plain", "adam", "sharded", "partitioned", "names", "many", "tiny",
            "tf2", "tf2_slots", "program_encoder"} <= set(FIXTURES)


@pytest.mark.parametrize("name", FIXTURES)
def test_keys_shapes_and_dtypes_as_tensorflow_listed_them(name):
    want = expected(name)
    ckpt = read_checkpoint(prefix_of(name))
    assert listed(ckpt) == want["keys"]
    assert {n: e.dtype_name for n, e in ckpt.tensors.items()} == want["dtypes"]
    assert [(n, s, want["dtypes"][n]) for n, s in want["keys"]] == \
        [(n, s, d) for n, s, d in ckpt.variables()]


@pytest.mark.parametrize("name", FIXTURES)
def test_prefix_index_file_and_directory_name_the_same_checkpoint(name):
    prefix = prefix_of(name)
    assert resolve(prefix + ".index") == prefix
    assert listed(read_checkpoint(prefix + ".index")) == expected(name)["keys"]
    if os.path.isfile(os.path.join(ROOT, name, "checkpoint")):
        assert os.path.normpath(resolve(os.path.join(ROOT, name))) == os.path.normpath(prefix)


def test_directory_gives_the_latest_of_the_state_file():
    assert resolve(os.path.join(ROOT, "plain")).endswith("model.ckpt-1000")
    older = read_checkpoint(os.path.join(ROOT, "plain", "model.ckpt-0"))
    assert [n for n, _ in older.list_variables()] == [n for n, _ in
                                                       expected("plain")["keys"]]


def test_adam_slots_of_a_partitioned_variable_are_one_key_each():
    keys = dict((n, s) for n, s in read_checkpoint(prefix_of("adam")).list_variables())
    assert keys["emb/table/Adam"] == [10, 8] and keys["emb/table/Adam_1"] == [10, 8]
    assert not any("part_" in n for n in keys)
    assert {"beta1_power", "beta2_power", "global_step"} <= set(keys)


def test_sharded_header_and_shard_ids():
    ckpt = read_checkpoint(prefix_of("sharded"))
    assert ckpt.header.num_shards == 2
    assert ckpt.tensors["a"].shard_id == 0 and ckpt.tensors["b"].shard_id == 1
    assert ckpt.tensors["p"].shape == [6, 2] and len(ckpt.tensors["p"].slices) == 2


def test_partitioned_entries_list_their_slices():
    ckpt = read_checkpoint(prefix_of("partitioned"))
    assert ckpt.slice_entries == sum(len(e.slices) for e in ckpt.tensors.values())
    assert ckpt.tensors["w"].slices == [[(0, 4), (0, -1)], [(4, 3), (0, -1)],
                                        [(7, 3), (0, -1)]] or \
        len(ckpt.tensors["w"].slices) == 3


def test_many_keys_span_several_data_blocks():
    with open(prefix_of("many") + ".index", "rb") as f:
        data = f.read()
    _meta, index_handle = table.read_footer(data)
    index = table.block_contents(data, index_handle, "index")
    assert len(list(table.block_entries(index, "index"))) >= 3
    ckpt = read_checkpoint(prefix_of("many"))
    assert len(ckpt.tensors) == 10017
    assert ckpt.tensors["huge/part"].shape == [10000000000, 2]


def test_tf2_object_based_keys():
    names = [n for n, _ in read_checkpoint(prefix_of("tf2")).list_variables()]
    assert "_CHECKPOINTABLE_OBJECT_GRAPH" in names
    assert "net/w/.ATTRIBUTES/VARIABLE_VALUE" in names
    # tf_keras 2.21's Adam (not the legacy one) keeps its slots as a list, not as
    # .OPTIMIZER_SLOT/ entries
    assert "optimizer/_variables/1/.ATTRIBUTES/VARIABLE_VALUE" in names


def test_tf2_legacy_optimizer_slots():
    names = [n for n, _ in read_checkpoint(prefix_of("tf2_slots")).list_variables()]
    assert "model/kernel/.OPTIMIZER_SLOT/optimizer/m/.ATTRIBUTES/VARIABLE_VALUE" in names


def test_unicode_and_long_names():
    names = [n for n, _ in read_checkpoint(prefix_of("names")).list_variables()]
    assert "ünïcødé/权重" in names and "x" * 300 + "/long_name" in names


# ----------------------------------------------------------------- CRC-32C


def test_crc32c_known_values():
    assert crc32c(b"123456789") == 0xE3069283
    assert crc32c(b"") == 0
    assert crc32c(bytes(32)) == 0x8A9136AA          # RFC 3720 B.4
    assert crc32c(b"\xff" * 32) == 0x62A8AB43
    assert crc32c(bytes(range(32))) == 0x46DD794E


def test_crc32c_long_inputs_agree_with_the_short_loop():
    data = bytes((i * 7919 + (i >> 5)) & 0xFF for i in range(70001))
    def bytewise(b):
        from scopesim.checkpoint.crc32c import _BYTE
        c = 0xFFFFFFFF
        for x in b:
            c = _BYTE[0][(c ^ x) & 0xFF] ^ (c >> 8)
        return c ^ 0xFFFFFFFF
    for n in (0, 1, 63, 64, 65, 4095, 4096, 4099, 70001):
        assert crc32c(data[:n]) == bytewise(data[:n]), n
    assert extend(crc32c(data[:5000]), data[5000:]) == crc32c(data)


def test_mask_round_trip():
    for value in (0, 1, 0xFFFFFFFF, 0xE3069283, 0x12345678):
        assert unmask(mask(value)) == value
    assert mask(0) == 0xA282EAD8


# ------------------------------------------------------------- corruption


def _tiny_bytes():
    with open(prefix_of("tiny") + ".index", "rb") as f:
        return f.read()


def _answer(data):
    ckpt = decode(data, "x.index")
    return [(n, s, d) for n, s, d in ckpt.variables()]


def _decode_or_error(data, path):
    with open(path, "wb") as f:
        f.write(data)
    try:
        return read_index(path)
    except CheckpointError as exc:
        assert exc.path == path and exc.problem and str(exc).startswith(path + ": ")
        return exc


@pytest.mark.parametrize("fixture", ["tiny", "sharded"])
def test_every_byte_flipped_is_a_clear_error_or_the_right_answer(fixture, tmp_path):
    with open(prefix_of(fixture) + ".index", "rb") as f:
        good = f.read()
    right = _answer(good)
    path = str(tmp_path / "flipped.index")
    errors = 0
    for i in range(len(good)):
        for flip in (0xFF, 0x01, 0x80):
            bad = bytearray(good)
            bad[i] ^= flip
            got = _decode_or_error(bytes(bad), path)
            if isinstance(got, CheckpointError):
                errors += 1
            else:
                assert [(n, s, d) for n, s, d in got.variables()] == right, (i, flip)
    assert errors > 2 * len(good)


def test_every_truncation_is_a_clear_error(tmp_path):
    good = _tiny_bytes()
    path = str(tmp_path / "cut.index")
    for n in range(len(good)):
        got = _decode_or_error(good[:n], path)
        assert isinstance(got, CheckpointError), n
    # and bytes appended after the footer move it: not a table either
    assert isinstance(_decode_or_error(good + b"\0", path), CheckpointError)


def test_bad_checksum_names_the_block(tmp_path):
    good = bytearray(_tiny_bytes())
    good[5] ^= 0x10
    got = _decode_or_error(bytes(good), str(tmp_path / "c.index"))
    assert isinstance(got, CheckpointError)
    assert "data block 0" in got.problem and "checksum" in got.problem


def _recompress(data: bytes, compression: int) -> bytes:
    """The data block's compression byte set to `compression`, its CRC recomputed."""
    out = bytearray(data)
    _meta, index_handle = table.read_footer(data)
    index = table.block_contents(data, index_handle, "index")
    (_key, start, end), = list(table.block_entries(index, "index"))
    from scopesim.checkpoint.proto import varint
    offset, pos = varint(index, start, end)
    size, _ = varint(index, pos, end)
    out[offset + size] = compression
    crc = mask(crc32c(bytes(out[offset:offset + size + 1])))
    out[offset + size + 1:offset + size + 5] = crc.to_bytes(4, "little")
    return bytes(out)


def test_snappy_block_is_unsupported(tmp_path):
    got = _decode_or_error(_recompress(_tiny_bytes(), 1), str(tmp_path / "s.index"))
    assert isinstance(got, CheckpointError) and got.unsupported
    assert "snappy" in got.problem and "not support" in got.problem


def test_unknown_compression_type(tmp_path):
    got = _decode_or_error(_recompress(_tiny_bytes(), 7), str(tmp_path / "u.index"))
    assert isinstance(got, CheckpointError) and not got.unsupported
    assert "compression type 7" in got.problem


def test_foreign_and_short_files(tmp_path):
    path = str(tmp_path / "f.index")
    got = _decode_or_error(b"not a table", path)
    assert "too short" in got.problem
    got = _decode_or_error(b"x" * 100, path)
    assert "not a checkpoint index" in got.problem and "magic" in got.problem


# ----------------------------------------------------------------- finding


def test_missing_checkpoint(tmp_path):
    with pytest.raises(CheckpointError) as info:
        read_checkpoint(str(tmp_path / "nope" / "model.ckpt"))
    assert info.value.missing and "no checkpoint" in info.value.problem


def test_directory_without_state_file(tmp_path):
    with pytest.raises(CheckpointError) as info:
        read_checkpoint(str(tmp_path))
    assert info.value.missing and "'checkpoint' file" in info.value.problem


def test_state_file_naming_a_missing_checkpoint(tmp_path):
    (tmp_path / "checkpoint").write_text('model_checkpoint_path: "gone-5"\n')
    with pytest.raises(CheckpointError) as info:
        read_checkpoint(str(tmp_path))
    assert "gone-5" in info.value.problem and info.value.path.endswith("checkpoint")


def test_state_file_with_an_absolute_path_and_escapes(tmp_path):
    shutil.copy(prefix_of("tiny") + ".index", tmp_path / "ti\"ny.index")
    target = str(tmp_path / 'ti"ny')
    (tmp_path / "checkpoint").write_text(
        'model_checkpoint_path: "%s"\nall_model_checkpoint_paths: "x"\n'
        % target.replace('"', '\\"'))
    assert resolve(str(tmp_path)) == target


def test_state_file_text_format():
    assert parse_state(b'model_checkpoint_path: "a/b-1"\n'
                       b'all_model_checkpoint_paths: "a/b-1"\n') == "a/b-1"
    assert parse_state(b'model_checkpoint_path: "\\303\\274"\n') == "ü"
    assert parse_state(b'all_model_checkpoint_paths: "x"\n') is None
    with pytest.raises(CheckpointError):
        parse_state(b"garbage\n")


def test_data_and_meta_file_names_lead_to_their_prefix():
    prefix = prefix_of("sharded")
    assert resolve(prefix + ".data-00001-of-00002") == prefix
    assert resolve(prefix + ".meta") == prefix
