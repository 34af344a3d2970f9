"""The plain case of op creation answers as the general path does.

scopesim makes most ops directly (`opdef.quick_op`, `opdef._quick_apply`:
tensors or variables of one graph taken as they are, and
`opdef.quick_scalar_op`: a float tensor and a Python number; no control
dependencies, device functions, cond context or observer), checking
what `_apply_op_helper` checks in its order without setting the name
stack.  Each program below runs twice, once as it is and once with the
plain case refused (`opdef.quick_inputs` finding none, `quick_scalar_op`
declining, so every op takes the general path the rest of the suite checks
against TensorFlow),
and everything a program can see must be the same: the ops (names, types,
inputs, attrs, outputs, control inputs, devices), the name registry, the
name stack, and each step's result or error.  Run through TensorFlow 2.21
(tf.compat.v1 after `disable_v2_behavior()`), every program printed the
steps and op names scopesim prints (two are kept below, `TENSORFLOW`).
"""

import pytest

from scopesim.engine import math as engine_math
from scopesim.engine import opdef
from scopesim.engine.cond_v1 import cond
from scopesim.engine.graph import get_default_graph
from scopesim.engine.opdef import ShapeAttr
from scopesim.tf import compat_v1 as T

#: the programs, each a list of steps (a step's error does not stop the program)
PROGRAMS = {}


def program(fn):
    PROGRAMS[fn.__name__] = fn
    return fn


def zeros():
    return T.zeros_initializer()


def var(name, shape, dtype=None):
    return T.get_variable(name, shape, dtype=dtype or T.float32, initializer=zeros())


def ph(shape, dtype=None, name="x"):
    return T.placeholder(dtype or T.float32, shape, name=name)


@program
def dense_blocks(step):
    x = step(lambda: ph([None, 8]))
    for i in range(3):
        with T.variable_scope(f"dense_{i}"):
            w = step(lambda: var("kernel", [8, 8]))
            b = step(lambda: var("bias", [8]))
            x = step(lambda: T.nn.relu(T.matmul(x, w) + b))
            step(lambda: x - b)
            step(lambda: x * b)
            step(lambda: b + x)
    step(lambda: T.nn.relu(x))
    step(lambda: T.matmul(x, x, transpose_b=True))
    with T.variable_scope("biased"):
        b = step(lambda: var("bias", [8]))
        step(lambda: T.sigmoid(T.nn.bias_add(T.matmul(x, x, transpose_b=True), b)))
        step(lambda: T.nn.bias_add(x, b, name="named"))
        step(lambda: T.nn.bias_add(x, b, data_format="NHWC"))
        step(lambda: T.sigmoid(b, name="s"))


@program
def names_given(step):
    x = step(lambda: ph([2, 2]))
    step(lambda: T.nn.relu(x, name="act"))
    step(lambda: T.nn.relu(x, name="act"))
    step(lambda: T.nn.relu(x, name="Act"))
    step(lambda: T.nn.relu(x, name=""))
    step(lambda: T.nn.relu(x, name="act/"))
    step(lambda: T.nn.relu(x, name="a b"))
    step(lambda: T.nn.relu(x, name="_root"))
    step(lambda: T.matmul(x, x, name="mm"))
    step(lambda: T.identity(x, name="matmul"))
    step(lambda: T.matmul(x, x))
    with T.name_scope("s"):
        step(lambda: T.nn.relu(x, name="_nested"))
        step(lambda: T.nn.relu(x, name="tail\n"))
        step(lambda: T.nn.relu(x, name="s/"))


@program
def taken_names(step):
    x = step(lambda: ph([2, 2]))
    # ops whose names end in `/` are used as they are, not registered
    step(lambda: T.identity(x, name="add/"))
    step(lambda: T.identity(x, name="MatMul/"))
    step(lambda: T.identity(x, name="Relu/"))
    step(lambda: T.identity(x, name="BiasAdd/"))
    step(lambda: T.identity(x, name="Sigmoid/"))
    step(lambda: T.nn.bias_add(x, x[0]))
    step(lambda: T.sigmoid(x))
    step(lambda: x + x)
    step(lambda: x + x)
    step(lambda: T.matmul(x, x))
    step(lambda: T.nn.relu(x))
    with T.name_scope("s"):
        step(lambda: T.identity(x, name="s/sub/"))
        step(lambda: x - x)


def add_matmul_relu(step, x, y):
    """x + y, matmul(x, y) and relu(x): the three steps taken in each context."""
    step(lambda: x + y)
    step(lambda: T.matmul(x, y))
    step(lambda: T.nn.relu(x))


@program
def odd_stacks(step):
    x = step(lambda: ph([2, 2]))
    with T.name_scope("a"):
        with T.name_scope("_b/"):
            add_matmul_relu(step, x, x)
        with T.name_scope("c\n"):
            add_matmul_relu(step, x, x)
        with T.name_scope("d.e>f-g\\h"):
            step(lambda: x * x)
            step(lambda: T.nn.relu(x))


@program
def shapes_and_dtypes(step):
    x = step(lambda: ph([2, 3]))
    y = step(lambda: ph([4, 5], name="y"))
    z = step(lambda: ph([3], name="z"))
    i = step(lambda: ph([2, 3], T.int32, name="i"))
    s = step(lambda: ph([2], T.string, name="s"))
    f = step(lambda: ph([2, 3], T.bool, name="f"))
    u = step(lambda: ph(None, name="u"))
    r3 = step(lambda: ph([2, 2, 2], name="r3"))
    v64 = step(lambda: var("v64", [2, 3], T.float64))
    vb = step(lambda: var("vb", [2, 3], T.bool))
    step(lambda: T.matmul(x, y))
    step(lambda: T.matmul(x, z))
    step(lambda: T.matmul(x, x, transpose_b=True))
    step(lambda: T.matmul(x, x, transpose_a=1))
    step(lambda: T.matmul(x, x, transpose_a=True, adjoint_a=True))
    step(lambda: T.matmul(u, x))
    step(lambda: T.matmul(r3, r3))
    step(lambda: T.matmul(i, i, transpose_b=True))
    step(lambda: T.matmul(f, f))
    step(lambda: T.matmul(x, v64))
    step(lambda: x + y)
    step(lambda: x + z)
    step(lambda: z + x)
    step(lambda: x + i)
    step(lambda: x + v64)
    step(lambda: x - v64)
    step(lambda: x * v64)
    step(lambda: s + s)
    step(lambda: f * f)
    step(lambda: x * vb)
    step(lambda: f - f)
    step(lambda: x + u)
    step(lambda: T.nn.relu(s))
    step(lambda: T.nn.relu(u))
    step(lambda: T.nn.relu(v64))
    step(lambda: x + 1.0)
    step(lambda: T.placeholder(T.float32, [2]))
    step(lambda: T.placeholder(T.float32, [2]))
    step(lambda: T.placeholder(T.int64, None))
    step(lambda: T.placeholder(T.float32, [2**63]))
    step(lambda: T.cast(i, T.float32))
    step(lambda: T.unstack(r3))
    step(lambda: T.nn.bias_add(x, z))
    step(lambda: T.nn.bias_add(x, x))
    step(lambda: T.nn.bias_add(z, z))
    step(lambda: T.nn.bias_add(i, z))
    step(lambda: T.nn.bias_add(x, v64))
    step(lambda: T.nn.bias_add(s, s))
    step(lambda: T.nn.bias_add(u, z))
    step(lambda: T.sigmoid(i))
    step(lambda: T.sigmoid(v64))
    step(lambda: T.sigmoid(1.0))


@program
def python_numbers(step):
    x = step(lambda: ph([2, 2]))
    h = step(lambda: ph([2], T.float16, name="h"))
    d = step(lambda: ph([], T.float64, name="d"))
    i = step(lambda: ph([2], T.int32, name="i"))
    s = step(lambda: ph([2], T.string, name="s"))
    f = step(lambda: ph([2], T.bool, name="f"))
    u = step(lambda: ph(None, name="u"))
    w = step(lambda: var("w", [2, 2]))
    for y in (2.0, 1, -3, 0.5, 2**40, 2**70, 1e300, float("nan"), True, -0.0, 0):
        step(lambda: x * y)
        step(lambda: x + y)
        step(lambda: x - y)
        step(lambda: x / y)
    for t in (h, d, i, s, f, u):
        step(lambda: t * 2.0)
        step(lambda: t + 3)
        step(lambda: t - 1.5)
        step(lambda: t / 2)
        step(lambda: t / t)
        step(lambda: t / x)
        step(lambda: x / t)
    step(lambda: T.add(x, w))
    step(lambda: T.add(x, x, name="plus"))
    step(lambda: T.add(s, s))
    step(lambda: T.add(x, h))
    step(lambda: T.add(x, 1.0))
    step(lambda: T.add(w, x))
    step(lambda: T.add(x, u))
    step(lambda: w + 1.0)
    step(lambda: w * 2)
    step(lambda: w / 2)
    step(lambda: x / w)
    step(lambda: 2.0 / x)
    step(lambda: 2.0 * x)
    step(lambda: 1.0 - x)
    with T.name_scope("q"):
        step(lambda: T.identity(x, name="q/mul/"))
        step(lambda: x * 2.0)
        step(lambda: T.identity(x, name="q/add_1/y/"))
        step(lambda: x + 2.0)
        step(lambda: x + 2.0)
        step(lambda: T.identity(x, name="q/sub_1/y/"))
        step(lambda: x - 2.0)
        step(lambda: x - 2.0)
        step(lambda: T.identity(x, name="q/Add/"))
        step(lambda: T.add(x, x))
        step(lambda: T.identity(x, name="q/truediv/"))
        step(lambda: x / 2.0)
        step(lambda: x / x)
        step(lambda: T.identity(x, name="q/truediv_3/y/"))
        step(lambda: x / 2.0)
        step(lambda: x / 2.0)
    with T.name_scope("a"):
        with T.name_scope("_b/"):
            step(lambda: x * 2.0)
    with T.control_dependencies([x.op]):
        step(lambda: x * 2.0)


@program
def graph_contexts(step):
    x = step(lambda: ph([2, 2]))
    w = step(lambda: var("w", [2, 2]))
    first = step(lambda: x + x)
    with T.control_dependencies([first]):
        add_matmul_relu(step, x, w)
    with T.device("/cpu:0"):
        add_matmul_relu(step, x, w)
    pred = step(lambda: T.placeholder(T.bool, [], name="pred"))
    step(lambda: cond(get_default_graph(), pred, lambda: T.nn.relu(x + w),
                      lambda: T.matmul(x, w)))
    other = T.Graph()
    with other.as_default():
        y = step(lambda: ph([2, 2], name="y"))
    step(lambda: x + y)
    step(lambda: T.matmul(x, y))
    step(lambda: T.nn.relu(y))
    with other.as_default():
        step(lambda: T.nn.relu(y))
        step(lambda: y + y)


def attr_text(value) -> str:
    """An attr value as text (a shape by its dims, not its address)."""
    if isinstance(value, ShapeAttr):
        return f"ShapeAttr({value.dims!r})"
    if isinstance(value, list):
        return "[" + ", ".join(attr_text(v) for v in value) + "]"
    return f"{type(value).__name__}({value!r})"


def snapshot(g) -> dict:
    """Everything a program can read of the graph `g`."""
    ops = []
    for op in g.get_operations():
        attrs = op._attr_dict()
        ops.append((op.name, op.type, [t.name for t in op.inputs],
                    None if attrs is None else [(k, attr_text(v)) for k, v in attrs.items()],
                    [(t.name, t._dims, t._dt) for t in op.outputs],
                    [c.name for c in op._control_inputs], op.device))
    return {"ops": ops, "names": dict(g.names.in_use), "stack": g.name_stack}


def run(name: str) -> tuple:
    """The program's steps (each a result or an error) and its graphs."""
    T.reset_default_graph()
    graphs = [get_default_graph()]
    steps = []

    def step(fn):
        try:
            result = fn()
        except Exception as e:  # noqa: BLE001 - any error is an outcome to compare
            steps.append(("error", type(e).__name__, str(e)))
            return None
        g = get_default_graph()
        if g not in graphs:
            graphs.append(g)
        steps.append(("ok", repr(result)))
        return result
    PROGRAMS[name](step)
    return steps, [snapshot(g) for g in graphs]


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_the_plain_case_answers_as_the_general_path(name, monkeypatch):
    general_calls = []
    apply_in_scope = opdef._apply_in_scope

    def counted(*args):
        general_calls.append(args[2])
        return apply_in_scope(*args)
    monkeypatch.setattr(opdef, "_apply_in_scope", counted)
    quick = run(name)
    quick_calls = len(general_calls)
    monkeypatch.setattr(opdef, "quick_inputs", lambda opdef, values: None)
    monkeypatch.setattr(engine_math, "quick_scalar_op", lambda *args: None)
    general = run(name)
    assert quick[0] == general[0]
    assert quick[1] == general[1]
    assert len(general_calls) - quick_calls > quick_calls     # most ops were made quick


def test_the_plain_case_is_taken(monkeypatch):
    """MatMul, the operators and Relu of tensors and variables make their
    op without the general path."""
    def refused(*args, **kwargs):
        raise AssertionError("the general path was taken")
    T.reset_default_graph()
    x = ph([None, 8])
    with T.variable_scope("d"):
        w, b = var("kernel", [8, 8]), var("bias", [8])
    monkeypatch.setattr(opdef, "_apply_in_scope", refused)
    with T.name_scope("d"):
        y = T.nn.relu(T.matmul(x, w) + b) - x
    assert [op.name for op in get_default_graph().get_operations()[-4:]] == \
        ["d_1/MatMul", "d_1/add", "d_1/Relu", "d_1/sub"]
    assert y.shape.as_list() == [None, 8]


def test_broadcast_shapes_of_a_bias_as_the_general_rule():
    """`broadcast_shape` of two dims tuples, one the other's last dims, is
    what its dim-by-dim rule gives (taken by lists of the same dims)."""
    import itertools

    from scopesim.engine.shape_inference import broadcast_shape

    def outcome(x, y):
        try:
            return tuple(broadcast_shape(x, y, lambda message, *rest: ValueError(message)))
        except ValueError as e:
            return str(e)
    dims = (None, 0, 1, 2, 3)
    shapes = [()] + [s for n in (1, 2, 3) for s in itertools.product(dims, repeat=n)]
    for x, y in itertools.product(shapes, repeat=2):
        assert outcome(x, y) == outcome(list(x), list(y)), (x, y)


#: What TensorFlow 2.21 printed for two of the programs (each step's tensor
#: name or error, then the graph's op names), run through tf.compat.v1 with
#: `disable_v2_behavior()`; every program above printed the same under both.
TENSORFLOW = {
    "taken_names": (
        ["x:0", "add:0", "MatMul:0", "Relu:0", "BiasAdd:0", "Sigmoid:0",
         "ValueError: Duplicate node name in graph: 'BiasAdd'",
         "ValueError: Duplicate node name in graph: 'Sigmoid'", "add/add:0", "add_1:0",
         "ValueError: Duplicate node name in graph: 'MatMul'",
         "ValueError: Duplicate node name in graph: 'Relu'", "s/sub:0", "s/sub/sub:0"],
        ["x", "add", "MatMul", "Relu", "BiasAdd", "Sigmoid", "strided_slice/stack",
         "strided_slice/stack_1", "strided_slice/stack_2", "strided_slice", "add/add", "add_1",
         "s/sub", "s/sub/sub"]),
    "odd_stacks": (
        ["x:0"] + [f"ValueError: `_b/{op}` is not a valid node name. Accepted names conform to "
                   "Regex /re.compile('^[A-Za-z0-9.][A-Za-z0-9_.\\\\\\\\/>-]*$')/"
                   for op in ("add", "MatMul", "Relu")]
        + [f"ValueError: 'a/c\n/{op}/' is not a valid scope name. A scope name has to match "
           "the following pattern: ^[A-Za-z0-9_.\\\\/>-]*$" for op in ("add", "MatMul")]
        + ["ValueError: `a/c\n/Relu` is not a valid node name. Accepted names conform to "
           "Regex /re.compile('^[A-Za-z0-9.][A-Za-z0-9_.\\\\\\\\/>-]*$')/",
           "a/d.e>f-g\\h/mul:0", "a/d.e>f-g\\h/Relu:0"],
        ["x", "a/d.e>f-g\\h/mul", "a/d.e>f-g\\h/Relu"]),
}


@pytest.mark.parametrize("name", sorted(TENSORFLOW))
def test_names_taken_and_odd_stacks_as_tensorflow(name):
    T.reset_default_graph()
    seen = []

    def step(fn):
        try:
            result = fn()
        except Exception as e:  # noqa: BLE001
            seen.append(f"{type(e).__name__}: {e}")
            return None
        seen.append(result.name)
        return result
    PROGRAMS[name](step)
    assert (seen, [op.name for op in get_default_graph().get_operations()]) == \
        tuple(TENSORFLOW[name])


def test_ops_of_the_same_attrs_share_them_and_keep_their_own_changes():
    """Two Relus (two MatMuls) of one dtype keep one compact attrs tuple; an
    op's attrs changed afterwards are its own (the tuple is never changed)."""
    T.reset_default_graph()
    x = ph([2, 2])
    first, second = T.nn.relu(x).op, T.nn.relu(x).op
    assert first._attr_data is second._attr_data
    mm1, mm2 = T.matmul(x, x).op, T.matmul(x, x, transpose_b=True).op
    mm3 = T.matmul(x, x).op
    assert mm1._attr_data is mm3._attr_data and mm1._attr_data is not mm2._attr_data
    first._set_attr("_class", ["loc:@x"])
    first._attrs["T"] = "float64"
    assert second._attr_dict() == {"T": "float32"}
    assert first._attr_dict() == {"T": "float64", "_class": ["loc:@x"]}
    mm1._set_attr("transpose_a", True)
    assert mm3.get_attr("transpose_a") is False and mm1.get_attr("transpose_a") is True
    assert mm2._attr_dict() == {"transpose_a": False, "transpose_b": True, "grad_a": False,
                                "grad_b": False, "T": "float32"}


def test_collections_of_a_variable_and_of_odd_names():
    """`add_to_collections` of two names (a variable's), one name, repeated
    names (kept once, in order) and an unhashable name (Python's error, no
    collection changed)."""
    g = T.Graph()
    g.add_to_collections(("variables", "trainable_variables"), 1)
    g.add_to_collections(["trainable_variables", "variables"], 2)
    g.add_to_collections("variables", 3)
    g.add_to_collections(["a", "a"], 4)
    g.add_to_collections(("b", "a", "b"), 5)
    try:
        g.add_to_collections(["c", ["d"]], 6)
    except TypeError as e:
        assert str(e) == "unhashable type: 'list'"
    else:
        raise AssertionError("no TypeError")
    assert g.get_all_collection_keys() == ["variables", "trainable_variables", "a", "b"]
    assert [g.get_collection(k) for k in g.get_all_collection_keys()] == \
        [[1, 2, 3], [1, 2], [4, 5], [5]]


def test_op_types_are_words():
    """`apply_op` of an unnamed op passes its type to `quick_op` as the
    scope's default name, which must be a word (valid at the root and
    nested, and as the end of a node name)."""
    import re

    import scopesim.tf.compat_v1  # noqa: F401 - registers every OpDef
    assert all(re.fullmatch(r"[A-Z][A-Za-z0-9]*", op_type) for op_type in opdef.OPS)


def test_the_plain_case_shapes_of_matmul_as_its_shape_function():
    """`try_infer_shape` of MatMul gives `matmul_shape`'s dims, or None
    where it raises (any ranks, unknown dims, transposes)."""
    import itertools

    from scopesim.engine.graph import SymbolicTensor
    from scopesim.engine.shape_inference import matmul_shape, try_infer_shape

    def tensor(dims):
        t = object.__new__(SymbolicTensor)
        t._dims = dims
        return t
    dims = (None, 1, 2)
    shapes = [None, (), (2,)] + list(itertools.product(dims, repeat=2)) + [(2, 2, 2)]
    for a, b, ta, tb in itertools.product(shapes, shapes, (False, True), (False, True)):
        try:
            expected = (matmul_shape(a, b, ta, tb, lambda *args: ValueError()),)
        except ValueError:
            expected = None
        attrs = {"transpose_a": ta, "transpose_b": tb, "T": "float32"}
        assert try_infer_shape("matmul", "MatMul", attrs, [tensor(a), tensor(b)]) == expected
