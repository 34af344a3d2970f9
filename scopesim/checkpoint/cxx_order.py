"""The order in which TensorFlow's checkpoint reader hands out its key maps.

`CheckpointReader.get_variable_to_shape_map()` (and `_dtype_map`) are C++
`std::unordered_map<string, ...>` (tensor_slice_reader.h: VarToShapeMap)
filled in the index's key order (checkpoint_reader.cc, BuildV2VarMaps) and
turned into a Python dict in the map's iteration order.  TensorFlow 2.21's
Linux wheels use GNU libstdc++, so that order is the one of libstdc++'s
`_Hashtable`: the string hash `std::_Hash_bytes(s, len, 0xc70f6907)`
(64-bit Murmur), buckets sized by `_Prime_rehash_policy` (max load factor
1, growth factor 2, the library's prime list), one singly linked list of
nodes in which a node for an empty bucket goes to the front of the list and
any other node to the front of its bucket's run; a rehash relinks the nodes
in list order by the same rule.  Error texts that print the map
("Tensor x is not found in ... checkpoint {...}") need this order.
"""

from __future__ import annotations

import bisect
import math

_MASK = (1 << 64) - 1
_MUL = (0xC6A4A793 << 32) + 0x5BD1E995
_SEED = 0xC70F6907

#: `std::__detail::__prime_list` of libstdc++ (hashtable-aux.cc), up to 5e7 buckets.
_PRIMES = (
    2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83,
    89, 97, 103, 109, 113, 127, 137, 139, 149, 157, 167, 179, 193, 199, 211, 227, 241, 257,
    277, 293, 313, 337, 359, 383, 409, 439, 467, 503, 541, 577, 619, 661, 709, 761, 823,
    887, 953, 1031, 1109, 1193, 1289, 1381, 1493, 1613, 1741, 1879, 2029, 2179, 2357, 2549,
    2753, 2971, 3209, 3469, 3739, 4027, 4349, 4703, 5087, 5503, 5953, 6427, 6949, 7517,
    8123, 8783, 9497, 10273, 11113, 12011, 12983, 14033, 15173, 16411, 17749, 19183, 20753,
    22447, 24281, 26267, 28411, 30727, 33223, 35933, 38873, 42043, 45481, 49201, 53201,
    57557, 62233, 67307, 72817, 78779, 85229, 92203, 99733, 107897, 116731, 126271, 136607,
    147793, 159871, 172933, 187091, 202409, 218971, 236897, 256279, 277261, 299951, 324503,
    351061, 379787, 410857, 444487, 480881, 520241, 562841, 608903, 658753, 712697, 771049,
    834181, 902483, 976369, 1056323, 1142821, 1236397, 1337629, 1447153, 1565659, 1693859,
    1832561, 1982627, 2144977, 2320627, 2510653, 2716249, 2938679, 3179303, 3439651,
    3721303, 4026031, 4355707, 4712381, 5098259, 5515729, 5967347, 6456007, 6984629,
    7556579, 8175383, 8844859, 9569143, 10352717, 11200489, 12117689, 13109983, 14183539,
    15345007, 16601593, 17961079, 19431899, 21023161, 22744717, 24607243, 26622317,
    28802401, 31160981, 33712729, 36473443, 39460231, 42691603, 46187573, 49969847,
)
#: `_Prime_rehash_policy::_M_next_bkt`'s table for fewer than 14 buckets.
_FAST_BUCKETS = (2, 2, 2, 3, 5, 5, 7, 7, 11, 11, 11, 11, 13, 13)


def _shift_mix(v: int) -> int:
    return v ^ (v >> 47)


def hash_bytes(data: bytes) -> int:
    """`std::_Hash_bytes(data, len, 0xc70f6907)` on a 64-bit target
    (`std::hash<std::string>`)."""
    n = len(data)
    h = (_SEED ^ (n * _MUL)) & _MASK
    aligned = n & ~7
    for i in range(0, aligned, 8):
        word = int.from_bytes(data[i:i + 8], "little")
        word = (_shift_mix((word * _MUL) & _MASK) * _MUL) & _MASK
        h = ((h ^ word) * _MUL) & _MASK
    if n & 7:
        h = ((h ^ int.from_bytes(data[aligned:], "little")) * _MUL) & _MASK
    h = (_shift_mix(h) * _MUL) & _MASK
    return _shift_mix(h)


class _RehashPolicy:
    """`std::__detail::_Prime_rehash_policy` with max_load_factor 1."""

    def __init__(self) -> None:
        self.next_resize = 0

    def next_bucket_count(self, n: int) -> int:
        """`_M_next_bkt(n)`."""
        if n < len(_FAST_BUCKETS):
            if n == 0:
                return 1
            self.next_resize = _FAST_BUCKETS[n]
            return _FAST_BUCKETS[n]
        found = bisect.bisect_left(_PRIMES, n, 6)
        if found >= len(_PRIMES):
            from ..errors import NotSimulated
            raise NotSimulated("the key order of a checkpoint with more than 50 million keys")
        self.next_resize = _PRIMES[found]
        return _PRIMES[found]

    def need_rehash(self, buckets: int, elements: int, inserted: int) -> int | None:
        """`_M_need_rehash`: the new bucket count, or None."""
        if elements + inserted <= self.next_resize:
            return None
        wanted = max(elements + inserted, 0 if self.next_resize else 11)
        if wanted >= buckets:
            return self.next_bucket_count(max(math.floor(wanted) + 1, buckets * 2))
        self.next_resize = buckets
        return None


def unordered_map_order(keys) -> list:
    """The iteration order of a `std::unordered_map<std::string, T>` into
    which the distinct strings `keys` were inserted in the order given."""
    codes = [hash_bytes(k.encode("utf-8", "surrogateescape")) for k in keys]
    policy = _RehashPolicy()
    nbuckets = 1
    # The list as `after[i]` links (-1: the end); `first` is the node after
    # `_M_before_begin`; `bucket_before[b]` the node before bucket b's run
    # (-2 for `_M_before_begin`), or None.
    after: list[int] = [-1] * len(codes)
    first = -1
    bucket_before: list = [None]
    for i, code in enumerate(codes):
        grown = policy.need_rehash(nbuckets, i, 1)
        if grown is not None:
            nbuckets = grown
            first, bucket_before = _rehash(codes, after, first, nbuckets)
        b = code % nbuckets
        before = bucket_before[b]
        if before is not None:
            if before == -2:
                after[i], first = first, i
            else:
                after[i], after[before] = after[before], i
        else:
            after[i], first = first, i
            if after[i] != -1:
                bucket_before[codes[after[i]] % nbuckets] = i
            bucket_before[b] = -2
    order = []
    node = first
    while node != -1:
        order.append(keys[node])
        node = after[node]
    return order


def _rehash(codes, after, first, nbuckets):
    """`_Hashtable::_M_rehash_aux(n, true_type)`: relink every node, in list order."""
    buckets: list = [None] * nbuckets
    node = first
    new_first = -1
    begin_bucket = 0
    while node != -1:
        nxt = after[node]
        b = codes[node] % nbuckets
        before = buckets[b]
        if before is None:
            after[node], new_first = new_first, node
            buckets[b] = -2
            if after[node] != -1:
                buckets[begin_bucket] = node
            begin_bucket = b
        elif before == -2:
            after[node], new_first = new_first, node
        else:
            after[node], after[before] = after[before], node
        node = nxt
    return new_first, buckets
