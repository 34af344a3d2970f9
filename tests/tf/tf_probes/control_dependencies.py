"""Probe: tf.control_dependencies (nesting, None, dominated ops, dedup,
conversion and its errors), op.control_inputs, tf.group.
`~/tfvenv/bin/python control_dependencies.py > control_dependencies.out`;
tests/tf/test_control_dependencies.py."""

from probe_common import err, main, show


def names(t):
    op = getattr(t, "op", t)
    return [o.name for o in op.control_inputs]


def case_control_inputs_skip_ops_fed_by_the_block(T):
    a = T.get_variable("a", [1])
    init = T.no_op(name="init")
    with T.control_dependencies([init]):
        b = T.identity(a, name="b")
        c = a + 1.0
        k = T.constant(3.0)
        k2 = T.identity(k)
        k3 = k2 + b
    show(names(b), names(c), names(c.op.inputs[1]), names(k), names(k2), names(k3))


def case_control_dependencies_nest_and_dedupe(T):
    a = T.get_variable("a", [1])
    init = T.no_op(name="init")
    n2 = T.no_op(name="n2")
    b = T.identity(a, name="b")
    with T.control_dependencies([init, n2, init]):
        with T.control_dependencies([n2, a]):
            d = T.constant(1.0)
            e = T.identity(b)
        with T.control_dependencies(None):
            f = T.constant(1.0)
            with T.control_dependencies([a.op]):
                f2 = T.constant(1.0)
        g = T.identity(a)
    show(names(d), names(e), names(f), names(f2), names(g))
    with T.control_dependencies([n2, init]):
        h = T.constant(1.0)
    with T.control_dependencies([b]):
        i = T.identity(b)
        i2 = T.identity(a)
    with T.control_dependencies([init]):
        with T.control_dependencies([]):
            y = T.constant(1.0)
    show(names(h), names(i), names(i2), names(y))


def case_control_dependencies_inputs(T):
    T.no_op(name="init")
    with T.control_dependencies(["init"]):
        x = T.constant(1.0)
    with T.control_dependencies([T.constant(1.0, name="cc")]):
        y = T.constant(1.0)
    show(names(x), names(y), type(T.control_dependencies([x])).__name__)
    for bad in [[1], [None], [[x]], 3, ["nope"]]:
        err(lambda: T.control_dependencies(bad))


def case_variables_ignore_control_dependencies(T):
    init = T.no_op(name="init")
    with T.control_dependencies([init]):
        v = T.get_variable("v", [1])
        w = T.Variable(1.0, name="w")
    show(names(v.op), names(v.initializer), names(v.value()), names(w.op), names(w.initializer),
         names(w.initial_value))


def case_group(T):
    a = T.get_variable("a", [1])
    init = T.no_op(name="init")
    b = T.identity(a, name="b")
    c = a + 1.0
    with T.control_dependencies([init]):
        gr = T.group(b, c, name="gr")
        gr2 = T.group()
        gr3 = T.group(init)
    show(names(gr), gr.type, [t.name for t in gr.inputs], gr2.name, names(gr2), names(gr3))
    gg = T.group(b, c.op, init)
    gg2 = T.group(b, name="g1")
    gg3 = T.group([b, [c]])
    show(gg.name, names(gg), gg2.name, names(gg2), gg3.name, names(gg3))
    err(lambda: T.group(1))
    err(lambda: T.group(b, foo=1))


def case_group_over_devices(T):
    with T.device("/cpu:0"):
        x = T.constant(1.0, name="x")
    with T.device("/gpu:0"):
        y = T.constant(1.0, name="y")
    z = T.constant(1.0, name="z")
    g = T.group(y, z, x)
    show(g.name, names(g), repr(g.device))
    for op in T.get_default_graph().get_operations()[3:]:
        show(op.name, op.type, names(op), repr(op.device))


if __name__ == "__main__":
    main(globals())
