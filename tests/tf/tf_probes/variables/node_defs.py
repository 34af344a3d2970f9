"""str(op) (the NodeDef) of every op the variables and initializers make:
attrs, `_class` colocation of initializer ops, Assign and read."""
from h import *


def build(T):
    """Replayed by tests/tf/test_variables_node_defs.py over scopesim's tf."""
    T.reset_default_graph()
    T.get_variable("w", [2, 3])
    tv = T.Variable(1.0, name="tv")
    tv.assign(2.0); tv.assign_add(1.0); tv.read_value(); T.assign(tv, 3.0, validate_shape=False)
    T.get_variable("z", [1000], initializer=T.zeros_initializer())
    T.get_variable("n", [2], initializer=T.random_normal_initializer(seed=3))
    T.get_variable("t", [2], initializer=T.truncated_normal_initializer())
    T.get_variable("c", [2], initializer=T.constant_initializer(0.5))
    T.get_variable("c6", [2, 3], initializer=T.constant_initializer([1, 2, 3, 4, 5, 6]))
    T.get_variable("i", [2], dtype=T.int32, initializer=T.random_uniform_initializer(0, 5))
    T.get_variable("o", [2, 3], initializer=T.orthogonal_initializer())
    T.Variable(lambda: T.zeros([2]), name="lz")
    T.get_variable("b", [2], dtype=T.bool)
    return "".join(str(op) + "--\n" for op in T.get_default_graph().get_operations())


def build_guarded(T):
    """A variable whose initial value reads another: the cond and the copies."""
    T.reset_default_graph()
    v = T.Variable([1.0], name="v")
    T.Variable(v * 2.0, name="w")
    g = T.get_variable("g", [2])
    T.get_variable("h", initializer=g + 1.0)
    return "".join(str(op) + "--\n" for op in T.get_default_graph().get_operations())


if __name__ == "__main__":
    print(build(T), end="")
    print("== guarded")
    print(build_guarded(T), end="")
