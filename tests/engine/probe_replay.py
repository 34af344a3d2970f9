"""Replay a TensorFlow probe of tf_probes/ with scopesim's tf.compat.v1.

The probe programs (`math_*.py`, `values_*.py`) import TensorFlow through
`h.py` (`tf`, `T = tf.compat.v1`; its `case` is `cases.py`'s, which imports
no TensorFlow and runs here as it is) and `math_env.py` (which also imports
`tensorflow.python.framework.ops` for `ops.convert_to_tensor`).  Here the
probe itself runs, unchanged, with those names bound to scopesim's
`tf.compat.v1`, and what it prints is compared with the `.out` TensorFlow
2.21 printed.
"""

from __future__ import annotations

import contextlib
import io
import sys
import types
from pathlib import Path

from scopesim.tf import compat_v1 as T

PROBES = Path(__file__).parent / "tf_probes"


def _module(name: str, **names) -> types.ModuleType:
    module = types.ModuleType(name)
    module.__dict__.update(names)
    return module


def _probe_module(name: str) -> types.ModuleType:
    module = types.ModuleType(name)
    module.__file__ = str(PROBES / f"{name}.py")
    sys.modules[name] = module
    exec(compile((PROBES / f"{name}.py").read_text(encoding="utf-8"), module.__file__, "exec"),
         module.__dict__)
    return module


def replay(probe: str, monkeypatch) -> list[str]:
    """The lines `tf_probes/<probe>.py` prints with scopesim as TensorFlow."""
    ops = _module("tensorflow.python.framework.ops", convert_to_tensor=T.convert_to_tensor)
    fake = {
        "h": _module("h", tf=T, T=T),
        "tensorflow": _module("tensorflow", compat=_module("compat", v1=T)),
        "tensorflow.python": _module("tensorflow.python"),
        "tensorflow.python.framework": _module("tensorflow.python.framework", ops=ops),
        "tensorflow.python.framework.ops": ops,
    }
    for name in ("math_env", "cases", probe):
        monkeypatch.delitem(sys.modules, name, raising=False)
    monkeypatch.syspath_prepend(str(PROBES))      # the probes' own cases.py
    for name, module in fake.items():
        monkeypatch.setitem(sys.modules, name, module)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        T.reset_default_graph()
        try:
            _probe_module("math_env")
            _probe_module(probe)
        finally:
            for name in ("math_env", probe):
                sys.modules.pop(name, None)
    return out.getvalue().split("\n")[:-1]


def recorded(probe: str) -> list[str]:
    """The lines TensorFlow printed (`tf_probes/<probe>.out`)."""
    return (PROBES / f"{probe}.out").read_text(encoding="utf-8").split("\n")[:-1]
