"""Control flow v1's `cond` (`ops/cond.py` with `control_flow_ops.CondContext`),
as TF 2.21 builds it in graph mode after `disable_v2_behavior()`: what
`nn.zero_fraction` (and later `tf.cond`) makes.

In `cond/`: `Switch(pred, pred)`, its outputs' `switch_t` / `switch_f`
Identities (the branches' pivots) and `pred_id`; each branch built inside
its `CondContext`: an op made there that reads a tensor from outside gets
that tensor through a `Switch(x, pred_id)` made right after it, in its own
name scope (`NotEqual/Switch`; one per tensor and branch), and an op without
inputs gets the pivot as a control input; then a `Merge` of the two results
(false branch first), whose first output is the value.  Each branch's
context is named `cond_text` (uniquified in `cond/`, as a name the graph
uses) and both go to the `cond_context` collection.
"""

from __future__ import annotations

from .graph import Graph, Tensor
from .math import identity
from .opdef import graph_from_inputs, name_scope

#: `GraphKeys.COND_CONTEXT`: where a cond outside any other context keeps its two contexts.
COND_CONTEXT = "cond_context"


class CondContext:
    """`control_flow_ops.CondContext` of one branch, inside the context the
    graph is in when it is made (its outer context, None at the top)."""

    def __init__(self, g: Graph, pred: Tensor, pivot: Tensor, branch: int,
                 name: str = "cond_text") -> None:
        self._g = g
        self._outer = g._cond_context
        self._name = g.unique_name(name)
        self._pred = pred
        self._pivot = pivot
        self._branch = branch
        self._values = {pred.name, pivot.name}
        self._external = {pred.name: pred}
        self._ops = {pivot._op}

    @property
    def name(self) -> str:
        return self._name

    @property
    def outer_context(self):
        return self._outer

    @property
    def pred(self) -> Tensor:
        return self._pred

    @property
    def pivot(self) -> Tensor:
        return self._pivot

    @property
    def branch(self) -> int:
        return self._branch

    def add_value(self, value: Tensor) -> Tensor:
        """`CondContext.AddValue`: an outside tensor (through the outer
        context's own Switch first, when nested) through a Switch on
        `pred_id`, made outside any context and control dependencies
        (`control_dependencies(None)`), once; the Switch's output is a
        value of this context and of every outer one."""
        if value.name in self._values:
            return self._external.get(value.name, value)
        self._values.add(value.name)
        real = value
        if self._outer is not None:
            real = self._outer.add_value(value)
            self._values.add(real.name)
            self._external[real.name] = real
        g = self._g
        saved = g._control_stack, g._cond_context
        g._control_stack, g._cond_context = [], None
        try:
            switch = _switch(g, real, self._pred)
        finally:
            g._control_stack, g._cond_context = saved
        real = switch.outputs[self._branch]
        context = self
        while context is not None:
            context._values.add(real.name)
            context = context._outer
        self._external[value.name] = real
        return real

    def process_output(self, value: Tensor) -> Tensor:
        """`CondContext._ProcessOutputTensor`: a branch result made outside
        the branch (`lambda: x`) through a Switch made in the branch (after
        the outer context's own, when nested)."""
        if value.name in self._values:
            return self._external.get(value.name, value)
        self._values.add(value.name)
        real = value
        if self._outer is not None:
            real = self._outer.add_value(value)
            self._values.add(real.name)
            self._external[real.name] = real
        real = _switch(self._g, real, self._pred).outputs[self._branch]
        self._external[value.name] = real
        return real

    def add_op(self, op) -> None:
        """`CondContext._AddOpInternal`: outside inputs switched in, an op
        without inputs under the pivot's control; its outputs join the
        values of this context and of every outer one."""
        self._ops.add(op)
        if not op._inputs:
            if not any(c in self._ops for c in op._control_inputs):
                op._control_inputs = [*op._control_inputs, self._pivot._op]
        else:
            inputs = list(op._inputs)
            for i, x in enumerate(inputs):
                real = self.add_value(x)
                if real is not x:
                    inputs[i] = real
            op._inputs = tuple(inputs)
        names = [t.name for t in op._outputs]
        context = self
        while context is not None:
            context._values.update(names)
            context = context._outer


def _switch(g: Graph, data: Tensor, pred: Tensor):
    """`gen_control_flow_ops.switch(data, pred)` named `Switch` in the
    current scope: two outputs of data's shape and dtype."""
    return g.create_op("Switch", "Switch", outputs=((data._dims, data._dt),) * 2,
                       inputs=(data, pred), attrs={"T": data._dt})


def _merge(g: Graph, inputs: list) -> Tensor:
    """`control_flow_ops.merge(inputs)` -> `gen_control_flow_ops.merge`:
    the value (the inputs' shapes merged where they agree) and its int32
    index."""
    dims = inputs[0]._dims
    for t in inputs[1:]:
        if dims is None or t._dims is None or len(dims) != len(t._dims):
            dims = None
            break
        dims = tuple(a if a == b else None for a, b in zip(dims, t._dims))
    op = g.create_op("Merge", "Merge", outputs=((dims, inputs[0]._dt), ((), "int32")),
                     inputs=tuple(inputs), attrs={"T": inputs[0]._dt, "N": len(inputs)})
    return op.outputs[0]


def _branch(g: Graph, context: CondContext, fn) -> Tensor:
    """`CondContext.BuildCondBranch` of a branch returning one tensor or an
    op: a tensor through `process_output`; an op (an assert's guard) as
    `with_dependencies([op], pivot)`, the pivot's `control_dependency`
    Identity under the op's control."""
    from .weights_broadcast import control_dependencies
    from .opdef import name_scope as _scope
    saved, g._cond_context = g._cond_context, context
    try:
        result = fn()
        if isinstance(result, Tensor):
            result = context.process_output(result)
        else:
            with _scope(g, None, "control_dependency") as scope:
                with control_dependencies(g, [result]):
                    result = identity(g, context.pivot, name=scope)
    finally:
        g._cond_context = saved
    return result


def cond(g: Graph, pred: Tensor, true_fn, false_fn, name=None) -> Tensor:
    """`cond.cond` (control flow v1) of two branches returning one tensor
    or op each: in `cond/`, the Switch of `pred`, `switch_t`, `switch_f`,
    `pred_id`, the true branch, the false branch, their `Merge`; the two
    contexts into the `cond_context` collection unless the cond is nested
    in another."""
    g = graph_from_inputs(g, (pred,))
    with name_scope(g, name, "cond"):
        switch = _switch(g, pred, pred)
        pivot_t = identity(g, switch.outputs[1], name="switch_t")
        pivot_f = identity(g, switch.outputs[0], name="switch_f")
        pred = identity(g, pred, name="pred_id")
        context_t = CondContext(g, pred, pivot_t, 1)
        res_t = _branch(g, context_t, true_fn)
        context_f = CondContext(g, pred, pivot_f, 0)
        res_f = _branch(g, context_f, false_fn)
        merged = _merge(g, [res_f, res_t])
        if context_t.outer_context is None:    # a nested cond lives in the root's contexts
            g.add_to_collection(COND_CONTEXT, context_t)
            g.add_to_collection(COND_CONTEXT, context_f)
        return merged


CondContext.__module__ = "tensorflow.python.ops.control_flow_ops"
