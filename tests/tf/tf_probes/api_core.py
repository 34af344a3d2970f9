"""Probe: placeholders, subscripts, logical operators, op inputs, module
names and graph mixing, one case per rule.

Run under TensorFlow it writes api_core.out
(`~/tfvenv/bin/python api_core.py > api_core.out`); tests/tf/test_api_core.py
runs the same cases with scopesim's tf.compat.v1 and compares each case's lines.
"""

import re

ADDR = re.compile(r"0x[0-9a-f]+")


def show(*values):
    print(*(ADDR.sub("ADDR", str(v)) for v in values))


def err(fn):
    try:
        r = fn()
    except Exception as e:
        show("raised", type(e).__name__, e)
    else:
        show("ok", repr(r))


def ops(T, start=0):
    """Every op made since op number `start`: name, type, inputs, outputs."""
    for op in T.get_default_graph().get_operations()[start:]:
        show(op.name, op.type, [t.name for t in op.inputs],
             [(str(t.shape), t.dtype.name) for t in op.outputs])


def case_placeholder(T):
    a = T.placeholder(T.float32)
    b = T.placeholder(T.int32, [None, 3], name="b")
    c = T.placeholder("float", shape=[2], name="c")
    d = T.placeholder(T.float32, shape=(), name="b")
    e = T.placeholder(T.float32, T.TensorShape([None, None]))
    show(repr(a), repr(b), repr(c), repr(d), repr(e))
    show(a.shape.ndims, b.shape.as_list(), a.op.type)
    ops(T)


def case_placeholder_errors(T):
    err(lambda: T.placeholder(T.float32, [2, -1]))
    err(lambda: T.placeholder(T.float32, "ab"))
    err(lambda: T.placeholder(None))
    err(lambda: T.placeholder("floaty"))
    err(lambda: T.placeholder(T.float32, name="a b"))
    ops(T)


def case_placeholder_with_default(T):
    a = T.placeholder_with_default(1.0, [])
    b = T.placeholder_with_default([1, 2, 3], [None], name="b")
    c = T.placeholder_with_default(T.zeros([2, 3]), [None, 3])
    d = T.placeholder_with_default(T.zeros([2, 3]), None)
    show(repr(a), repr(b), repr(c), repr(d))
    err(lambda: T.placeholder_with_default(T.zeros([2, 3]), [2, 4]))
    err(lambda: T.placeholder_with_default(T.zeros([2, 3]), [2]))
    ops(T)


def case_subscript_int_and_slices(T):
    x = T.placeholder(T.float32, [4, 5, 6], name="x")
    for t in (x[0], x[1:], x[:, 1:], x[::-1], x[1:3, ::2], x[-1], x[:, -2, 1:-1]):
        show(repr(t))
    ops(T, 1)


def case_subscript_newaxis_ellipsis(T):
    x = T.placeholder(T.float32, [4, 5], name="x")
    for t in (x[..., None], x[T.newaxis], x[None, :, None], x[..., 0], x[0, ...],
              x[...], x[:, None, 1], x[()]):
        show(repr(t))
    ops(T, 1)


def case_subscript_unknown_shapes(T):
    x = T.placeholder(T.float32, [None, 5, None], name="x")
    u = T.placeholder(T.float32, name="u")
    for t in (x[0], x[1:], x[:, 1:3], x[:, :, 2:], x[..., ::2], u[0], u[1:], u[..., None],
              u[:, 0], x[:, 10:], x[:, -10:3]):
        show(repr(t))


def case_subscript_tensor_index(T):
    x = T.placeholder(T.float32, [4, 5], name="x")
    i = T.placeholder(T.int32, [], name="i")
    j = T.constant(2, name="j")
    k = T.constant(1, dtype=T.int64, name="k")
    for t in (x[i], x[j], x[i:], x[:, j], x[1:j], x[k], x[:k]):
        show(repr(t))
    ops(T, 4)


def case_subscript_errors(T):
    x = T.placeholder(T.float32, [4, 5], name="x")
    err(lambda: x[4])
    err(lambda: x[-5])
    err(lambda: x[0, 5])
    err(lambda: x[0, 0, 0])
    err(lambda: x[1.5])
    err(lambda: x["a"])
    err(lambda: x[1:2.0])
    err(lambda: x[..., ...])
    err(lambda: x[[0, 1]])
    err(lambda: x[T.constant(1.0)])
    err(lambda: x[T.constant([1, 2])])
    s = T.constant(3.0, name="s")
    err(lambda: s[0])
    ops(T, 1)


def case_subscript_variable(T):
    v = T.get_variable("v", [3, 4])
    a = v[0]
    b = v[1:, 2]
    show(repr(a), repr(b))
    ops(T, 4)


def case_logical_operators(T):
    a = T.placeholder(T.bool, [2], name="a")
    b = T.placeholder(T.bool, [None], name="b")
    for t in (a & b, a | b, a ^ b, ~a, a & True, True | a, False ^ a):
        show(repr(t))
    ops(T, 2)


def case_bitwise_operators(T):
    a = T.placeholder(T.int32, [2], name="a")
    b = T.placeholder(T.int32, [2], name="b")
    for fn in (lambda: a & b, lambda: a | b, lambda: a ^ b, lambda: ~a, lambda: a & 1):
        err(fn)
    f = T.placeholder(T.float32, [2], name="f")
    err(lambda: f & f)
    err(lambda: ~f)
    ops(T, 3)


def case_logical_functions(T):
    a = T.placeholder(T.bool, [2], name="a")
    b = T.placeholder(T.bool, [2], name="b")
    for t in (T.logical_and(a, b), T.logical_or(a, b, name="o"), T.logical_xor(a, b),
              T.logical_not(a), T.logical_xor(a, b, name="x")):
        show(repr(t))
    ops(T, 2)


def case_math_functions(T):
    a = T.placeholder(T.float32, [2], name="a")
    i = T.placeholder(T.int32, [2], name="i")
    for t in (T.divide(a, 2.0), T.divide(a, a, name="d"), T.truediv(i, i), T.negative(a),
              T.negative(a, name="n"), T.subtract(a, 1.0), T.square(a), T.square(i, name="sq"),
              T.div(a, a), T.multiply(a, 3.0)):
        show(repr(t))
    ops(T, 2)


def case_op_inputs(T):
    v = T.get_variable("w", [2, 3])
    x = T.Variable(T.zeros([2]), name="x")
    t = v + 1.0
    for op in T.get_default_graph().get_operations():
        show(op.name, [i.name for i in op.inputs], [o.name for o in op.outputs],
             [c.name for c in op.control_inputs])
    show(t.op.inputs[0].name, t.op.inputs[1].op.name, type(t.op.inputs).__name__)
    show([c.name for c in v.op.outputs[0].consumers()], [c.name for c in t.consumers()])
    show([c.name for c in x.initial_value.consumers()])


def case_op_str(T):
    a = T.placeholder(T.float32, [2, None], name="a")
    b = T.placeholder(T.int32, name="b")
    c = T.constant(1.5, name="c")
    d = T.constant([1, 2], name="d")
    e = a + c
    f = a[0]
    g = T.logical_not(T.placeholder(T.bool, [], name="p"))
    h = T.matmul(a, a, transpose_b=True)
    for t in (a, b, c, d, e, f, g, h, T.constant("s", name="s"), T.constant(True, name="t")):
        print(str(t.op), end="")
        print("--")


def case_op_str_values(T):
    a = T.placeholder(T.bool, [2], name="a")
    i = T.placeholder(T.int32, [], name="i")
    x = T.placeholder(T.float32, [3, 4], name="x")
    ts = [T.constant(2.0), T.constant(0.1), T.constant([1.5, 2.0]), T.constant(3, dtype=T.int64),
          T.constant(2.5, dtype=T.float64), T.constant(-7), T.constant([True, False]),
          T.constant(["ab", "c"]), T.constant(1e10), T.constant(1e-7), T.constant([]),
          T.constant([1, 2], dtype=T.int64), T.constant([[1, 2], [3, 4]]), T.constant(0.0),
          T.constant(0), T.constant([0.0, 0.0]), T.constant([1.0, 1.0, 1.0, 1.0]),
          T.constant([1, 2, 2, 2, 2, 2]), T.constant(False), T.constant(""),
          T.constant("a\n\"'\\\x01\xe9"), T.constant(-0.0), T.constant(3.0, dtype=T.float16),
          T.placeholder_with_default(1.0, [], name="pwd"), a & a, a ^ a, x[i], x[1:i],
          x[..., None], T.truediv(i, i), T.placeholder(T.float32, [], name="sc")]
    for t in ts:
        print(str(t.op), end="")
        print("--")
    for op in T.get_default_graph().get_operations():
        if op.type in ("Pack", "Cast"):
            print(str(op), end="")
            print("--")


def case_op_str_variable(T):
    v = T.get_variable("w", [2, 3])
    for op in T.get_default_graph().get_operations():
        print(str(op), end="")
        print("--")


def case_module_names(T):
    show(T.__name__, T.nn.__name__, T.train.__name__, T.initializers.__name__, T.__version__)
    show(T.math.__name__, T.dtypes.__name__, T.layers.__name__, T.compat.__name__)
    show(type(T.nn).__name__, repr(T.nn).split(" from ")[0].rstrip(">"))


def case_other_graph(T):
    g = T.Graph()
    with g.as_default():
        a = T.constant(1.0, name="a")
        b = a + 1.0
        show(b.graph is g, b.name, T.get_default_graph() is g)
    c = T.constant(2.0, name="c")
    show(c.graph is g, c.name)
    err(lambda: a + c)
    err(lambda: c + a)
    err(lambda: T.add(a, c))
    err(lambda: T.matmul(T.reshape if False else a, c))
    with g.as_default():
        err(lambda: a + c)
        err(lambda: c[0])
    ops(T)


def case_other_graph_nested(T):
    g1 = T.Graph()
    g2 = T.Graph()
    with g1.as_default():
        with g2.as_default():
            x = T.constant(1.0, name="x")
        y = T.constant(1.0, name="x")
        show(x.graph is g2, y.graph is g1, x.name, y.name)
        with T.name_scope("s"):
            with g2.as_default():
                z = T.constant(1.0)
                show(z.name)


def case_subscript_more_slices(T):
    x = T.placeholder(T.float32, [6, 4], name="x")
    for fn in (lambda: x[::-2], lambda: x[4:1:-1], lambda: x[-1:], lambda: x[:-1],
               lambda: x[7:], lambda: x[-9:2], lambda: x[::0], lambda: x[1:1],
               lambda: x[3:1], lambda: x[:, ::-3], lambda: x[T.Dimension(1)],
               lambda: x[x.shape[0] - 1], lambda: x[0][1], lambda: x[None, ..., None, 0]):
        err(fn)


def case_subscript_index_dtypes(T):
    x = T.placeholder(T.float32, [6, 4], name="x")
    i = T.placeholder(T.int64, [], name="i")
    j = T.placeholder(T.int32, [], name="j")
    h = T.placeholder(T.int16, [], name="h")
    u = T.placeholder(T.float32, name="u")
    s = T.placeholder(T.string, [3], name="s")
    for fn in (lambda: x[i], lambda: x[1:i], lambda: x[i, j], lambda: x[h], lambda: x[1:h],
               lambda: x[j:i], lambda: u[..., 1:, None], lambda: s[1], lambda: s[::-1],
               lambda: x[T.placeholder(T.int32, name="r")]):
        err(fn)
    ops(T, 6)


def case_logical_errors(T):
    a = T.placeholder(T.bool, [2], name="a")
    i = T.placeholder(T.int32, [2], name="i")
    f = T.placeholder(T.float32, [2], name="f")
    for fn in (lambda: a & i, lambda: a & 1, lambda: 1 & i, lambda: a | f, lambda: a ^ 1.5,
               lambda: i & a, lambda: ~T.constant(1.5), lambda: T.logical_and(a, i),
               lambda: T.logical_not(1), lambda: T.logical_xor(a, 2), lambda: 3 | i,
               lambda: True & a, lambda: a & [True, False]):
        err(fn)
    ops(T, 3)


def case_operators_on_variables(T):
    v = T.get_variable("v", [2], dtype=T.bool, initializer=T.zeros_initializer())
    w = T.get_variable("w", [2], dtype=T.int32, initializer=T.zeros_initializer())
    for fn in (lambda: ~v, lambda: v & v, lambda: True ^ v, lambda: w | 1, lambda: ~w,
               lambda: w[1], lambda: v[::-1], lambda: T.negative(w), lambda: T.square(w),
               lambda: T.divide(w, 2), lambda: T.div(w, w), lambda: T.div(2.0, 3.0),
               lambda: T.divide(1.0, T.constant(2.0)), lambda: T.square(v)):
        err(fn)


def case_placeholder_more(T):
    for fn in (lambda: T.placeholder(T.float32, []), lambda: T.placeholder("float32_ref"),
               lambda: T.placeholder(T.float32, T.TensorShape(None)),
               lambda: T.placeholder(T.float32, 3), lambda: T.placeholder(T.float32, (None,)),
               lambda: T.placeholder(T.int64, shape=[1, None, 2], name="s/p"),
               lambda: T.placeholder(T.float32, name=""),
               lambda: T.placeholder(dtype=T.string, name="str"),
               lambda: T.placeholder_with_default("x", []),
               lambda: T.placeholder_with_default([[1.0, 2.0]], [1, None]),
               lambda: T.placeholder_with_default(T.constant(1), [], name="d"),
               lambda: T.placeholder_with_default(None, [])):
        err(fn)
    with T.name_scope("outer"):
        err(lambda: T.placeholder(T.float32))
        err(lambda: T.placeholder_with_default(0, []))
    ops(T)


def case_other_graph_ops(T):
    g = T.Graph()
    with g.as_default():
        a = T.placeholder(T.float32, [3], name="a")
        v = T.get_variable("v", [3])
    c = T.placeholder(T.float32, [3], name="c")
    b = T.placeholder(T.bool, [3], name="b")
    for fn in (lambda: a[0], lambda: a * 2.0, lambda: T.multiply(a, c), lambda: a[c],
               lambda: v + c, lambda: c - v, lambda: T.logical_and(b, b), lambda: b & a,
               lambda: T.placeholder_with_default(a, [3]), lambda: T.square(a),
               lambda: T.truediv(a, c), lambda: T.identity(v)):
        err(fn)
    show([op.name for op in g.get_operations()][-6:])
    ops(T)


CASES = [(name[5:], fn) for name, fn in sorted(globals().items()) if name.startswith("case_")]


def run_all(T, reset) -> None:
    for name, fn in CASES:
        reset()
        print(f"== {name}")
        try:
            fn(T)
        except Exception as e:
            show("case raised", type(e).__name__, e)


if __name__ == "__main__":
    import os
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    os.environ["TF_USE_LEGACY_KERAS"] = "1"
    import tensorflow as tf
    tf.compat.v1.disable_v2_behavior()
    run_all(tf.compat.v1, tf.compat.v1.reset_default_graph)
