"""The modules a Python program gets for `tensorflow` (and `tf_keras`) during a run.

One `Namespaces` per run: it owns the graph-mode switch and builds

* `tensorflow.compat.v1`: a view of scopesim's `tf.compat.v1`
  (`scopesim.tf.compat_v1`).  Its `disable_v2_behavior()` and
  `disable_eager_execution()` turn graph mode on; until then every call that
  builds the graph is `NotSimulated` ("scopesim simulates graph mode: ...").
  After `disable_eager_execution()` alone TensorFlow keeps its TF2 resource
  variables, which scopesim does not simulate: creating a variable then is
  `NotSimulated` (unless `disable_resource_variables()` was called).
* `tensorflow`: TF 2.21's top level.  A name whose object TensorFlow shares
  with `tf.compat.v1` (`tf.matmul`, `tf.nn.relu`, `tf.float32`; recorded in
  `tf_top_names.json` by `tools/record_tf_names.py --tensorflow`) is
  scopesim's; another name TensorFlow has (`tf.constant`, TF2's) is
  `NotSimulated`; a name it lacks (`tf.variable_scope`) is TensorFlow's
  AttributeError, with a note that suggests `--tf1`.
* with `tf1=True`, `tensorflow` is TF 1.15's top level: the `tf.compat.v1`
  view itself, graph mode on.
* `tf_keras` and its submodules: names only (legacy Keras is not simulated).
"""

from __future__ import annotations

import functools
import os
import types

from .. import TENSORFLOW_VERSION
from ..errors import NotSimulated

_NAMES_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "tf_top_names.json")
#: The `module` of TOP's root (tests/test_startup_lazy.py compares).
_ROOT_MODULE = "tensorflow"


def _top_file() -> dict:
    """tf_top_names.json, read on first use: the first name asked of
    `tensorflow` other than `compat` (a tiny program needs none), or of
    `tf_keras`.  The module attributes `_TOP` (this) and `TOP` (its
    modules) are the same tables from then on."""
    found = globals().get("_TOP")
    if found is None:
        import json
        with open(_NAMES_FILE, encoding="utf-8") as file:
            found = json.load(file)
        globals()["_TOP"], globals()["TOP"] = found, found["modules"]
    return found


def _top() -> dict:
    """`TOP`: path -> the module's name, names and tf.compat.v1 targets."""
    return _top_file()["modules"]


def __getattr__(name: str):
    if name in ("TOP", "_TOP"):
        _top_file()
        return globals()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


GRAPH_MODE_HINT = "scopesim simulates graph mode: call tf.compat.v1.disable_v2_behavior()"
RESOURCE_VARIABLES = ("resource variables (TensorFlow 2's default after "
                      "tf.compat.v1.disable_eager_execution() alone; call "
                      "tf.compat.v1.disable_v2_behavior())")

#: Callables of tf.compat.v1 that do not build the graph (allowed before graph mode).
_NOT_BUILDING = frozenset({
    "AUTO_REUSE", "DType", "Dimension", "Graph", "GraphKeys", "TensorShape", "VariableScope",
    "as_dtype", "get_default_graph", "reset_default_graph", "enable_resource_variables",
    "disable_resource_variables", "resource_variables_enabled", "executing_eagerly",
})
#: Callables that create variables (resource variables after disable_eager_execution alone).
_MAKES_VARIABLES = frozenset({"get_variable", "get_local_variable", "Variable",
                              "make_template"})


#: The op types of a variable (RefVariable's and ResourceVariable's).
_VARIABLE_OPS = frozenset({"VariableV2", "Variable", "VarHandleOp"})
_SCOPESIM_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep
#: Frames of wrappers, not of the function the program called.
_WRAPPERS = (os.path.join(_SCOPESIM_DIR, "tf", "util") + os.sep,
             os.path.join(_SCOPESIM_DIR, "pyfront") + os.sep)


def _entry_point() -> str:
    """`relu()`: the scopesim function the program called (the outermost
    scopesim frame of the stack), for the graph-mode message."""
    import sys
    entry = None
    frame = sys._getframe(2)
    while frame is not None:
        filename = frame.f_code.co_filename
        if not filename.startswith(_SCOPESIM_DIR):
            if entry is not None:
                break
        elif not filename.startswith(_WRAPPERS):
            entry = frame.f_code.co_name
        frame = frame.f_back
    return f"{entry}()" if entry and not entry.startswith("<") else "a call"


class GraphModeNotOn(NotSimulated):
    """A graph-building call before graph mode was turned on."""

    def __init__(self, what: str):
        super().__init__(what)
        self.message = f"{what} is not simulated in eager mode: {GRAPH_MODE_HINT}"


def _real_v1():
    from ..tf import compat_v1
    return compat_v1


def _module_class():
    return type(_real_v1())          # TFModuleWrapper, as TensorFlow's tf.compat.v1


class Namespaces:
    """The `tensorflow` modules of one run (see the module docstring)."""

    def __init__(self, tf1: bool = False) -> None:
        self.tf1 = tf1
        self.graph_mode = tf1
        self.eager_disabled = tf1
        self.resource_variables = False
        self.modules: dict[str, types.ModuleType] = {}
        self.v1 = self._make_v1()
        if tf1:
            self.top = self.v1
        else:
            self.top = self._make_top()
        compat = types.ModuleType("tensorflow.compat")
        compat.v1 = self.v1
        compat.v2 = self.top if not tf1 else self._make_top("tensorflow.compat.v2")
        compat.__path__ = []
        self.compat = compat
        self.modules.update({"tensorflow": self.top, "tensorflow.compat": compat,
                             "tensorflow.compat.v1": self.v1,
                             "tensorflow.compat.v2": compat.v2})

    # ------------------------------------------------------- graph mode

    def _disable_v2_behavior(self) -> None:
        """`tf.compat.v1.disable_v2_behavior()`: graph mode, TF1 behaviour."""
        self.graph_mode = self.eager_disabled = True
        self.resource_variables = False

    def _disable_eager_execution(self) -> None:
        """`tf.compat.v1.disable_eager_execution()`: graph mode, resource variables kept."""
        if not self.graph_mode:
            self.resource_variables = True
        self.graph_mode = self.eager_disabled = True

    def _enable_v2_behavior(self) -> None:
        """`tf.compat.v1.enable_v2_behavior()`: back to eager mode (not simulated)."""
        self.graph_mode = self.eager_disabled = False

    def _disable_resource_variables(self) -> None:
        self.resource_variables = False
        _real_v1().disable_resource_variables()

    def _check(self, name: str) -> None:
        if not self.graph_mode:
            raise GraphModeNotOn(f"tf.compat.v1.{name}")
        if self.resource_variables and name in _MAKES_VARIABLES:
            raise NotSimulated(RESOURCE_VARIABLES)

    def check_op(self, op_type: str) -> None:
        """The root of the graph-mode check: `Graph.create_op` calls this for
        every op while the run's hook is installed (`hook.py`), so a call
        that builds the graph is caught wherever it comes from
        (`tf.compat.v1.nn.relu`, `tf.compat.v1.random.normal`, a layer)."""
        if not self.graph_mode:
            raise GraphModeNotOn(f"{_entry_point()} (creating a {op_type} op)")
        if self.resource_variables and op_type in _VARIABLE_OPS:
            raise NotSimulated(RESOURCE_VARIABLES)

    def _gate(self, name: str, value):
        """`value` (a callable of tf.compat.v1) checked at each call."""
        check = self._check

        @functools.wraps(value)
        def gated(*args, **kwargs):
            check(name)
            return value(*args, **kwargs)
        return gated

    # ----------------------------------------------------- tf.compat.v1

    def _make_v1(self):
        real = _real_v1()
        name = "tensorflow" if self.tf1 else real.__name__
        spaces = self
        overrides = {
            "disable_v2_behavior": self._disable_v2_behavior,
            "disable_eager_execution": self._disable_eager_execution,
            "enable_v2_behavior": self._enable_v2_behavior,
            "enable_eager_execution": lambda *a, **k: self._enable_v2_behavior(),
            "disable_resource_variables": self._disable_resource_variables,
            "executing_eagerly": lambda: not self.eager_disabled,
        }

        class V1View(_module_class()):
            def __getattr__(self, attr):
                if attr == "compat":
                    return spaces.compat
                try:
                    value = getattr(real, attr)
                except AttributeError:
                    raise AttributeError(f"module '{name}' has no attribute '{attr}'") from None
                if attr.startswith("__") or isinstance(value, types.ModuleType) \
                        or not callable(value) or attr in _NOT_BUILDING \
                        or attr.endswith("_initializer"):
                    return value
                if spaces.graph_mode and not spaces.resource_variables:
                    return value
                return spaces._gate(attr, value)

            def __dir__(self):
                return sorted(set(dir(real)) - {"NotSimulated", "TFModuleWrapper"})

        V1View.__name__ = V1View.__qualname__ = _module_class().__name__
        V1View.__module__ = _module_class().__module__
        view = V1View(name)
        for key, fn in overrides.items():
            setattr(view, key, fn)
        view.__version__ = real.__version__
        view.__path__ = []
        return view

    # ------------------------------------------------- tensorflow (TF2)

    def _make_top(self, module_name: str = "tensorflow"):
        return self._top_module("", module_name)

    def _top_module(self, path: str, module_name: str | None = None):
        spaces = self
        module = types.ModuleType(module_name or _top()[path]["module"])
        module.__path__ = []
        if not path:
            module.__version__ = TENSORFLOW_VERSION      # tf_top_names.json's "tensorflow"
            module.newaxis = None
        recorded_name = _ROOT_MODULE if not path else _top()[path]["module"]

        def __getattr__(attr):
            if attr.startswith("__") and attr.endswith("__"):
                raise AttributeError(f"module '{recorded_name}' has no attribute '{attr}'")
            if not path and attr == "compat":
                return spaces.compat
            top = _top()
            info = top[path]
            child = f"{path}.{attr}" if path else attr
            if child in top:
                sub = spaces._top_module(child)
                setattr(module, attr, sub)
                return sub
            target = info["v1"].get(attr)
            if target is not None:
                value = spaces.v1
                for part in target.split("."):
                    value = getattr(value, part)
                return value
            if attr in info["names"]:
                shown = f"tf.{child}"
                error = NotSimulated(shown)
                error.message = (f"{shown} of TensorFlow 2 is not simulated (scopesim simulates "
                                 f"tf.compat.v1: use tf.compat.v1.{child}, or run with --tf1)")
                raise error
            error = AttributeError(f"module '{info['module']}' has no attribute '{attr}'")
            if not path and attr in dir(_real_v1()):
                error.add_note(f"tf.{attr} is TensorFlow 1.x's: write tf.compat.v1.{attr}, "
                               f"or run the program with `scopesim run --tf1` to give "
                               f"`import tensorflow as tf` the TF 1.15 top level")
            raise error
        module.__getattr__ = __getattr__
        return module


# --------------------------------------------------------------- tf_keras


def keras_module(fullname: str):
    """`tf_keras` or one of its recorded submodules: every name is NotSimulated."""
    top = _top()
    info = top.get(fullname)
    if info is None:
        return None
    module = types.ModuleType(info["module"] if fullname == "tf_keras" else fullname)
    module.__path__ = []
    module.__version__ = _top_file().get("tf_keras", "")

    def __getattr__(attr):
        if attr.startswith("__") and attr.endswith("__"):
            raise AttributeError(f"module '{fullname}' has no attribute '{attr}'")
        child = f"{fullname}.{attr}"
        if child in top:
            sub = keras_module(child)
            setattr(module, attr, sub)
            return sub
        if attr in info["names"]:
            raise NotSimulated(child)
        raise AttributeError(f"module '{fullname}' has no attribute '{attr}'")
    module.__getattr__ = __getattr__
    return module
