"""The graph's name registry: `unique_name` and the name validity rules.

Mirrors `Graph.unique_name` and the regexes of `framework/ops.py`
(TensorFlow 2.21).  Every op name and every name scope goes through
`NameRegistry.unique_name`; the bookkeeping keys are lower-cased, so `Foo`,
`foo` and `FOO` count as one name (`Foo`, `foo_1`, `FOO_2`).
"""

from __future__ import annotations

import re

from ..errors import TFValueError

# framework/ops.py: _VALID_OP_NAME_REGEX, _VALID_SCOPE_NAME_REGEX
VALID_OP_NAME_REGEX = re.compile(r"^[A-Za-z0-9.][A-Za-z0-9_.\\/>-]*$")
VALID_SCOPE_NAME_REGEX = re.compile(r"^[A-Za-z0-9_.\\/>-]*$")


#: Names that passed `check_scope_name` (nested, root): the few names given
#: to scopes (`MatMul`, `read`, `Initializer`, ...) are checked once each.
_CHECKED = (set(), set())
_CHECKED_KEPT = 4096


def check_scope_name(name: str, at_root: bool) -> None:
    """`Graph.name_scope`'s check of a truthy name, on the string as given
    (not the full path): root scopes may not start with `_ - / \\ >`."""
    checked = _CHECKED[at_root]
    if type(name) is str and name in checked:
        return
    _check_scope_name(name, at_root)
    if type(name) is str and len(checked) < _CHECKED_KEPT:
        checked.add(name)


def _check_scope_name(name: str, at_root: bool) -> None:
    if at_root:
        if not VALID_OP_NAME_REGEX.match(name):
            raise TFValueError(
                f"'{name}' is not a valid root scope name. A root scope name has to match "
                f"the following pattern: {VALID_OP_NAME_REGEX.pattern}", name=name)
    elif not VALID_SCOPE_NAME_REGEX.match(name):
        raise TFValueError(
            f"'{name}' is not a valid scope name. A scope name has to match "
            f"the following pattern: {VALID_SCOPE_NAME_REGEX.pattern}", name=name)


def check_node_name(name: str) -> None:
    """`_create_c_op`'s check of a full op name (reached first by ops that do
    not open a name scope of their own, such as `tf.constant`)."""
    if not VALID_OP_NAME_REGEX.match(name):
        raise TFValueError(f"`{name}` is not a valid node name. "
                           f"Accepted names conform to Regex /{VALID_OP_NAME_REGEX}/", name=name)


#: The last stack `valid_prefix` passed (a one-entry cache: the ops of one
#: scope come one after another).
_VALID_PREFIX = [""]


def valid_prefix(stack: str) -> bool:
    """Whether `stack + "/" + tail` passes the node-name pattern for every
    `tail` of pattern characters (no newline): whether `stack + "/"` does
    (`$` would let a final newline of `stack` through, not one before the
    `/`).  The last stack that passed is remembered (a str equal to it
    passes too: the name scope and the variable scope of one block are two
    strings)."""
    last = _VALID_PREFIX[0]
    if stack is last:
        return True
    if stack.__class__ is str and last.__class__ is str and stack == last:
        _VALID_PREFIX[0] = stack
        return True
    if VALID_OP_NAME_REGEX.match(stack + "/") is None:
        return False
    _VALID_PREFIX[0] = stack
    return True


class NameRegistry:
    """`Graph._names_in_use`: lower-cased full name -> use counter.

    Most keys are in `_counts`.  A variable replayed from a template
    (`var_templates`) *claims* its keys instead: `_claims` maps the
    variable's lower-cased name to the template's `Claim`, and each key
    `<name><suffix>` of it counts 1 until `unique_name` marks it again (it
    then goes into `_counts`, which is read first).  A claim keeps no
    string of its own: the ten or so keys of a variable's ops cost 90
    bytes each as strings.  `in_use` is the whole registry as one dict
    (every claim written out into `_counts` first), for readers outside
    the engine's fast paths."""

    __slots__ = ("_counts", "_claims", "_claimed_suffixes", "_indexed", "_longer", "_odd")

    def __init__(self) -> None:
        self._counts: dict[str, int] = {}
        self._claims: dict[str, Claim] = {}
        #: a claimed key's last part -> the suffixes ending in it, of every claim made
        self._claimed_suffixes: dict[str, tuple[str, ...]] = {}
        #: the Claim objects whose suffixes `_claimed_suffixes` holds
        self._indexed: set = set()
        #: Claim -> (len(_indexed) then, `_longer_suffixes` of it): see `any_taken`
        self._longer: dict = {}
        #: a claim indexed with a suffix not starting with `/` (`any_taken` then
        #: asks `taken` of each key)
        self._odd = False

    @property
    def in_use(self) -> dict[str, int]:
        """Every key and its counter, the claims written out."""
        counts = self._counts
        for name, claim in self._claims.items():
            for suffix in claim.suffixes:
                counts.setdefault(name + suffix, 1)
        self._claims.clear()
        return counts

    def count(self, key: str) -> int:
        """The counter of lower-cased `key` (0 when not in use)."""
        i = self._counts.get(key)
        if i is not None:
            return i
        return self._claimed(key) if self._claims else 0

    def _claimed(self, key: str) -> int:
        """1 if `key` is a key of a claim (and so not in `_counts`), else 0."""
        suffixes = self._claimed_suffixes.get(key[key.rfind("/") + 1:])
        if suffixes is not None:
            claims = self._claims
            for suffix in suffixes:
                if key.endswith(suffix):
                    claim = claims.get(key[:-len(suffix)])
                    if claim is not None and suffix in claim.suffixes:
                        return 1
        return 0

    def taken(self, key: str) -> bool:
        """Whether lower-cased `key` is in use."""
        if key in self._counts:
            return True
        return bool(self._claims) and self._claimed(key) == 1

    def any_taken(self, low: str, claim: "Claim") -> bool:
        """Whether `taken(low)` or `taken(low + suffix)` for any suffix of
        `claim`, in one pass.

        The keys in `_counts` are looked up at once.  A claimed key is
        `<c><s>` for a claim `c` and one of its suffixes `s` (each starting
        with `/`, as `var_templates` makes them), and every claim's name is in
        `_counts` (`claim` marks it; `in_use` drops the
        claims).  So `low + suffix` is claimed only through a claim `c` that
        is `low` itself, or `low` and a part of `suffix` up to a `/` (in
        `_counts` when that part is a suffix of `claim` too; else a part in
        `claim.inner`, looked up), or a shorter name: `_claimed(low)` for
        `low`, and for the other keys the claimed suffixes longer than one of
        `claim`'s that end with it (`_longer_suffixes`, kept until another
        claim is indexed)."""
        counts = self._counts
        if low in counts or not counts.keys().isdisjoint(map(low.__add__, claim.ordered)):
            return True
        claims = self._claims
        if not claims:
            return False
        if self._odd or not claim.plain:
            return any(self.taken(low + suffix) for suffix in claim.ordered)
        if self._claimed(low):
            return True
        for part in claim.inner:
            other = claims.get(low + part)
            if other is not None:
                cut = len(part)
                for suffix in claim.ordered:
                    if suffix[cut:cut + 1] == "/" and suffix.startswith(part) and \
                            suffix[cut:] in other.suffixes:
                        return True
        found = self._longer.get(claim)
        if found is None or found[0] != len(self._indexed):
            found = self._longer[claim] = (len(self._indexed), self._longer_suffixes(claim))
        for rest, suffix in found[1]:
            if low.endswith(rest):
                other = claims.get(low[:-len(rest)])
                if other is not None and suffix in other.suffixes:
                    return True
        return False

    def _longer_suffixes(self, claim: "Claim") -> tuple:
        """(`r`, `s`) for each claimed suffix `s` (of every claim indexed)
        that is `r` followed by one of `claim`'s suffixes, `r` not empty."""
        found = []
        index = self._claimed_suffixes
        for mine in claim.ordered:
            for suffix in index.get(mine[mine.rfind("/") + 1:], ()):
                if len(suffix) > len(mine) and suffix.endswith(mine):
                    found.append((suffix[:-len(mine)], suffix))
        return tuple(found)

    def claim(self, name: str, claim: "Claim") -> None:
        """Mark `name` and every key `name + suffix` of `claim` as used once
        (`name`: lower case; none of those keys in use)."""
        self._counts[name] = 1
        self._claims[name] = claim
        if claim not in self._indexed:
            self._indexed.add(claim)
            if not claim.plain:
                self._odd = True
            found = self._claimed_suffixes
            for leaf, suffixes in claim.leaves.items():
                known = found.get(leaf, ())
                found[leaf] = known + tuple(s for s in suffixes if s not in known)

    def unique_name(self, name: str, mark_as_used: bool = True) -> str:
        """`Graph.unique_name` with the name stack already prefixed.

        The counter of the base key keeps growing while each generated
        suffix key is set to 1; a suffix already taken (`m_1` made by hand)
        is skipped.  The caller's capitalisation is kept.
        """
        key = name.lower()
        if key == name:
            key = name                    # one string for the name and its key
        counts = self._counts
        i = counts.get(key)
        if i is None:
            # (`_claimed(key)`, called only when a claimed suffix ends in key's last part)
            i = self._claimed(key) if self._claims and key[key.rfind("/") + 1:] in \
                self._claimed_suffixes else 0
        if mark_as_used:
            counts[key] = i + 1
        if i > 0:
            base = key
            while key in counts or (self._claims and self._claimed(key)):
                key = "%s_%d" % (base, i)
                i += 1
            if mark_as_used:
                counts[key] = 1
            name = "%s_%d" % (name, i - 1)
        return name


class Claim:
    """The registry keys of a template's variable, as suffixes of its
    lower-cased name (`NameRegistry.claim`); `leaves` indexes them by their
    last part; `ordered` is `suffixes` as a tuple, `plain` whether each
    starts with `/`, `inner` the parts of suffixes up to a `/` that are no
    suffix themselves (`NameRegistry.any_taken`)."""

    __slots__ = ("suffixes", "leaves", "ordered", "plain", "inner")

    def __init__(self, suffixes) -> None:
        self.suffixes = frozenset(suffixes)
        self.ordered = tuple(self.suffixes)
        self.plain = all(suffix[:1] == "/" for suffix in self.ordered)
        self.inner = tuple(sorted({suffix[:i] for suffix in self.ordered
                                   for i in range(1, len(suffix)) if suffix[i] == "/"} -
                                  self.suffixes))
        leaves: dict[str, tuple[str, ...]] = {}
        for suffix in self.suffixes:
            leaf = suffix[suffix.rfind("/") + 1:]
            leaves[leaf] = leaves.get(leaf, ()) + (suffix,)
        self.leaves = leaves
