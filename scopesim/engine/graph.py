"""The graph: ops in creation order, the name registry and the name-scope stack.

Mirrors the parts of `framework/ops.py` `Graph` that decide names:
`Graph.name_scope` (the stack, uniquified entry, absolute re-entry with a
trailing `/`, reset with `""`) and `Graph._create_op_internal` (explicit op
names are uniquified, names ending in `/` are used as they are, and a clash
is "Duplicate node name in graph").
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Iterator

from ..errors import TFRuntimeError, TFValueError
from .names import NameRegistry, check_node_name, check_scope_name
from .shapes import Shape


@dataclass(eq=False, slots=True)
class Op:
    """An operation.  `owner` is the op name of the variable it belongs to
    (initializer ops, the variable op, `Assign`, `read`), else None."""

    name: str
    type: str
    owner: str | None = None
    outputs: list["Tensor"] = field(default_factory=list)


@dataclass(eq=False, slots=True)
class Tensor:
    """Output `index` of `op`; `name` is `op:index` as TensorFlow prints it."""

    op: Op
    index: int
    shape: Shape
    dtype: str

    @property
    def name(self) -> str:
        return f"{self.op.name}:{self.index}"


class Graph:
    def __init__(self) -> None:
        self.names = NameRegistry()
        self.name_stack = ""                  # Graph._name_stack, no trailing '/'
        self.ops: list[Op] = []
        self._ops_by_name: dict[str, Op] = {}

    # ------------------------------------------------------------ names

    def unique_name(self, name: str, mark_as_used: bool = True) -> str:
        """`Graph.unique_name`: `name` relative to the current name scope."""
        if self.name_stack:
            name = self.name_stack + "/" + name
        return self.names.unique_name(name, mark_as_used)

    def get_name_scope(self) -> str:
        """`Graph.get_name_scope()`: the stack without trailing `/`."""
        return self.name_stack

    @contextmanager
    def name_scope(self, name: str | None) -> Iterator[str]:
        """`Graph.name_scope(name)`; yields the scope string (`""` or ending in `/`).

        - falsy name: back to the root;
        - name ending in `/`: absolute re-entry, nothing marked as used;
        - otherwise: `unique_name(name)` relative to the current scope.
        The name is validated first, as given, against the root or the
        nested pattern.
        """
        if name:
            check_scope_name(name, at_root=not self.name_stack)
        old = self.name_stack
        if not name:
            new, entered = "", ""
        elif name.endswith("/"):
            new, entered = name[:-1], name
        else:
            new = self.unique_name(name)
            entered = new + "/"
        self.name_stack = new
        try:
            yield entered
        except BaseException:
            self.name_stack = old
            raise
        if self.name_stack != new:   # a balance check of ours; TensorFlow just restores
            raise TFRuntimeError("Improper nesting of name_scope.")
        self.name_stack = old

    # -------------------------------------------------------------- ops

    def create_op(self, op_type: str, name: str | None = None, *,
                  outputs: tuple[tuple[Shape, str], ...] = ()) -> Op:
        """`Graph._create_op_internal`: the op `name` (default: its type) is
        uniquified in the current scope unless it ends with `/`; the full
        name is then checked and must not exist yet."""
        if name is None:
            name = op_type
        if name.endswith("/"):
            name = name[:-1]
        else:
            name = self.unique_name(name)
        check_node_name(name)
        if name in self._ops_by_name:
            raise TFValueError(f"Duplicate node name in graph: '{name}'", name=name)
        op = Op(name, op_type)
        op.outputs = [Tensor(op, i, shape, dtype) for i, (shape, dtype) in enumerate(outputs)]
        self.ops.append(op)
        self._ops_by_name[name] = op
        return op

    def has_op(self, name: str) -> bool:
        return name in self._ops_by_name

    def claim_ops_since(self, start: int, owner: str) -> None:
        """Mark the ops created since `len(ops) == start` as `owner`'s."""
        for op in self.ops[start:]:
            op.owner = owner
