"""CRC-32C (Castagnoli), as LevelDB's and TensorFlow's `crc32c` compute it.

The reflected polynomial is 0x82F63B78; the register starts at all ones and
is inverted at the end (so `crc32c(b"123456789") == 0xE3069283`).  A table
block stores the checksum *masked* (`mask`): rotated right by 15 bits, plus
0xA282EAD8, so that a CRC of data that itself holds CRCs stays unlikely.

Pure Python, two ways.  Short inputs: one loop step folds a 32-bit word
through the four 256-entry tables of one to four byte steps (slicing by 4;
two 65536-entry tables would halve the lookups, but making them costs more
than all the short inputs of a checkpoint's blocks take).  Long
inputs (`_LANES_FROM` bytes and more) are cut into n lanes of L bytes that
are hashed side by side, the n registers held as four integers of n bytes
each (one per register byte): a step xors in byte i of every lane and looks
up the table for all lanes at once with `bytes.translate`, so the Python
loop runs L times, not n * L.  CRC is linear over GF(2), so the lanes'
registers (each started from zero) are then chained: register = shift_L(
register) ^ lane, where shift_L (the effect of L zero bytes) is a linear map
kept as four 256-entry tables.  Tables are made on first use.
"""

from __future__ import annotations

import math
import sys

_POLY = 0x82F63B78
_MASK_DELTA = 0xA282EAD8


def _byte_tables() -> list[list[int]]:
    """t[k][b]: the register after byte b, then k zero bytes, from a zero register."""
    first = []
    for n in range(256):
        c = n
        for _ in range(8):
            c = (c >> 1) ^ _POLY if c & 1 else c >> 1
        first.append(c)
    tables = [first]
    for _ in range(3):
        prev = tables[-1]
        tables.append([(prev[n] >> 8) ^ first[prev[n] & 0xFF] for n in range(256)])
    return tables


_BYTE = _byte_tables()


def extend(crc: int, data) -> int:
    """The CRC-32C of the bytes hashed into `crc` so far followed by `data`
    (`extend(0, b)` is the CRC of `b`)."""
    c = crc ^ 0xFFFFFFFF
    view = memoryview(data).cast("B")
    n = len(view)
    if n >= _LANES_FROM:
        length = 1 << (math.isqrt(n).bit_length() - 1)   # a power of two: few shift tables
        count = n // length
        c = _chain(c, _lanes(bytes(view[:count * length]), count, length), length)
        view = view[count * length:]
        n = len(view)
    return _words(c, view, n) ^ 0xFFFFFFFF


def _words(c: int, view, n: int) -> int:
    t0, t1, t2, t3 = _BYTE
    whole = n - n % 4 if n >= 64 and sys.byteorder == "little" else 0
    if whole:
        for word in view[:whole].cast("I"):
            c ^= word
            c = t3[c & 0xFF] ^ t2[(c >> 8) & 0xFF] ^ t1[(c >> 16) & 0xFF] ^ t0[c >> 24]
    for byte in view[whole:]:
        c = t0[(c ^ byte) & 0xFF] ^ (c >> 8)
    return c


_LANES_FROM = 4096
_TRANSLATE: list[bytes] = []
_SHIFT: dict[int, list[list[int]]] = {}


def _lanes(data: bytes, count: int, length: int, start=None) -> list[int]:
    """The registers after hashing lane j = data[j*length:(j+1)*length] from
    register start[j] (all zero by default), for j < count."""
    if not _TRANSLATE:
        t0 = _BYTE[0]
        _TRANSLATE.extend(bytes((t0[v] >> (8 * k)) & 0xFF for v in range(256))
                          for k in range(4))
    b0, b1, b2, b3 = _TRANSLATE
    fb = int.from_bytes
    if start is None:
        r0 = r1 = r2 = r3 = 0
    else:
        r0, r1, r2, r3 = (fb(bytes((x >> (8 * k)) & 0xFF for x in start), "little")
                          for k in range(4))
    for i in range(length):
        index = (r0 ^ fb(data[i::length], "little")).to_bytes(count, "little")
        r0 = fb(index.translate(b0), "little") ^ r1
        r1 = fb(index.translate(b1), "little") ^ r2
        r2 = fb(index.translate(b2), "little") ^ r3
        r3 = fb(index.translate(b3), "little")
    p0, p1, p2, p3 = (r.to_bytes(count, "little") for r in (r0, r1, r2, r3))
    return [p0[j] | p1[j] << 8 | p2[j] << 16 | p3[j] << 24 for j in range(count)]


def _chain(c: int, registers: list[int], length: int) -> int:
    """The register after hashing the lanes in order, from register c."""
    tables = _SHIFT.get(length)
    if tables is None:
        # the images of the 32 one-bit registers under `length` zero bytes
        basis = _lanes(bytes(32 * length), 32, length, [1 << k for k in range(32)])
        tables = []
        for part in range(4):
            table = [0] * 256
            for v in range(1, 256):
                low = v & -v
                table[v] = table[v ^ low] ^ basis[8 * part + low.bit_length() - 1]
            tables.append(table)
        _SHIFT[length] = tables
    s0, s1, s2, s3 = tables
    for r in registers:
        c = s0[c & 0xFF] ^ s1[(c >> 8) & 0xFF] ^ s2[(c >> 16) & 0xFF] ^ s3[c >> 24] ^ r
    return c


def crc32c(data) -> int:
    """The CRC-32C of `data` (bytes, bytearray or memoryview)."""
    return extend(0, data)


def mask(crc: int) -> int:
    """The masked form a table trailer stores (LevelDB's `crc32c::Mask`)."""
    return (((crc >> 15) | (crc << 17)) + _MASK_DELTA) & 0xFFFFFFFF


def unmask(masked: int) -> int:
    """The inverse of `mask`."""
    rot = (masked - _MASK_DELTA) & 0xFFFFFFFF
    return ((rot >> 17) | (rot << 15)) & 0xFFFFFFFF
