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

`init_from_checkpoint` resolves its assignment map with the one rule of
scopesim.checkpoint.assignment and builds what TensorFlow builds for each
variable it maps (`_set_checkpoint_initializer`); `load_variable` reads a
value, which scopesim never does: it raises TensorFlow's errors that come
first (no checkpoint; "Key NAME not found in checkpoint") and is
NotSimulated for a key the checkpoint has.
"""

from __future__ import annotations

# scopesim.checkpoint (the reader, the assignment rule) is imported by the
# functions that use it: a program that reads no checkpoint does not load it.
import os
from collections.abc import Mapping

from ...engine import io_ops as _io_ops
from ...engine.graph import get_default_graph
from ...engine.resource import BaseResourceVariable
from ...engine.variables import RefVariable
from ...errors import NotSimulated, TFValueError
from ..framework import dtypes as _dtypes
from ..framework.errors_impl import NotFoundError, OpError
from .saveable_object_util import op_list_to_dict, saveables_for


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
    from ...checkpoint import CheckpointError, read_index
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
        self._order = None

    def _keys(self) -> list:
        """The keys in the order the C++ reader's maps hand them out (cxx_order)."""
        if self._order is None:
            from ...checkpoint.cxx_order import unordered_map_order
            self._order = unordered_map_order(list(self._checkpoint.tensors))
        return self._order

    def get_variable_to_shape_map(self) -> dict:
        tensors = self._checkpoint.tensors
        return {name: list(tensors[name].shape) if tensors[name].shape is not None else None
                for name in self._keys()}

    def get_variable_to_dtype_map(self) -> dict:
        tensors = self._checkpoint.tensors
        return {name: _dtypes.as_dtype(tensors[name].dtype_name) for name in self._keys()}

    def has_tensor(self, tensor_str) -> bool:
        return tensor_str in self._checkpoint.tensors

    def get_tensor(self, tensor_str):
        if not self.has_tensor(tensor_str):
            raise NotFoundError(None, None, f"Key {tensor_str} not found in checkpoint")
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
    from ...checkpoint import CheckpointError
    from ...checkpoint import reader as _reader
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


def load_variable(ckpt_dir_or_file, name):
    """`tf.train.load_variable(ckpt_dir_or_file, name)`: a trailing `:0` is dropped,
    then `load_checkpoint(...).get_tensor(name)`: TensorFlow's errors for a
    missing checkpoint or key; the value itself is NotSimulated."""
    if name.endswith(":0"):
        name = name[:-2]
    return load_checkpoint(ckpt_dir_or_file).get_tensor(name)


def init_from_checkpoint(ckpt_dir_or_file, assignment_map):
    """`tf.train.init_from_checkpoint(ckpt_dir_or_file, assignment_map)`
    (`checkpoint_utils._init_from_checkpoint`): the map resolved against the
    default graph's variable store (scopesim.checkpoint.assignment), then the
    initializer of every mapped variable replaced by a restore from the
    checkpoint, in TensorFlow's order."""
    from ...checkpoint.assignment import resolve_steps
    ckpt_file = _get_checkpoint_filename(ckpt_dir_or_file)
    reader = load_checkpoint(ckpt_dir_or_file)
    tensors = reader._checkpoint.tensors
    checkpoint = {name: (e.shape, e.dtype_name) for name, e in tensors.items()}
    g = get_default_graph()
    store_vars = g.var_store.vars
    store = {name: (_dims_list(v), v._dt.replace("_ref", "")) for name, v in store_vars.items()}
    pairs = assignment_map.items() if isinstance(assignment_map, Mapping) else assignment_map
    given = [(key, _given(value)) for key, value in sorted(pairs, key=lambda pair: pair[0])]
    for step in resolve_steps(given, checkpoint, store, ckpt_dir_or_file):
        if step.given:
            target = step.targets[0]
        elif step.single:
            target = store_vars[step.targets[0]]
        else:
            target = [store_vars[name] for name in step.targets]
        _set_variable_or_list_initializer(target, ckpt_file, step.key)


def _get_checkpoint_filename(ckpt_dir_or_file):
    """`checkpoint_utils._get_checkpoint_filename`: a directory's latest checkpoint
    (None when it has none), else the path as given."""
    if isinstance(ckpt_dir_or_file, os.PathLike):
        ckpt_dir_or_file = os.fspath(ckpt_dir_or_file)
    if isinstance(ckpt_dir_or_file, str) and os.path.isdir(ckpt_dir_or_file):
        return latest_checkpoint(ckpt_dir_or_file)
    return ckpt_dir_or_file


def _is_variable(x) -> bool:
    """`checkpoint_utils._is_variable`."""
    return isinstance(x, (RefVariable, BaseResourceVariable))


def _dims_list(v):
    return None if v._dims is None else list(v._dims)


def _given(value):
    """A map value that is a Variable or a list of Variables, as a Given; else itself."""
    from ...checkpoint.assignment import Given
    if _is_variable(value):
        return Given((value.name,), _dims_list(value), True, value)
    if isinstance(value, list) and all(_is_variable(v) for v in value):
        return Given(tuple(v.name for v in value), None, False, value)
    return value


def _set_variable_or_list_initializer(variable_or_list, ckpt_file, tensor_name) -> None:
    """`checkpoint_utils._set_variable_or_list_initializer`: each slice of a list
    restored with its save-slice spec (all from one tensor), a variable whole."""
    if isinstance(variable_or_list, (list, tuple)):
        slice_name = None
        for v in variable_or_list:
            info = getattr(v, "_save_slice_info", None)
            if info is None:
                raise AttributeError("'NoneType' object has no attribute 'full_name'")
            if slice_name is None:
                slice_name = info.full_name
            elif slice_name != info.full_name:
                raise TFValueError(f"Slices must all be from the same tensor: {slice_name} != "
                                   f"{info.full_name}")
            _set_checkpoint_initializer(v, ckpt_file, tensor_name, info.spec)
    else:
        _set_checkpoint_initializer(variable_or_list, ckpt_file, tensor_name, "")


def _set_checkpoint_initializer(variable, ckpt_file, tensor_name, slice_spec,
                                name="checkpoint_initializer") -> None:
    """`checkpoint_utils._set_checkpoint_initializer`: `RestoreV2` (named `name`, on
    the variable's device merged with /cpu:0), then the restore of its one
    saveable (saveable_object_util): a RefVariable's `Assign` (its initializer
    is then that Assign's output tensor), a resource variable's `Identity`
    and `AssignVariableOp`;
    the restored tensor takes the variable's shape and is its initial value."""
    g = get_default_graph()
    if variable.graph is not g:
        raise NotSimulated("tf.train.init_from_checkpoint of a variable of another graph")
    if not isinstance(ckpt_file, str):
        raise NotSimulated("tf.train.init_from_checkpoint of a checkpoint path that is not a str")
    base = variable._dt.replace("_ref", "")
    g._device_stack.extend([variable.device, "/cpu:0"])
    try:
        restore = _io_ops.restore_v2(g, ckpt_file, [tensor_name], [slice_spec], [base],
                                     name=name)[0]
    finally:
        del g._device_stack[-2:]
    saveables = saveables_for(op_list_to_dict([variable]))
    init_op = saveables[0].restore(g, restore)
    variable._initializer_op = init_op
    restore.set_shape(variable.shape)
    variable._initial_value = restore
