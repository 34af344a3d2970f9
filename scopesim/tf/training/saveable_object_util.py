"""`training/saving/saveable_object_util.py`: what a Saver saves, keyed.

`op_list_to_dict` (the key rule itself is `scopesim.checkpoint.program_keys.
names_to_variables`, shared with `scopesim keys`), `validate_and_slice_inputs`
(`saveables_for`) and `saveable_objects_for_op`: a RefVariable (or its ref
tensor) is a `ReferenceVariableSaveable` saving the ref tensor, a slice of a
partitioned variable one saving its snapshot with the slice's spec, a
resource variable a `ResourceVariableSaveable` saving its graph element (the
creating ReadVariableOp), a slice of a partitioned resource variable one
saving a read made when the Saver asks for it; `restore` is the saveable's
(Assign, or Identity and AssignVariableOp).  TensorFlow 2.21, graph mode.
"""

from __future__ import annotations

from ...engine import array_fns as _array_fns
from ...engine import variables as _variables
from ...engine.graph import Tensor
from ...engine.partitioned import PartitionedVariable
from ...engine.resource import BaseResourceVariable
from ...engine.tensor_shape import TensorShape
from ...engine.variables import RefVariable
from ...errors import NotSimulated, TFTypeError, TFValueError

_VARIABLE_OPS = ("Variable", "VariableV2", "AutoReloadVariable", "VarHandleOp",
                 "ReadVariableOp")


def op_list_to_dict(op_list) -> dict:
    """`saveable_object_util.op_list_to_dict` (graph mode): {key: variable, its
    ref tensor, or the list of slices of a partitioned variable}, keys being
    the variables' op names (a slice's: its save-slice full name)."""
    if not isinstance(op_list, (list, tuple, set)):
        raise TFTypeError(f"Variables to save should be passed in a dict or a list. Got "
                          f"{op_list}")
    from ...checkpoint.program_keys import names_to_variables  # not loaded at start-up
    flat = sorted(_flatten(list(op_list), []), key=lambda x: x.name)
    return names_to_variables(flat, as_saved=_variable_tensor)


def _flatten(value, out: list) -> list:
    """`nest.flatten` of the list (a PartitionedVariable is not a structure)."""
    for item in value:
        if isinstance(item, (list, tuple)):
            _flatten(item, out)
        else:
            out.append(item)
    return out


def _variable_tensor(var):
    """`var._graph_element` of a resource variable, `convert_to_tensor(var,
    as_ref=True)` of anything else; it must come from a variable op."""
    if isinstance(var, BaseResourceVariable):
        tensor = var._graph_element
    elif isinstance(var, RefVariable):
        tensor = var._variable
    elif isinstance(var, Tensor):
        tensor = var
    else:
        raise NotSimulated(f"tf.train.Saver of a {type(var).__name__} in var_list")
    if tensor.op.type not in _VARIABLE_OPS:
        raise TFTypeError(f"Variable to save is not a Variable: {tensor}")
    return tensor


class _Saveable:
    """A `ReferenceVariableSaveable` or `ResourceVariableSaveable`: one spec
    (the tensor saved, its key, slice spec, dtype and device) and its restore.
    `target` is what restore assigns: a ref tensor or a RefVariable (a
    slice), or, with `handle`, a resource variable's handle.  A resource
    variable's slice is saved through a read made when the tensor is asked
    for (`_read_variable_closure`), as often as it is asked for."""

    def __init__(self, target, tensor, slice_spec: str, name: str, handle=None,
                 read_from=None) -> None:
        self.target = target
        self._tensor = tensor
        self.slice_spec = slice_spec
        self.name = name
        self.handle = handle
        self._read_from = read_from
        if read_from is not None:
            self.dtype, self.device = read_from._dt, read_from.device
        else:
            self.dtype, self.device = tensor._dt.replace("_ref", ""), tensor.op.device

    @property
    def tensor(self) -> Tensor:
        """`SaveSpec.tensor`: the tensor, or a new read of the variable's slice."""
        if self._read_from is None:
            return self._tensor
        return _read_for_save(self._read_from)

    def restore(self, g, restored: Tensor, shape=None):
        """`restore([restored], restored_shapes)`: reshaped first when a shape is
        given (reshape=True), then assigned (validate_shape only without one)."""
        if shape is not None:
            restored = _array_fns.reshape(g, restored, shape)
        if self.handle is not None:
            return _restore_resource(g, self.handle, self.dtype, self.device, restored)
        dims = self.target._dims
        validate = shape is None and dims is not None and None not in dims
        ref = self.target._variable if isinstance(self.target, RefVariable) else self.target
        return _variables.assign(g, ref, restored, validate_shape=validate)

    def restore_shape(self, g):
        """`_AddRestoreOps(reshape=True)`: the spec tensor's static shape, or a
        Shape op of it when not fully defined."""
        tensor = self.tensor
        dims = tensor._dims
        if dims is not None and None not in dims:
            return TensorShape._of(dims)
        return _array_fns.shape(g, tensor)


def saveables_for(names_to_saveables: dict) -> list:
    """`validate_and_slice_inputs`: the saveables of each key, in key order."""
    saveables: list[_Saveable] = []
    seen: set = set()
    for name, op in sorted(names_to_saveables.items(), key=lambda x: x[0]):
        if not isinstance(name, str):
            raise TFTypeError("names_to_saveables must be a dict mapping string names to "
                              f"trackable operations. Name is not a string: {name}")
        for saveable in _saveables_for_op(op, name):
            key = id(saveable.target)
            if key in seen:
                raise TFValueError("The same saveable will be restored with two names: "
                                   f"{saveable.name}")
            seen.add(key)
            saveables.append(saveable)
    return saveables


def _saveables_for_op(op, name: str) -> list:
    """`saveable_objects_for_op(op, name)`."""
    if isinstance(op, (list, tuple, PartitionedVariable)):
        slice_name = None
        out = []
        for variable in list(op):
            if not isinstance(variable, (RefVariable, BaseResourceVariable)):
                raise TFValueError(f"Slices must all be Variables: {variable}")
            info = getattr(variable, "_save_slice_info", None)
            if not info:
                raise TFValueError(f"Slices must all be slices: {variable}")
            if slice_name is None:
                slice_name = info.full_name
            elif slice_name != info.full_name:
                raise TFValueError(f"Slices must all be from the same tensor: {slice_name} != "
                                   f"{info.full_name}")
            if isinstance(variable, RefVariable):
                out.append(_Saveable(variable, variable._snapshot, info.spec, name))
            else:
                out.append(_Saveable(variable, None, info.spec, name, handle=variable._handle,
                                     read_from=variable))
        return out
    tensor = _variable_tensor(op)
    if tensor.op.type in ("Variable", "VariableV2", "AutoReloadVariable"):
        return [_Saveable(tensor, tensor, "", name)]
    if tensor.op.type != "ReadVariableOp":
        raise NotSimulated(f"tf.train.Saver of a {tensor.op.type} tensor")
    return [_Saveable(tensor, tensor, "", name, handle=tensor.op.inputs[0])]


def _read_for_save(var) -> Tensor:
    """`ResourceVariableSaveable`'s `_read_variable_closure(var)()` in graph mode:
    on the variable's device `read_value_no_copy()` (in `Read/`: DisableCopyOnRead
    of the handle, ReadVariableOp; then an Identity), then an Identity of it on
    /device:CPU:0."""
    g = var._handle._op._graph
    g._device_stack.append(var.device)
    try:
        with g.name_scope("Read"):
            g.create_op("DisableCopyOnRead", "DisableCopyOnRead", outputs=(),
                        inputs=(var._handle,), attrs={})
            value = g.create_op("ReadVariableOp", "ReadVariableOp",
                                outputs=((var._dims, var._dt),), inputs=(var._handle,),
                                attrs={"dtype": var._dt}).outputs[0]
        value = g.create_op("Identity", "Identity", outputs=((var._dims, var._dt),),
                            inputs=(value,), attrs={"T": var._dt}).outputs[0]
        g._device_stack.append("/device:CPU:0")
        try:
            return g.create_op("Identity", "Identity", outputs=((var._dims, var._dt),),
                               inputs=(value,), attrs={"T": var._dt}).outputs[0]
        finally:
            g._device_stack.pop()
    finally:
        g._device_stack.pop()


def _restore_resource(g, handle, dtype: str, device: str, restored):
    """`ResourceVariableSaveable.restore`: on the variable's device an `Identity` of
    the restored tensor and `shape_safe_assign_variable_handle` (AssignVariableOp)."""
    g._device_stack.append(device)
    try:
        value = g.create_op("Identity", "Identity", outputs=((restored._dims, restored._dt),),
                            inputs=(restored,), attrs={"T": restored._dt}).outputs[0]
        return g.create_op("AssignVariableOp", "AssignVariableOp", outputs=(),
                           inputs=(handle, value),
                           attrs={"dtype": dtype, "validate_shape": False})
    finally:
        g._device_stack.pop()


__all__ = ["op_list_to_dict", "saveables_for"]
