"""tf.Variable: every kind of initial value; name, trainable, collections, dtype, validate_shape, expected_shape; repr, initializer, initial_value, value(), read_value(), assign*."""
from h import *

def attrs(v):
    print("   repr:", repr(v))
    print("   str:", str(v))
    print("   name=%s op=%s/%s initializer=%s/%s initial_value=%s value()=%s shape=%s dtype=%r trainable=%r graph_is_default=%r" % (
        v.name, v.op.name, v.op.type, v.initializer.name, v.initializer.type, v.initial_value.name, v.value().name,
        v.shape, v.dtype, v.trainable, v.graph is T.get_default_graph()))
    print("   get_shape:", v.get_shape(), "type", type(v).__name__, "device=%r" % v.device)

def run(title, fn):
    def f():
        v = fn()
        attrs(v)
        return v
    case(title, f)

run("Variable(1.0)", lambda: T.Variable(1.0))
run("Variable(3) int", lambda: T.Variable(3))
run("Variable([1.0, 2.0], name='v')", lambda: T.Variable([1.0, 2.0], name="v"))
run("Variable(np.zeros((2,3)))", lambda: T.Variable(np.zeros((2, 3))))
run("Variable(np.float32 array)", lambda: T.Variable(np.ones((2,), np.float32), name="n"))
run("Variable(tensor)", lambda: T.Variable(T.zeros([2, 3]), name="t"))
def in_ns():
    with T.name_scope("ns"):
        z = T.zeros([2])
        return T.Variable(z, name="t")
run("Variable(tensor) in name_scope", in_ns)
def in_ns2():
    z = T.zeros([2])
    with T.name_scope("ns"):
        return T.Variable(z, name="t")
run("Variable(tensor made outside) in name_scope", in_ns2)
run("Variable(callable)", lambda: T.Variable(lambda: T.ones([2]), name="c"))
run("Variable(callable returning python)", lambda: T.Variable(lambda: [1.0, 2.0], name="c"))
run("Variable(random_normal)", lambda: T.Variable(T.random_normal([2]), name="r"))
run("Variable(1.0, dtype=float64)", lambda: T.Variable(1.0, dtype=T.float64, name="d"))
run("Variable(1, dtype=float32)", lambda: T.Variable(1, dtype=T.float32, name="d"))
run("Variable(tensor float32, dtype=float64)", lambda: T.Variable(T.zeros([2]), dtype=T.float64, name="d"))
run("Variable(trainable=False)", lambda: T.Variable(1.0, trainable=False, name="nt"))
run("Variable(collections=['c'])", lambda: T.Variable(1.0, collections=["c"], name="cc"))
run("Variable(collections=['c'], trainable=False)", lambda: T.Variable(1.0, collections=["c"], trainable=False))
run("Variable(validate_shape=False)", lambda: T.Variable([1.0, 2.0], validate_shape=False, name="vs"))
run("Variable(expected_shape=[2])", lambda: T.Variable([1.0, 2.0], expected_shape=[2], name="es"))
run("Variable(shape=[None])", lambda: T.Variable([1.0, 2.0], shape=[None], name="sh"))
run("Variable(name='a/')", lambda: T.Variable(1.0, name="a/"))
def in_vs():
    with T.variable_scope("vs"):
        return T.Variable(1.0, name="x")
run("Variable in variable_scope", in_vs)
run("Variable(string)", lambda: T.Variable("hi", name="s"))
run("Variable(True)", lambda: T.Variable(True, name="b"))
run("Variable(use_resource=False)", lambda: T.Variable(1.0, use_resource=False))
run("VariableV1 big zeros callable", lambda: T.Variable(lambda: T.zeros([40, 30]), name="big"))
run("Variable(init_ops instance?)", lambda: T.Variable(T.zeros_initializer()([2]), name="zi"))
# errors
case("Variable()", lambda: T.Variable())
case("Variable(None)", lambda: T.Variable(None))
case("Variable(1.0, collections='c')", lambda: T.Variable(1.0, collections="c"))
case("Variable(1.0, name=3)", lambda: T.Variable(1.0, name=3))
case("Variable(1.0, dtype=int32)", lambda: T.Variable(1.5, dtype=T.int32))
case("Variable([1, 2.5])", lambda: T.Variable([1, "a"]))
case("Variable(1.0, foo=1)", lambda: T.Variable(1.0, foo=1))
case("Variable(1.0, name='bad name!')", lambda: T.Variable(1.0, name="bad name!"))
case("Variable(1.0, variable_def=...)", lambda: T.Variable(1.0, variable_def=1))
case("Variable(expected_shape mismatch)", lambda: T.Variable([1.0, 2.0], expected_shape=[3], name="es"))
case("Variable(shape mismatch)", lambda: T.Variable([1.0, 2.0], shape=[3], name="sh"))
case("Variable(lambda x: x)", lambda: T.Variable(lambda x: x))
case("Variable(placeholder [None])", lambda: T.Variable(T.placeholder(T.float32, [None], name="p"), name="pv"))
case("Variable(placeholder [None], validate_shape=False)", lambda: T.Variable(T.placeholder(T.float32, [None], name="p"), name="pv", validate_shape=False))
def in_cd():
    a = T.no_op(name="a")
    with T.control_dependencies([a]):
        v = T.Variable(1.0, name="cd")
        w = T.get_variable("gw", [1], initializer=T.zeros_initializer())
    print("   control inputs:", [(o.name, [c.name for c in o.control_inputs]) for o in T.get_default_graph().get_operations()])
    return v
case("variables inside control_dependencies", in_cd)
