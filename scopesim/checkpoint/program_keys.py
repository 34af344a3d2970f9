"""The checkpoint keys of a program: what `tf.train.Saver()` would save for it.

The program (a `.py` TF1 program or a `.scope` program) is run by scopesim;
the keys come from its graph's global variables as TensorFlow's Saver names
them (saveable_object_util.op_list_to_dict, realmodels.md CK1 and PV7):

* a variable's key is its op name (`enc/w:0` saves as `enc/w`);
* the parts of a partitioned variable (`emb/table/part_0`, ...) carry a
  save-slice info: they are saved under its full name (`emb/table`), one
  key with the full shape;
* two variables with the same key are TensorFlow's ValueError
  "At least two variables have the same name: NAME";
* the list is sorted, as `tf.train.list_variables` lists a checkpoint.
"""

from __future__ import annotations

import os
from contextlib import contextmanager

from .errors import CheckpointError


class ProgramFailed(Exception):
    """The program did not run to its end; `result` is its RunResult."""

    def __init__(self, result):
        super().__init__(result.error.type if result.error else "error")
        self.result = result


def saver_keys(variables) -> list[tuple[str, list[int] | None, str]]:
    """(key, shape, dtype) that Saver(var_list=variables) would write, sorted."""
    keys: dict[str, tuple[list[int] | None, str]] = {}
    for v in variables:
        info = getattr(v, "_save_slice_info", None)
        dtype = v.dtype.base_dtype.name
        if info is not None:
            name, shape = info.full_name, list(info.full_shape)
            if name in keys:
                if keys[name] != (shape, dtype):
                    raise ValueError(f"Conflicting shapes or dtypes for the slices of {name}")
                continue
        else:
            name = v.op.name
            dims = getattr(v.shape, "dims", None)
            shape = None if dims is None else list(v.shape.as_list())
            if name in keys:
                raise ValueError(f"At least two variables have the same name: {name}")
        keys[name] = (shape, dtype)
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
           "program_keys", "saver_keys"]
