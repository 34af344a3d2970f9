"""Probe: resource variables in graph mode (TF 2.21, after disable_v2_behavior):
creation ops, use_resource through get_variable / variable_scope / tf.Variable /
the toggles, repr and attributes, reads, assigns and _UnreadVariable, operators,
the store's errors.  `~/tfvenv/bin/python resource_variables.py > resource_variables.out`
(from this folder); tests/tf/test_resource_variables.py."""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from probe_common import err, main, show  # noqa: E402


def ops(T):
    for o in T.get_default_graph().get_operations():
        show(" ", o.name, o.type, [t.name for t in o.inputs], [c.name for c in o.control_inputs])


def case_get_variable_use_resource_ops(T):
    v = T.get_variable("v", [3, 2], use_resource=True)
    show(type(v).__name__, repr(type(v)), v.name, v.op.name, v.op.type)
    ops(T)


def case_repr_str_dtype_shape(T):
    v = T.get_variable("v", [2], use_resource=True)
    show(repr(v))
    show(str(v))
    show(v.dtype, repr(v.dtype), v.shape, v.get_shape(), v.trainable, v.device == "")
    show(v.handle)
    show(v.handle.dtype, v.handle.shape, v.handle.name)
    show(v.op.name, v.initializer.name, v.initializer.type)
    show(v.initial_value)
    show(v.graph is T.get_default_graph())
    show(v._as_graph_element())


def case_value_and_read_value(T):
    v = T.get_variable("v", [2], use_resource=True)
    a = v.value()
    b = v.value()
    show(a, b, a is b)
    c = v.read_value()
    show(c)
    with T.name_scope("ns"):
        d = v.value()
        e = v.read_value()
    show(d, e)
    ops(T)


def case_variable_scope_use_resource_inherited(T):
    with T.variable_scope("s", use_resource=True) as s:
        show(s.use_resource)
        a = T.get_variable("a", [1])
        with T.variable_scope("t"):
            b = T.get_variable("b", [1])
            c = T.Variable(1.0, name="c")
        with T.variable_scope("u", use_resource=False):
            d = T.get_variable("d", [1])
        e = T.get_variable("e", [1], use_resource=False)
    show([type(x).__name__ for x in (a, b, c, d, e)])
    show([x.name for x in (a, b, c, d, e)])


def case_toggles(T):
    show(T.resource_variables_enabled())
    T.enable_resource_variables()
    show(T.resource_variables_enabled())
    a = T.get_variable("a", [1])
    b = T.Variable(1.0, name="b")
    c = T.get_variable("c", [1], use_resource=False)
    d = T.Variable(1.0, name="d", use_resource=False)
    with T.variable_scope("s", use_resource=False):
        e = T.get_variable("e", [1])
        f = T.Variable(1.0, name="f")
    show(T.disable_resource_variables())
    show(T.resource_variables_enabled())
    show([type(x).__name__ for x in (a, b, c, d, e, f)])


def case_variable_use_resource_forms(T):
    a = T.Variable(1.0, name="a", use_resource=True)
    z = T.zeros([2])
    b = T.Variable(z, name="b", use_resource=True)
    c = T.Variable(lambda: T.ones([3]), name="c", use_resource=True)
    d = T.Variable([1, 2], use_resource=True)
    e = T.Variable(2.0, use_resource=True, trainable=False, collections=["mine"])
    show(a.initial_value, b.initial_value, c.initial_value)
    show(d, d.dtype, e.name)
    ops(T)
    show(T.get_collection("mine"), T.global_variables(), T.trainable_variables())


def case_assign_methods(T):
    v = T.get_variable("v", [2], use_resource=True)
    a = v.assign([1.0, 2.0])
    show(type(a).__name__, repr(type(a)), a.name, a.op.name, a.op.type)
    show(repr(a))
    show(str(a))
    show(a.dtype, a.shape)
    b = v.assign_add([1.0, 1.0], name="bump")
    c = v.assign_sub([1.0, 1.0], read_value=False)
    d = v.assign([3.0, 3.0], read_value=False, name="set")
    show(b.name, type(c).__name__, c.name, c.type, d.name)
    ops(T)


def case_unread_variable_uses(T):
    v = T.get_variable("v", [2], use_resource=True)
    a = v.assign([1.0, 2.0])
    x = a + 1.0
    y = a.value()
    z = a.read_value()
    w = a.assign_add([1.0, 1.0])
    show(x, y, z, w.name)
    show(a.handle is v.handle, a._as_graph_element())
    show(T.identity(a))
    ops(T)


def case_state_ops_assign(T):
    v = T.get_variable("v", [2], use_resource=True)
    a = T.assign(v, [1.0, 2.0])
    b = T.assign_add(v, [1.0, 1.0], name="bump")
    c = T.assign_sub(v, [1.0, 1.0])
    show(type(a).__name__, a.name, b.name, c.name)
    err(lambda: T.assign(v, [1.0, 2.0], validate_shape=False, name="n"))
    ops(T)


def case_assign_errors(T):
    v = T.get_variable("v", [2], use_resource=True)
    err(lambda: v.assign([1.0, 2.0, 3.0]))
    err(lambda: v.assign([1, 2]))
    err(lambda: v.assign_add([1.0, 2.0, 3.0]))
    err(lambda: v.assign(T.zeros([2], T.int32)))
    ops(T)


def case_operators_read_first(T):
    v = T.get_variable("v", [2, 2], use_resource=True)
    x = T.placeholder(T.float32, [2, 2], name="x")
    y = T.matmul(x, v, name="mm")
    z = v + 1.0
    w = 2.0 * v
    n = -v
    s = v[0]
    t = T.identity(v)
    u = T.convert_to_tensor(v)
    show(y, z, w, n, s, t, u)
    with T.name_scope("ns"):
        q = v * v
    show(q)
    ops(T)


def case_inplace_operators(T):
    v = T.get_variable("v", [2], use_resource=True)
    def iadd():
        global_v = v
        global_v += 1.0
    err(iadd)
    ops(T)


def case_reuse_errors(T):
    v = T.get_variable("v", [2], use_resource=True)
    err(lambda: T.get_variable("v", [2], use_resource=True))
    err(lambda: T.get_variable("v", [2]))
    with T.variable_scope("", reuse=True):
        err(lambda: T.get_variable("v", [2], dtype=T.float64))
        err(lambda: T.get_variable("v", [3]))
        r = T.get_variable("v", [2], use_resource=False)
        show(r is v)
    w = T.get_variable("w", [2])
    with T.variable_scope("", reuse=True):
        r = T.get_variable("w", [2], use_resource=True)
        show(r is w, type(r).__name__)
        err(lambda: T.get_variable("w", dtype=T.int32, use_resource=True))
    ops(T)


def case_variable_and_get_variable_share_names(T):
    a = T.Variable(T.zeros([2]), name="v", use_resource=True)
    b = T.get_variable("v", [2], use_resource=True)
    show(a.name, b.name)
    with T.name_scope("ns"):
        c = T.Variable(1.0, name="u", use_resource=True)
        d = T.get_variable("u", [2], use_resource=True)
    show(c.name, d.name)


def case_caching_device(T):
    v = T.get_variable("v", [2], use_resource=True, caching_device="/cpu:0")
    show(v.value(), v.value().device)
    show(v.read_value())
    ops(T)


def case_initializer_and_collections(T):
    v = T.get_variable("v", [2], use_resource=True)
    w = T.get_local_variable("w", [2], use_resource=True)
    show(T.global_variables(), T.local_variables(), T.trainable_variables())
    i = T.global_variables_initializer()
    show(i.name, [c.name for c in i.control_inputs])
    show(T.variables_initializer([v, w]).control_inputs)


def case_is_instance(T):
    v = T.get_variable("v", [2], use_resource=True)
    show(isinstance(v, T.Variable), isinstance(v, T.Tensor))
    show(hasattr(v, "_ref"), v.trainable, v.constraint)


def case_regularizer_on_resource(T):
    v = T.get_variable("v", [2], use_resource=True, regularizer=lambda w: T.reduce_sum(w))
    show(T.get_collection(T.GraphKeys.REGULARIZATION_LOSSES))
    ops(T)


def case_initialized_value(T):
    v = T.get_variable("v", [2], use_resource=True)
    w = T.Variable(v.initialized_value(), name="w", use_resource=True)
    show(v.initialized_value())
    ops(T)


def case_node_defs(T):
    v = T.get_variable("v", [2], use_resource=True)
    v.assign([1.0, 2.0])
    v.assign_add([1.0, 2.0], read_value=False)
    w = T.Variable(1.0, name="w", use_resource=True)
    v.value()
    for o in T.get_default_graph().get_operations():
        if "random_uniform" not in o.name:
            show(str(o).replace("\n", " | "))


if __name__ == "__main__":
    main(globals())
