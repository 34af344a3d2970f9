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
    `/`).  The last stack that passed is remembered."""
    if stack is _VALID_PREFIX[0]:
        return True
    if VALID_OP_NAME_REGEX.match(stack + "/") is None:
        return False
    _VALID_PREFIX[0] = stack
    return True


class NameRegistry:
    """`Graph._names_in_use`: lower-cased full name -> use counter."""

    def __init__(self) -> None:
        self.in_use: dict[str, int] = {}

    def unique_name(self, name: str, mark_as_used: bool = True) -> str:
        """`Graph.unique_name` with the name stack already prefixed.

        The counter of the base key keeps growing while each generated
        suffix key is set to 1; a suffix already taken (`m_1` made by hand)
        is skipped.  The caller's capitalisation is kept.
        """
        key = name.lower()
        if key == name:
            key = name                    # one string for the name and its key
        i = self.in_use.get(key, 0)
        if mark_as_used:
            self.in_use[key] = i + 1
        if i > 0:
            base = key
            while key in self.in_use:
                key = "%s_%d" % (base, i)
                i += 1
            if mark_as_used:
                self.in_use[key] = 1
            name = "%s_%d" % (name, i - 1)
        return name
