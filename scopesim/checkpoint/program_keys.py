"""The checkpoint keys of a program: what `tf.train.Saver()` would save for it.

The program (a `.py` TF1 program or a `.scope` program) is run by scopesim;
the keys come from its graph's global variables as TensorFlow's Saver names
them (saveable_object_util.op_list_to_dict, realmodels.md CK1 and PV7):

* a variable's key is its op name (`enc/w:0` saves as `enc/w`);
* the parts of a partitioned variable (`emb/table/part_0`, ...) carry a
  save-slice info: they are saved under its full name (`emb/table`), one
  key with the full shape;
* two variables with the same key are TensorFlow's ValueError
  "At least two variables have the same name: NAME" (`names_to_variables`,
  the one rule, which `tf.train.Saver` uses too);
* the list is sorted, as `tf.train.list_variables` lists a checkpoint.
"""

from __future__ import annotations

import os
from contextlib import contextmanager

from ..errors import TFValueError
from .errors import CheckpointError


class ProgramFailed(Exception):
    """The program did not run to its end; `result` is its RunResult."""

    def __init__(self, result):
        super().__init__(result.error.type if result.error else "error")
        self.result = result


def names_to_variables(variables, as_saved=None) -> dict:
    """The key rule of `saveable_object_util.op_list_to_dict`, over `variables`
    in the order given: {key: what is saved}.  A PartitionedVariable is kept
    whole under its name; a slice (a part with a save-slice info) joins the
    list under its full name; anything else is keyed by its op's name (a
    ReadVariableOp's: its variable's), `as_saved(var)` (if given) being what
    is kept.  Two under one key are TensorFlow's ValueError."""
    found: dict = {}
    for var in variables:
        if type(var).__name__ == "PartitionedVariable":
            if var.name in found:
                raise TFValueError(f"At least two variables have the same name: {var.name}")
            found[var.name] = var
            continue
        info = getattr(var, "_save_slice_info", None)
        if info:
            existing = found.get(info.full_name)
            if existing is None:
                found[info.full_name] = [var]
            elif not isinstance(existing, list):
                raise TFValueError("Mixing slices and non-slices with the same name: "
                                   f"{info.full_name}")
            else:
                existing.append(var)
            continue
        saved = var if as_saved is None else as_saved(var)
        op = saved.op
        name = op.inputs[0].op.name if getattr(op, "type", None) == "ReadVariableOp" \
            else op.name
        if name in found:
            raise TFValueError(f"At least two variables have the same name: {name}")
        found[name] = saved
    return found


def saver_keys(variables) -> list[tuple[str, list[int] | None, str]]:
    """(key, shape, dtype) that Saver(var_list=variables) would write, sorted: the
    keys of `names_to_variables`, a sliced key with its full shape."""
    keys: dict[str, tuple[list[int] | None, str]] = {}
    for name, saved in names_to_variables(variables).items():
        if isinstance(saved, list):
            found = {(tuple(v._save_slice_info.full_shape), v.dtype.base_dtype.name)
                     for v in saved}
            if len(found) > 1:
                raise ValueError(f"Conflicting shapes or dtypes for the slices of {name}")
            shape, dtype = found.pop()
            keys[name] = (list(shape), dtype)
        else:
            dims = getattr(saved.shape, "dims", None)
            shape = None if dims is None else list(saved.shape.as_list())
            keys[name] = (shape, saved.dtype.base_dtype.name)
    return [(name, *keys[name]) for name in sorted(keys)]


def program_keys(path: str):
    """(RunResult, keys) of the program file `path`; ProgramFailed if it raised."""
    with open(path, "rb") as f:
        source = f.read().decode("utf-8-sig").replace("\r\n", "\n")
    if path.endswith(".py"):
        from ..pyfront.runner import run_python
        with keeping_python_session() as kept:
            result = run_python(source, path)
        graph = kept[0].graph
    else:
        from ..parser import parse
        from ..runner import Session
        session = Session()
        result = session.execute(parse(source, path))
        graph = session.graph
    if result.error is not None:
        raise ProgramFailed(result)
    return result, graph_keys(graph)


def graph_keys(graph) -> list[tuple[str, list[int] | None, str]]:
    """saver_keys of the graph's global variables (Saver()'s default var_list)."""
    return saver_keys(graph.get_collection("variables"))


@contextmanager
def keeping_python_session():
    """While open, the Sessions that pyfront's run_python makes are appended to
    the list it yields (run_python keeps its Session, and so the program's
    graph, to itself)."""
    from ..pyfront import runner as pyrunner
    made: list = []
    original = pyrunner.Session

    class _Kept(original):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            made.append(self)

    pyrunner.Session = _Kept
    try:
        yield made
    finally:
        pyrunner.Session = original


def is_program(source: str) -> bool:
    """A program file (`.py`, `.scope`) rather than a checkpoint."""
    return source.endswith((".py", ".scope")) and os.path.isfile(source)


__all__ = ["CheckpointError", "ProgramFailed", "graph_keys", "is_program", "keeping_python_session",
           "names_to_variables", "program_keys", "saver_keys"]
