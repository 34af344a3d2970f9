"""A LevelDB-style table (SSTable), the format of a checkpoint's `.index` file.

Facts from LevelDB's table_format.md and TensorFlow's copy of it
(tsl/lib/io/format.cc, block.cc, block_builder.cc, table.cc):

* The file is `[data block]* [metaindex block] [index block] [footer]`.
* The footer is the last 48 bytes: the metaindex block handle, then the index
  block handle (each a varint64 offset and a varint64 size), zero padding up
  to byte 40, then the magic number 0xdb4775248b80fb57 as a little-endian
  fixed64.
* After each block comes a 5-byte trailer: a compression byte (0 none,
  1 snappy) and the masked CRC-32C (little-endian fixed32) of the block's
  bytes followed by the compression byte.  A handle's size excludes it.
* A block is a sequence of entries, then an array of little-endian uint32
  restart offsets, then their count (uint32).  An entry is varint32
  `shared`, varint32 `non_shared`, varint32 `value_length`, the non-shared
  key bytes, the value; its key is the first `shared` bytes of the previous
  key followed by the non-shared bytes.  An entry at a restart offset shares
  nothing.
* The index block has one entry per data block, in order: its key is at
  least the block's last key, its value the data block's handle.
* Keys are sorted as raw bytes, strictly increasing.
"""

from __future__ import annotations

from .crc32c import crc32c, unmask
from .errors import Corrupt
from .proto import varint

MAGIC = 0xDB4775248B80FB57
FOOTER_SIZE = 48
TRAILER_SIZE = 5


class Unsupported(Corrupt):
    """A valid table the reader cannot read (a compressed block)."""

    def __init__(self, message: str):
        super().__init__(message, "unsupported")


def read_footer(data) -> tuple[tuple[int, int], tuple[int, int]]:
    """(metaindex handle, index handle) from the footer, each (offset, size)."""
    if len(data) < FOOTER_SIZE:
        raise Corrupt(f"the file is {len(data)} bytes long, too short for a table "
                      f"(its footer alone is {FOOTER_SIZE} bytes)", "short")
    footer = len(data) - FOOTER_SIZE
    magic = int.from_bytes(data[footer + 40:], "little")
    if magic != MAGIC:
        raise Corrupt(f"not a checkpoint index: the last 8 bytes are not the table "
                      f"magic number 0x{MAGIC:016x} (they read 0x{magic:016x})", "magic")
    pos = footer
    handles = []
    for what in ("metaindex", "index"):
        try:
            offset, pos = varint(data, pos, footer + 40)
            size, pos = varint(data, pos, footer + 40)
        except Corrupt as exc:
            raise Corrupt(f"the footer's {what} block handle is unreadable ({exc})") from None
        handles.append(_check_handle((offset, size), footer, f"the footer's {what} block"))
    return handles[0], handles[1]


def _check_handle(handle: tuple[int, int], limit: int, what: str) -> tuple[int, int]:
    offset, size = handle
    if offset + size + TRAILER_SIZE > limit:
        raise Corrupt(f"{what} (offset {offset}, size {size}) runs past byte {limit}")
    return handle


def block_contents(data, handle: tuple[int, int], what: str, *, verify: bool = True):
    """The bytes of the block at `handle` (a memoryview), its trailer checked."""
    offset, end = checked_block(data, handle, what, verify=verify)
    return memoryview(data)[offset:end]


def checked_block(data, handle: tuple[int, int], what: str, *,
                  verify: bool = True) -> tuple[int, int]:
    """(start, end) of the block at `handle` in `data` once its trailer is checked:
    the masked CRC-32C of the block and its compression byte (format.cc's
    ReadBlock), and the compression byte (none; snappy is Unsupported)."""
    offset, size = handle
    end = offset + size
    compression = data[end]
    if verify:
        stored = unmask(int.from_bytes(data[end + 1:end + TRAILER_SIZE], "little"))
        actual = crc32c(memoryview(data)[offset:end + 1])
        if stored != actual:
            raise Corrupt(f"{what} (offset {offset}, size {size}) fails its checksum "
                          f"(stored CRC-32C 0x{stored:08x}, computed 0x{actual:08x})", "checksum")
    if compression == 1:
        raise Unsupported(f"{what} (offset {offset}) is snappy-compressed, which this "
                          "reader does not support (TensorFlow writes checkpoint indexes "
                          "uncompressed)")
    if compression != 0:
        raise Corrupt(f"{what} (offset {offset}) has compression type {compression}, "
                      "which no table writer uses")
    return offset, end


def block_entries(block, what: str):
    """Yield (key bytes, value start, value end) of each entry of a block, in order;
    value positions are inside `block`."""
    block = bytes(block)
    keys, spans = walk_block(block, 0, len(block), what)
    for i, key in enumerate(keys):
        yield key, spans[2 * i], spans[2 * i + 1]


def _entry_head(data: bytes, pos: int, limit: int) -> tuple[int, int, int, int]:
    """(shared, non_shared, value_length, position after them) of the entry at `pos`."""
    shared, pos = varint(data, pos, limit)
    non_shared, pos = varint(data, pos, limit)
    value_length, pos = varint(data, pos, limit)
    return shared, non_shared, value_length, pos


def walk_block(data: bytes, start: int, end: int, what: str) -> tuple[list, list]:
    """The entries of the block data[start:end] (block.cc's Block::Iter, every
    entry in order): (their keys, [value start, value end, ...] in `data`).

    One loop over the entries: the three varints of an entry are nearly always
    one byte each, read as such (a byte of 0x80 or more: read as varints; the
    restart array after the entries is at least 8 bytes, so the three bytes
    are inside the block; an entry that overruns the entries is an error)."""
    size = end - start
    if size < 4:
        raise Corrupt(f"{what} is {size} bytes long, too short for its restart count")
    restarts = int.from_bytes(data[end - 4:end], "little")
    if restarts == 0 or 4 * (restarts + 1) > size:
        raise Corrupt(f"{what} has an impossible restart count ({restarts})")
    limit = end - 4 * (restarts + 1)
    first_restart = int.from_bytes(data[limit:limit + 4], "little")
    if first_restart != 0:
        raise Corrupt(f"{what}'s first restart offset is {first_restart}, not 0")
    keys: list[bytes] = []
    spans: list[int] = []
    if start >= limit:
        return keys, spans
    shared, non_shared, value_length, pos = _entry_head(data, start, limit)
    key_end = pos + non_shared
    if key_end + value_length > limit:
        raise Corrupt(f"{what}: the entry at byte {pos - start} runs past the end of the "
                      "entries")
    if shared:
        raise Corrupt(f"{what}: its first entry shares {shared} bytes with no key")
    key = data[pos:key_end]
    keys.append(key)
    pos = key_end + value_length
    spans += (key_end, pos)
    key_length = non_shared
    add_key, add_span = keys.append, spans.append
    while pos < limit:
        shared, non_shared, value_length = data[pos], data[pos + 1], data[pos + 2]
        if (shared | non_shared | value_length) < 0x80:
            pos += 3
        else:
            shared, non_shared, value_length, pos = _entry_head(data, pos, limit)
        key_end = pos + non_shared
        if key_end + value_length > limit:
            raise Corrupt(f"{what}: the entry at byte {pos - start} runs past the end of "
                          "the entries")
        if shared > key_length:
            raise Corrupt(f"{what}: the entry at byte {pos - start} shares {shared} bytes "
                          f"of a {key_length}-byte key")
        new_key = key[:shared] + data[pos:key_end]
        if new_key <= key:
            raise Corrupt(f"{what}: keys out of order at byte {pos - start}")
        key = new_key
        key_length = shared + non_shared
        add_key(key)
        add_span(key_end)
        pos = key_end + value_length
        add_span(pos)
    return keys, spans


def read_entries(data: bytes, *, verify: bool = True) -> tuple[list, list]:
    """Every entry of the table's data blocks in key order (table.cc's two-level
    iterator: the index block, then each data block it names): (keys, [value
    start, value end, ...] in `data`)."""
    _meta, index_handle = read_footer(data)
    index_start, index_end = checked_block(data, index_handle, "the index block",
                                           verify=verify)
    separators, handles = walk_block(data, index_start, index_end, "the index block")
    keys: list[bytes] = []
    spans: list[int] = []
    data_end = index_handle[0]
    for number, separator in enumerate(separators):
        start, end = handles[2 * number], handles[2 * number + 1]
        try:
            offset, pos = varint(data, start, end)
            size, pos = varint(data, pos, end)
        except Corrupt as exc:
            raise Corrupt(f"the index block's entry {number} is not a block handle "
                          f"({exc})") from None
        what = f"data block {number}"
        _check_handle((offset, size), data_end, what)
        block_start, block_end = checked_block(data, (offset, size), what, verify=verify)
        block_keys, block_spans = walk_block(data, block_start, block_end, what)
        if block_keys:
            if keys and block_keys[0] <= keys[-1]:
                raise Corrupt(f"{what}: keys out of order with the previous block")
            if block_keys[-1] > separator:
                raise Corrupt(f"{what}'s last key sorts after its index key")
            keys += block_keys
            spans += block_spans
    return keys, spans
