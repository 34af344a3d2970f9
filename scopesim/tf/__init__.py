"""scopesim's own `tf.compat.v1`: TensorFlow's API as real Python objects
over `scopesim.engine` (the layout mirrors TensorFlow's: `framework/`,
`ops/`; `compat_v1` assembles the namespace).  See docs/architecture.md.

`import scopesim.tf as tf` is that namespace for a user's own tests
(docs/python.md): a name this package does not define itself is looked up
in `compat_v1` when it is first asked for (`tf.get_variable`,
`tf.nn.relu`; a name TensorFlow lacks is TensorFlow's AttributeError), so
importing one submodule (`scopesim.tf.runtime`) does not load the whole
API.  The package's submodules stay importable as always; the one whose
name is also a `tf.compat.v1` name (`summary`) reads as TensorFlow's
`tf.summary` once `compat_v1` is loaded.
"""

import sys as _sys
import types as _types

#: The package's own modules and subpackages, by name (listed here rather
#: than read off the directory at every start-up; tests/test_startup_lazy.py
#: compares the two).
_OWN = frozenset({"compat_v1", "framework", "ops", "runtime", "summary", "testing", "training",
                  "util"})


def _compat_v1(load: bool):
    """`compat_v1` when it is completely loaded (imported first if `load`),
    else None (it is being imported: its own `from . import ...` must see
    the package's submodules)."""
    module = _sys.modules.get(__name__ + ".compat_v1")
    if module is None:
        if not load:
            return None
        __import__(__name__ + ".compat_v1")
        module = _sys.modules[__name__ + ".compat_v1"]
    spec = getattr(module, "__spec__", None)
    if spec is not None and getattr(spec, "_initializing", False):
        return None
    return module


def __getattr__(name: str):
    if name.startswith("__") and name.endswith("__") or name in _OWN:
        # a submodule not imported yet: the import system imports it
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = _compat_v1(load=True)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(module, name)


def __dir__():
    module = _compat_v1(load=False)
    names = set(globals()) | _OWN
    if module is not None:
        names |= set(dir(module))
    return sorted(n for n in names if not n.startswith("_") or n.startswith("__"))


class _Package(_types.ModuleType):
    """The package: a submodule attribute that is also a `tf.compat.v1`
    name gives `compat_v1`'s object once that is loaded."""

    def __getattribute__(self, name):
        if name in _OWN:
            module = _compat_v1(load=False)
            if module is not None and name != "compat_v1" and name in _v1_names(module):
                return getattr(module, name)
        return super().__getattribute__(name)


_NAMES: dict = {}


def _v1_names(module) -> frozenset:
    """What `dir(compat_v1)` lists, without building its submodules or
    importing the modules of its `_ON_USE` names (as `dir()` would): its
    globals, the names of its submodules, those names."""
    names = _NAMES.get("v1")
    if names is None:
        names = _NAMES["v1"] = frozenset(module._GLOBALS) | module._TOP_LEVEL | \
            frozenset(module._ON_USE)
    return names


_sys.modules[__name__].__class__ = _Package
