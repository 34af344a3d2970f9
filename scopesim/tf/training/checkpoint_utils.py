"""`tensorflow/python/training/checkpoint_utils.py` over scopesim's own reader.

`list_variables`, `load_checkpoint` and `latest_checkpoint` read a real
checkpoint's `.index` file (scopesim.checkpoint), without TensorFlow; the
tensor values are never read (`get_tensor` is NotSimulated).  Errors are
TensorFlow's, word for word where TF 2.21 was recorded
(tests/checkpoints/errors.json, made by tools/make_checkpoints.py):

* a prefix with no files: NotFoundError "Unsuccessful TensorSliceReader
  constructor: Failed to find any matching files for PATH";
* a directory without a usable `checkpoint` file: ValueError "Couldn't find
  'checkpoint' file or checkpoints in given directory DIR";
* a file that is not a table: OpError "not an sstable (bad magic number)"
  ("file is too short to be an sstable" under 48 bytes); a block checksum
  failure: OpError "Unable to read file (PATH.index). Perhaps the file is
  corrupt or was produced by a newer version of TensorFlow with format
  changes (...): block checksum mismatch"; other damage: OpError with
  scopesim's own description.
"""

from __future__ import annotations

import os

from ...checkpoint import CheckpointError, Checkpoint, read_index
from ...checkpoint import reader as _reader
from ...errors import NotSimulated, TFValueError
from ..framework import dtypes as _dtypes
from ..framework.errors_impl import NotFoundError, OpError


def _checkpoint_filename(ckpt_dir_or_file) -> str:
    """checkpoint_utils._get_checkpoint_filename: a directory's latest checkpoint."""
    path = os.fspath(ckpt_dir_or_file)
    if os.path.isdir(path):
        latest = latest_checkpoint(path)
        if latest is None:
            raise TFValueError(f"Couldn't find 'checkpoint' file or checkpoints in given "
                               f"directory {path}")
        return latest
    return path


def _read(filename: str) -> Checkpoint:
    """NewCheckpointReader(filename): the bundle at prefix `filename` (or the
    `.index` file itself, which TensorFlow's reader also accepts)."""
    if os.path.isfile(filename + ".index"):
        index = filename + ".index"
    elif filename.endswith(".index") and os.path.isfile(filename):
        index = filename
    else:
        raise NotFoundError(None, None, "Unsuccessful TensorSliceReader constructor: Failed "
                                        f"to find any matching files for {filename}")
    try:
        return read_index(index, prefix=index[:-len(".index")])
    except CheckpointError as exc:
        raise OpError(None, None, _tf_text(exc, index)) from None


def _tf_text(exc: CheckpointError, index: str) -> str:
    if exc.kind == "short":
        return "file is too short to be an sstable"
    if exc.kind == "magic":
        return "not an sstable (bad magic number)"
    if exc.kind == "checksum":
        return (f"Unable to read file ({index}). Perhaps the file is corrupt or was "
                "produced by a newer version of TensorFlow with format changes (failed to "
                "seek to header entry): block checksum mismatch")
    return f"{exc.path}: {exc.problem}"


class CheckpointReader:
    """`py_checkpoint_reader.CheckpointReader` (what load_checkpoint returns):
    the key maps of the index; values are not read."""

    def __init__(self, checkpoint: Checkpoint):
        self._checkpoint = checkpoint

    def get_variable_to_shape_map(self) -> dict:
        return {name: list(e.shape) if e.shape is not None else None
                for name, e in self._checkpoint.tensors.items()}

    def get_variable_to_dtype_map(self) -> dict:
        return {name: _dtypes.as_dtype(e.dtype_name)
                for name, e in self._checkpoint.tensors.items()}

    def has_tensor(self, tensor_str) -> bool:
        return tensor_str in self._checkpoint.tensors

    def get_tensor(self, tensor_str):
        raise NotSimulated("tf.train.load_checkpoint(...).get_tensor (scopesim reads the "
                           "checkpoint's index, not its values)")

    def debug_string(self):
        raise NotSimulated("CheckpointReader.debug_string")


CheckpointReader.__module__ = "tensorflow.python.util._pywrap_checkpoint_reader"


def load_checkpoint(ckpt_dir_or_file) -> CheckpointReader:
    """`tf.train.load_checkpoint(ckpt_dir_or_file)`."""
    return CheckpointReader(_read(_checkpoint_filename(ckpt_dir_or_file)))


def list_variables(ckpt_dir_or_file) -> list:
    """`tf.train.list_variables(ckpt_dir_or_file)`: (name, shape) tuples, sorted by name,
    the shape a list of ints."""
    reader = load_checkpoint(ckpt_dir_or_file)
    variable_map = reader.get_variable_to_shape_map()
    return [(name, variable_map[name]) for name in sorted(variable_map)]


def latest_checkpoint(checkpoint_dir, latest_filename=None):
    """`tf.train.latest_checkpoint(checkpoint_dir, latest_filename=None)`: the prefix the
    state file names (joined to the directory when relative), or None."""
    state = os.path.join(os.fspath(checkpoint_dir), latest_filename or _reader.STATE_FILE)
    try:
        with open(state, "rb") as f:
            latest = _reader.parse_state(f.read(), state)
    except (OSError, CheckpointError):
        return None
    if not latest:
        return None
    prefix = latest if os.path.isabs(latest) else os.path.join(os.fspath(checkpoint_dir),
                                                                 latest)
    return prefix if os.path.isfile(prefix + ".index") else None
