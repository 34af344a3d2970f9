"""What a run produces: printed lines, variables, ops, and the error if any.

A `RunResult` is plain data.  The CLI renders it as text or JSON, `check`
compares it with a sample's expectation, `verify` compares it with
TensorFlow's.  `to_json()` is exactly the JSON object of the contract.

The classes behave as the dataclasses they were (frozen `VariableInfo` and
`OpInfo`, mutable `RunResult`: fields, equality, repr), written out by hand
so that a run does not import `dataclasses` (see `scopesim.record`).
"""

from __future__ import annotations

from .errors import ProgramError
from .record import Record
from .span import Span

_set = object.__setattr__
#: The default of a `RunResult` field that is a new list or dict each time.
_NEW: list = []


class VariableInfo(Record):
    """One entry of `tf.global_variables()`.

    `name` is `var.name` (`scope1/variable1:0`); `store_key` is the key of
    the get_variable store (`scope1/variable1`; it can differ from the op name,
    and is None for `tf.Variable`).  `handles` are the program's handles bound
    to this very variable, in binding order; `defined_at` is the statement that
    created it.  `shape` is a tuple of ints and Nones, None for an unknown
    rank; `kind` is "get_variable" or "Variable".
    """

    __slots__ = ("name", "shape", "dtype", "trainable", "kind", "store_key", "handles",
                 "defined_at")

    def __init__(self, name: str, shape: tuple[int | None, ...] | None, dtype: str,
                 trainable: bool, kind: str, store_key: str | None = None,
                 handles: tuple[str, ...] = (), defined_at: Span | None = None) -> None:
        _set(self, "name", name)
        _set(self, "shape", shape)
        _set(self, "dtype", dtype)
        _set(self, "trainable", trainable)
        _set(self, "kind", kind)
        _set(self, "store_key", store_key)
        _set(self, "handles", handles)
        _set(self, "defined_at", defined_at)

    @property
    def op_name(self) -> str:
        return self.name.rsplit(":", 1)[0]

    def to_json(self) -> dict:
        return {"name": self.name,
                "shape": None if self.shape is None else list(self.shape), "dtype": self.dtype,
                "trainable": self.trainable}


class OpInfo(Record):
    """One op of `graph.get_operations()`.  `owner` is the op name of the
    variable this op was created for (its initializer ops, `Assign`, `read`,
    and the variable op itself), None for every other op."""

    __slots__ = ("name", "type", "owner")

    def __init__(self, name: str, type: str, owner: str | None = None) -> None:  # noqa: A002
        _set(self, "name", name)
        _set(self, "type", type)
        _set(self, "owner", owner)

    def to_json(self) -> dict:
        return {"name": self.name, "type": self.type}


class RunResult:
    """A run's printed lines, variables, ops, error (None if it ended well)
    and collections (key -> the names in it)."""

    __hash__ = None     # mutable, compared by value

    def __init__(self, output: list[str] = _NEW, variables: list[VariableInfo] = _NEW,
                 ops: list[OpInfo] = _NEW, error: ProgramError | None = None,
                 collections: dict[str, list[str]] = _NEW) -> None:
        self.output = [] if output is _NEW else output
        self.variables = [] if variables is _NEW else variables
        self.ops = [] if ops is _NEW else ops
        self.error = error
        self.collections = {} if collections is _NEW else collections

    def _key(self) -> tuple:
        return self.output, self.variables, self.ops, self.error, self.collections

    def __eq__(self, other):
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._key() == other._key()

    def __repr__(self) -> str:
        return (f"{type(self).__qualname__}(output={self.output!r}, "
                f"variables={self.variables!r}, ops={self.ops!r}, error={self.error!r}, "
                f"collections={self.collections!r})")

    @property
    def ok(self) -> bool:
        return self.error is None

    def json_text(self) -> str:
        """`json.dumps(self.to_json(), indent=2)`: the same text, written
        without building the dicts (a big run's 85,000 ops took 0.4 s in
        json's pure-Python encoder): each op and variable of the usual
        types by one expression, anything else through `util.json_text`."""
        from .util import json_quote, json_text
        quote = json_quote()

        def nested(value, indent: str) -> str:
            return json_text(value).replace("\n", "\n" + indent)

        def listed(items: list, indent: str) -> str:
            if not items:
                return "[]"
            inner = "\n" + indent + "  "
            return "[" + inner + ("," + inner).join(items) + "\n" + indent + "]"

        ops = [('{\n      "name": ' + quote(op.name) + ',\n      "type": ' + quote(op.type)
                + "\n    }")
               if type(op) is OpInfo and type(op.name) is str and type(op.type) is str
               else nested(op.to_json(), "    ") for op in self.ops]
        variables = [_variable_text(v, quote) or nested(v.to_json(), "    ")
                     for v in self.variables]
        output = list(self.output)
        return ("{\n  \"output\": "
                + (listed([quote(line) for line in output], "  ")
                   if all(type(line) is str for line in output) else nested(output, "  "))
                + ',\n  "variables": ' + listed(variables, "  ")
                + ',\n  "ops": ' + listed(ops, "  ")
                + ',\n  "collections": ' + nested(dict(self.collections), "  ")
                + ',\n  "error": ' + (nested(self.error.to_json(), "  ") if self.error
                                       else "null")
                + "\n}")

    def to_json(self) -> dict:
        return {
            "output": list(self.output),
            "variables": [v.to_json() for v in self.variables],
            "ops": [o.to_json() for o in self.ops],
            "collections": dict(self.collections),
            "error": self.error.to_json() if self.error else None,
        }


def _variable_text(v, quote) -> str | None:
    """`v.to_json()` as `RunResult.json_text` writes it inside "variables",
    or None when `v` is not a VariableInfo of the usual field types."""
    if type(v) is not VariableInfo or type(v.name) is not str or type(v.dtype) is not str \
            or type(v.trainable) is not bool:
        return None
    shape = v.shape
    if shape is None:
        shape_text = "null"
    elif type(shape) is tuple and all(type(d) is int or d is None for d in shape):
        shape_text = "[]" if not shape else "[\n        " + ",\n        ".join(
            "null" if d is None else int.__repr__(d) for d in shape) + "\n      ]"
    else:
        return None
    return ('{\n      "name": ' + quote(v.name) + ',\n      "shape": ' + shape_text
            + ',\n      "dtype": ' + quote(v.dtype) + ',\n      "trainable": '
            + ("true" if v.trainable else "false") + "\n    }")
