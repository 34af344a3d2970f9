"""`scopesim diff A B --suggest-map`: the smallest assignment map that loads B into A.

`tf.train.init_from_checkpoint(B, assignment_map)` (checkpoint_utils.
_init_from_checkpoint) maps checkpoint names to the names of A's variable
store: a single entry `{"enc/w1": "enc/kernel"}` loads one variable; a scope
entry `{"enc/": "model/encoder/"}` loads EVERY store variable under
`model/encoder/` from the same path under `enc/` (`"/"` is the root on
either side), and fails if one of them is not in the checkpoint.  So the
map is found in two steps:

1. `pair_keys`: which checkpoint key each variable of A should come from:
   the same name; else a scope renaming shared by many variables (the
   deepest common path suffix votes for a prefix rule); else, inside the
   scope the variable's scope maps to, the one key of the same shape and
   dtype (when that pairing is unique both ways).  Shapes and dtypes always
   agree.  A variable with no such key is what no map can explain.
2. `smallest_map`: over A's scope tree, a scope entry wherever one entry
   loads every paired variable beneath it correctly and every other store
   variable beneath it from a key of its shape and dtype; below a scope
   where that fails, the best of its sub-scopes and single entries.

`suggest` then proves the map: `resolve_assignment_map` (assignment.py,
init_from_checkpoint's own validation and errors) must accept it and load
exactly the pairs.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import accumulate

from ..errors import TFValueError
from .assignment import resolve_assignment_map

#: At most this many keys of one deepest shared suffix vote for scope rules.
_VOTERS = 8
#: At most this many A names vote in one round of rule finding.
_SAMPLE = 2048


@dataclass
class Suggestion:
    """A proven assignment map and what it leaves out."""

    assignment_map: dict            # {checkpoint key or scope: A name or scope}, printed order
    pairs: dict                     # {A name: B key} the map loads
    unexplained: list               # (A name, reason): no map can load them
    unused: list                    # B keys the map does not read
    notes: list = field(default_factory=list)
    also_loaded: int = 0            # other store variables a scope entry loads


def compatible(a, b) -> bool:
    """Shapes and dtypes that agree where both are known."""
    if a == b:          # the same (shape, dtype): nearly always
        return True
    (sa, da), (sb, db) = a, b
    if sa is not None and sb is not None and list(sa) != list(sb):
        return False
    return da is None or db is None or da == db


def _parent(name: str) -> str:
    """The scope of a name with its trailing slash (`""` at the root)."""
    cut = name.rfind("/")
    return name[:cut + 1]


# ------------------------------------------------------------------ pairing


def pair_keys(wanted: dict, b: dict) -> dict:
    """{A name: B key} for the A names in `wanted` ({name: (shape, dtype)}) that a
    checkpoint key of `b` explains (see the module docstring)."""
    pairs = {n: n for n, info in wanted.items() if n in b and compatible(info, b[n])}
    free_a = {n: info for n, info in wanted.items() if n not in pairs and n not in b}
    free_b = {n: info for n, info in b.items() if n not in wanted}
    rules: dict = {}             # in the order found: a dict as an ordered set
    while free_a and free_b:
        found = _scope_rules(free_a, free_b)
        before = len(free_a)
        _pair_by_rules(found, free_a, free_b, pairs)
        rules.update(dict.fromkeys(found))
        if len(free_a) == before:
            break
    _pair_unique_in_scope(list(rules), free_a, free_b, pairs)
    return pairs


def _scope_rules(free_a: dict, free_b: dict) -> list:
    """Prefix rules (A prefix, B prefix) by votes: unpaired A names (at most
    _SAMPLE of them, evenly spread) vote for the rules of the B keys sharing
    their deepest path suffix (the whole name below some scope on both sides)
    with their shape and dtype.  The keys ending in a suffix are found by
    bisection in the keys spelled backwards, sorted.  pair_keys asks again
    while the rules pair more names."""
    backwards = sorted(name[::-1] for name in free_b)
    names = list(free_a)
    step = max(1, len(names) // _SAMPLE)
    votes: dict = {}
    for name in names[::step]:
        info = free_a[name]
        cut = -1
        while True:
            suffix = name[cut + 1:]
            hits = _ending_in(backwards, suffix)
            if hits:
                a_prefix = name[:cut + 1]
                hits = [k for k in hits if compatible(info, free_b[k])]
                if len(hits) <= _VOTERS:
                    for key in hits:
                        rule = (a_prefix, key[:len(key) - len(suffix)])
                        if rule[0] != rule[1]:
                            votes[rule] = votes.get(rule, 0) + 1
                break
            cut = name.find("/", cut + 1)
            if cut == -1:
                break
    return sorted(votes, key=lambda r: (-votes[r], -len(r[0]), r))


def _ending_in(backwards: list, suffix: str) -> list:
    """The keys that are `suffix` or end in `/suffix` (at most _VOTERS + 1 of them)."""
    found = []
    tail = suffix[::-1]
    at = bisect_left(backwards, tail)
    if at < len(backwards) and backwards[at] == tail:
        found.append(suffix)
    tail += "/"
    at = bisect_left(backwards, tail)
    while at < len(backwards) and backwards[at].startswith(tail) and len(found) <= _VOTERS:
        found.append(backwards[at][::-1])
        at += 1
    return found


def _pair_by_rules(rules, free_a, free_b, pairs) -> None:
    """Each unpaired A name by the best rule whose A prefix it has and whose key
    is there (shape and dtype agreeing), each key used once."""
    if not rules:
        return
    if len(rules) == 1:
        _pair_by_one_rule(rules[0], free_a, free_b, pairs)
        return
    rank: dict = {}
    for i, (a_prefix, b_prefix) in enumerate(rules):
        rank.setdefault(a_prefix, []).append((i, b_prefix))
    lengths = sorted({len(p) for p in rank})
    used = set()
    key_info = free_b.get
    for name, info in list(free_a.items()):
        options = []
        for length in lengths:
            if length > len(name):
                break
            found = rank.get(name[:length])
            if found:
                options += found
        if not options:
            continue
        if len(options) > 1:
            options.sort()
        for i, b_prefix in options:
            key = b_prefix + name[len(rules[i][0]):]
            other = key_info(key)
            if other is not None and key not in used and compatible(info, other):
                pairs[name] = key
                used.add(key)
                del free_a[name]
                break
    for key in used:
        del free_b[key]


def _pair_by_one_rule(rule, free_a, free_b, pairs) -> None:
    """_pair_by_rules with one rule: each name under its A prefix maps to a key of
    its own (no two to one key), so none is taken before its name comes."""
    a_prefix, b_prefix = rule
    cut = len(a_prefix)
    key_info = free_b.get
    found = [(name, key) for name, info in free_a.items() if name.startswith(a_prefix)
             and (other := key_info(key := b_prefix + name[cut:])) is not None
             and (other == info or compatible(info, other))]
    for name, key in found:
        pairs[name] = key
        del free_a[name]
        del free_b[key]


def _pair_unique_in_scope(rules, free_a, free_b, pairs) -> None:
    """A renamed variable: the one key of its shape and dtype in the scope that
    its own scope maps to, when no other variable there has that shape and dtype."""
    def group(names, scope_of):
        groups: dict = {}
        for name, (shape, dtype) in names.items():
            if shape is None or dtype is None:
                continue
            groups.setdefault((scope_of(name), tuple(shape), dtype), []).append(name)
        return groups

    def mapped_scope(name):
        scope = _parent(name)
        for a_prefix, b_prefix in rules:
            if scope.startswith(a_prefix):
                return b_prefix + scope[len(a_prefix):]
        return scope

    a_groups = group(free_a, mapped_scope)
    b_groups = group(free_b, _parent)
    for where, names in a_groups.items():
        keys = b_groups.get(where)
        if len(names) == 1 and keys and len(keys) == 1:
            pairs[names[0]] = keys[0]


# ------------------------------------------------------------- the map


def smallest_map(pairs: dict, store: dict, b: dict) -> dict:
    """The fewest entries that load every pair, scope entries where valid.  `store`
    is A's variable store as scope entries see it ({name: (shape, dtype)}, a
    partitioned variable once under its full name), `b` the checkpoint's keys.

    A's names sorted: the names under a scope are a run (those starting with
    "x/" lie below "x0"), so the scope tree is walked over index ranges, the
    outermost scope first."""
    names = list(store)
    names += [name for name in pairs if name not in store]
    names.sort()        # (the store's names come sorted: little to do)
    paired = list(accumulate(map(pairs.__contains__, names), initial=0))
    scope_entries: dict = {}
    singles: dict = {}
    stack = [("", 0, len(names))]
    while stack:
        scope, lo, hi = stack.pop()
        if paired[hi] == paired[lo]:
            continue
        first = names[bisect_left(paired, paired[lo] + 1, lo + 1) - 1]
        b_scope = _scope_source(names, lo, hi, scope, first, pairs, store, b)
        if b_scope is not None and (b_scope or "/") not in scope_entries:
            scope_entries[b_scope or "/"] = scope or "/"
            continue
        children = []
        at, depth = lo, len(scope)
        while at < hi:
            name = names[at]
            cut = name.find("/", depth)
            if cut == -1:
                if name in pairs:
                    singles[pairs[name]] = name
                at += 1
                continue
            child = name[:cut + 1]
            end = bisect_left(names, name[:cut] + "0", at, hi)
            children.append((child, at, end))
            at = end
        stack.extend(reversed(children))
    return {**dict(sorted(scope_entries.items())), **dict(sorted(singles.items()))}


def _scope_source(names, lo, hi, scope, first, pairs, store, b):
    """The B scope from which one entry loads the whole of `scope` (names[lo:hi])
    rightly, or None: every paired name must read its pair, every other store
    name a key of its shape and dtype."""
    rest = first[len(scope):]
    key = pairs[first]
    if not key.endswith(rest) or not (len(key) == len(rest) or key[-len(rest) - 1] == "/"):
        return None
    b_scope = key[:len(key) - len(rest)]
    depth = len(scope)
    pair_of, key_info = pairs.get, b.get
    for name in names[lo:hi]:
        full = b_scope + name[depth:]
        pair = pair_of(name)
        if pair is not None:
            if pair != full:
                return None
        else:
            info = key_info(full)
            if info is None or not compatible(store[name], info):
                return None
    return b_scope


# ---------------------------------------------------------------- suggest


def collapsed_store(store: dict, full_keys: dict) -> dict:
    """A store as scope entries walk it: parts `NAME/part_K` once as NAME (cut at the
    first '/part_', as _init_from_checkpoint cuts), with the full shape of NAME
    from A's keys when known."""
    if "/part_" not in "\n".join(store):     # (a name holds it, or none does)
        return dict(store)
    out: dict = {}
    for name, info in store.items():
        if "/part_" in name:
            name = name[:name.index("/part_")]
            info = full_keys.get(name, (None, info[1]))
        out[name] = info
    return out


def suggest(wanted: dict, a_keys: dict, store: dict | None, b: dict,
            checkpoint: dict | None = None) -> Suggestion:
    """The proven smallest map loading the `wanted` names of A from the keys `b`.
    `store` is A's variable store ({name: (shape, dtype)}, parts as the store
    holds them), None when A is a key list (then every key of A is taken as a
    store variable); `checkpoint` all of B's keys when `b` leaves some out
    (--model-only): a scope entry may also load A's other store variables
    from them, as init_from_checkpoint does, if their shapes and dtypes agree."""
    notes = []
    if store is None:
        store = dict(a_keys)
        notes.append("A is not a program: the map takes every key of A for a tf.get_variable "
                     "variable (a tf.Variable is not in the store init_from_checkpoint "
                     "looks names up in)")
    checkpoint = b if checkpoint is None else checkpoint
    view = collapsed_store(store, a_keys)
    loadable = {name: info for name, info in wanted.items() if name in view}
    unexplained = [(name, "not made by tf.get_variable: init_from_checkpoint finds it by "
                          "name only if it is in the variable store (pass the variable "
                          "object itself)") for name in wanted if name not in view]
    pairs = pair_keys(loadable, b)
    unexplained += [(name, _why_not(name, loadable[name], b))
                    for name in loadable if name not in pairs]
    unknown = sum(shape is None for shape, _ in checkpoint.values())
    if unknown:
        notes.append(f"{unknown} key{'s' if unknown > 1 else ''} of B without a known shape: "
                     "the map is checked by name there")
    assignment_map = smallest_map(pairs, view, checkpoint)
    assignment_map, loaded = _proven(assignment_map, pairs, store, view, checkpoint)
    used = set(pairs.values())
    return Suggestion(assignment_map, pairs, sorted(unexplained),
                      sorted(k for k in b if k not in used), notes,
                      len(loaded - set(pairs)))


def _why_not(name, info, b) -> str:
    if name in b:
        return "the checkpoint's key of this name has another shape or dtype"
    return "no key of the checkpoint matches it (by name, scope or shape)"


def _proven(assignment_map: dict, pairs: dict, store: dict, view: dict, b: dict):
    """(map, names it loads): the map, once resolve_assignment_map (TensorFlow's
    validation) has loaded every pair with it (and any other variable from a
    key of its shape and dtype); else the map of single entries, proven the
    same way."""
    checkpoint = b
    if any(shape is None for shape, _ in b.values()):
        sources = {key: name for name, key in pairs.items()}
        checkpoint = {}
        for key, (shape, dtype) in b.items():
            if shape is None:   # unknown (a key list): the paired variable's, to check names
                shape = view.get(sources.get(key), (None,))[0]
            checkpoint[key] = ([] if shape is None else shape, dtype)
    singles = (lambda: {pairs[n]: n for n in sorted(pairs, key=pairs.get)})
    for candidate in (assignment_map, None):
        if candidate is None:
            candidate = singles()
        try:
            loaded = resolve_assignment_map(candidate, checkpoint, store)
        except TFValueError:
            continue
        names = _loads_rightly(loaded, pairs, view, b)
        if names is not None:
            return candidate, names
    raise AssertionError("no assignment map passes init_from_checkpoint's validation")


def _loads_rightly(loaded: dict, pairs: dict, view: dict, b: dict):
    """The names loaded (a part: its full name) if every pair is loaded from its
    key and every other loaded store variable from a key of its shape and
    dtype; else None."""
    seen = set()
    add, pair_of = seen.add, pairs.get
    for name, key in loaded.items():
        full = name[:name.index("/part_")] if "/part_" in name and name not in view else name
        pair = pair_of(full)
        if pair is None:
            if not compatible(view[full], b[key]):
                return None
        elif pair != key:
            return None
        add(full)
    return seen if seen.issuperset(pairs) else None
