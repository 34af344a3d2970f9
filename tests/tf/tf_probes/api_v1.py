"""Probe: the v1 API's objects, names and errors, one case per rule.

Each `case_<rule>(T)` prints what it shows; run under TensorFlow it writes
api_v1.out (`~/tfvenv/bin/python api_v1.py > api_v1.out`); tests/tf/
test_compat_v1.py runs the same cases with scopesim's tf.compat.v1 and
compares each case's lines.
"""

import re

ADDR = re.compile(r"0x[0-9a-f]+")


def show(*values):
    print(*(ADDR.sub("ADDR", str(v)) for v in values))


def err(fn):
    try:
        r = fn()
    except Exception as e:
        text = str(e).split("Originally defined at:")[0]   # TF's traceback follows
        show("raised", type(e).__name__, repr(type(e)), text)
    else:
        show("ok", repr(r))


def case_class_names_and_modules(T):
    v = T.get_variable("w", [2, 3])
    t = v + 1.0
    for o in (v, t, t.op, T.get_variable_scope(), v.shape, v.shape[0], v.dtype, T.AUTO_REUSE,
              T.get_default_graph()):
        show(repr(type(o)), type(o).__name__)


def case_reprs_and_strs(T):
    v = T.get_variable("w", [2, 3])
    x = T.Variable(T.zeros([2]), name="x")
    t = v * 2.0
    show(repr(t.op))        # str(op) is the NodeDef text with attrs: not simulated yet
    for o in (v, x, t, v.shape, v.shape[1], v.dtype, t.dtype, T.AUTO_REUSE,
              T.TensorShape([None, 3]), T.TensorShape(None), T.get_variable_scope()):
        show(repr(o), "|", str(o))


def case_variable_attributes(T):
    v = T.get_variable("w", [2])
    x = T.Variable(T.random_normal([2, 1]), name="x")
    c = T.Variable(1.5, name="c")
    g = T.get_default_graph()
    show(v.graph is g, v.op.graph is g, v.initializer.name, v.initializer.type)
    show(repr(v.initial_value), repr(v.value()), v.op.type, repr(v.device))
    show(repr(x.initial_value), x.initial_value.op.name, repr(c.initial_value), repr(c))
    show(isinstance(v, T.Variable), isinstance(x, T.Variable), v.trainable)
    show(repr(v.get_shape()), v.get_shape().as_list(), x.shape.ndims)


def case_tensor_attributes(T):
    a = T.constant([1.0, 2.0], name="a")
    b = a + 1.0
    show(b.op.inputs[0] is a, [t.name for t in b.op.inputs], [t.name for t in b.op.outputs])
    show(b.value_index, repr(b.device), b.graph is T.get_default_graph(), repr(b.get_shape()))
    show(b == b, b == a, b != a, hash(b) == hash(b))


def case_tensor_bool_len_iter(T):
    a = T.constant([1.0, 2.0], name="a")
    err(lambda: bool(a))
    err(lambda: len(a))
    err(lambda: iter(a))


def case_operators_reflected(T):
    v = T.get_variable("v", [2])
    for t in (1.0 + v, v - 2, 3 * v, v / 2.0, -v, 2.0 - v):
        show(repr(t))
    show([o.name for o in T.get_default_graph().get_operations()][-8:])


def case_operators_floordiv_mod_pow_compare_abs(T):
    a = T.constant([3, 4], name="a")
    f = T.constant([1.5], name="f")
    for t in (a // 2, a % 3, a ** 2, 7 // a, 2 ** a, a < 2, 1 < a, a >= a, f > 1.0, abs(f),
              T.floordiv(a, 2), T.mod(a, 2), T.pow(f, 2.0), T.less(a, 3), T.abs(a)):
        show(repr(t))
    show([(o.name, o.type) for o in T.get_default_graph().get_operations()])
    err(lambda: a // 1.5)
    err(lambda: f < 1)
    err(lambda: T.constant([1.0, 2.0]) < T.constant([1.0, 2.0, 3.0]))


def case_collections(T):
    g = T.get_default_graph()
    show(g.get_all_collection_keys())
    T.get_variable("a", [1])
    T.get_variable("b", [1], trainable=False)
    T.Variable(T.zeros([1]), name="c", trainable=False)
    show(sorted(g.get_all_collection_keys()))
    show([v.name for v in T.global_variables()], [v.name for v in T.trainable_variables()])
    show([v.name for v in g.get_collection(T.GraphKeys.GLOBAL_VARIABLES, "b")])
    T.add_to_collection("mine", 3)
    show(g.get_collection("mine"), g.get_collection("mine", "x"), T.get_collection_ref("mine"))
    show(T.GraphKeys.TRAINABLE_VARIABLES, T.GraphKeys.UPDATE_OPS, T.GraphKeys.LOSSES)


def case_scopes(T):
    g = T.get_default_graph()
    with T.variable_scope("a") as s:
        with T.name_scope("n") as ns:
            show(s.name, ns, g.get_name_scope(), T.get_variable("q", [1]).name, T.no_op().name)
        show(repr(s.original_name_scope), s.reuse, s.dtype, s.initializer)
        s.reuse_variables()
        show(T.get_variable_scope().reuse, T.get_variable("q", [1]).name)
    with T.variable_scope(None, default_name="d"):
        show(T.get_variable_scope().name, T.identity(T.constant(1.0)).name)
    with T.variable_scope(None, default_name="d"):
        show(T.get_variable_scope().name)
    with T.variable_scope("auto", reuse=T.AUTO_REUSE):
        show(T.get_variable("z", [1]) is T.get_variable("z", [1]))


def case_get_variable_errors(T):
    T.get_variable("w", [2])
    err(lambda: T.get_variable("w", [2]).name[:40])
    with T.variable_scope("", reuse=True):
        err(lambda: T.get_variable("nope", [1]))
        err(lambda: T.get_variable("w", [3]))
    err(lambda: T.get_variable("u"))


def case_dtypes(T):
    show(repr(T.float32), str(T.float32), T.float32 == "float32", T.float32 == 1, hash(T.float32))
    show(T.as_dtype("float64") is T.float64, T.float32 != T.int32, T.float32 == None)  # noqa: E711
    show(repr(T.float32._as_ref if False else T.as_dtype("float32_ref")),
         T.as_dtype("float32_ref").base_dtype)
    err(lambda: T.as_dtype("foo"))
    v = T.get_variable("v", [1], dtype=T.int64)
    show(v.dtype, v.dtype.base_dtype, v.value().dtype, v.dtype == T.int64)


def case_tensor_shape(T):
    s = T.TensorShape([2, None, 3])
    show(repr(s), s, s.ndims, s.as_list(), repr(s[1]), repr(s[0:2]), s.is_fully_defined())
    show(s.num_elements(), T.TensorShape([2, 3]).num_elements(), s == [2, None, 3], s == (2, 3))
    show(repr(s.merge_with([2, 4, None])), s.is_compatible_with([2, 9, 3]),
         s.is_compatible_with([2, 9]))
    show(repr(s.concatenate([1])), repr(s + [5]), repr([7] + s), repr(T.TensorShape(None) + s))
    err(lambda: s.merge_with([3, 1, 3]))
    err(lambda: T.TensorShape(None).as_list())
    err(lambda: len(T.TensorShape(None)))
    err(lambda: T.TensorShape([-1]))
    err(lambda: T.TensorShape(["a"]))
    show(bool(T.TensorShape(None)), bool(T.TensorShape([])), len(s), [repr(d) for d in s])


def case_dimension(T):
    d, u = T.Dimension(4), T.Dimension(None)
    show(repr(d + 1), repr(1 + d), repr(d - 1), repr(10 - d), repr(d * 2), repr(d // 3))
    show(repr(d % 3), repr(u + 1), d == 4, u == 4, d < 5, u < 5, d.value, u.value)
    show(repr(d.merge_with(None)), d.is_compatible_with(5), int(d), list(range(d)))
    err(lambda: d / 2)
    err(lambda: 2 / d)
    err(lambda: d.merge_with(5))
    err(lambda: hash(d))


def case_missing_names(T):
    err(lambda: T.foo)
    err(lambda: T.nn.foo)
    err(lambda: T.train.foo)


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
