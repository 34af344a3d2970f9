"""Read a TensorFlow checkpoint's key list from its `.index` file alone.

A checkpoint (TF's "tensor bundle", tensorflow/core/util/tensor_bundle/) is a
prefix `P` with the files `P.index` (a table: see table.py) and
`P.data-NNNNN-of-MMMMM` (the tensor bytes, never read here).  The table's
keys are:

* `""`: the BundleHeaderProto (number of shards, endianness, version);
* keys starting with byte 0x00: one per slice of a partitioned tensor
  (an ordered-code encoding of the name and the slice); skipped here;
* every other key: a tensor's name (UTF-8), valued by its BundleEntryProto
  (dtype, full shape, shard, offset, size, CRC, and the list of slices
  when the tensor was saved in parts).

`tf.train.list_variables` lists exactly the name keys, sorted (the table's
byte order is the names' code-point order), with their shapes.
"""

from __future__ import annotations

import bisect
import os
import re

from . import table
from .errors import CheckpointError, Corrupt
from .gcpause import gc_paused
from .proto import BadEntry, Entry, Header, decode_header, entry_heads

#: The newest bundle version this reader knows (tensor_bundle.h: kTensorBundleVersion).
BUNDLE_VERSION = 1

STATE_FILE = "checkpoint"


class Checkpoint:
    """What a checkpoint's index holds: `prefix` (P of P.index), `index_path`,
    `header`, `slice_entries` (how many keys are slices of partitioned tensors)
    and `tensors` (name -> Entry, in key order; made when first asked for:
    `variables()` and `list_variables()` read the entries' heads directly)."""

    def __init__(self, prefix: str, index_path: str, header: Header, names: list[str],
                 heads: list[tuple], data: bytes = b"", spans: list[int] | None = None,
                 slice_entries: int = 0):
        self.prefix = prefix
        self.index_path = index_path
        self.header = header
        self.slice_entries = slice_entries
        self._names = names              # sorted, distinct
        self._heads = heads              # (dtype, shape tuple or None, dtype name)
        self._data = data                # the index bytes; entry i is data[spans[2i]:...]
        self._spans = spans or []
        self._tensors: dict[str, Entry] | None = None

    @property
    def tensors(self) -> dict[str, Entry]:
        if self._tensors is None:
            data, pairs = self._data, iter(self._spans)
            with gc_paused():
                self._tensors = {
                    name: Entry(dtype, None if shape is None else [*shape], data[start:end])
                    for name, (dtype, shape, _), start, end
                    in zip(self._names, self._heads, pairs, pairs)}
        return self._tensors

    def variables(self) -> list[tuple[str, list[int] | None, str]]:
        """(name, shape, dtype name) of every saved tensor, sorted by name."""
        with gc_paused():
            return [(name, None if head[1] is None else [*head[1]], head[2])
                    for name, head in zip(self._names, self._heads)]

    def list_variables(self) -> list[tuple[str, list[int] | None]]:
        """What `tf.train.list_variables` returns: (name, shape) pairs, sorted."""
        with gc_paused():
            return [(name, None if head[1] is None else [*head[1]])
                    for name, head in zip(self._names, self._heads)]


# ------------------------------------------------------------------ locating


_DATA_OR_META = re.compile(r"(.+)\.(?:data-\d{5}-of-\d{5}|meta)\Z", re.S)


def resolve(path: str) -> str:
    """The checkpoint prefix that `path` names: a prefix, its `.index` (or `.meta`,
    or a `.data-*` file), or a directory holding a `checkpoint` state file (its
    model_checkpoint_path: the latest)."""
    path = os.fspath(path)
    if os.path.isdir(path):
        return _latest(path)
    if os.path.isfile(path + ".index"):
        return path
    if path.endswith(".index") and os.path.isfile(path):
        return path[:-len(".index")]
    found = _DATA_OR_META.match(path)
    if found and os.path.isfile(found.group(1) + ".index"):
        return found.group(1)
    if os.path.exists(path) and not os.path.isdir(path):
        raise CheckpointError(path, f"not a checkpoint: there is no {os.path.basename(path)}"
                                    ".index beside it (give the prefix, the .index file or "
                                    "the directory)", missing=True)
    raise CheckpointError(path, f"no checkpoint: neither {path}.index nor a directory of "
                                "that name exists", missing=True)


def _latest(directory: str) -> str:
    state = os.path.join(directory, STATE_FILE)
    try:
        with open(state, "rb") as f:
            text = f.read()
    except FileNotFoundError:
        raise CheckpointError(directory, f"a directory without a '{STATE_FILE}' file "
                                         "(give a checkpoint prefix instead)",
                              missing=True) from None
    except OSError as exc:
        raise CheckpointError(state, f"cannot be read ({exc.strerror or exc})") from None
    latest = parse_state(text, state)
    if not latest:
        raise CheckpointError(state, "names no model_checkpoint_path", missing=True)
    prefix = latest if os.path.isabs(latest) else os.path.join(directory, latest)
    if not os.path.isfile(prefix + ".index"):
        raise CheckpointError(state, f"names the checkpoint {latest!r}, but {prefix}.index "
                                     "does not exist", missing=True)
    return prefix


_FIELD = re.compile(rb'\s*([A-Za-z_][A-Za-z0-9_]*)\s*:\s*"((?:[^"\\\n]|\\.)*)"\s*', re.S)
_ESCAPE = re.compile(rb'\\(?:([0-7]{1,3})|x([0-9A-Fa-f]{1,2})|(.))', re.S)
_SIMPLE = {b"n": b"\n", b"t": b"\t", b"r": b"\r", b"a": b"\a", b"b": b"\b", b"f": b"\f",
           b"v": b"\v", b"\\": b"\\", b"'": b"'", b'"': b'"', b"?": b"?"}


def parse_state(text: bytes, where: str = STATE_FILE) -> str | None:
    """model_checkpoint_path of a CheckpointState text proto (the last one wins, as in
    protobuf's text format); None if it has none."""
    latest = None
    for line_no, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped or stripped.startswith(b"#"):
            continue
        found = _FIELD.fullmatch(line)
        if not found:
            raise CheckpointError(where, f"line {line_no} is not a 'name: \"value\"' field "
                                         "of a checkpoint state file")
        if found.group(1) == b"model_checkpoint_path":
            latest = _unescape(found.group(2), where, line_no)
    return latest


def _unescape(raw: bytes, where: str, line_no: int) -> str:
    def one(m):
        if m.group(1):
            return bytes([int(m.group(1), 8) & 0xFF])
        if m.group(2):
            return bytes([int(m.group(2), 16)])
        if m.group(3) in _SIMPLE:
            return _SIMPLE[m.group(3)]
        raise CheckpointError(where, f"line {line_no}: unknown escape \\{m.group(3)!r}")
    try:
        return _ESCAPE.sub(one, raw).decode("utf-8")
    except UnicodeDecodeError:
        raise CheckpointError(where, f"line {line_no}: the path is not UTF-8") from None


# ------------------------------------------------------------------- reading


def read_checkpoint(path: str, *, verify: bool = True) -> Checkpoint:
    """The index of the checkpoint `path` names (see `resolve`); `CheckpointError`
    if it cannot be found or read.  `verify` checks every block's CRC-32C."""
    prefix = resolve(path)
    return read_index(prefix + ".index", prefix=prefix, verify=verify)


def read_index(index_path: str, *, prefix: str | None = None,
               verify: bool = True) -> Checkpoint:
    """Decode the `.index` file itself."""
    try:
        with open(index_path, "rb") as f:
            data = f.read()
    except OSError as exc:
        raise CheckpointError(index_path, f"cannot be read ({exc.strerror or exc})") from None
    try:
        return decode(data, index_path, prefix, verify=verify)
    except table.Unsupported as exc:
        raise CheckpointError(index_path, str(exc), unsupported=True) from None
    except Corrupt as exc:
        raise CheckpointError(index_path, str(exc), kind=exc.kind) from None


def decode(data: bytes, index_path: str = "<index>", prefix: str | None = None, *,
           verify: bool = True) -> Checkpoint:
    """The Checkpoint of index bytes (raises `Corrupt` or `table.Unsupported`)."""
    data = bytes(data)
    keys, spans = table.read_entries(data, verify=verify)
    if not keys:
        raise Corrupt("the table is empty: no header entry")
    if keys[0] != b"":
        raise Corrupt("the table has no header entry (its first key is not the empty key)")
    header = _checked_header(decode_header(data, spans[0], spans[1]))
    # the keys are sorted: the slices' keys (starting with byte 0) come right after ""
    first = bisect.bisect_left(keys, b"\x01", 1)
    names, distinct = tensor_names(keys[first:])
    spans = spans[2 * first:]
    try:
        heads = entry_heads(data, spans, trusted=verify)
    except BadEntry as exc:
        raise Corrupt(f"the entry of {names[exc.index]!r} is not a BundleEntryProto "
                      f"({exc})") from None
    if not distinct and len(set(names)) < len(names):
        names, heads, spans = _last_of_each_name(names, heads, spans)
    return Checkpoint(prefix if prefix is not None else index_path[:-len(".index")],
                      index_path, header, names, heads, data, spans, first - 1)


def tensor_names(keys: list[bytes]) -> tuple[list[str], bool]:
    """(the tensors' names, whether they are surely distinct) of their keys: UTF-8,
    an invalid byte written as `\\xNN` (Python's backslashreplace, so two keys
    may read as one name).  All keys are decoded at once when they hold no
    newline and are valid UTF-8 together (then each one is, and the names are
    as distinct as the keys)."""
    joined = b"\n".join(keys)
    if joined.count(b"\n") == len(keys) - 1:
        try:
            return joined.decode("utf-8").split("\n"), True
        except UnicodeDecodeError:
            pass
    return [key.decode("utf-8", "backslashreplace") for key in keys], False


def _last_of_each_name(names, heads, spans):
    """Keys that read as one name (as a dict of the names keeps them): the name
    where it first comes, with the last of its keys' entries."""
    last: dict[str, int] = {}
    for i, name in enumerate(names):
        last[name] = i
    return (list(last), [heads[i] for i in last.values()],
            [x for i in last.values() for x in (spans[2 * i], spans[2 * i + 1])])


def _checked_header(header: Header) -> Header:
    """tensor_bundle.cc's version check (CheckVersions against kTensorBundleVersion)."""
    if header.min_consumer > BUNDLE_VERSION:
        raise Corrupt(f"the checkpoint needs a reader of bundle version "
                      f"{header.min_consumer} or newer (this one reads version "
                      f"{BUNDLE_VERSION})")
    if BUNDLE_VERSION in header.bad_consumers:
        raise Corrupt(f"the checkpoint disallows readers of bundle version {BUNDLE_VERSION}")
    return header
