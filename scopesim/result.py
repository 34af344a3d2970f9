"""What a run produces: printed lines, variables, ops, and the error if any.

A `RunResult` is plain data.  The CLI renders it as text or JSON, `check`
compares it with a sample's expectation, `verify` compares it with
TensorFlow's.  `to_json()` is exactly the JSON object of the contract.

The classes behave as the dataclasses they were (frozen `VariableInfo` and
`OpInfo`, mutable `RunResult`: fields, equality, repr), written out by hand
so that a run does not import `dataclasses` (see `scopesim.record`).
"""

from __future__ import annotations

from itertools import islice

from .errors import ProgramError
from .record import Record, slot_setters
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

    A run makes its infos with `deferred`: `defined_at` is then read off
    the variable's origin when first asked for (few ask: locating the
    statement in a long module's code object listed all its positions,
    0.1 s for a 25,000-line program).
    """

    __slots__ = ("name", "shape", "dtype", "trainable", "kind", "store_key", "handles",
                 "_defined_at", "_origin")
    _fields = ("name", "shape", "dtype", "trainable", "kind", "store_key", "handles",
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
        _set(self, "_defined_at", defined_at)
        _set(self, "_origin", None)

    @classmethod
    def deferred(cls, name, shape, dtype, trainable, kind, store_key, handles,
                 origin) -> "VariableInfo":
        """The info whose `defined_at` is `origin.span`, read when first asked
        for (`origin`: the variable's `runner.Origin`, or None for no span)."""
        info = object.__new__(cls)
        (set_name, set_shape, set_dtype, set_trainable, set_kind, set_store_key, set_handles,
         set_defined_at, set_origin) = _VARIABLE_SETTERS
        set_name(info, name)
        set_shape(info, shape)
        set_dtype(info, dtype)
        set_trainable(info, trainable)
        set_kind(info, kind)
        set_store_key(info, store_key)
        set_handles(info, handles)
        set_defined_at(info, None)
        set_origin(info, origin)
        return info

    @property
    def defined_at(self) -> Span | None:
        origin = self._origin
        if origin is not None:
            _set(self, "_defined_at", origin.span)
            _set(self, "_origin", None)
        return self._defined_at

    @property
    def op_name(self) -> str:
        return self.name.rsplit(":", 1)[0]

    def to_json(self) -> dict:
        return {"name": self.name,
                "shape": None if self.shape is None else list(self.shape), "dtype": self.dtype,
                "trainable": self.trainable}


_VARIABLE_SETTERS = slot_setters(VariableInfo)


class OpInfo(Record):
    """One op of `graph.get_operations()`.  `owner` is the op name of the
    variable this op was created for (its initializer ops, `Assign`, `read`,
    and the variable op itself), None for every other op."""

    __slots__ = ("name", "type", "owner")

    def __init__(self, name: str, type: str, owner: str | None = None) -> None:  # noqa: A002
        _set_op_name(self, name)
        _set_op_type(self, type)
        _set_op_owner(self, owner)

    def to_json(self) -> dict:
        return {"name": self.name, "type": self.type}


_set_op_name, _set_op_type, _set_op_owner = slot_setters(OpInfo)


class OpTable:
    """A run's ops compactly: their names and types (two lists) and the
    names of the run's variables (`s/w:0`), from which `infos()` makes the
    `OpInfo` list (each op's owner found by its name's prefixes).  JSON
    needs only the names and types, so a run written as JSON makes no
    OpInfo (85,000 ops: 0.1 s and 60 bytes each)."""

    __slots__ = ("names", "types", "variable_names")

    def __init__(self, names: list[str], types: list[str], variable_names) -> None:
        self.names, self.types, self.variable_names = names, types, variable_names

    def infos(self) -> list[OpInfo]:
        return op_infos(self.names, self.types, self.owners())

    def owners(self) -> list[str | None]:
        """The owner of each op (see `op_owners`)."""
        return op_owners(self.names, {name.rsplit(":", 1)[0] for name in self.variable_names})


def op_owners(names, variable_ops: set) -> list[str | None]:
    """The owner of each op named in `names`: the op's own name if that is
    a variable's op name (in `variable_ops`), else the longest `/`-prefix of
    it that is one (None if none is)."""
    owners: dict = {"": None}   # scope prefix -> the variable op name it is under
    out = []
    append = out.append
    for name in names:
        if name in variable_ops:
            append(name)
            continue
        prefix = name.rpartition("/")[0]
        owner = owners.get(prefix, owners)
        if owner is owners:
            owner = _owner(prefix, variable_ops, owners)
        append(owner)
    return out


def op_infos(names, types, owners) -> list[OpInfo]:
    """`[OpInfo(name, type, owner) ...]` over the three lists, made without
    a call of `__init__` each."""
    out = []
    append = out.append
    new = object.__new__
    for name, type_, owner in zip(names, types, owners):
        op = new(OpInfo)
        _set_op_name(op, name)
        _set_op_type(op, type_)
        _set_op_owner(op, owner)
        append(op)
    return out


def _owner(prefix: str, variable_ops: set, owners: dict):
    """The longest of `prefix` and its `/`-parents that is a variable's op
    name (None if none is); `owners` remembers the answer for each prefix."""
    chain = []
    cut = prefix
    while True:
        if cut in owners:
            found = owners[cut]
            break
        if cut in variable_ops:
            found = cut
            break
        chain.append(cut)
        cut = cut.rpartition("/")[0]
    for c in chain:
        owners[c] = found
    return found


class RunResult:
    """A run's printed lines, variables, ops, error (None if it ended well)
    and collections (key -> the names in it).

    A run gives its ops as an `OpTable` (`RunResult.of_run`): `ops` is the
    OpInfo list made from it at the first read (and kept), the same list
    for every reader; `json_text` and `to_json` read the table itself."""

    __hash__ = None     # mutable, compared by value

    def __init__(self, output: list[str] = _NEW, variables: list[VariableInfo] = _NEW,
                 ops: list[OpInfo] = _NEW, error: ProgramError | None = None,
                 collections: dict[str, list[str]] = _NEW) -> None:
        self.output = [] if output is _NEW else output
        self.variables = [] if variables is _NEW else variables
        self._ops = [] if ops is _NEW else ops
        self._op_table = None
        self.error = error
        self.collections = {} if collections is _NEW else collections

    @classmethod
    def of_run(cls, output: list[str], variables: list[VariableInfo], ops: OpTable,
               error: ProgramError | None, collections: dict[str, list[str]]) -> "RunResult":
        """The result of a run whose ops are `ops` (made into OpInfos when read)."""
        result = cls(output, variables, None, error, collections)
        result._op_table = ops
        return result

    @property
    def ops(self) -> list[OpInfo]:
        ops = self._ops
        if ops is None:
            ops = self._ops = self._op_table.infos()
            self._op_table = None
        return ops

    @ops.setter
    def ops(self, ops: list[OpInfo]) -> None:
        self._ops, self._op_table = ops, None

    def op_columns(self) -> tuple[list, list, list]:
        """The ops' names, types and owners, three lists (what `ops` holds,
        made without OpInfos when they are not made yet)."""
        table = self._op_table if self._ops is None else None
        if table is not None:
            return table.names, table.types, table.owners()
        ops = self.ops
        return [op.name for op in ops], [op.type for op in ops], [op.owner for op in ops]

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
        json's pure-Python encoder): the ops in a few joins (`_ops_text`),
        each variable of the usual types by one format, anything else
        through `util.json_text`."""
        return "".join(self.json_parts())

    def json_parts(self):
        """The pieces of `json_text` in order, made as they are asked for: a
        writer writes them one by one, and a big run's text (ten megabytes
        for 85,000 ops) is never whole in memory."""
        from .util import json_quote, json_text
        quote = json_quote()

        def nested(value, indent: str) -> str:
            return json_text(value).replace("\n", "\n" + indent)

        table = self._op_table if self._ops is None else None
        if table is not None:
            ops = _ops_text(table.names, table.types, quote)
        else:
            ops = self._ops
            plain = all(type(op) is OpInfo for op in ops)
            ops = _ops_text([op.name for op in ops], [op.type for op in ops], quote) \
                if plain else None
        output = list(self.output)
        yield "{\n  \"output\": "
        yield "".join(_listed([quote(line) for line in output], "  ")) \
            if all(type(line) is str for line in output) else nested(output, "  ")
        yield ',\n  "variables": '
        yield from _listed(_variables_text(self.variables, quote, nested), "  ")
        yield ',\n  "ops": '
        if ops is None:
            yield from _listed([nested(op.to_json(), "    ") for op in self.ops], "  ")
        else:
            yield from ops
        yield ',\n  "collections": '
        yield from _collections_text(dict(self.collections), quote, nested)
        yield ',\n  "error": '
        yield nested(self.error.to_json(), "  ") if self.error else "null"
        yield "\n}"

    def to_json(self) -> dict:
        return {
            "output": list(self.output),
            "variables": [v.to_json() for v in self.variables],
            "ops": [o.to_json() for o in self.ops] if self._ops is not None else
                   [{"name": n, "type": t} for n, t in zip(self._op_table.names,
                                                           self._op_table.types)],
            "collections": dict(self.collections),
            "error": self.error.to_json() if self.error else None,
        }


#: The types of a shape's dimensions that `_variables_text` writes itself.
_DIM_TYPES = frozenset((int, type(None)))
#: One variable of the usual field types in `RunResult.json_text`.
_VARIABLE = ('{\n      "name": %s,\n      "shape": %s,\n      "dtype": %s,'
             '\n      "trainable": %s\n    }')


def _variables_text(variables: list, quote, nested):
    """The JSON text of each variable's `to_json()` as `RunResult.json_text`
    writes it inside "variables": a VariableInfo of the usual field types by
    `_VARIABLE` (the text of each shape and dtype made once), any other
    through `nested`."""
    shapes: dict = {}
    dtypes: dict = {}
    for v in variables:
        if type(v) is VariableInfo and type(v.name) is str and type(v.trainable) is bool:
            shape, dtype = v.shape, v.dtype
            if shape is None:
                shape_text = "null"
            elif type(shape) is tuple and set(map(type, shape)) <= _DIM_TYPES:
                shape_text = shapes.get(shape)
                if shape_text is None:
                    shape_text = shapes[shape] = "[]" if not shape else \
                        "[\n        " + ",\n        ".join(
                            "null" if d is None else int.__repr__(d) for d in shape) + "\n      ]"
            else:
                shape_text = None
            if shape_text is not None and type(dtype) is str:
                dtype_text = dtypes.get(dtype)
                if dtype_text is None:
                    dtype_text = dtypes[dtype] = quote(dtype)
                yield _VARIABLE % (quote(v.name), shape_text, dtype_text,
                                   "true" if v.trainable else "false")
                continue
        yield nested(v.to_json(), "    ")


#: How `json_text` writes the end of one op and the start of the next.
_OP_GLUE = '\n    },\n    {\n      "name": '
#: The characters json's ASCII encoder writes as they are (all but `"`, `\`
#: and what lies outside space..tilde): a str of only these is quoted by
#: putting quotes around it.
_UNESCAPED = bytes(c for c in range(0x20, 0x7F) if c not in b'"\\')


#: Items (ops, variables, names) in each piece of the JSON text.
_CHUNK = 1024


def _listed(items, indent: str):
    """The JSON list of the texts `items` (an iterable; each an item's text
    at `indent` plus two spaces), as json.dumps writes it, in pieces of
    `_CHUNK` items."""
    items = iter(items)
    part = list(islice(items, _CHUNK))
    if not part:
        yield "[]"
        return
    inner = ",\n" + indent + "  "
    yield "[" + inner[1:] + inner.join(part)
    while True:
        part = list(islice(items, _CHUNK))
        if not part:
            break
        yield inner + inner.join(part)
    yield "\n" + indent + "]"


def _collections_text(collections: dict, quote, nested):
    """`nested(collections, "  ")` in pieces, a collection at a time where
    each is a list of str under a str key (the usual)."""
    if not collections or not all(type(key) is str and type(names) is list and
                                  all(type(name) is str for name in names)
                                  for key, names in collections.items()):
        yield nested(collections, "  ")
        return
    opening = "{\n    "
    for key, names in collections.items():
        yield opening + quote(key) + ": "
        opening = ",\n    "
        yield from _listed(map(quote, names), "    ")
    yield "\n  }"


def _ops_text(names: list, types: list, quote):
    """The JSON list of ops named `names` of types `types`, as
    `json.dumps(..., indent=2)` writes it at the result's "ops" key, in
    pieces (their join is the text); None unless every name and type is a
    str.  A join over each piece's names, each followed by its type's text
    (made once per type); names quoted one by one only if some name has a
    character that JSON escapes."""
    if not names:
        return iter(("[]",))
    if set(map(type, names)) != {str} or set(map(type, types)) != {str}:
        return None
    typed = {t: ',\n      "type": ' + quote(t) + _OP_GLUE for t in set(types)}
    if _plain_names(names):
        typed = {t: '"' + text + '"' for t, text in typed.items()}
        first = '[\n    {\n      "name": "'
        glue = _OP_GLUE + '"'
    else:
        names = list(map(quote, names))
        first = '[\n    {\n      "name": '
        glue = _OP_GLUE
    return _ops_pieces(names, types, typed, first, len(glue))


def _plain_names(names: list) -> bool:
    """Whether no name has a character JSON escapes (a piece at a time:
    the names of a big run together are megabytes)."""
    for start in range(0, len(names), _CHUNK):
        together = "".join(names[start:start + _CHUNK])
        if not together.isascii() or together.encode("ascii").translate(None, _UNESCAPED):
            return False
    return True


def _ops_pieces(names: list, types: list, typed: dict, first: str, glue: int):
    """`_ops_text`'s pieces, each made when asked for: its names, each
    followed by its type's text and the glue to the next name (`glue`
    characters, dropped after the last)."""
    last = len(names) - 1
    for start in range(0, len(names), _CHUNK):
        part = names[start:start + _CHUNK]
        parts = [None] * (2 * len(part))
        parts[0::2] = part
        parts[1::2] = map(typed.__getitem__, types[start:start + _CHUNK])
        if start == 0:
            parts[0] = first + parts[0]
        if start + _CHUNK > last:
            parts[-1] = parts[-1][:-glue] + "\n    }\n  ]"
        yield "".join(parts)
