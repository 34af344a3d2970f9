"""The import hook: `tensorflow` (and `tf_keras`) are scopesim's during a run.

    with tensorflow_importable(Namespaces(tf1=False)):
        exec(code, globals)

installs a `sys.meta_path` finder first in line, takes any `tensorflow*` and
`tf_keras*` entries out of `sys.modules` (real TensorFlow, if it was
imported, is not seen by the program), and on exit removes the finder, the
modules it served and the program's own modules (those under
`program_dir`), and puts back what was there before.
"""

from __future__ import annotations

import os
import sys
import types

from ..errors import NotSimulated
from .namespace import Namespaces, keras_module

_ROOTS = ("tensorflow", "tf_keras")
#: `importlib.machinery.ModuleSpec` (the class of every module's `__spec__`),
#: without importing the importlib package at start-up.
_ModuleSpec = type(__spec__)


def _ours(name: str) -> bool:
    return any(name == root or name.startswith(root + ".") for root in _ROOTS)


class TensorFlowFinder:
    """A meta path finder and loader (the protocols, without importlib.abc's
    base classes, whose import costs a run's start-up time).  Finds
    `tensorflow`, `tensorflow.compat(.v1/.v2)` and `tf_keras[.*]` in a
    run's `Namespaces`; `tensorflow.python.*` (TensorFlow's internals) is
    NotSimulated; `tensorflow.keras[.*]` and `tensorflow.compat.v1.keras[.*]`
    are the modules `tf.keras...` gives (legacy Keras: every name
    NotSimulated); any other `tensorflow.*` is not found, as in TensorFlow."""

    def __init__(self, spaces: Namespaces) -> None:
        self.spaces = spaces

    def find_spec(self, fullname, path=None, target=None):
        if not _ours(fullname):
            return None
        if fullname in self.spaces.modules:
            module = self.spaces.modules[fullname]
        elif fullname.startswith("tf_keras"):
            module = keras_module(fullname)
            if module is None:
                return None
            self.spaces.modules[fullname] = module
        elif fullname == "tensorflow.python" or fullname.startswith("tensorflow.python."):
            raise NotSimulated(f"import {fullname} (TensorFlow's internals)")
        else:
            module = self._keras(fullname)
            if module is None:
                return None
            self.spaces.modules[fullname] = module
        return _ModuleSpec(fullname, self, is_package=True)

    def _keras(self, fullname: str):
        """`tensorflow.keras[.layers...]` and `tensorflow.compat.v1.keras[...]`
        (legacy Keras, TF_USE_LEGACY_KERAS=1): the module object the attribute
        path gives (`tf.keras.layers`, whose names are NotSimulated), or None
        (not found, as in TensorFlow)."""
        parts = fullname.split(".")
        keras_at = 1 if parts[1:2] == ["keras"] else \
            3 if parts[1:4] in (["compat", "v1", "keras"], ["compat", "v2", "keras"]) else None
        if keras_at is None:
            return None
        value = self.spaces.modules["tensorflow"]
        for part in parts[1:]:
            try:
                value = getattr(value, part)      # a name not simulated: NotSimulated
            except AttributeError:
                return None
        return value if isinstance(value, types.ModuleType) else None
        return _ModuleSpec(fullname, self, is_package=True)

    def create_module(self, spec):
        return self.spaces.modules[spec.name]

    def exec_module(self, module) -> None:
        # `tensorflow.keras` is the module named `tf_keras.api._v2.keras`: under
        # that name too, so that `from tensorflow.keras import nosuch` is
        # Python's ImportError (its fallback imports `<__name__>.nosuch`)
        name = getattr(module, "__name__", None)
        if isinstance(name, str) and _ours(name):
            sys.modules.setdefault(name, module)
        return None


#: The engine's `Graph` methods that create an op (each takes the op type first).
_CREATORS = ("create_op", "create_tensor", "create_checked")


class _OpCheck:
    """`Graph.create_op` (and the engine's other op creators, `_CREATORS`)
    wrapped for a run: each op is first shown to `Namespaces.check_op` (the
    graph-mode check at its root).  Installed on the engine's Graph class by
    `tensorflow_importable`, removed on exit (the previous methods put back,
    so runs may nest)."""

    def __init__(self, spaces: Namespaces) -> None:
        self.spaces = spaces
        self._saved = None

    def install(self) -> None:
        from ..engine.graph import Graph
        self._saved = {name: Graph.__dict__[name] for name in _CREATORS if name in Graph.__dict__}
        for name, create in self._saved.items():
            setattr(Graph, name, _checked(create, self.spaces.check_op))

    def remove(self) -> None:
        from ..engine.graph import Graph
        if self._saved is not None:
            for name, create in self._saved.items():
                setattr(Graph, name, create)
            self._saved = None


def _checked(create, check):
    """`create` (a Graph method) after `check(op_type)`."""
    def checked_create(graph, op_type, *args, **kwargs):
        check(op_type)
        return create(graph, op_type, *args, **kwargs)
    checked_create.__name__ = create.__name__
    checked_create.__doc__ = create.__doc__
    checked_create.__wrapped__ = create
    return checked_create


class tensorflow_importable:
    """Context manager: the finder installed, sys.modules saved and restored,
    the graph-mode check on op creation installed."""

    def __init__(self, spaces: Namespaces, program_dir: str | None = None) -> None:
        self.spaces = spaces
        self.program_dir = os.path.abspath(program_dir) if program_dir else None
        self.finder = TensorFlowFinder(spaces)
        self.op_check = _OpCheck(spaces)
        self._saved: dict = {}
        self._before: set = set()

    def __enter__(self):
        self._saved = {k: v for k, v in sys.modules.items() if _ours(k)}
        for key in self._saved:
            del sys.modules[key]
        self._before = set(sys.modules)
        sys.meta_path.insert(0, self.finder)
        self.op_check.install()
        return self.spaces

    def __exit__(self, *exc) -> None:
        self.op_check.remove()
        try:
            sys.meta_path.remove(self.finder)
        except ValueError:
            pass
        for key in [k for k in sys.modules if k not in self._before]:
            if _ours(key) or self._program_module(sys.modules[key]):
                del sys.modules[key]
        for key in [k for k in sys.modules if _ours(k)]:
            del sys.modules[key]
        sys.modules.update(self._saved)
        return None

    def _program_module(self, module) -> bool:
        """A module the program imported from its own directory."""
        if self.program_dir is None:
            return False
        file = getattr(module, "__file__", None)
        if not isinstance(file, str):
            return False
        file = os.path.abspath(file)
        return file.startswith(self.program_dir + os.sep) and "site-packages" not in file
