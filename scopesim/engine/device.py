"""Devices: `framework/device_spec.py` and `framework/device.py`'s merging,
and `Graph._apply_device_functions`.

A device string is parsed into five components (job, replica, task,
device type, device index) by `DeviceSpecV2._string_to_components`; the
string an op keeps is `DeviceSpec.to_string()` of the merge, so `/cpu:0`
becomes `/device:CPU:0`.  The graph's device stack holds what `tf.device`
was given: a string, a function of the op, or None (a break: the scopes
outside it do not apply).  The stack is applied innermost first; a string
only fills the components the op has not set yet, a function's result
replaces the op's device.
"""

from __future__ import annotations

from ..errors import TFTypeError, TFValueError

#: `DeviceSpecV2._get_valid_device_types()` in TF 2.21 (CPU-only build).
VALID_DEVICE_TYPES = frozenset({"CPU", "CUSTOM", "EPU", "GPU", "TPU"})

_EMPTY = (None, None, None, None, None)
_components_cache: dict = {}
_merge_cache: dict = {}


def components(spec) -> tuple:
    """`DeviceSpecV2._string_to_components` (and the setters: `int()`, and
    `_as_device_str_or_none`, which upper-cases "cpu" and "gpu" only):
    (job, replica, task, device_type, device_index)."""
    found = _components_cache.get(spec)
    if found is not None:
        return found
    text = spec or ""
    if not isinstance(text, str):
        raise TFTypeError(f"Expected binary or unicode string, got {spec!r}")
    job = replica = task = device_type = device_index = None
    for part in text.split("/"):
        y = part.split(":")
        ly = len(y)
        if ly == 2 and y[0] == "job":
            job = y[1]
        elif ly == 2 and y[0] == "replica":
            replica = _int(y[1])
        elif ly == 2 and y[0] == "task":
            task = _int(y[1])
        elif ly in (1, 2) and y[0].upper() in VALID_DEVICE_TYPES:
            if device_type is not None:
                raise TFValueError(f"Multiple device types are not allowed while parsing "
                                   f"the device spec: {text}.")
            device_type = y[0].upper()
            if ly == 2 and y[1] != "*":
                device_index = _int(y[1])
        elif ly == 3 and y[0] == "device":
            if device_type is not None:
                raise TFValueError(f"Multiple device types are not allowed while parsing "
                                   f"the device spec: {text}.")
            device_type = y[1].upper() if y[1] in ("cpu", "gpu") else y[1]
            if y[2] != "*":
                device_index = _int(y[2])
        elif y[0] != "":
            raise TFValueError(f"Unknown attribute '{y[0]}' is encountered while parsing "
                               f"the device spec: '{text}'.")
    found = (job, replica, task, device_type, device_index)
    _components_cache[spec] = found
    return found


def _int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise TFValueError(f"invalid literal for int() with base 10: {text!r}") from None


def to_string(parts: tuple) -> str:
    """`DeviceSpecV2._components_to_string`."""
    job, replica, task, device_type, device_index = parts
    out = []
    if job is not None:
        out.append("/job:" + job)
    if replica is not None:
        out.append("/replica:" + str(replica))
    if task is not None:
        out.append("/task:" + str(task))
    if device_type is not None:
        out.append("/device:%s:%s" % (device_type,
                                      "*" if device_index is None else device_index))
    return "".join(out)


def canonical(spec) -> str:
    """`DeviceSpec.from_string(spec).to_string()`."""
    return to_string(components(spec))


def is_null_merge(spec) -> bool:
    """`MergeDevice.is_null_merge`: a string that sets no component."""
    return components(spec) == _EMPTY


def merge(spec: str, current: str) -> str:
    """`MergeDevice.shortcut_string_merge`: `spec` merged with the op's
    `current` device, whose components win."""
    key = (spec, current)
    found = _merge_cache.get(key)
    if found is None:
        mine = components(spec)
        theirs = components(current)
        found = to_string(tuple(t if t is not None else m for m, t in zip(mine, theirs)))
        _merge_cache[key] = found
    return found


def device_string(value) -> str:
    """`ops._device_string` then `compat.as_str`: a device function's result."""
    if isinstance(value, str):
        return value
    if isinstance(value, bytes):
        return value.decode()
    raise TFTypeError(f"Expected binary or unicode string, got {value!r}")


def apply_device_functions(stack: list, op) -> str:
    """`Graph._apply_device_functions`: the device of `op` from the stack
    (strings, functions of the op, None), innermost first."""
    dev = ""
    for spec in reversed(stack):
        if spec is None:
            break
        if isinstance(spec, str):
            if is_null_merge(spec):
                continue
            dev = merge(spec, dev)
        else:
            op._device = dev
            dev = device_string(spec(op))
    return dev
