"""What a run produces: printed lines, variables, ops, and the error if any.

A `RunResult` is plain data.  The CLI renders it as text or JSON, `check`
compares it with a sample's expectation, `verify` compares it with
TensorFlow's.  `to_json()` is exactly the JSON object of the contract.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .span import Span
from .errors import ProgramError


@dataclass(frozen=True)
class VariableInfo:
    """One entry of `tf.global_variables()`.

    `name` is `var.name` (`scope1/variable1:0`); `store_key` is the key of
    the get_variable store (`scope1/variable1`; it can differ from the op name,
    and is None for `tf.Variable`).  `handles` are the program's handles bound
    to this very variable, in binding order; `defined_at` is the statement that
    created it.
    """

    name: str
    shape: tuple[int | None, ...] | None     # None: unknown rank
    dtype: str
    trainable: bool
    kind: str                       # "get_variable" or "Variable"
    store_key: str | None = None
    handles: tuple[str, ...] = ()
    defined_at: Span | None = None

    @property
    def op_name(self) -> str:
        return self.name.rsplit(":", 1)[0]

    def to_json(self) -> dict:
        return {"name": self.name,
                "shape": None if self.shape is None else list(self.shape), "dtype": self.dtype,
                "trainable": self.trainable}


@dataclass(frozen=True, slots=True)
class OpInfo:
    """One op of `graph.get_operations()`.  `owner` is the op name of the
    variable this op was created for (its initializer ops, `Assign`, `read`,
    and the variable op itself), None for every other op."""

    name: str
    type: str
    owner: str | None = None

    def to_json(self) -> dict:
        return {"name": self.name, "type": self.type}


@dataclass
class RunResult:
    output: list[str] = field(default_factory=list)
    variables: list[VariableInfo] = field(default_factory=list)
    ops: list[OpInfo] = field(default_factory=list)
    error: ProgramError | None = None
    collections: dict[str, list[str]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.error is None

    def to_json(self) -> dict:
        return {
            "output": list(self.output),
            "variables": [v.to_json() for v in self.variables],
            "ops": [o.to_json() for o in self.ops],
            "collections": dict(self.collections),
            "error": self.error.to_json() if self.error else None,
        }
