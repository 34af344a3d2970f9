"""Variable scopes: `VariableScope` objects and the per-graph scope store.

Mirrors `ops/variable_scope.py`: `VariableScope`, `_VariableScopeStore`
(current scope and `variable_scopes_count`), `_get_unique_variable_scope`
and the enter/exit logic of `variable_scope` / `_pure_variable_scope`.
The name scope each entry opens is the graph's business (`Graph.name_scope`);
`Engine.variable_scope` in `engine.py` ties the two together.  `_ReuseMode`
(`tf.AUTO_REUSE`) is defined here, as TensorFlow defines it in that module.
"""

from __future__ import annotations

from dataclasses import dataclass


class ReuseMode:
    """`variable_scope._ReuseMode`, an enum of one member: `tf.AUTO_REUSE`."""

    __slots__ = ()

    def __str__(self) -> str:
        return "_ReuseMode.AUTO_REUSE"

    def __repr__(self) -> str:
        return "<_ReuseMode.AUTO_REUSE: 1>"


#: `tf.AUTO_REUSE`: the value of `auto`, and a scope's reuse flag.
AUTO_REUSE = ReuseMode()


@dataclass(eq=False, slots=True)
class VariableScope:
    """`tf.compat.v1.VariableScope`: identity matters (handles compare with `is`).

    `reuse` is False, True or AUTO_REUSE; `original_name_scope` is TF's
    `_name_scope`.  `initializer` is an `ast.Initializer` or None.
    """

    reuse: bool | ReuseMode
    name: str = ""
    original_name_scope: str = ""
    dtype: str = "float32"
    initializer: object = None

    def reuse_variables(self) -> None:
        """`VariableScope.reuse_variables()`: mutates this very object."""
        self.reuse = True


class _CountNode:
    __slots__ = ("name", "parent", "count", "dirty")

    def __init__(self, name: str | None, parent: "_CountNode | None") -> None:
        self.name = name
        self.parent = parent
        self.count = 0
        #: children that have, or lead to, a nonzero count (see `ScopeCounts`)
        self.dirty: dict[int, _CountNode] = {}


class ScopeCounts:
    """`_VariableScopeStore.variable_scopes_count`, with linear cost.

    TensorFlow keeps a flat dict keyed by full scope name; closing a scope
    scans *every* key to zero the ones below it, and entering a scope object
    copies the whole dict (both quadratic over a program).  Here each key is
    a node linked to its parent (the name up to its last `/`), and every
    nonzero count is reachable from the root through `dirty` links, so
    closing a scope visits only the nonzero counts below it, each once per
    increment.  An object scope's snapshot is a mark in an undo log.  The
    observable counts are exactly TensorFlow's.
    """

    def __init__(self) -> None:
        self._root = _CountNode(None, None)
        self._nodes: dict[str, _CountNode] = {}
        self._log: list[tuple[_CountNode, int]] = []
        self._marks = 0                       # open snapshots; log only while > 0
        self._restores = 0                    # invalidates the default-name hints
        self._hints: dict[str, tuple[int, int]] = {}

    def _node(self, name: str) -> _CountNode:
        node = self._nodes.get(name)
        if node is None:
            parent = self._node(name.rsplit("/", 1)[0]) if "/" in name else self._root
            node = self._nodes[name] = _CountNode(name, parent)
        return node

    def get(self, name: str) -> int:
        """`variable_scope_count(name)`."""
        node = self._nodes.get(name)
        return 0 if node is None else node.count

    def _set(self, node: _CountNode, value: int) -> None:
        if self._marks:
            self._log.append((node, node.count))
        node.count = value
        if value:
            self._link(node)

    @staticmethod
    def _link(node: _CountNode) -> None:
        """Make `node` reachable from the root through dirty links."""
        parent = node.parent
        while parent is not None and id(node) not in parent.dirty:
            parent.dirty[id(node)] = node
            node, parent = parent, parent.parent

    def open(self, name: str) -> None:
        """`open_variable_scope(name)`: count one more entry."""
        node = self._node(name)
        self._set(node, node.count + 1)

    def close_subscopes(self, name: str) -> None:
        """`close_variable_subscopes(name)`: every key below `name/` back to 0."""
        pending = list(self._node(name).dirty.values())
        self._nodes[name].dirty = {}
        while pending:
            node = pending.pop()
            if node.count:
                if self._marks:
                    self._log.append((node, node.count))
                node.count = 0
            pending.extend(node.dirty.values())
            node.dirty = {}

    def snapshot(self) -> int:
        """`copy.copy(variable_scopes_count)`, as a mark to `restore` to."""
        self._marks += 1
        return len(self._log)

    def restore(self, mark: int) -> None:
        """`variable_scopes_count = snapshot`: undo every change since `mark`."""
        while len(self._log) > mark:
            node, count = self._log.pop()
            node.count = count
            if count:
                self._link(node)
        self._marks -= 1
        self._restores += 1

    def unique_scope_name(self, parent: str, prefix: str) -> str:
        """`_get_unique_variable_scope(prefix)` inside scope `parent`.

        TensorFlow tries `prefix_1`, `prefix_2`, ... from 1 each time.  The
        first free index is remembered; it stays a valid starting point as
        long as `prefix_<hint-1>` is still counted and nothing was restored,
        because siblings are only ever zeroed together (by closing a common
        ancestor).
        """
        name = parent + "/" + prefix if parent else prefix
        if self.get(name) == 0:
            return prefix
        idx, restores = self._hints.get(name, (1, -1))
        if restores != self._restores or (idx > 1 and self.get("%s_%d" % (name, idx - 1)) == 0):
            idx = 1
        while self.get("%s_%d" % (name, idx)) > 0:
            idx += 1
        self._hints[name] = (idx, self._restores)
        return "%s_%d" % (prefix, idx)
