"""Issue 11, items 15-21: TensorFlow's rules on odd names and shapes.
Run with TF 2.21 (~/tfvenv/bin/python odd_names.py > odd_names.out); the
same cases run over scopesim with `--scopesim`."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from probe_common import cases, show  # noqa: E402


def ops(T):
    return [(o.name, o.type) for o in T.get_default_graph().get_operations()]


def attempt(T, fn):
    try:
        r = fn()
    except Exception as e:  # noqa: BLE001
        show("raised", type(e).__name__, repr(str(e)))
    else:
        show("ok", repr(getattr(r, "name", r)))
    show("ops", ops(T))


# 15. negative dimensions
def case_15_get_variable_negative(T):
    attempt(T, lambda: T.get_variable("w", [-1]))


def case_15_get_variable_negative_second(T):
    attempt(T, lambda: T.get_variable("w", [2, -3]))


def case_15_get_variable_negative_zeros(T):
    attempt(T, lambda: T.get_variable("w", [-1], initializer=T.zeros_initializer()))


def case_15_variable_negative_zeros(T):
    attempt(T, lambda: T.Variable(T.zeros([-1])))


def case_15_variable_negative_shape_arg(T):
    attempt(T, lambda: T.Variable(1.0, shape=[-1]))


def case_15_variable_negative_shape_arg_2(T):
    attempt(T, lambda: T.Variable([1.0, 2.0], shape=[-2]))


def case_15_tensorshape_negative(T):
    attempt(T, lambda: T.TensorShape([-1]))
    attempt(T, lambda: T.Dimension(-1))


def case_15_placeholder_negative(T):
    attempt(T, lambda: T.placeholder(T.float32, [-1]))


def case_15_variable_negative_initializer_callable(T):
    attempt(T, lambda: T.Variable(T.ones_initializer()([-1]), name="v"))


# 16. empty names
def case_16_get_variable_empty(T):
    attempt(T, lambda: T.get_variable("", [1]))


def case_16_get_variable_empty_in_scope(T):
    with T.variable_scope("s"):
        attempt(T, lambda: T.get_variable("", [1]))


def case_16_variable_empty(T):
    attempt(T, lambda: T.Variable(1.0, name=""))


def case_16_variable_empty_in_name_scope(T):
    with T.name_scope("n"):
        attempt(T, lambda: T.Variable(1.0, name=""))


def case_16_constant_empty(T):
    attempt(T, lambda: T.constant(1.0, name=""))


def case_16_constant_empty_in_name_scope(T):
    with T.name_scope("n"):
        attempt(T, lambda: T.constant(1.0, name=""))


def case_16_op_empty(T):
    x = T.constant(1.0, name="x")
    attempt(T, lambda: T.identity(x, name=""))
    attempt(T, lambda: T.add(x, x, name=""))


def case_16_op_empty_in_name_scope(T):
    x = T.constant(1.0, name="x")
    with T.name_scope("n"):
        attempt(T, lambda: T.identity(x, name=""))
        attempt(T, lambda: T.add(x, 2.0, name=""))


def case_16_zeros_empty(T):
    attempt(T, lambda: T.zeros([2], name=""))
    attempt(T, lambda: T.ones([2], name=""))
    attempt(T, lambda: T.fill([2], 1.0, name=""))


def case_16_placeholder_empty(T):
    attempt(T, lambda: T.placeholder(T.float32, [1], name=""))


# 17. names ending in a newline
def case_17_get_variable_newline(T):
    attempt(T, lambda: T.get_variable("w\n", [1]))


def case_17_variable_newline(T):
    attempt(T, lambda: T.Variable(1.0, name="w\n"))


def case_17_constant_newline(T):
    attempt(T, lambda: T.constant(1.0, name="c\n"))


def case_17_scope_newline(T):
    def f():
        with T.variable_scope("s\n"):
            return T.get_variable("w", [1])
    attempt(T, f)


def case_17_name_scope_newline(T):
    def f():
        with T.name_scope("n\n"):
            return T.constant(1.0, name="c")
    attempt(T, f)


def case_17_get_variable_newline_zeros(T):
    attempt(T, lambda: T.get_variable("w\n", [1], initializer=T.zeros_initializer()))


def case_17_get_variable_newline_in_scope(T):
    def f():
        with T.variable_scope("s"):
            return T.get_variable("w\n", [2])
    attempt(T, f)


def case_17_identity_newline(T):
    x = T.constant(1.0, name="x")
    attempt(T, lambda: T.identity(x, name="i\n"))


def case_17_unique_name_newline(T):
    g = T.get_default_graph()
    show("names", [g.unique_name("a\n"), g.unique_name("a\n"),
                   g.unique_name("a\n", mark_as_used=False)])


def case_17_constant_newline_twice(T):
    T.constant(1.0, name="c\n")
    attempt(T, lambda: T.constant(1.0, name="c\n"))
    attempt(T, lambda: T.constant(1.0, name="c"))


def case_17_graph_lookups_newline(T):
    g = T.get_default_graph()
    T.constant(1.0, name="c\n")
    T.constant(1.0, name="d")
    attempt(T, lambda: g.get_tensor_by_name("c\n:0"))
    attempt(T, lambda: g.get_operation_by_name("c\n"))
    attempt(T, lambda: g.get_tensor_by_name("d:0\n"))
    attempt(T, lambda: g.as_graph_element("d:0\n"))
    attempt(T, lambda: g.get_operation_by_name("d\n"))


def case_17_name_scope_newline_forms(T):
    def scope(*names):
        def f():
            stack = []
            for name in names:
                cm = T.name_scope(name)
                stack.append(cm)
                s = cm.__enter__()
            for cm in reversed(stack):
                cm.__exit__(None, None, None)
            return s
        return f
    attempt(T, scope("n\n"))
    attempt(T, scope("a", "n\n"))
    attempt(T, scope("n\n/"))
    attempt(T, scope("a/\n"))
    attempt(T, scope("\n"))


def case_17_variable_scope_newline_nested(T):
    def f():
        with T.variable_scope("a"):
            with T.variable_scope("s\n") as s:
                show("scope", repr(s.name), repr(s.original_name_scope))
                return T.get_variable("w", [1])
    attempt(T, f)
    attempt(T, lambda: T.variable_scope("\n").__enter__().name)


def case_17_variable_newline_from_a_tensor(T):
    attempt(T, lambda: T.Variable(T.constant(1.0), name="w\n"))


def case_17_get_variable_newline_tensor_initializer(T):
    attempt(T, lambda: T.get_variable("w\n", initializer=T.constant(1.0)))


def case_17_get_variable_newline_constant_initializer(T):
    def f():
        with T.variable_scope("a"):
            return T.get_variable("w\n", [1], initializer=T.constant_initializer(1.0))
    attempt(T, f)


def case_17_variable_newline_in_name_scope_and_resource(T):
    def f():
        with T.name_scope("a"):
            return T.Variable(1.0, name="w\n")
    attempt(T, f)
    attempt(T, lambda: T.Variable(1.0, name="v\n", use_resource=True))


def case_17_ops_named_with_a_newline(T):
    x = T.constant([1.0], name="x")
    attempt(T, lambda: T.placeholder(T.float32, name="p\n"))
    attempt(T, lambda: T.add(x, x, name="a\n"))
    attempt(T, lambda: T.add(x, 1.0, name="b\n"))
    attempt(T, lambda: T.reshape(x, [1], name="r\n"))
    attempt(T, lambda: T.zeros([2], name="z\n"))


def case_17_newline_alone_twice_and_return(T):
    attempt(T, lambda: T.constant(1.0, name="\n"))
    attempt(T, lambda: T.constant(1.0, name="c\n\n"))
    attempt(T, lambda: T.constant(1.0, name="c\r"))
    attempt(T, lambda: T.get_variable("w\n\n", [1]))


def case_17_default_name_newline(T):
    def f():
        with T.variable_scope(None, default_name="d\n") as s:
            return s.name
    attempt(T, f)
    attempt(T, f)


# 19. zeros/ones initializers retry through Const + Fill
def case_19_zeros_unknown_dim(T):
    attempt(T, lambda: T.get_variable("w", [None], initializer=T.zeros_initializer()))


def case_19_zeros_string(T):
    attempt(T, lambda: T.get_variable("w", [2], dtype=T.string, initializer=T.zeros_initializer()))


def case_19_ones_string(T):
    attempt(T, lambda: T.get_variable("w", [2], dtype=T.string, initializer=T.ones_initializer()))


def case_19_zeros_fn_bad_shape(T):
    attempt(T, lambda: T.zeros([2, "a"]))
    attempt(T, lambda: T.ones([2, "a"]))


def case_19_zeros_fn_big(T):
    attempt(T, lambda: T.zeros([2**62, 4]))
    attempt(T, lambda: T.ones([2**62, 4]))


def case_19_zeros_fn_string_dtype(T):
    attempt(T, lambda: T.zeros([2], dtype=T.string))
    attempt(T, lambda: T.ones([2], dtype=T.string))


def case_19_zeros_fn_negative(T):
    attempt(T, lambda: T.zeros([-1]))
    attempt(T, lambda: T.ones([-1, 2]))


# 20. _apply_op_helper's second conversion
def case_20_add_string_float(T):
    x = T.constant(1.0, name="x")
    attempt(T, lambda: T.add(x, "a"))


def case_20_add_none(T):
    x = T.constant(1.0, name="x")
    attempt(T, lambda: T.add(x, None))


def case_20_add_list_mixed(T):
    x = T.constant(1.0, name="x")
    attempt(T, lambda: T.add(x, [1, "a"]))


def case_20_add_two_bad(T):
    attempt(T, lambda: T.add("a", None))


def case_20_add_int_float_tensor(T):
    x = T.constant(1, name="x")
    attempt(T, lambda: T.add(x, 1.5))


def case_20_add_first_python(T):
    x = T.constant(1.0, name="x")
    attempt(T, lambda: T.add("a", x))
    attempt(T, lambda: T.add(None, x))


def case_20_add_both_python_bad(T):
    attempt(T, lambda: T.add(None, None))
    attempt(T, lambda: T.add(object(), 1.0))


def case_20_identity_none(T):
    attempt(T, lambda: T.identity(None))


def case_20_matmul_bad(T):
    x = T.constant([[1.0]], name="x")
    attempt(T, lambda: T.matmul(x, "a"))


def case_20_add_big_int(T):
    x = T.constant(1, name="x")
    attempt(T, lambda: T.add(x, 2**40))
    attempt(T, lambda: T.add(x, 2**70))


def case_20_add_dict(T):
    x = T.constant(1.0, name="x")
    attempt(T, lambda: T.add(x, {}))
    attempt(T, lambda: T.add(x, [[1.0], [2.0, 3.0]]))


def case_16_convert_to_tensor_names(T):
    attempt(T, lambda: T.convert_to_tensor(T.TensorShape([2])))
    attempt(T, lambda: T.convert_to_tensor(T.TensorShape([2]), dtype=T.int64))
    attempt(T, lambda: T.convert_to_tensor(1.0, name=""))
    attempt(T, lambda: T.convert_to_tensor(T.TensorShape([2]), name=""))
    attempt(T, lambda: T.constant(1.0, dtype=T.float32, name=""))
    attempt(T, lambda: T.convert_to_tensor([T.constant(1.0, name="t"), 2.0], name=""))
    attempt(T, lambda: T.convert_to_tensor(T.constant(1, name="i"), dtype=T.float32))
    attempt(T, lambda: T.ones([T.constant(2, name="b"), 2]))


def case_16_convert_to_tensor_empty_name_in_a_scope(T):
    def f():
        with T.name_scope("n"):
            return T.convert_to_tensor(1.0, name="")
    attempt(T, f)


# 18. default names (`_get_unique_variable_scope`): the search restarts at
# `_1` every time, whatever was found before
def _default(T, prefix="x", **kw):
    with T.variable_scope(None, default_name=prefix, **kw) as s:
        return s.name


def _enter(T, name):
    with T.variable_scope(name):
        pass


def case_18_reentered_by_name_after_close(T):
    out = []
    with T.variable_scope("p"):
        out += [_default(T) for _ in range(4)]
    with T.variable_scope("p"):
        _enter(T, "x")
        _enter(T, "x_2")
        out += [_default(T), _default(T), _default(T)]
    show("names", out)


def case_18_root_reentered_by_name(T):
    out = [_default(T) for _ in range(3)]
    _enter(T, "x_5")
    out += [_default(T), _default(T), _default(T)]
    show("names", out)


def case_18_object_scope_restores_counts(T):
    with T.variable_scope("p") as p:
        pass
    out = []
    with T.variable_scope(p):
        out += [_default(T) for _ in range(3)]
    with T.variable_scope(p):
        _enter(T, "x")
        _enter(T, "x_2")
        out += [_default(T), _default(T)]
    show("names", out)


def case_18_object_scope_inside_keeps_outer_counts(T):
    out = []
    with T.variable_scope("q") as q:
        pass
    with T.variable_scope("p"):
        out += [_default(T) for _ in range(3)]
        with T.variable_scope(q):
            out += [_default(T)]
        out += [_default(T)]
    show("names", out)


def case_18_name_scope_reentry_does_not_count(T):
    out = []
    with T.variable_scope("p") as p:
        out += [_default(T), _default(T)]
    with T.name_scope(p.original_name_scope):
        out += [_default(T), _default(T)]
    with T.variable_scope("p"):
        out += [_default(T), _default(T)]
    show("names", out)


def case_18_new_graph_counts_anew(T):
    out = [_default(T) for _ in range(3)]
    with T.Graph().as_default():
        out += [_default(T), _default(T)]
        _enter(T, "x_1")
        out += [_default(T)]
    out += [_default(T)]
    show("names", out)


def case_18_nested_default_names(T):
    out = []
    for _ in range(2):
        with T.variable_scope(None, default_name="x") as s:
            out.append(s.name)
            out += [_default(T), _default(T)]
            with T.variable_scope(None, default_name="x") as t:
                out.append(t.name)
                out += [_default(T)]
    with T.variable_scope("x_1"):
        out += [_default(T), _default(T)]
    show("names", out)


def case_18_sibling_inner_scope_closed(T):
    out = []
    with T.variable_scope("p"):
        out += [_default(T) for _ in range(3)]
        with T.variable_scope("x_1"):
            out += [_default(T, "y"), _default(T, "y")]
        with T.variable_scope("x_1"):
            out += [_default(T, "y")]
        out += [_default(T)]
    show("names", out)


def case_18_prefix_with_a_slash(T):
    out = []
    with T.variable_scope("p"):
        out += [_default(T, "a/b") for _ in range(3)]
    with T.variable_scope("p"):
        with T.variable_scope("a"):
            _enter(T, "b")
            _enter(T, "b_2")
        out += [_default(T, "a/b"), _default(T, "a/b")]
    show("names", out)


def case_18_reuse_and_auto_reuse_count_too(T):
    out = []
    with T.variable_scope("p"):
        out += [_default(T), _default(T), _default(T)]
    with T.variable_scope("p", reuse=True):
        _enter(T, "x")
        _enter(T, "x_2")
        attempt(T, lambda: _default(T))
    with T.variable_scope("p"):
        _enter(T, "x")
        _enter(T, "x_2")
        out += [_default(T)]
    with T.variable_scope("p", reuse=T.AUTO_REUSE):
        _enter(T, "x")
        _enter(T, "x_1")
        out += [_default(T), _default(T)]
        attempt(T, lambda: _default(T, reuse=T.AUTO_REUSE))
    show("names", out)


def case_18_variables_in_default_scopes(T):
    for _ in range(3):
        with T.variable_scope(None, default_name="layer"):
            T.get_variable("w", [1])
    with T.variable_scope("layer"):
        pass
    with T.variable_scope("layer_2"):
        pass
    with T.variable_scope(None, default_name="layer"):
        v = T.get_variable("w", [1])
    show("names", [x.name for x in T.global_variables()], v.name)


# 20. the conversion that fails once: an op named `scope/arg/` is taken
# without its name being marked used, so the first (named) conversion is
# "Duplicate node name" and the second, unnamed one is `scope/Const`
def case_20_identity_fails_once(T):
    T.constant(1.0, name="Identity/input/")
    attempt(T, lambda: T.identity(2.0))
    attempt(T, lambda: T.identity(3.0))


def case_20_relu_fails_once(T):
    T.constant(1.0, name="Relu/features/")
    attempt(T, lambda: T.nn.relu(2.0))


def case_20_reshape_tensor_fails_once(T):
    T.constant(1.0, name="Reshape/tensor/")
    attempt(T, lambda: T.reshape(1.0, [1]))


def case_20_maximum_second_input_fails_once(T):
    x = T.constant(1.0, name="x")
    T.constant(1.0, name="Maximum/y/")
    attempt(T, lambda: T.maximum(x, 2.0))


def case_20_maximum_first_input_fails_once(T):
    T.constant(1.0, name="Maximum/x/")
    attempt(T, lambda: T.maximum(2.0, 3.0))


def case_20_default_type_attr_fails_once(T):
    T.constant(1.0, name="Fill/dims/")
    attempt(T, lambda: T.fill([2], 1.0))
    T.constant(1.0, name="Tile/multiples/")
    attempt(T, lambda: T.tile(T.constant([1.0]), [2]))
    T.constant(1.0, name="ExpandDims/dim/")
    attempt(T, lambda: T.expand_dims(T.constant(1.0), 0))


def case_20_fill_value_fails_once(T):
    T.constant(1.0, name="Fill/value/")
    attempt(T, lambda: T.fill([2], 1.0))


def case_20_fixed_type_input_fails_once(T):
    T.constant(1.0, name="LogicalNot/x/")
    attempt(T, lambda: T.logical_not(True))


def case_20_list_element_fails_once(T):
    T.constant(1.0, name="concat/values_1/")
    attempt(T, lambda: T.concat([T.constant([1.0]), [2.0]], 0))


def case_20_list_axis_fails_once(T):
    T.constant(1.0, name="concat/axis/")
    attempt(T, lambda: T.concat([T.constant([1.0]), T.constant([2.0])], 0))


def case_20_list_of_mixed_values(T):
    attempt(T, lambda: T.concat([T.constant([1.0]), 1.0, T.constant([1])], 0))
    attempt(T, lambda: T.concat([T.constant([1.0]), "a"], 0))
    attempt(T, lambda: T.concat([T.constant([1.0]), None], 0))


def case_20_list_of_python_values(T):
    attempt(T, lambda: T.concat([[1.0], [2]], 0))
    attempt(T, lambda: T.concat([[1.0], ["a"]], 0))


def case_20_list_add_n_and_stack(T):
    attempt(T, lambda: T.add_n([T.constant(1.0), "a"]))
    attempt(T, lambda: T.stack([T.constant(1.0), "a"]))
    attempt(T, lambda: T.add_n([T.constant(1.0), T.constant(1)]))


def case_20_packed_value_fails_once(T):
    T.constant(1.0, name="Identity/input/")
    attempt(T, lambda: T.identity([T.constant(1.0), 2.0]))


# 21. more than 2**63 - 1 elements
def case_21_get_variable_too_large(T):
    attempt(T, lambda: T.get_variable("w", [2**62, 4]))


def case_21_get_variable_too_large_zeros(T):
    attempt(T, lambda: T.get_variable("w", [2**62, 4], initializer=T.zeros_initializer()))


def case_21_get_variable_too_large_ones(T):
    attempt(T, lambda: T.get_variable("w", [2**32, 2**32], initializer=T.ones_initializer()))


def case_21_get_variable_too_large_constant(T):
    attempt(T, lambda: T.get_variable("w", [2**62, 4], initializer=T.constant_initializer(1.0)))


def case_21_get_variable_just_fits(T):
    attempt(T, lambda: T.get_variable("w", [2**62, 1], initializer=T.zeros_initializer()))


def case_21_get_variable_dim_too_large(T):
    attempt(T, lambda: T.get_variable("w", [2**63]))


def case_21_variable_too_large(T):
    attempt(T, lambda: T.Variable(T.zeros([2**62, 4]), name="v"))


def case_21_variable_too_large_shape_arg(T):
    attempt(T, lambda: T.Variable(1.0, shape=[2**62, 4], validate_shape=False))


def case_21_variable_initializer_too_large(T):
    attempt(T, lambda: T.Variable(T.zeros_initializer()([2**62, 4]), name="v"))



def case_21_constants_of_ints_past_int64(T):
    attempt(T, lambda: T.constant([2**63]).dtype)
    attempt(T, lambda: T.constant([2, 2**63]).dtype)
    attempt(T, lambda: T.constant([2**63, -1]).dtype)
    attempt(T, lambda: T.constant([2**64]))
    attempt(T, lambda: T.constant([[1], [2**64]]))
    attempt(T, lambda: T.constant([-2**63 - 1]))


def case_21_get_variable_dims_past_int64(T):
    attempt(T, lambda: T.get_variable("a", [2**64]))
    attempt(T, lambda: T.get_variable("b", [2, 2**63]))
    attempt(T, lambda: T.get_variable("c", [2**63], initializer=T.random_normal_initializer()))
    attempt(T, lambda: T.get_variable("d", [2**63],
                                      initializer=T.truncated_normal_initializer()))
    attempt(T, lambda: T.get_variable("e", [2**63], initializer=T.glorot_normal_initializer()))


def case_21_get_variable_int64_sized_shape(T):
    v = T.get_variable("w", [2**31, 2])
    op = T.get_default_graph().get_operation_by_name("w/Initializer/random_uniform/RandomUniform")
    show("T", op.get_attr("T"), v.name)


def case_21_get_variable_zeros_ones_past_int64(T):
    attempt(T, lambda: T.get_variable("a", [2**63], initializer=T.zeros_initializer()))
    attempt(T, lambda: T.get_variable("b", [2**64], initializer=T.zeros_initializer()))
    attempt(T, lambda: T.get_variable("c", [2**63], initializer=T.ones_initializer()))
    attempt(T, lambda: T.get_variable("d", [2**63], dtype=T.int32))


def case_21_get_variable_constant_initializer_past_int64(T):
    attempt(T, lambda: T.get_variable("a", [2**63], initializer=T.constant_initializer(1.0)))
    attempt(T, lambda: T.get_variable("b", [2, 2**63], initializer=T.constant_initializer(1.0)))
    attempt(T, lambda: T.get_variable("c", [2**64], initializer=T.constant_initializer(1.0)))


def case_21_zeros_past_int64(T):
    attempt(T, lambda: T.zeros([2**63]))
    attempt(T, lambda: T.zeros([2**63 + 5]))
    attempt(T, lambda: T.zeros([2**64 - 1]))
    attempt(T, lambda: T.zeros([2**64]))
    attempt(T, lambda: T.ones([2, 2**63]))
    attempt(T, lambda: T.Variable(T.zeros([2**63])))


def case_21_shape_attrs_past_int64(T):
    attempt(T, lambda: T.placeholder(T.float32, [2**63]))
    attempt(T, lambda: T.placeholder(T.float32, [None, 2**64]))
    attempt(T, lambda: T.Variable(1.0, shape=[2**63], validate_shape=False))
    attempt(T, lambda: T.TensorShape([2**64]).as_list())

if __name__ == "__main__":
    if "--scopesim" in sys.argv:
        sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))
        from scopesim.tf import compat_v1 as T
        for name, fn in cases(dict(globals())):
            T.reset_default_graph()
            print(f"== {name}")
            try:
                fn(T)
            except Exception as e:  # noqa: BLE001
                show("case raised", type(e).__name__, e)
    else:
        from probe_common import main
        main(dict(globals()))
