"""The prelude: the few version-1 meanings that are not plain TensorFlow calls.

`SOURCE` is Python source, defined over `tf` only, and run in the program's
globals before the program, in both worlds: by `scopesim run` (with `tf`
scopesim's own `tf.compat.v1`) and at the top of what `scopesim emit` prints
(with `tf` real TensorFlow).  It decides by `type(x).__name__`, so it gives
the same answer under both `tf`s.  Its names start with `__`, which a program
cannot write.

* `__scopesim_show(x)`: what `print x` shows (LANGUAGE.md 4.4): the `.name`
  of a variable, tensor, op or variable scope, else the value itself.
* `__scopesim_names(vs)`: the version-1 `global_variables()` (a list of names).
* `__scopesim_enter/exit/unwind/depth`: `with` nested deeper than CPython's
  static block limit, as explicit calls on one stack of context managers
  (see `scopesim.lowering`).
"""

# `compile()` in `code()` inherits this, as when runner.py compiled the prelude.
from __future__ import annotations

FILENAME = "<scopesim prelude>"

SOURCE = '''\
__tf = tf
__scopesim_named = {"RefVariable", "ResourceVariable", "PartitionedVariable",
                    "SymbolicTensor", "Tensor", "Operation", "VariableScope"}


def __scopesim_show(value):
    """What print shows: the name of a graph object, anything else as it is."""
    for cls in type(value).__mro__:
        if cls.__name__ in __scopesim_named:
            return value.name
    if isinstance(value, BaseException) and hasattr(value, "origin") and \\
            value.origin is not None and str(value).endswith("Originally defined at:"):
        return str(value) + "\\n\\n" + str(value.origin)   # see Requests to the API
    return value


def __scopesim_show_all(values):
    return [__scopesim_show(value) for value in values]


def __scopesim_names(variables):
    return [variable.name for variable in variables]


__scopesim_managers = []


def __scopesim_depth():
    return len(__scopesim_managers)


def __scopesim_enter(manager):
    exit_ = type(manager).__exit__
    value = type(manager).__enter__(manager)
    __scopesim_managers.append((manager, exit_))
    return value


def __scopesim_exit(count):
    for _ in range(count):
        manager, exit_ = __scopesim_managers.pop()
        exit_(manager, None, None, None)


def __scopesim_unwind(mark, error):
    while len(__scopesim_managers) > mark:
        manager, exit_ = __scopesim_managers.pop()
        exit_(manager, type(error), error, error.__traceback__)
'''

#: The prelude's own names (hidden from completion and from `names()`).
NAMES = frozenset({"__tf", "__scopesim_named", "__scopesim_show", "__scopesim_show_all",
                   "__scopesim_names", "__scopesim_managers", "__scopesim_depth",
                   "__scopesim_enter", "__scopesim_exit", "__scopesim_unwind"})


#: The compiled prelude, once per process (`code()`).
_CODE: list = []


def code():
    """`SOURCE` compiled (as `FILENAME`).  Compiling it costs a start-up
    milliseconds, so the code object is kept in `__pycache__` beside this
    module's bytecode, as marshal data with what it was compiled by and from
    (`_cache_key`); a file that does not match (another Python, another
    prelude) or cannot be read is compiled afresh, and written back where
    Python writes bytecode."""
    if _CODE:
        return _CODE[0]
    import marshal
    import sys
    path = _cache_path()
    found = None
    try:
        with open(path, "rb") as file:
            version, source, flags, found = marshal.loads(file.read())
        if (version, source, flags) != _cache_key() or type(found) is not type(code.__code__):
            found = None
    except (OSError, ValueError, EOFError, TypeError):
        found = None
    if found is None:
        found = compile(SOURCE, FILENAME, "exec")
        if not sys.dont_write_bytecode and sys.pycache_prefix is None:
            _write(path, marshal.dumps((*_cache_key(), found)))
    _CODE.append(found)
    return found


def _cache_key() -> tuple:
    """What the cached code was compiled by and from: this Python, `SOURCE`,
    the flags `compile` inherits here."""
    import sys
    return sys.version, SOURCE, annotations.compiler_flag


def _cache_path() -> str:
    import os
    import sys
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), "__pycache__",
                        f"prelude-source.{sys.implementation.cache_tag}.marshal")


def _write(path: str, data: bytes) -> None:
    """Write `data` to `path` whole or not at all (another process may be
    reading it); a folder that cannot be written is no error."""
    import os
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(temporary, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except OSError:
        try:
            os.unlink(temporary)
        except OSError:
            pass
