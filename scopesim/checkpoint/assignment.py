"""The assignment map of `tf.train.init_from_checkpoint`, resolved by name.

One rule, TensorFlow 2.21's `checkpoint_utils._init_from_checkpoint` (its
lookups and its errors, word for word), without graph objects:

    resolve_assignment_map(assignment_map, checkpoint, store,
                           ckpt_dir_or_file="model.ckpt") -> {store name: checkpoint key}

* `assignment_map`: {checkpoint key or scope: store variable name or scope}
  (a mapping, or an iterable of such pairs, as TF accepts).  Values here are
  names; a program's Variable objects are handled by
  `scopesim.tf.training.checkpoint_utils` through `resolve_steps` with a
  `Given` value.
* `checkpoint`: {checkpoint key: (shape as a list of ints, dtype name)}, in
  any order (the order TensorFlow prints the key map in is computed here,
  from the keys: cxx_order.py).
* `store`: {name: (shape or None, dtype name)} of the graph's default
  variable store (`_VariableStore._vars`, what `tf.get_variable` made;
  `tf.Variable`s are not in it).  For TensorFlow's exact behaviour give each
  part of a partitioned variable as the store holds it, `NAME/part_K` with
  the part's shape; a partitioned variable given under its full name with
  its full shape is checked as one variable (its shape is then compared
  with the checkpoint's, which TF does not do for the list of parts).
* `ckpt_dir_or_file`: what the program passed, as the error texts print it.

The result lists the store variables whose initializers TensorFlow replaces,
in the order it replaces them (the map sorted by checkpoint key, a scope
expanded in sorted variable order), each with the checkpoint key restored
into it; a variable set twice keeps its last key.  Errors are TensorFlow's
ValueError (`scopesim.errors.TFValueError`) with its text:

* "Tensor KEY is not found in CKPT checkpoint {key: shape, ...}" (the whole
  shape map, in the reader's order);
* "Shape of variable NAME:0 (SHAPE) doesn't match with shape of tensor KEY
  ([dims]) from checkpoint reader.";
* "Assignment map with scope only name SCOPE should map to scope only KEY.
  Should be 'scope/': 'other_scope/'.";
* "Tensor FULL (VAR in KEY) is not found in CKPT checkpoint" (a scope's
  variable missing from the checkpoint);
* dtypes are not checked (TensorFlow does not check them before running).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass

from ..errors import TFValueError
from .cxx_order import unordered_map_order


@dataclass(frozen=True)
class Given:
    """A value of the map that is a Variable (`names` one name, `shape` its
    shape) or a list of Variables (`shape` unused, `single` False), as the
    program gave it; `ref` is handed back in the steps."""

    names: tuple
    shape: list | None
    single: bool
    ref: object = None


@dataclass(frozen=True)
class Step:
    """One `_set_variable_or_list_initializer` call: `targets` (store names, or
    a Given's ref) restored from checkpoint key `key`; `single` when the
    target is one variable (else a list: the parts of a partitioned one)."""

    targets: tuple
    key: str
    given: bool = False
    single: bool = True


def resolve_assignment_map(assignment_map, checkpoint: Mapping, store: Mapping,
                           ckpt_dir_or_file="model.ckpt") -> dict[str, str]:
    """`checkpoint_utils._init_from_checkpoint`'s resolution: {store name: key}."""
    found: dict[str, str] = {}
    for targets, key, _given, _single in _resolve(assignment_map, checkpoint, store,
                                                  ckpt_dir_or_file):
        for name in targets:
            found.pop(name, None)
            found[name] = key
    return found


def resolve_steps(assignment_map, checkpoint: Mapping, store: Mapping,
                  ckpt_dir_or_file="model.ckpt") -> list[Step]:
    """The rule itself (`_init_from_checkpoint`); values may be `Given`."""
    return [Step(targets, key, given=given, single=single) for targets, key, given, single
            in _resolve(assignment_map, checkpoint, store, ckpt_dir_or_file)]


def _resolve(assignment_map, checkpoint: Mapping, store: Mapping, ckpt_dir_or_file):
    """resolve_steps' steps as (targets, key, given, single) tuples, in order."""
    pairs = assignment_map.items() if isinstance(assignment_map, Mapping) else assignment_map
    in_order = _SortedNames(store)
    for key, value in sorted(pairs, key=lambda pair: pair[0]):
        if isinstance(value, Given):
            _check_key(key, checkpoint, ckpt_dir_or_file)
            if value.single:
                _check_shape(value.names[0], value.shape, key, _shape_of(checkpoint, key))
            yield (value.ref,), key, True, value.single
            continue
        target = _lookup(value, store)
        if target is not None:
            _check_key(key, checkpoint, ckpt_dir_or_file)
            single = len(target) == 1 and target[0] == value
            if single:
                _check_shape(value + ":0", store[value][0], key, _shape_of(checkpoint, key))
            yield target, key, False, single
            continue
        yield from _scope_steps(key, value, checkpoint, store, in_order, ckpt_dir_or_file)


def _shape_of(checkpoint: Mapping, key: str):
    """The checkpoint key's shape as the reader's shape map holds it (a list; None
    when unknown)."""
    shape = checkpoint[key][0]
    return None if shape is None else list(shape)


class _SortedNames:
    """The store's names, sorted once when first needed: the names under a scope
    are a run of them (those starting with "x/" lie from "x/" up to "x0")."""

    def __init__(self, store: Mapping):
        self._store = store
        self._names: list | None = None

    def under(self, scope: str) -> list:
        """The names starting with `scope` ("" for all), sorted."""
        if self._names is None:
            self._names = sorted(self._store)
        if not scope:
            return self._names
        end = scope[:-1] + chr(ord(scope[-1]) + 1)
        return self._names[bisect_left(self._names, scope):bisect_left(self._names, end)]


def _lookup(name, store: Mapping):
    """`store_vars.get(name)`, then `_collect_partitioned_variable(name, store_vars)`:
    (name,), the parts (NAME/part_0, part_1, ... while they exist), or None."""
    if name in store:
        return (name,)
    parts = []
    while name + "/part_%d" % len(parts) in store:
        parts.append(name + "/part_%d" % len(parts))
    return tuple(parts) if parts else None


def _check_key(key, checkpoint: Mapping, ckpt_dir_or_file) -> None:
    if key not in checkpoint:
        shapes = {k: _shape_of(checkpoint, k) for k in checkpoint}
        raise TFValueError("Tensor %s is not found in %s checkpoint %s"
                           % (key, ckpt_dir_or_file, shape_map_text(shapes)))


def _check_shape(var_name: str, shape, key: str, ckpt_shape: list) -> None:
    """`var.get_shape().is_compatible_with(checkpoint shape)`, else TF's ValueError."""
    if shape is None:
        return
    if len(shape) == len(ckpt_shape) and all(
            a is None or a == b for a, b in zip(shape, ckpt_shape)):
        return
    raise TFValueError("Shape of variable %s (%s) doesn't match with shape of tensor %s (%s) "
                       "from checkpoint reader." % (var_name, tensor_shape_text(shape), key,
                                                    ckpt_shape))


def _scope_steps(key, value, checkpoint: Mapping, store: Mapping, in_order: _SortedNames,
                 ckpt_dir_or_file):
    """A value that names no store variable: a scope (`"scope/"`, or `"/"` the root)
    mapped to a checkpoint scope, every store variable under it expanded (a
    partitioned one once, cut at "/part_"), in sorted order."""
    scopes = value[:value.rindex("/")] if "/" in value else ""
    if not key.endswith("/"):
        raise TFValueError("Assignment map with scope only name {} should map to scope only "
                           "{}. Should be 'scope/': 'other_scope/'.".format(scopes, key))
    names = in_order.under(scopes + "/" if scopes else "")
    if "/part_" in "\n".join(names):      # (a name holds it, or none does)
        names = sorted({name[:name.index("/part_")] if "/part_" in name else name
                        for name in names})
    # full = key + name less its scope (and the slash after it unless the value
    # is "/"), the root key "/" adding nothing, a trailing slash dropped
    cut = len(scopes) + (value != "/")
    prefix = key if key != "/" else ""
    for name in names:
        full = prefix + name[cut:]
        if full.endswith("/"):
            full = full[:-1]
        if full not in checkpoint:
            raise TFValueError("Tensor %s (%s in %s) is not found in %s checkpoint"
                               % (full, name[len(scopes) + 1:], key, ckpt_dir_or_file))
        target = (name,) if name in store else _lookup(name, store)
        yield target, full, False, target == (name,)


def shape_map_text(shapes: dict) -> str:
    """`str(reader.get_variable_to_shape_map())`: the dict in the reader's order."""
    return "{" + ", ".join(f"{name!r}: {shapes[name]}" for name in _reader_order(shapes)) + "}"


def _reader_order(shapes: dict) -> list:
    """The reader fills its map in the index's key order (UTF-8 byte order)."""
    keys = sorted(shapes, key=lambda k: k.encode("utf-8", "surrogateescape"))
    return unordered_map_order(keys)


def tensor_shape_text(shape) -> str:
    """`str(TensorShape(shape))`: `(2, 3)`, `(5,)`, `()`, `(None, 3)`, `<unknown>`."""
    if shape is None:
        return "<unknown>"
    dims = ["None" if d is None else str(d) for d in shape]
    return "(" + dims[0] + ",)" if len(dims) == 1 else "(" + ", ".join(dims) + ")"


__all__ = ["Given", "Step", "resolve_assignment_map", "resolve_steps", "shape_map_text",
           "tensor_shape_text"]
