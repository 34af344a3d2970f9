"""`tf.compat.v1.train.Saver`: the ops its constructor builds in graph mode.

Mirrors `tensorflow/python/training/saver.py` (`Saver.__init__`, `_build`,
`BaseSaverBuilder._build_internal`, `_AddSaveOps`, `save_op`,
`_AddRestoreOps`, `BulkSaverBuilder.bulk_restore`), TF 2.21, over the keyed
saveables of saveable_object_util.py:

    save/filename/input (Const), save/filename, save/Const (PlaceholderWithDefault),
    save/SaveV2/tensor_names, save/SaveV2/shape_and_slices (Const), save/SaveV2,
    save/control_dependency (Identity of save/Const after SaveV2),
    save/RestoreV2/tensor_names, .../shape_and_slices (Const, /device:CPU:0),
    save/RestoreV2, then per variable in key order save/Assign (a RefVariable)
    or save/Identity + save/AssignVariableOp (a resource variable),
    save/restore_all (NoOp grouping them, one per device when several).

`sharded=True` (`_AddShardedSaveOpsForV2`, `_AddShardedRestoreOps`): per
device (sorted) a ShardedFilename and SaveV2 on its CPU:0, MergeV2Checkpoints,
`restore_shard` per device under `restore_all`.  `reshape=True`: each restored
tensor goes through a Reshape to its variable's shape (a Shape op of it when
not fully defined) before the assign.

`defer_build=True` builds at `build()` (once).

Not simulated (NotSimulated naming it): running anything (`save`,
`restore`, `export_meta_graph`, ...), `saver_def=`, `builder=`,
`write_version=V1`, and SaveableObjects in `var_list`.
"""

from __future__ import annotations

from contextlib import contextmanager

from ...engine import device as _device_lib
from ...engine import io_ops as _io_ops
from ...engine.array import placeholder_with_default
from ...engine.graph import Tensor, get_default_graph
from ...engine.nodedef import StrAttr
from ...engine.ops import constant
from ...engine.variables import colocated_with
from ...errors import NotSimulated, TFValueError
from ..framework.ops import _graph_control
from ..ops.control_flow_ops import group
from .saveable_object_util import op_list_to_dict, saveables_for

#: `saver_pb2.SaverDef.CheckpointFormatVersion`.
LEGACY, V1, V2 = 0, 1, 2

class SaverDef:
    """`saver_pb2.SaverDef`: the names a program reads, printed as the proto's text."""

    def __init__(self, filename_tensor_name, save_tensor_name, restore_op_name, max_to_keep,
                 sharded, keep_checkpoint_every_n_hours, version) -> None:
        self.filename_tensor_name = filename_tensor_name
        self.save_tensor_name = save_tensor_name
        self.restore_op_name = restore_op_name
        self.max_to_keep = max_to_keep
        self.sharded = sharded
        self.keep_checkpoint_every_n_hours = keep_checkpoint_every_n_hours
        self.version = version

    def __str__(self) -> str:
        lines = [f'filename_tensor_name: "{self.filename_tensor_name}"',
                 f'save_tensor_name: "{self.save_tensor_name}"',
                 f'restore_op_name: "{self.restore_op_name}"']
        if self.max_to_keep:
            lines.append(f"max_to_keep: {self.max_to_keep}")
        if self.sharded:
            lines.append("sharded: true")
        if self.keep_checkpoint_every_n_hours:
            lines.append(f"keep_checkpoint_every_n_hours: {self.keep_checkpoint_every_n_hours:g}")
        if self.version:
            lines.append("version: " + {V1: "V1", V2: "V2"}[self.version])
        return "\n".join(lines) + "\n"


SaverDef.__module__ = "tensorflow.core.protobuf.saver_pb2"


def _not_simulated(what: str):
    def method(self, *args, **kwargs):
        raise NotSimulated(f"tf.train.Saver.{what} (scopesim builds graphs, it runs nothing)")
    method.__name__ = what
    return method


class Saver:
    """`tf.compat.v1.train.Saver(...)`: builds its save and restore ops at once."""

    def __init__(self, var_list=None, reshape=False, sharded=False, max_to_keep=5,
                 keep_checkpoint_every_n_hours=10000.0, name=None, restore_sequentially=False,
                 saver_def=None, builder=None, defer_build=False, allow_empty=False,
                 write_version=V2, pad_step_number=False, save_relative_paths=False,
                 filename=None):
        if defer_build and var_list:
            raise TFValueError("If `var_list` is provided then build cannot be deferred. Either "
                               "set defer_build=False or var_list=None.")
        for flag, what in ((saver_def is not None, "saver_def="), (builder is not None,
                                                                   "builder="),
                           (write_version != V2, "write_version other than V2")):
            if flag:
                raise NotSimulated(f"tf.train.Saver({what})")
        self._var_list = var_list
        self._sharded = sharded
        self._reshape = reshape
        self._max_to_keep = max_to_keep
        self._keep_checkpoint_every_n_hours = keep_checkpoint_every_n_hours
        self._name = name
        self._allow_empty = allow_empty
        self._is_empty = None
        self._filename = filename
        self._last_checkpoints = []
        self.saver_def = None
        self._is_built = False
        if not defer_build:
            self.build()

    def build(self) -> None:
        """`Saver._build`: the default var_list is every global variable (and the
        saveable_objects collection); an empty one is an error unless allowed."""
        if self._is_built:
            return
        self._is_built = True
        g = get_default_graph()
        if self._var_list is None:
            self._var_list = g.get_collection("variables") + g.get_collection(
                "saveable_objects")
        if not self._var_list:
            if self._allow_empty:
                self._is_empty = True
                return
            raise TFValueError("No variables to save")
        self._is_empty = False
        self.saver_def = build_saver(g, self._var_list, self._max_to_keep,
                                     self._keep_checkpoint_every_n_hours, self._name,
                                     self._filename, self._sharded, self._reshape)

    @property
    def last_checkpoints(self) -> list:
        return list(self._last_checkpoints)

    def as_saver_def(self):
        return self.saver_def


for _what in ("save", "restore", "export_meta_graph", "recover_last_checkpoints",
              "set_last_checkpoints", "set_last_checkpoints_with_time", "to_proto",
              "from_proto"):
    setattr(Saver, _what, _not_simulated(_what))
Saver.__module__ = "tensorflow.python.training.saver"


def build_saver(g, var_list, max_to_keep, keep_checkpoint_every_n_hours, name, filename,
                sharded=False, reshape=False):
    """`BaseSaverBuilder._build_internal` (V2): the ops, then the SaverDef."""
    names_to_saveables = var_list if isinstance(var_list, dict) else op_list_to_dict(var_list)
    saveables = saveables_for(names_to_saveables)
    if max_to_keep is None:
        max_to_keep = 0
    with g.name_scope(name or "save"):
        filename_tensor = placeholder_with_default(g, filename or "model", (), "filename")
        filename_tensor = placeholder_with_default(g, filename_tensor, (), "Const")
        if sharded:
            per_device = _group_by_devices(saveables)
            save_tensor = _add_sharded_save_ops(g, filename_tensor, per_device)
            restore_op = _add_sharded_restore_ops(g, filename_tensor, per_device, reshape)
        else:
            save_tensor = _add_save_ops(g, filename_tensor, saveables)
            restore_op = _add_restore_ops(g, filename_tensor, saveables, reshape=reshape)
    return SaverDef(filename_tensor.name, save_tensor.name, restore_op.name, max_to_keep,
                    bool(sharded), keep_checkpoint_every_n_hours, V2)


@contextmanager
def _device(g, spec):
    """`ops.device(spec)` for a device string."""
    g._device_stack.append(spec)
    try:
        yield
    finally:
        g._device_stack.pop()


def _set_cpu0(device: str) -> str:
    """`saveable_object_util.set_cpu0`: the device with its type and index set to CPU:0."""
    job, replica, task, _, _ = _device_lib.components(device)
    return _device_lib.to_string((job, replica, task, "CPU", 0))


def _group_by_devices(saveables: list) -> list:
    """`_GroupByDevices`: (canonical device, saveables) sorted by device."""
    per_device: dict = {}
    for saveable in saveables:
        device = _device_lib.canonical(saveable.device)
        per_device.setdefault(device, []).append(saveable)
    return sorted(per_device.items(), key=lambda t: t[0])


def _scalar_op(g, op_type: str, name: str, inputs, dtype: str | None, attrs=None):
    """A generated op of scalar output (or none) named `name` in the current scope."""
    with g.name_scope(name) as scope:
        op = g.create_op(op_type, scope, outputs=() if dtype is None else (((), dtype),),
                         inputs=tuple(inputs), attrs=attrs)
    return op.outputs[0] if dtype is not None else op


def _add_sharded_save_ops(g, prefix: Tensor, per_device: list) -> Tensor:
    """`_AddShardedSaveOpsForV2`: a temporary prefix (`_temp/part`, or `.part` on
    s3://, chosen by a StaticRegexFullMatch), one ShardedFilename and SaveV2 per
    device on its CPU:0, MergeV2Checkpoints of the shard prefixes, then an
    Identity of the prefix after it."""
    with _device(g, "CPU"):
        match = _scalar_op(g, "StaticRegexFullMatch", "StaticRegexFullMatch", [prefix], "bool",
                           {"pattern": StrAttr("^s3://.*")})
        part = constant(g, "string", (), "Const", ".part")
        temp = constant(g, "string", (), "Const", "_temp/part")
        suffix = _scalar_op(g, "Select", "Select", [match, part, temp], "string", {"T": "string"})
        tmp_prefix = _scalar_op(g, "StringJoin", "StringJoin", [prefix, suffix], "string",
                                {"N": 2, "separator": StrAttr("")})
    num_shards = constant(g, "int32", (), "num_shards", len(per_device))
    saves, prefixes = [], []
    last_device = None
    for shard, (device, saveables) in enumerate(per_device):
        last_device = device
        with _device(g, _set_cpu0(device)):
            with g.name_scope("ShardedFilename") as scope:
                shard_const = constant(g, "int32", (), "shard", shard)
                filename = g.create_op("ShardedFilename", scope, outputs=(((), "string"),),
                                       inputs=(tmp_prefix, shard_const, num_shards),
                                       attrs={}).outputs[0]
            prefixes.append(filename)
            saves.append(_add_save_ops(g, filename, saveables))
    with _graph_control(g, [t.op for t in saves]):
        with _device(g, _set_cpu0(last_device)):
            with g.name_scope("MergeV2Checkpoints") as scope:
                packed = g.create_op("Pack", "checkpoint_prefixes",
                                     outputs=(((len(prefixes),), "string"),),
                                     inputs=tuple(prefixes),
                                     attrs={"N": len(prefixes), "T": "string", "axis": 0}
                                     ).outputs[0]
                merge = g.create_op("MergeV2Checkpoints", scope, outputs=(),
                                    inputs=(packed, prefix),
                                    attrs={"delete_old_dirs": True,
                                           "allow_missing_files": False})
            with _graph_control(g, [merge]):
                return g.create_op("Identity", "Identity", outputs=(((), "string"),),
                                   inputs=(prefix,), attrs={"T": "string"}).outputs[0]


def _add_sharded_restore_ops(g, filename_tensor: Tensor, per_device: list, reshape=False):
    """`_AddShardedRestoreOps`: a `restore_shard` per device (in that device),
    grouped as `restore_all`."""
    restores = []
    for device, saveables in per_device:
        with _device(g, device):
            restores.append(_add_restore_ops(g, filename_tensor, saveables, "restore_shard",
                                             reshape))
    return group(*restores, name="restore_all")


def _add_save_ops(g, filename_tensor: Tensor, saveables: list) -> Tensor:
    """`_AddSaveOps`: SaveV2 of every spec, then `with_dependencies([save], filename)`:
    an Identity `control_dependency` colocated with the filename tensor."""
    save = _io_ops.save_v2(g, filename_tensor, [s.name for s in saveables],
                           [s.slice_spec for s in saveables], [s.tensor for s in saveables])
    with g.name_scope("control_dependency") as scope:
        with colocated_with(g, filename_tensor.op), _graph_control(g, [save]):
            op = g.create_op("Identity", scope, outputs=((filename_tensor._dims, "string"),),
                             inputs=(filename_tensor,),
                             attrs={"T": "string",
                                    "_class": [StrAttr("loc:@" + filename_tensor.op.name)]})
    return op.outputs[0]


def _add_restore_ops(g, filename_tensor: Tensor, saveables: list, name="restore_all",
                     reshape=False):
    """`_AddRestoreOps` with `bulk_restore`: one RestoreV2 on cpu:0, each saveable's
    restore from its output, grouped as `restore_all`."""
    g._device_stack.append("cpu:0")
    try:
        restored = _io_ops.restore_v2(g, filename_tensor, [s.name for s in saveables],
                                      [s.slice_spec for s in saveables],
                                      [s.dtype for s in saveables])
    finally:
        g._device_stack.pop()
    assign_ops = [s.restore(g, t, s.restore_shape(g) if reshape else None)
                  for s, t in zip(saveables, restored)]
    return group(*assign_ops, name=name)


__all__ = ["Saver", "SaverDef"]
