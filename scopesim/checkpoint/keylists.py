"""Saved key lists: the files a user keeps of a checkpoint's keys, parsed exactly.

A key list file is one of (tried in this order; the first that fits the whole
file wins, anything else is `KeyListError` naming these formats):

* `json`: what `scopesim keys --format json` writes (`{"checkpoint"|"program":
  ..., "keys": [{"name", "shape", "dtype"}...]}`; items may also be
  `[name, shape]` pairs), or a JSON list of names;
* `list_variables`: what `print(tf.train.list_variables(path))` prints, a
  Python list of `(name, [dims])` tuples;
* `inspect_checkpoint`: what `python -m tensorflow.python.tools.inspect_checkpoint
  --file_name=PREFIX` prints, with `--all_tensor_names`, `--all_tensors` or
  `--tensor_name` (`tensor: NAME (dtype) [dims]` lines, the values between
  them skipped) or without them (the bundle's debug listing: `NAME (DT_FLOAT)
  [4,8]`, and for a partitioned tensor one line per saved slice, see
  `_full_shape_of_slices`);
* `tsv`: `scopesim keys --format tsv` (name, shape, dtype; `\\t \\n \\\\` escaped);
* `text`: `scopesim keys` (name, shape, dtype in aligned columns);
* `names`: one name per line, nothing else (no shapes: compared by name only;
  no whitespace or control character in a name, and the file does not start
  with `[` or `{`, which would be a list that did not parse).

Keys are checkpoint keys (`enc/w`, never `enc/w:0`).
"""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass, field
from itertools import repeat

from .gcpause import gc_paused
from .proto import DTYPE_NAMES

FORMATS_HELP = ("the JSON of `scopesim keys --format json` (or a JSON list of names), the "
                "printed `tf.train.list_variables(path)` list, the output of TensorFlow's "
                "inspect_checkpoint tool, the text or TSV of `scopesim keys`, or one key "
                "name per line")

#: DataType enum names (types.proto, as inspect_checkpoint's debug listing prints them)
#: -> tf.DType names.
_ENUM_NAMES = {
    1: "DT_FLOAT", 2: "DT_DOUBLE", 3: "DT_INT32", 4: "DT_UINT8", 5: "DT_INT16", 6: "DT_INT8",
    7: "DT_STRING", 8: "DT_COMPLEX64", 9: "DT_INT64", 10: "DT_BOOL", 11: "DT_QINT8",
    12: "DT_QUINT8", 13: "DT_QINT32", 14: "DT_BFLOAT16", 15: "DT_QINT16", 16: "DT_QUINT16",
    17: "DT_UINT16", 18: "DT_COMPLEX128", 19: "DT_HALF", 20: "DT_RESOURCE", 21: "DT_VARIANT",
    22: "DT_UINT32", 23: "DT_UINT64", 24: "DT_FLOAT8_E5M2", 25: "DT_FLOAT8_E4M3FN",
    26: "DT_FLOAT8_E4M3FNUZ", 27: "DT_FLOAT8_E4M3B11FNUZ", 28: "DT_FLOAT8_E5M2FNUZ",
    29: "DT_INT4", 30: "DT_UINT4", 31: "DT_INT2", 32: "DT_UINT2", 33: "DT_FLOAT4_E2M1FN",
}
ENUM_TO_DTYPE = {_ENUM_NAMES[n]: DTYPE_NAMES[n] for n in _ENUM_NAMES}
DTYPES = frozenset(DTYPE_NAMES.values())


class KeyListError(Exception):
    """A file that is none of the key list formats (or a broken one)."""


@dataclass
class KeyList:
    """The keys of one side of a diff: (name, shape or None, dtype or None), sorted."""

    keys: list
    source: str
    kind: str                       # "checkpoint", "program" or "key list (FORMAT)"
    notes: list = field(default_factory=list)

    @property
    def has_shapes(self) -> bool:
        return any(shape is not None for _, shape, _ in self.keys)


# ------------------------------------------------------------------ parsing


def parse_key_list(text: str, source: str = "<key list>") -> KeyList:
    """The KeyList of a key list file's text; KeyListError if it is no known format."""
    stripped = text.strip()
    if not stripped:
        raise KeyListError(f"{source}: the file is empty; a key list is {FORMATS_HELP}")
    if "\x00" in text and not _looks_like_inspect(text):
        raise KeyListError(f"{source}: not a key list (it holds NUL bytes); a key list is "
                           f"{FORMATS_HELP}")
    with gc_paused():
        for fmt, parser in _PARSERS:
            found = parser(text, stripped)
            if found is not None:
                keys, notes = found
                names = [k[0] for k in keys]
                if names != sorted(names):
                    keys.sort(key=lambda k: k[0])
                _check_unique(keys, names, source)
                return KeyList(keys, source, f"key list ({fmt})", notes)
    raise KeyListError(f"{source}: not a key list; a key list is {FORMATS_HELP}")


def _check_unique(keys, names, source) -> None:
    if len(set(names)) == len(keys):
        return
    seen = set()
    for name, _, _ in keys:
        if name in seen:
            raise KeyListError(f"{source}: the key {name!r} is listed twice")
        seen.add(name)


def _json(text, stripped):
    if stripped[0] not in "{[":
        return None
    try:
        value = json.loads(stripped)
    except (ValueError, RecursionError):
        return None
    if isinstance(value, list) and set(map(type, value)) <= {str}:
        return [(n, None, None) for n in value], _NAMES_ONLY
    if not isinstance(value, dict) or not isinstance(value.get("keys"), list):
        return None
    items = value["keys"]
    kinds = set(map(type, items))
    if kinds <= {dict}:
        names = list(map(dict.get, items, repeat("name")))
        shapes = list(map(dict.get, items, repeat("shape")))
        dtypes = list(map(dict.get, items, repeat("dtype")))
    elif kinds == {list} and set(map(len, items)) == {2}:
        names = [item[0] for item in items]
        shapes = [item[1] for item in items]
        dtypes = [None] * len(items)
    else:
        return None
    if not set(map(type, names)) <= {str}:
        return None
    if not set(map(type, shapes)) <= {list, type(None)}:
        return None
    # each distinct shape checked once (an empty one is a scalar's: no dims to check)
    try:
        distinct = set(map(tuple, filter(None, shapes)))
    except TypeError:           # a list or an object among the dims
        return None
    if not all(_is_dims(list(dims)) for dims in distinct):
        return None
    if not set(map(type, dtypes)) <= {str, type(None)} or not set(dtypes) - {None} <= DTYPES:
        return None
    return list(zip(names, shapes, dtypes)), []


def _is_dims(shape) -> bool:
    return isinstance(shape, list) and all(type(d) is int and d >= 0 for d in shape)


def _list_variables(text, stripped):
    if not (stripped.startswith("[") and stripped.endswith("]")):
        return None
    try:
        value = ast.literal_eval(stripped)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return None
    if not isinstance(value, list):
        return None
    keys = []
    for item in value:
        if isinstance(item, str):
            keys.append((item, None, None))
            continue
        if not (isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str)
                and _is_dims(item[1])):
            return None
        keys.append((item[0], item[1], None))
    if any(shape is None for _, shape, _ in keys):
        if any(shape is not None for _, shape, _ in keys):
            return None
        return keys, _NAMES_ONLY
    return keys, [_NO_DTYPES] if keys else []


_NAMES_ONLY = ["a list of names only: compared by name, without shapes or dtypes"]
_NO_DTYPES = "printed by tf.train.list_variables: shapes without dtypes (dtypes not compared)"

_TOTAL = re.compile(r"# Total number of params: \d+\Z")
_TENSOR_LINE = re.compile(r"tensor: (.*) \(([a-z0-9_]+)\) \[([0-9, ]*)\]\Z", re.S)
_DEBUG_LINE = re.compile(r"(.*) \((DT_[A-Z0-9_]+)\) \[([0-9,]*)\]\Z", re.S)
_SLICE_LINE = re.compile(r"\x00(.*?)\x00\x01([\x00-\x7f]*?) \((DT_[A-Z0-9_]+)\) \[([0-9,]*)\]\Z",
                         re.S)


def _looks_like_inspect(text) -> bool:
    return any(_TOTAL.fullmatch(line) for line in text.splitlines()[-3:])


def _inspect(text, stripped):
    """inspect_checkpoint's output (print_tensors_in_checkpoint_file): its lines end
    with '# Total number of params: N'."""
    lines = text.split("\n")
    while lines and lines[-1] == "":
        lines.pop()
    if not lines or not _TOTAL.fullmatch(lines[-1]):
        return None
    body = lines[:-1]
    if any(line.startswith("tensor: ") for line in body):
        keys = []
        for line in body:
            if line.startswith("tensor: "):
                found = _TENSOR_LINE.fullmatch(line)
                if not found or found.group(2) not in DTYPES:
                    return None
                keys.append((found.group(1), _dims(found.group(3), ", "), found.group(2)))
        return keys, []
    return _debug_listing(body)


def _debug_listing(body):
    """BundleReader::DebugString: a line per entry in key order, slices of a partitioned
    tensor (keys starting with NUL) first, then whole tensors; a blank line ends it."""
    while body and body[-1] == "":
        body.pop()
    keys, slices, order = [], {}, []
    for line in body:
        found = _SLICE_LINE.fullmatch(line)
        if found:
            name = found.group(1)
            if name not in slices:
                slices[name] = []
                order.append(name)
            dtype = ENUM_TO_DTYPE.get(found.group(3))
            if dtype is None:
                return None
            slices[name].append((_dims(found.group(4), ","), dtype))
            continue
        found = _DEBUG_LINE.fullmatch(line)
        if not found or found.group(2) not in ENUM_TO_DTYPE:
            return None
        keys.append((found.group(1), _dims(found.group(3), ","), ENUM_TO_DTYPE[found.group(2)]))
    notes = []
    for name in order:
        shape = _full_shape_of_slices([s for s, _ in slices[name]])
        if shape is None:
            notes.append(f"the shape of {name} is unknown: inspect_checkpoint lists its "
                         f"{len(slices[name])} slices, all of one shape, and not the axis "
                         "they were cut along (compared by name and dtype)")
        keys.append((name, shape, slices[name][0][1]))
    return keys, notes


def _full_shape_of_slices(shapes):
    """The full shape of a tensor saved in slices, from the slices' shapes alone (all a
    debug listing keeps: the slices' offsets are dropped with the key's non-UTF-8
    bytes).  A partitioned variable is cut along one axis (variable_scope.
    _call_partitioner: "Can only slice a variable along one dimension"): the axis where the
    slices' sizes differ, summed; the only axis of a rank-1 tensor; None when
    the slices are all of one shape in rank 2 or more (any axis would do) or
    differ in more than one axis."""
    if len(shapes) == 1 or len({len(s) for s in shapes}) != 1:
        return None
    rank = len(shapes[0])
    differing = [i for i in range(rank) if len({s[i] for s in shapes}) > 1]
    if not differing and rank == 1:
        differing = [0]
    if len(differing) != 1:
        return None
    axis = differing[0]
    full = list(shapes[0])
    full[axis] = sum(s[axis] for s in shapes)
    return full


def _dims(text, sep):
    return [int(d) for d in text.split(sep)] if text.strip() else []


_TSV_ESCAPE = re.compile(r"\\(.)")
_TSV_CODES = {"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}


def _tsv(text, stripped):
    keys = []
    for line in stripped.split("\n"):
        fields = line.split("\t")
        if len(fields) != 3:
            return None
        name = _TSV_ESCAPE.sub(lambda m: _TSV_CODES.get(m.group(1), m.group(0)), fields[0])
        shape = _shape_text(fields[1])
        if shape is False or fields[2] not in DTYPES:
            return None
        keys.append((name, shape, fields[2]))
    return keys, []


_TEXT_LINE = re.compile(r"(\S(?:.*\S)?) +(\[[0-9, ]*\]|None) +([a-z0-9_]+)\Z")


def _text(text, stripped):
    keys = []
    for line in stripped.split("\n"):
        found = _TEXT_LINE.fullmatch(line.rstrip("\r"))
        if not found or found.group(3) not in DTYPES:
            return None
        keys.append((found.group(1), _shape_text(found.group(2)), found.group(3)))
    return keys, []


def _shape_text(text):
    """A shape as `keys` prints it (`[4, 8]`, `[]`, `None`); False if it is none."""
    if text == "None":
        return None
    if not (text.startswith("[") and text.endswith("]")):
        return False
    inner = text[1:-1]
    if not inner:
        return []
    parts = inner.split(", ")
    if not all(p.isdigit() and p.isascii() for p in parts):
        return False
    return [int(p) for p in parts]


_NAME = re.compile(r"[^\s\x00-\x1f\x7f]+")


def _names(text, stripped):
    if stripped[0] in "[{":      # a JSON or printed list that did not parse
        return None
    keys = []
    for line in stripped.split("\n"):
        line = line.rstrip("\r")
        if not line:
            continue
        if not _NAME.fullmatch(line):
            return None
        keys.append((line, None, None))
    return keys, _NAMES_ONLY


_PARSERS = (("json", _json), ("list_variables", _list_variables),
            ("inspect_checkpoint", _inspect), ("tsv", _tsv), ("text", _text),
            ("names", _names))


def read_key_list(path: str) -> KeyList:
    """parse_key_list of the file `path` (KeyListError if unreadable or not UTF-8)."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as exc:
        raise KeyListError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise KeyListError(f"{path}: not a key list (not UTF-8 text); a key list is "
                           f"{FORMATS_HELP}") from None
    return parse_key_list(text.replace("\r\n", "\n"), path)
