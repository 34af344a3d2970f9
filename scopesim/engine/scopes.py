"""Variable scopes: `VariableScope` objects and the per-graph scope store.

Mirrors `ops/variable_scope.py`: `VariableScope`, `_VariableScopeStore`
(current scope and `variable_scopes_count`), `_get_unique_variable_scope`
and the enter/exit logic of `variable_scope` / `_pure_variable_scope`.
The name scope each entry opens is the graph's business (`Graph.name_scope`);
`enter_variable_scope` in `engine.py` ties the two together.
"""

from __future__ import annotations

from dataclasses import dataclass

AUTO_REUSE = "auto"   # stands for tf.AUTO_REUSE (printed `_ReuseMode.AUTO_REUSE`)


@dataclass(eq=False)
class VariableScope:
    """`tf.compat.v1.VariableScope`: identity matters (handles compare with `is`).

    `reuse` is False, True or AUTO_REUSE; `original_name_scope` is TF's
    `_name_scope`.  `initializer` is an `ast.Initializer` or None.
    """

    reuse: bool | str
    name: str = ""
    original_name_scope: str = ""
    dtype: str = "float32"
    initializer: object = None

    def reuse_variables(self) -> None:
        """`VariableScope.reuse_variables()`: mutates this very object."""
        self.reuse = True


class _CountNode:
    __slots__ = ("children", "count", "written", "reset", "hints")

    def __init__(self) -> None:
        self.children: dict[str, _CountNode] = {}
        self.count = 0
        self.written = 0      # clock of the last write of `count`
        self.reset = 0        # clock of the last close_variable_subscopes(this)
        self.hints: dict[str, tuple[int, int]] | None = None


class ScopeCounts:
    """`_VariableScopeStore.variable_scopes_count`, with linear cost.

    TensorFlow keeps a flat dict keyed by full scope name; closing a scope
    scans *every* key to zero the ones below it, and entering a scope object
    copies the whole dict (both quadratic over a program).  Here keys live in
    a trie of their `/`-separated parts; closing stamps the node with the
    clock (a count is live only if written after every reset of its
    ancestors), and an object scope's snapshot is a mark in an undo log.
    The observable counts are exactly TensorFlow's.
    """

    def __init__(self) -> None:
        self._root = _CountNode()
        self._clock = 0
        self._log: list[tuple] = []
        self._marks = 0            # open snapshots; log only while > 0
        self._restored_at = 0      # clock of the last restore (invalidates hints)

    # -- reads
    def _walk(self, name: str):
        """(node or None, max reset clock of its proper ancestors)."""
        node, reset = self._root, 0
        for part in name.split("/"):
            reset = max(reset, node.reset)
            node = node.children.get(part)
            if node is None:
                return None, reset
        return node, reset

    def get(self, name: str) -> int:
        """`variable_scope_count(name)`."""
        node, reset = self._walk(name)
        if node is None or node.written <= reset:
            return 0
        return node.count

    # -- writes
    def _node(self, name: str) -> tuple[_CountNode, int]:
        node, reset = self._root, 0
        for part in name.split("/"):
            reset = max(reset, node.reset)
            node = node.children.setdefault(part, _CountNode())
        return node, reset

    def _tick(self) -> int:
        self._clock += 1
        return self._clock

    def open(self, name: str) -> None:
        """`open_variable_scope(name)`: count one more entry."""
        node, reset = self._node(name)
        current = node.count if node.written > reset else 0
        if self._marks:
            self._log.append(("count", node, node.count, node.written))
        node.count, node.written = current + 1, self._tick()

    def close_subscopes(self, name: str) -> None:
        """`close_variable_subscopes(name)`: every key below `name/` back to 0."""
        node, _ = self._node(name)
        if self._marks:
            self._log.append(("reset", node, node.reset))
        node.reset = self._tick()

    def snapshot(self) -> int:
        """`copy.copy(variable_scopes_count)`, as a mark to `restore` to."""
        self._marks += 1
        return len(self._log)

    def restore(self, mark: int) -> None:
        """`variable_scopes_count = snapshot`: undo every change since `mark`."""
        while len(self._log) > mark:
            entry = self._log.pop()
            if entry[0] == "count":
                _, node, entry_count, written = entry
                node.count, node.written = entry_count, written
            else:
                entry[1].reset = entry[2]
        self._marks -= 1
        self._restored_at = self._tick()

    # -- _get_unique_variable_scope
    def unique_scope_name(self, parent: str, prefix: str) -> str:
        """`_get_unique_variable_scope(prefix)` inside scope `parent`.

        The first free `prefix_N` is remembered on the parent's node so the
        next search starts there; the hint is dropped when the parent's
        subtree is reset or a snapshot is restored (the only ways a count can
        go down).
        """
        name = parent + "/" + prefix if parent else prefix
        if self.get(name) == 0:
            return prefix
        holder, hint_valid_after = self._hint_holder(parent)
        idx = 1
        hint = holder.hints.get(prefix) if holder.hints else None
        if hint is not None and hint[1] > max(hint_valid_after, self._restored_at):
            idx = hint[0]
        while self.get("%s_%d" % (name, idx)) > 0:
            idx += 1
        if holder.hints is None:
            holder.hints = {}
        holder.hints[prefix] = (idx, self._tick())
        return "%s_%d" % (prefix, idx)

    def _hint_holder(self, parent: str) -> tuple[_CountNode, int]:
        if not parent:
            return self._root, self._root.reset
        node, reset = self._node(parent)
        return node, max(reset, node.reset)
