"""A variable's colocation attr (`_class: loc:@<name>`) on the ops of its
initializer: `RefVariable._init_from_args` makes them and the variable op
under `Graph._attr_scope({"_class": ...})`, which sets the attr as each op
is made unless the op has one of its own, so an op colocated with another
variable keeps that one, and the ops made before the variable fails
(a taken name, a shape too large) keep it; a resource variable's
VarHandleOp refuses a shape too large as VariableV2 does."""
from cases import outcome
from h import T, tf  # noqa: F401


def classes(prefix=""):
    for op in T.get_default_graph().get_operations():
        if op.name.startswith(prefix):
            try:
                found = op.get_attr("_class")
            except ValueError:
                found = None
            print("  ", op.name, op.type, found)


def case(title, fn, prefix=""):
    T.reset_default_graph()
    print("==", title, "->", outcome(fn))
    classes(prefix)


def plain():
    T.get_variable("k", [2, 3])
    T.get_variable("n", [4], initializer=T.glorot_normal_initializer(seed=7))
    return T.get_variable("z", [3], initializer=T.zeros_initializer())


def from_another_variable():
    a = T.get_variable("a", [2])
    return T.get_variable("b", initializer=lambda: a.initialized_value() * 2.0)


def resource_from_another_variable():
    a = T.get_variable("a", [2])
    with T.variable_scope("r", use_resource=True):
        return T.get_variable("b", initializer=lambda: a.initialized_value() * 2.0)


def zeros_name_taken():
    c = T.constant(1.0, name="c")
    T.identity(c, name="z/Initializer/zeros/")
    return T.get_variable("z", [2, 2], initializer=T.zeros_initializer())


def uniform_name_taken():
    c = T.constant(1.0, name="c")
    T.identity(c, name="q/Initializer/random_uniform/min/")
    return T.get_variable("q", [2, 2])


def initializer_fails():
    def bad(shape, dtype=None, partition_info=None):
        T.ones(shape, dtype)
        raise RuntimeError("boom")
    return T.get_variable("w", [2], initializer=bad)


def too_large_zeros():
    return T.get_variable("big", [2**40, 2**40], initializer=T.zeros_initializer())


def too_large_uniform():
    return T.get_variable("big", [2**40, 2**40])


case("plain", plain)
case("from another variable", from_another_variable, "b")
case("resource variable from another variable", resource_from_another_variable, "r/b/Init")
case("zeros name taken", zeros_name_taken)
case("uniform name taken", uniform_name_taken)
try:
    case("initializer fails", initializer_fails)
except RuntimeError as e:
    print("RuntimeError:", e)
    classes()
case("too large zeros", too_large_zeros)
case("too large uniform", too_large_uniform)


def resource_too_large():
    """VarHandleOp's shape function refuses the shape as VariableV2's does;
    the scope's name stays taken and the store keeps nothing."""
    with T.variable_scope("r", use_resource=True):
        try:
            T.get_variable("big", [2**40, 2**40])
        except ValueError as e:
            print("   ValueError:", e)
        return T.get_variable("big", [2])


case("resource variable too large", resource_too_large, "r/big/")
