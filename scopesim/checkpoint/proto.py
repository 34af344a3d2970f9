"""The few protobuf messages of a checkpoint index, decoded by hand.

Wire format (protobuf's encoding docs): a message is a sequence of fields,
each a varint key `field_number << 3 | wire_type` and a value: wire type 0 a
varint, 1 eight bytes, 2 a varint length and that many bytes, 5 four bytes
(3 and 4, groups, never occur here and are an error).  Fields not known are
skipped, a repeated field appears once per item, the last of a repeated
scalar wins.  int64/int32 values are varints of the two's-complement
64-bit value (a negative number takes ten bytes).

Messages (tensorflow/core/protobuf/tensor_bundle.proto, framework/
tensor_shape.proto, tensor_slice.proto, versions.proto):

    BundleHeaderProto  1 num_shards int32, 2 endianness enum (LITTLE 0, BIG 1),
                       3 version VersionDef (1 producer, 2 min_consumer,
                       3 bad_consumers repeated)
    BundleEntryProto   1 dtype enum, 2 shape TensorShapeProto, 3 shard_id int32,
                       4 offset int64, 5 size int64, 6 crc32c fixed32,
                       7 slices repeated TensorSliceProto
    TensorShapeProto   2 dim repeated (1 size int64, 2 name string),
                       3 unknown_rank bool
    TensorSliceProto   1 extent repeated (1 start int64, 2 length int64;
                       no length = the full extent)
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .errors import Corrupt

#: DataType enum values (framework/types.proto) -> `tf.DType.name`, as TF 2.21 names them.
DTYPE_NAMES = {
    1: "float32", 2: "float64", 3: "int32", 4: "uint8", 5: "int16", 6: "int8",
    7: "string", 8: "complex64", 9: "int64", 10: "bool", 11: "qint8", 12: "quint8",
    13: "qint32", 14: "bfloat16", 15: "qint16", 16: "quint16", 17: "uint16",
    18: "complex128", 19: "float16", 20: "resource", 21: "variant", 22: "uint32",
    23: "uint64", 24: "float8_e5m2", 25: "float8_e4m3fn", 26: "float8_e4m3fnuz",
    27: "float8_e4m3b11fnuz", 28: "float8_e5m2fnuz", 29: "int4", 30: "uint4",
    31: "int2", 32: "uint2", 33: "float4_e2m1fn",
}

_TWO64 = 1 << 64
_TWO63 = 1 << 63


def varint(buf, pos: int, end: int) -> tuple[int, int]:
    """(value, position after it) of the varint at `pos`; at most 10 bytes."""
    if pos >= end:
        raise Corrupt("a number runs past the end of its field")
    b = buf[pos]
    if b < 0x80:
        return b, pos + 1
    result = b & 0x7F
    shift = 7
    pos += 1
    while True:
        if pos >= end:
            raise Corrupt("a number runs past the end of its field")
        b = buf[pos]
        pos += 1
        result |= (b & 0x7F) << shift
        if b < 0x80:
            break
        shift += 7
        if shift > 63:
            raise Corrupt("a number is longer than ten bytes")
    if result >= _TWO64:
        raise Corrupt("a number does not fit in 64 bits")
    return result, pos


def signed64(value: int) -> int:
    """An int64 field's value from its varint."""
    return value if value < _TWO63 else value - _TWO64


def signed32(value: int) -> int:
    """An int32 field's value (sign-extended to 64 bits on the wire, truncated)."""
    value &= 0xFFFFFFFF
    return value - (1 << 32) if value >= (1 << 31) else value


def fields(buf, pos: int, end: int):
    """Yield (field_number, wire_type, value) of a message's fields; for wire type 2
    the value is (start, end) of the bytes."""
    while pos < end:
        key, pos = varint(buf, pos, end)
        number, wire = key >> 3, key & 7
        if number == 0:
            raise Corrupt("a field has number 0")
        if wire == 0:
            value, pos = varint(buf, pos, end)
        elif wire == 2:
            length, pos = varint(buf, pos, end)
            if length > end - pos:
                raise Corrupt("a field's length runs past the end of its message")
            value = (pos, pos + length)
            pos += length
        elif wire == 5:
            if pos + 4 > end:
                raise Corrupt("a 4-byte field runs past the end of its message")
            value = int.from_bytes(buf[pos:pos + 4], "little")
            pos += 4
        elif wire == 1:
            if pos + 8 > end:
                raise Corrupt("an 8-byte field runs past the end of its message")
            value = int.from_bytes(buf[pos:pos + 8], "little")
            pos += 8
        else:
            raise Corrupt(f"field {number} has wire type {wire}, which these messages "
                          "never use")
        yield number, wire, value


def _expect(wire: int, want: int, what: str) -> None:
    if wire != want:
        raise Corrupt(f"{what} has wire type {wire} (expected {want})")


@dataclass
class Header:
    """BundleHeaderProto."""

    num_shards: int = 0
    endianness: str = "LITTLE"
    producer: int = 0
    min_consumer: int = 0
    bad_consumers: list[int] = field(default_factory=list)


def decode_header(buf, start: int, end: int) -> Header:
    header = Header()
    for number, wire, value in fields(buf, start, end):
        if number == 1:
            _expect(wire, 0, "num_shards")
            header.num_shards = signed32(value)
        elif number == 2:
            _expect(wire, 0, "endianness")
            header.endianness = {0: "LITTLE", 1: "BIG"}.get(value, str(value))
        elif number == 3:
            _expect(wire, 2, "version")
            for n2, w2, v2 in fields(buf, *value):
                if w2 != 0:
                    continue
                if n2 == 1:
                    header.producer = signed32(v2)
                elif n2 == 2:
                    header.min_consumer = signed32(v2)
                elif n2 == 3:
                    header.bad_consumers.append(signed32(v2))
    return header


def dtype_name(dtype: int) -> str:
    """`tf.DType.name` of a DataType enum value (an unknown one as `<DataType N>`)."""
    name = DTYPE_NAMES.get(dtype)
    return name if name is not None else f"<DataType {dtype}>"


class Entry:
    """BundleEntryProto: one saved tensor (or one slice of a partitioned one).

    `dtype` and `shape` (a list; None for an unknown rank) are given; the
    other fields (`shard_id`, `offset`, `size`, `crc32c`, `slices`: a list
    of [(start, length or -1 for the full extent)...] per slice) are decoded
    when first used, from the entry's bytes (`Corrupt` then if they do not
    decode)."""

    __slots__ = ("dtype", "shape", "_raw", "_rest")

    def __init__(self, dtype: int = 0, shape: list[int] | None = None, raw: bytes = b"",
                 rest: tuple | None = None):
        self.dtype = dtype
        self.shape = [] if shape is None and rest is None and not raw else shape
        self._raw = raw
        self._rest = rest

    def _fields(self) -> tuple:
        if self._rest is None:
            self._rest = _decode_full(self._raw, 0, len(self._raw))[2]
        return self._rest

    shard_id = property(lambda self: self._fields()[0])
    offset = property(lambda self: self._fields()[1])
    size = property(lambda self: self._fields()[2])
    crc32c = property(lambda self: self._fields()[3])
    slices = property(lambda self: self._fields()[4])

    @property
    def dtype_name(self) -> str:
        return dtype_name(self.dtype)

    def __repr__(self) -> str:
        return f"Entry(dtype={self.dtype_name}, shape={self.shape})"


def decode_shape(buf, start: int, end: int) -> list[int] | None:
    dims: list[int] = []
    unknown = False
    for number, wire, value in fields(buf, start, end):
        if number == 2:
            _expect(wire, 2, "a shape's dim")
            size = 0
            for n2, w2, v2 in fields(buf, *value):
                if n2 == 1:
                    _expect(w2, 0, "a dim's size")
                    size = signed64(v2)
            dims.append(size)
        elif number == 3:
            _expect(wire, 0, "unknown_rank")
            unknown = bool(value)
    return None if unknown else dims


def decode_slice(buf, start: int, end: int) -> list[tuple[int, int]]:
    extents = []
    for number, wire, value in fields(buf, start, end):
        if number == 1:
            _expect(wire, 2, "a slice's extent")
            first, length = 0, -1
            for n2, w2, v2 in fields(buf, *value):
                if n2 == 1:
                    _expect(w2, 0, "an extent's start")
                    first = signed64(v2)
                elif n2 == 2:
                    _expect(w2, 0, "an extent's length")
                    length = signed64(v2)
            extents.append((first, length))
    return extents


class BadEntry(Corrupt):
    """An entry that is not a BundleEntryProto: `index` says which (of `entry_heads`)."""

    def __init__(self, index: int, cause: Corrupt):
        super().__init__(str(cause), cause.kind)
        self.index = index


def entry_heads(buf: bytes, spans: list[int], *, trusted: bool = True) -> list[tuple]:
    """(dtype, shape as a tuple or None for an unknown rank, dtype name) of each
    BundleEntryProto buf[spans[2i]:spans[2i + 1]], as `Entry` needs them.

    The bundle writer puts dtype and shape first (fields 1 and 2, each with a
    one-byte key and length: bytes 08 D 12 L, then L bytes of shape).  Of a
    `trusted` entry (its block's checksum held) in that form only those two
    fields are decoded, and once per distinct 4 + L bytes (most tensors share
    a dtype and shape); any other entry, and every one not trusted, is
    decoded whole now (`BadEntry` if it does not decode)."""
    known: dict[bytes, tuple] = {}
    if trusted:
        # the head's length comes from its fourth byte, and a head longer than its
        # entry is never looked up (a table block's entries are followed by its
        # restart array: the fourth byte is there even for an entry of fewer bytes)
        lookup = known.get
        pairs = iter(spans)
        try:
            return [(lookup(buf[start:head_end]) or _head(buf, start, end, known, True))
                    if (head_end := start + 4 + buf[start + 3]) <= end
                    else _head(buf, start, end, known, True)
                    for start, end in zip(pairs, pairs)]
        except (Corrupt, IndexError):
            pass        # found again below, with the entry it is in
    heads = []
    for i in range(len(spans) // 2):
        try:
            heads.append(_head(buf, spans[2 * i], spans[2 * i + 1], known, trusted))
        except Corrupt as exc:
            raise BadEntry(i, exc) from None
    return heads


def _head(buf: bytes, start: int, end: int, known: dict, trusted: bool) -> tuple:
    """entry_heads' answer for one entry not found among the `known` heads (a head
    in the writer's form is added to them)."""
    if trusted and end - start >= 4 and buf[start] == 0x08 and buf[start + 1] < 0x80 \
            and buf[start + 2] == 0x12 and buf[start + 3] < 0x80 \
            and start + 4 + buf[start + 3] <= end:
        head_end = start + 4 + buf[start + 3]
        shape = decode_shape(buf, start + 4, head_end)
        dtype = buf[start + 1]
        head = (dtype, None if shape is None else tuple(shape), dtype_name(dtype))
        known[buf[start:head_end]] = head
        return head
    dtype, shape, _rest = _decode_full(buf, start, end)
    return dtype, None if shape is None else tuple(shape), dtype_name(dtype)


def _decode_full(buf, start: int, end: int) -> tuple:
    """(dtype, shape, (shard_id, offset, size, crc32c, slices)) of a BundleEntryProto
    (the loop of `fields`, written out)."""
    dtype, shape, shard_id, offset, size, crc, slices = 0, [], 0, 0, 0, 0, []
    pos = start
    while pos < end:
        key = buf[pos]
        if key < 0x80:
            pos += 1
        else:
            key, pos = varint(buf, pos, end)
        number, wire = key >> 3, key & 7
        if wire == 0:
            if pos < end and buf[pos] < 0x80:
                value = buf[pos]
                pos += 1
            else:
                value, pos = varint(buf, pos, end)
        elif wire == 2:
            if pos < end and buf[pos] < 0x80:
                length = buf[pos]
                pos += 1
            else:
                length, pos = varint(buf, pos, end)
            if length > end - pos:
                raise Corrupt("a field's length runs past the end of its message")
            value = pos
            pos += length
        elif wire == 5:
            if pos + 4 > end:
                raise Corrupt("a 4-byte field runs past the end of its message")
            value = int.from_bytes(buf[pos:pos + 4], "little")
            pos += 4
        elif wire == 1:
            if pos + 8 > end:
                raise Corrupt("an 8-byte field runs past the end of its message")
            value = int.from_bytes(buf[pos:pos + 8], "little")
            pos += 8
        else:
            raise Corrupt(f"field {number} has wire type {wire}, which these messages "
                          "never use")
        if number == 1:
            _expect(wire, 0, "dtype")
            dtype = signed32(value)
        elif number == 2:
            _expect(wire, 2, "shape")
            shape = decode_shape(buf, value, pos)
        elif number == 3:
            _expect(wire, 0, "shard_id")
            shard_id = signed32(value)
        elif number == 4:
            _expect(wire, 0, "offset")
            offset = signed64(value)
        elif number == 5:
            _expect(wire, 0, "size")
            size = signed64(value)
        elif number == 6:
            _expect(wire, 5, "crc32c")
            crc = value
        elif number == 7:
            _expect(wire, 2, "slices")
            slices.append(decode_slice(buf, value, pos))
        elif number == 0:
            raise Corrupt("a field has number 0")
    return dtype, shape, (shard_id, offset, size, crc, slices)
