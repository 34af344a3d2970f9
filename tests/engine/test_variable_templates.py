"""get_variable's replayed templates (`engine.var_templates`) and the
plain variable scopes (`engine.scopes.enter_plain`) make exactly the graph
the general path makes.

Each program runs twice in a fresh graph: with the replay off, then on
(its templates recorded from scratch, and again on top of the templates
every program before it left); the whole graph must be the same each
time: every op's name, type, inputs, control inputs, device, attrs,
NodeDef text, outputs and owner, the name registry (keys and counts),
the collections, the variable store and each variable's fields, and what
each program returns or raises.  The expected graph is the general
path's own, which the rest of the suite checks against TensorFlow.
"""

import pytest

from scopesim.engine import template_ops
from scopesim.engine import var_templates as vt
from scopesim.engine.graph import Graph
from scopesim.errors import NotSimulated, TFError
from scopesim.tf import compat_v1 as T
from scopesim.tf.ops import variable_scope as tf_vs


def _value(v):
    """An attr value, its type kept (a StrAttr is not a str)."""
    if isinstance(v, list):
        return ("list", tuple(_value(x) for x in v))
    return (type(v).__name__, getattr(v, "dims", v))


def _item(x):
    """A collection item or a store entry by what can be seen of it."""
    name = getattr(x, "name", None)
    return (type(x).__name__, name if isinstance(name, str) else repr(x))


def _field(x):
    """A variable's field: graph objects by name, an origin by its frames."""
    if hasattr(x, "_op") or hasattr(x, "_outs"):
        return (type(x).__name__, x.name)
    if hasattr(x, "frames"):
        return ("origin", repr(x.frames))
    if isinstance(x, (list, tuple)):
        return tuple(_field(y) for y in x)
    if " at 0x" in repr(x):               # an object shown by its address: its fields
        fields = getattr(x, "__dict__", None) or {
            slot: getattr(x, slot, None) for slot in getattr(type(x), "__slots__", ())}
        return (type(x).__name__, tuple((k, _field(y)) for k, y in sorted(fields.items())))
    return repr(x)


def _fields(v) -> tuple:
    """Every field of a variable (its classes' slots)."""
    slots = [slot for cls in type(v).__mro__ for slot in getattr(cls, "__slots__", ())
             if slot != "__weakref__"]
    return tuple((slot, _field(getattr(v, slot, "<unset>"))) for slot in slots)


def dump(g: Graph) -> dict:
    ops = []
    for op in g.get_operations():
        attrs = op._attr_dict()
        try:
            text = str(op)
        except NotSimulated as e:         # an op whose attrs scopesim does not know
            text = type(e).__name__
        ops.append((op.name, op.type, tuple(t.name for t in op.inputs),
                    tuple(c.name for c in op.control_inputs), op.device,
                    None if attrs is None else tuple((k, _value(v)) for k, v in attrs.items()),
                    text, tuple((t.name, str(t.shape), t.dtype.name) for t in op.outputs),
                    op.owner))
    store = g.var_store
    variables = [(key, type(v).__name__, v.name, str(v.shape), v.dtype.name, _fields(v))
                 for key, v in store.vars.items()]
    collections = {k: [_item(x) for x in g.get_collection(k)]
                   for k in g.get_all_collection_keys()}
    return {"ops": ops, "names": dict(g.names.in_use), "vars": variables,
            "collections": collections, "stack": g.name_stack}


def run(program, enabled: bool, reset: bool):
    vt.ENABLED = tf_vs.PLAIN_SCOPES = enabled
    if reset:
        vt._TEMPLATES.clear()
        vt._PENDING.clear()
        vt._REFUSED.clear()
    g = Graph()
    try:
        with g.as_default():
            try:
                result = ("ok", repr(program()))
            except (TFError, TypeError, ValueError, AttributeError) as e:
                result = ("raised", type(e).__name__, str(e))
        return result, dump(g)
    finally:
        vt.ENABLED = tf_vs.PLAIN_SCOPES = True


# ------------------------------------------------------------------ programs


def dense_blocks():
    x = T.placeholder(T.float32, [None, 8], name="x")
    for i in range(6):
        with T.variable_scope(f"layer_{i}"):
            for j in range(4):
                with T.variable_scope(f"dense_{j}"):
                    w = T.get_variable("kernel", [x.shape[-1], 8])
                    b = T.get_variable("bias", [8], initializer=T.zeros_initializer())
                    x = T.nn.relu(T.matmul(x, w) + b)
    return x.name


def default_names():
    """Scopes named by default (`dense`, `dense_1`), names ending in `_<n>`."""
    out = []
    for _ in range(5):
        with T.variable_scope(None, default_name="dense"):
            out.append(T.get_variable("w", [3]).name)
            out.append(T.get_variable("w_1", [3]).name)
            out.append(T.get_variable("W", [3, 2]).name)
    return out


def taken_names():
    """Names of the template taken beforehand, exactly or by case."""
    made = []
    for i in range(4):
        with T.variable_scope(f"s{i}"):
            T.get_variable("bias", [8], initializer=T.zeros_initializer())
    with T.name_scope("s4/bias/Initializer/"):
        T.constant(1.0, name="zeros")
    with T.name_scope("s5/"):
        T.constant(1.0, name="BIAS")
    with T.name_scope("s6/bias/"):
        T.constant(1.0, name="read")
    T.constant(1.0, name="s7/Bias/assign")
    with T.name_scope("s8/bias/"):
        pass
    for i in range(4, 12):
        with T.variable_scope(f"s{i}"):
            try:
                made.append(T.get_variable("bias", [8], initializer=T.zeros_initializer()).name)
            except (TFError, ValueError) as e:
                made.append(str(e))
    # names made after the variables, clashing case-insensitively
    with T.variable_scope("S9"):
        made.append(T.constant(2.0, name="BIAS").name)
        made.append(T.identity(T.constant(2.0), name="bias").name)
    with T.name_scope("s10/Bias/"):
        made.append(T.constant(3.0, name="READ").name)
        made.append(T.constant(3.0, name="Initializer").name)
    made.append(T.constant(3.0, name="s11/bias/Initializer/zeros").name)
    return made


def an_op_named_like_the_variable():
    for i in range(3):
        with T.variable_scope(f"v{i}"):
            T.get_variable("k", [2, 2])
    with T.name_scope("v3/"):
        T.constant(0.0, name="k")
    with T.name_scope("v4/"):
        T.no_op(name="k")
    out = []
    for i in range(3, 6):
        with T.variable_scope(f"v{i}"):
            try:
                out.append(T.get_variable("k", [2, 2]).name)
            except (TFError, ValueError) as e:
                out.append(str(e))
    return out


def initializers_and_dtypes():
    out = []
    inits = [None, T.zeros_initializer(), T.glorot_uniform_initializer(seed=3),
             T.glorot_normal_initializer(), T.variance_scaling_initializer(),
             T.variance_scaling_initializer(scale=2, mode="fan_out", distribution="uniform"),
             T.variance_scaling_initializer(scale=2.0, mode="fan_out", distribution="uniform"),
             T.variance_scaling_initializer(distribution="untruncated_normal", seed=-1),
             T.ones_initializer(), T.truncated_normal_initializer(), T.zeros_initializer]
    dtypes = [None, T.float32, T.float64, T.float16, "float32", T.int32, T.bool, T.string]
    for rep in range(3):
        for i, init in enumerate(inits):
            for j, dtype in enumerate(dtypes):
                for k, shape in enumerate([[2, 3], [], [0, 4], [40, 30], (4, 1, 2)]):
                    with T.variable_scope(f"r{rep}_i{i}_d{j}_s{k}"):
                        try:
                            v = T.get_variable("v", shape, dtype=dtype, initializer=init)
                            out.append(v.name)
                        except (TFError, TypeError, ValueError) as e:
                            out.append(type(e).__name__ + str(e))
    return out


def _keep(v):
    return v


def _sum(v):
    return T.reduce_sum(v)


def _getter(getter, *args, **kwargs):
    return getter(*args, **kwargs)


def scope_settings():
    """The scope's dtype, initializer, reuse, partitioner, regularizer,
    caching device, custom getter, constraint; arguments of get_variable."""
    out = []
    for i in range(3):
        with T.variable_scope(f"d{i}", dtype=T.float64, initializer=T.zeros_initializer()):
            out.append(T.get_variable("a", [2]).name)
            out.append(T.get_variable("b", [2], initializer=T.glorot_uniform_initializer()).name)
        with T.variable_scope(f"auto{i % 2}", reuse=T.AUTO_REUSE):
            out.append(T.get_variable("a", [2]).name)
        with T.variable_scope(f"p{i}", partitioner=T.fixed_size_partitioner(2)):
            out.append(repr(T.get_variable("a", [4, 2])))
        with T.variable_scope(f"reg{i}", regularizer=_sum):
            out.append(T.get_variable("a", [2]).name)
        with T.variable_scope(f"cd{i}", caching_device="/cpu:0"):
            out.append(T.get_variable("a", [2]).name)
        with T.variable_scope(f"cg{i}", custom_getter=_getter):
            out.append(T.get_variable("a", [2]).name)
        with T.variable_scope(f"c{i}", constraint=_keep):
            out.append(T.get_variable("a", [2]).name)
        with T.variable_scope(f"args{i}"):
            out.append(T.get_variable("t", [2], trainable=False).name)
            out.append(T.get_variable("c", [2], collections=["mine"]).name)
            out.append(T.get_variable("c2", [2], collections=("mine", "variables"),
                                      trainable=True).name)
            out.append(T.get_local_variable("l", [2]).name)
            out.append(T.get_variable("k", [2], constraint=_keep).name)
            out.append(T.get_variable("vs", [2], validate_shape=False).name)
            out.append(T.get_variable("r", [2], use_resource=False).name)
            out.append(T.get_variable("rr", [2], use_resource=True).name)
            try:
                T.get_variable("bad", [2], constraint=3)
            except (TFError, ValueError) as e:
                out.append(str(e))
            try:
                T.get_variable("bad2", [2], collections="x")
            except (TFError, ValueError) as e:
                out.append(str(e))
    with T.variable_scope("d0", reuse=True):
        out.append(T.get_variable("a", [2], dtype=T.float64).name)
    with T.variable_scope("d0"):
        try:
            T.get_variable("a", [2])
        except (TFError, ValueError) as e:
            out.append(str(e).split("\n")[0])
    return out


def contexts():
    """Device scopes, control dependencies, a cond, the root scope, an
    outer name scope, odd names."""
    out = []
    c = T.constant(1.0, name="c")
    for i in range(3):
        with T.device("/cpu:0"):
            with T.variable_scope(f"dev{i}"):
                out.append(T.get_variable("a", [2]).device)
        with T.control_dependencies([c]):
            with T.variable_scope(f"ctl{i}"):
                v = T.get_variable("a", [2])
                out.append([x.name for x in v.op.control_inputs])
                out.append([c.name for c in T.identity(v).op.control_inputs])
        with T.name_scope(f"outer{i}"):
            with T.variable_scope(f"ns{i}"):
                out.append(T.get_variable("a", [2]).name)
        out.append(T.get_variable(f"root{i}", [3]).name)
        for name in ("x/", "a\n", "_u", "ok.name", "a-b", "a>b", ""):
            with T.variable_scope(f"odd{i}"):
                try:
                    out.append(T.get_variable(name, [2]).name)
                except (TFError, TypeError, ValueError) as e:
                    out.append(type(e).__name__ + str(e))
    pred = T.placeholder(T.bool, [], name="pred")

    def branch():
        with T.variable_scope("in_cond", reuse=T.AUTO_REUSE):
            return T.get_variable("a", [2]) + 1.0
    from scopesim.engine.cond_v1 import cond          # what tf.losses' conds use
    out.append(cond(T.get_default_graph(), pred, branch, branch).name)
    return out


def resource_toggle():
    out = []
    for i in range(3):
        with T.variable_scope(f"a{i}"):
            out.append(type(T.get_variable("v", [2])).__name__)
    T.enable_resource_variables()
    try:
        for i in range(3):
            with T.variable_scope(f"b{i}"):
                out.append(type(T.get_variable("v", [2])).__name__)
        with T.variable_scope("c", use_resource=False):
            out.append(type(T.get_variable("v", [2])).__name__)
    finally:
        T.disable_resource_variables()
    with T.variable_scope("d", use_resource=True):
        out.append(type(T.get_variable("v", [2])).__name__)
    return out


def _with_resource(program):
    def with_resource():
        T.enable_resource_variables()
        try:
            return program()
        finally:
            T.disable_resource_variables()
    with_resource.__name__ = program.__name__ + "_resource"
    return with_resource


def reentered_scopes():
    out = []
    with T.variable_scope("outer") as outer:
        pass
    for i in range(4):
        with T.variable_scope(outer):
            with T.variable_scope("inner"):
                out.append(T.get_variable(f"v{i}", [2, 2]).name)
        with T.variable_scope(outer, auxiliary_name_scope=False):
            out.append(T.get_variable(f"w{i}", [2]).name)
            out.append(T.constant(0.0).name)
    return out


def scope_entries():
    """Plain scopes entered again, nested in themselves, left improperly,
    left by an exception, around a reset of the graph, by odd names."""
    out = []
    vs = T.variable_scope("again")
    for _ in range(3):
        with vs as s:
            out.append((s.name, s.original_name_scope, T.get_variable_scope().name,
                        T.constant(0.0).name))
    a = T.variable_scope("a")
    b = T.variable_scope("b")
    a.__enter__()
    b.__enter__()
    try:
        a.__exit__(None, None, None)
    except (TFError, RuntimeError) as e:
        out.append(str(e))
    out.append((T.get_variable_scope().name, T.get_default_graph().get_name_scope()))
    b.__exit__(None, None, None)
    out.append((T.get_variable_scope().name, T.get_default_graph().get_name_scope()))
    try:
        with T.variable_scope("boom"):
            T.get_variable("v", [2])
            raise ValueError("inside")
    except ValueError as e:
        out.append(str(e))
    out.append((T.get_variable_scope().name, T.get_default_graph().get_name_scope()))
    with T.variable_scope("r"):
        try:
            T.reset_default_graph()
        except (TFError, AssertionError) as e:
            out.append(str(e))
    for name in ("_x", "-y", "a b", "ok", "ok", "x/y", "ok/", "Ok", "\n"):
        try:
            with T.variable_scope(name) as s:
                out.append((s.name, s.original_name_scope, T.get_variable("v", [1]).name))
        except (TFError, ValueError) as e:
            out.append(str(e))
    with T.variable_scope("reuse", reuse=False):
        out.append(T.get_variable_scope().reuse)
    with T.variable_scope("top", reuse=True):
        with T.variable_scope("below") as s:
            out.append(s.reuse)
    with T.variable_scope("typed", dtype=T.float16, initializer=T.zeros_initializer(),
                          regularizer=_sum):
        with T.variable_scope("below") as s:
            out.append((s.dtype, s.regularizer is _sum, T.get_variable("v", [2]).dtype))
    with T.name_scope("ns"):
        with T.variable_scope("inside") as s:
            out.append((s.name, s.original_name_scope, T.constant(0.0).name))
        with T.variable_scope("inside") as s:
            out.append((s.name, s.original_name_scope))
    nested = T.variable_scope("nested")
    try:
        with nested:
            with nested as inner:
                out.append((inner.name, inner.original_name_scope, T.constant(1.0).name))
            out.append(T.get_variable_scope().name)
    except (TFError, RuntimeError) as e:
        out.append(str(e))
    out.append((T.get_variable_scope().name, T.get_default_graph().get_name_scope()))
    return out


class _LoudScope(T.VariableScope):
    def get_variable(self, var_store, name, *args, **kwargs):
        return ("own", name)


def scope_subclass():
    """A VariableScope subclass whose get_variable is its own: entered by
    variable_scope, a VariableScope of its fields is installed; installed
    itself as the current scope, its get_variable is called."""
    out = []
    for i in range(3):
        with T.variable_scope(f"plain{i}"):
            out.append(T.get_variable("v", [2]).name)
    for i in range(3):
        with T.variable_scope(_LoudScope(False, name=f"loud{i}")):
            out.append(T.get_variable("v", [2]).name)
    g = T.get_default_graph()
    old = g.current_scope
    g.current_scope = _LoudScope(False, name="own")
    try:
        out.append(T.get_variable("v", [2]))
    finally:
        g.current_scope = old
    return out


def reused_scopes():
    """Scopes entered with reuse True, False, AUTO_REUSE, `t > 0`, nested."""
    out = []
    x = T.placeholder(T.float32, [None, 8], name="x")
    for t in range(5):
        with T.variable_scope("cell", reuse=(t > 0)) as s:
            out.append(s.reuse)
            x = T.matmul(x, T.get_variable("w", [8, 8]))
            with T.variable_scope("gate"):
                x = x + T.get_variable("b", [8], initializer=T.zeros_initializer())
    for t in range(3):
        with T.variable_scope("auto", reuse=T.AUTO_REUSE) as s:
            out.append((s.reuse, T.get_variable("w", [8, 8]).name,
                        T.get_variable(f"w{t}", [8, 8]).name))
    for reuse in (True, False, T.AUTO_REUSE, None):
        with T.variable_scope("cell", reuse=reuse):
            for name in ("w", "new"):
                try:
                    out.append(T.get_variable(name, [8, 8]).name)
                except (TFError, ValueError) as e:
                    out.append(str(e).split("\n")[0])
    with T.variable_scope("outer", reuse=True):
        with T.variable_scope("inner", reuse=False) as s:
            out.append(s.reuse)
    for reuse in (True, T.AUTO_REUSE):
        with T.variable_scope("cell", reuse=reuse):
            for kwargs in ({"shape": [4, 4]}, {"shape": [8, 8], "dtype": T.float64}, {},
                           {"shape": None, "dtype": "float32"}, {"shape": (8, 8)},
                           {"initializer": T.constant_initializer(1.0)},
                           {"shape": [8, 8], "initializer": [[1.0] * 8] * 8},
                           {"shape": [None, 8]}, {"shape": [8, 8], "trainable": False,
                                                  "collections": ["other"]}):
                try:
                    v = T.get_variable("w", **kwargs)
                    out.append((v.name, T.get_collection("other")))
                except (TFError, TypeError, ValueError) as e:
                    out.append(str(e).split("\n")[0])
    return out + [x.name]


PROGRAMS = [scope_subclass, scope_entries, reused_scopes, dense_blocks, default_names,
            taken_names, an_op_named_like_the_variable, initializers_and_dtypes,
            scope_settings, contexts, resource_toggle, reentered_scopes]
PROGRAMS += [_with_resource(p) for p in (dense_blocks, taken_names, initializers_and_dtypes,
                                         scope_settings, contexts, scope_entries,
                                         reused_scopes)]


@pytest.mark.parametrize("program", PROGRAMS, ids=lambda p: p.__name__)
def test_replay_makes_the_general_graph(program):
    expected = run(program, False, True)
    assert run(program, True, True) == expected
    assert run(program, True, False) == expected          # on the templates left


@pytest.mark.parametrize("program", PROGRAMS[:4], ids=lambda p: p.__name__)
def test_replay_through_create_checked(program, monkeypatch):
    """The same with the ops made by `Graph.create_checked` (what the
    replay does when `compile_plan` does not match the graph's layout)."""
    expected = run(program, False, True)
    monkeypatch.setattr(vt, "_DIRECT", False)
    assert run(program, True, True) == expected


def test_direct_making_matches_the_graph():
    """`compile_plan`'s functions are used: the probe finds the graph's
    layout as they know it."""
    run(dense_blocks, True, True)
    assert vt._DIRECT and template_ops.direct_making()
    assert all(t.maker is not None for t in vt._TEMPLATES.values())


@pytest.mark.parametrize("program", [dense_blocks, _with_resource(dense_blocks)],
                         ids=["ref", "resource"])
def test_templates_are_replayed(program, monkeypatch):
    """The plain model is replayed (not merely recorded): all but the first
    two variables of each signature (the general path makes those only)."""
    general = []
    plain = tf_vs._general_get_variable
    monkeypatch.setattr(tf_vs, "_general_get_variable",
                        lambda *args: general.append(1) or plain(*args))
    run(program, True, True)
    assert len(vt._TEMPLATES) == 2 and not vt._REFUSED and len(general) == 4


def test_all_programs_one_after_another():
    """Each program on the templates all those before it left (the big
    one of initializers once)."""
    programs = [p for p in PROGRAMS if p.__name__ != "initializers_and_dtypes_resource"]
    expected = [run(p, False, True) for p in programs]
    vt._TEMPLATES.clear()
    vt._PENDING.clear()
    vt._REFUSED.clear()
    assert [run(p, True, False) for p in programs + programs] == expected + expected


def _generated(text: str, enabled: bool):
    """A generated program's result and graph, the replay on or off."""
    from scopesim import parse, runner
    vt.ENABLED = tf_vs.PLAIN_SCOPES = enabled
    try:
        session = runner.Session()
        result = session.execute(parse(text, "p.scope"))
        out = (result.json_text(), dump(session.graph))
        session.release()
        return out
    finally:
        vt.ENABLED = tf_vs.PLAIN_SCOPES = True


@pytest.mark.parametrize("seed", range(0, 40, 2))
def test_generated_programs(seed):
    """Random programs aimed at the naming rules (`scopesim.generate`:
    colliding names, re-entered and default scopes, reuse modes, loops of
    get_variable in defs): the same result and graph either way."""
    from scopesim.generate import generate
    for version, ops in ((1, False), (2, False), (2, True)):
        text = generate(seed, version=version, ops=ops)
        expected = _generated(text, False)
        assert _generated(text, True) == expected


def test_recordings_are_bounded(monkeypatch):
    """Signatures past the bound are made the general way and not kept."""
    monkeypatch.setattr(vt, "_MAX_TEMPLATES", 3)

    def shapes():
        for i in range(1, 9):
            for j in range(3):
                with T.variable_scope(f"s{i}_{j}"):
                    T.get_variable("v", [i])
        return len(vt._TEMPLATES), len(vt._PENDING)
    expected = run(shapes, False, True)[1]
    result, graph = run(shapes, True, True)
    assert result == ("ok", "(3, 0)") and graph == expected
    assert len(vt._PENDING) <= 3 and len(vt._TEMPLATES) <= 3
