"""The ops of a variable template (`var_templates`) made at once.

A template's *plan* is a tuple of ops, each (name suffix, type, input
positions, attrs, shared, fresh, output): `attrs` in the form a new op
keeps them (`Operation._attr_data`: the compact tuple, or a dict, or
None; a last `_class` that is the variable's colocation list is left out
of the tuple, for the op's owner gives it), `shared` that tuple when every
variable's op keeps the very same one (no value made anew), `fresh` the
attrs made anew for each variable (by position in the tuple or by name in
the dict: the markers below, or a list to copy), `output` (dims, dtype) or
None for an op without outputs.

`create_ops` makes a plan's ops through `Graph.create_checked` /
`create_op`; `compile_plan` compiles a plan into a function that makes
them itself, field by field, as those do in a graph with no control
dependencies, device functions, cond context or observer, and
`direct_making` checks (once) that the graph's classes are still the ones
that function was written for.
"""

from __future__ import annotations

from .graph import Graph, Operation, SymbolicTensor, Tensor
from .nodedef import StrAttr

#: The places in a recorded attr of the colocation list, and of the
#: variable's name and name scope as string attrs (a ResourceVariable's
#: `shared_name` and `debug_name`): made anew for each variable.
LOC = object()
NAME = object()
SCOPE = object()
MARKERS = (LOC, NAME, SCOPE)

_new = object.__new__


def fresh_value(value, located, full_name):
    """A marked or list attr value of a plan, made for the variable `full_name`."""
    if value is LOC:
        return located
    if value is NAME:
        return StrAttr(full_name)
    if value is SCOPE:
        return StrAttr(full_name + "/")
    return list(value)


def create_ops(g, plan, names, located, full_name) -> list:
    """The plan's ops made by `Graph.create_checked` (or `create_op`, for an
    op without outputs) under no control dependencies, owned by the
    variable: the outputs, or the op of one without."""
    made = []
    saved_control = g._control_stack
    g._control_stack = []                 # `ops.init_scope()`
    try:
        for op_name, (_, op_type, inputs, data, shared, fresh, out) in zip(names, plan):
            if shared is not None:
                attrs = shared
            elif data.__class__ is dict:
                attrs = data.copy()
                for attr, value in fresh:
                    attrs[attr] = fresh_value(value, located, full_name)
            elif fresh:
                attrs = list(data)
                for i, value in fresh:
                    attrs[i] = fresh_value(value, located, full_name)
                attrs = tuple(attrs)
            else:
                attrs = data
            inputs = tuple(made[i] for i in inputs)
            if out is None:
                op = g.create_op(op_type, op_name + "/", inputs=inputs, attrs=attrs)
                made.append(op)
            else:
                made.append(g.create_checked(op_type, op_name, out[0], out[1], inputs, attrs))
                op = made[-1]._op
            op.owner = full_name          # at once: its attrs may leave `_class` to it
    finally:
        g._control_stack = saved_control
    return made


def compile_plan(plan, lazy=frozenset()):
    """The function that makes a template's ops: `make(g, names, located,
    owner)` appends them to graph `g` as `Graph.create_checked` (and
    `create_op`, for an op without outputs) do in a graph with no control
    dependencies, device functions, cond context or observer (what
    `direct_making` checks before it is used), each owned by `owner`, and
    returns their outputs (the op of one without, and of one at a position
    in `lazy`: its output is made when first asked for, see `Operation`).  Its code is one
    straight run of assignments per op (the plan's constants are the
    function's globals), which is the point: a replay's loop over the plan
    costs twice as much."""
    env = {"new": _new, "Operation": Operation, "SymbolicTensor": SymbolicTensor,
           "StrAttr": StrAttr}
    fresh_text = {LOC: "located", NAME: "StrAttr(owner)", SCOPE: "StrAttr(owner + '/')"}
    lines = ["def make(g, names, located, owner):",
             "    by_name = g._ops_by_name"]
    for i, (_, op_type, inputs, data, shared, fresh, out) in enumerate(plan):
        env[f"type{i}"] = op_type
        if data is None:
            attrs = "None"
        elif shared is not None:
            env[f"attrs{i}"] = shared
            attrs = f"attrs{i}"
        else:
            items = []
            for j, value in enumerate(data):
                env[f"a{i}_{j}"] = value
                items.append(f"a{i}_{j}")
            for j, value in fresh:
                items[j] = f"list(a{i}_{j})" if value.__class__ is list else fresh_text[value]
            attrs = "(" + "".join(item + ", " for item in items) + ")"
        # (`Operation._ins`: the one input itself, else a tuple)
        args = f"t{inputs[0]}" if len(inputs) == 1 else \
            "(" + "".join(f"t{k}, " for k in inputs) + ")"
        o = f"o{i}"
        lines += [f"    {o} = new(Operation)",
                  f"    {o}._graph = g",
                  f"    {o}._name = name = names[{i}]",
                  f"    {o}._type = type{i}",
                  f"    {o}._ins = {args}",
                  f"    {o}._attr_data = {attrs}",
                  f"    {o}._extras = owner"]       # (no device or control inputs)
        if out is None:
            lines += [f"    {o}._outs = None",
                      f"    t{i} = {o}"]
        elif i in lazy:
            env[f"out{i}"] = out
            lines += [f"    {o}._outs = out{i}",
                      f"    t{i} = {o}"]
        else:
            env[f"dims{i}"], env[f"dt{i}"] = out
            lines += [f"    {o}._outs = t{i} = new(SymbolicTensor)",
                      f"    t{i}._op = {o}",
                      f"    t{i}._dims = dims{i}",
                      f"    t{i}._dt = dt{i}"]
        lines.append(f"    by_name[name] = {o}")
    # the ops into the graph in their order, at once (nothing above can fail)
    lines += ["    g._ops += (" + "".join(f"o{i}, " for i in range(len(plan))) + ")",
              "    return [" + "".join(f"t{i}, " for i in range(len(plan))) + "]"]
    exec(compile("\n".join(lines), "<template_ops>", "exec"), env)
    return env["make"]


#: What the fields of an op and a tensor were when `compile_plan` was written:
#: another layout is made by `create_checked` only.
_LAYOUT = {"Operation": ("_name", "_type", "_graph", "_ins", "_outs", "_attr_data",
                         "_extras", "__weakref__"),
           "Tensor": ("_op", "_dims", "_dt", "__weakref__"),
           "SymbolicTensor": ()}


def _summary(value, graph, depth=0):
    """A field of a graph, an op or a tensor as `direct_making` compares
    it: containers item by item (a few levels down), ops and tensors by
    class, other objects by their fields."""
    if value is graph:
        return "graph"
    if isinstance(value, (str, int, float, type(None))):
        return value
    if depth > 3:
        return type(value).__name__
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, tuple(_summary(v, graph, depth + 1) for v in value))
    if isinstance(value, dict):
        return ("dict", tuple((k, _summary(v, graph, depth + 1)) for k, v in value.items()))
    if isinstance(value, (Operation, Tensor)):
        return (type(value).__name__,)
    fields = getattr(value, "__dict__", None)
    if fields is None:
        fields = {slot: getattr(value, slot, None) for slot in getattr(type(value), "__slots__", ())
                  if slot != "__weakref__"}
    return (type(value).__name__, _summary(fields, graph, depth + 1))


def direct_making() -> bool:
    """Whether `compile_plan`'s functions do exactly what `Graph.create_checked`
    does in its plain case: the classes keep the fields they set, and two
    ops (a constant, an op reading it, colocated) made each way into two
    fresh graphs leave both graphs, ops and tensors alike."""
    try:
        for cls in (Operation, Tensor, SymbolicTensor):
            if cls.__slots__ != _LAYOUT[cls.__name__]:
                return False
        first = (("dtype",), "int32")
        second = (("value", "dtype", "name", "scope", "_class"), [0], "float32", NAME, SCOPE,
                  LOC)
        third = (("dtype",), "float32")
        plan = (("", "Const", (), first, first, (), ((2,), "float32")),
                ("/q", "Identity", (0,), second, None,
                 ((1, [0]), (3, NAME), (4, SCOPE), (5, LOC)), ((2,), "float32")),
                ("/r", "Bare", (1,), None, None, (), ((), "bool")),
                ("/s", "Assign", (0, 1), third, None, (), None))
        graphs = (Graph(), Graph())
        names = ["p", "p/q", "p/r", "p/s"]
        located = [StrAttr("loc:@p")]
        a, b = graphs
        x = a.create_checked("Const", "p", (2,), "float32", (), first)
        y = a.create_checked("Identity", "p/q", (2,), "float32", (x,),
                             (second[0], [0], "float32", StrAttr("p"), StrAttr("p/"), located))
        z = a.create_checked("Bare", "p/r", (), "bool", (y,), None)
        w = a.create_op("Assign", "p/s/", inputs=(x, y), attrs=third)
        for op in (x._op, y._op, z._op, w):
            op.owner = "p"
        made = ([x, y, z, w], compile_plan(plan)(b, names, located, "p"))
        late = compile_plan(plan, lazy=frozenset((2,)))(Graph(), names, located, "p")[2]
        if late._outs != ((), "bool") or not _same_fields(z, late._outputs[0], a, late._graph) \
                or not _same_fields(z._op, late, a, late._graph):
            return False
        for slot in Graph.__slots__:
            if _summary(getattr(a, slot, None), a) != _summary(getattr(b, slot, None), b):
                return False
        for i in range(3):
            for u, v in ((made[0][i], made[1][i]), (made[0][i]._op, made[1][i]._op)):
                if not _same_fields(u, v, a, b):
                    return False
        if not _same_fields(w, made[1][3], a, b) or made[1][3]._outputs:
            return False
        return all(t._op._outputs[0] is t for t in made[0][:3] + made[1][:3]) and \
            [str(t._op) for t in made[0][:2]] == [str(t._op) for t in made[1][:2]] and \
            str(w) == str(made[1][3])
    except Exception:                     # a layout `compile_plan` does not know
        return False


def _same_fields(u, v, a, b) -> bool:
    """Whether op or tensor `u` of graph `a` and `v` of graph `b` hold the
    same fields (other ops and tensors by name)."""
    slots = type(u).__slots__ + (Tensor.__slots__ if isinstance(u, Tensor) else ())
    for slot in slots:
        if slot == "__weakref__":
            continue
        x, y = getattr(u, slot), getattr(v, slot)
        if isinstance(x, (Operation, Tensor)):
            if type(x) is not type(y) or x.name != y.name:
                return False
        elif isinstance(x, tuple) and x and isinstance(x[0], Tensor):
            if [t.name for t in x] != [t.name for t in y]:
                return False
        elif _summary(x, a) != _summary(y, b) or (
                isinstance(x, (str, int, tuple, list)) and x != y):
            return False
    return True
