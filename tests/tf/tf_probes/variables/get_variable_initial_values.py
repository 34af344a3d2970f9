"""get_variable(initializer=<value>): tensors, Python values, numpy arrays, callables; the hidden Const of the dtype check; reuse errors."""
from h import *

case("initializer=[1.0, 2.0]", lambda: T.get_variable("p", initializer=[1.0, 2.0]))
case("initializer=[1.0, 2.0] dtype=float32", lambda: T.get_variable("p", initializer=[1.0, 2.0], dtype=T.float32))
def ns():
    with T.name_scope("ns"):
        return T.get_variable("r", initializer=3.0, dtype=T.float32)
case("initializer=3.0 dtype=float32 in name_scope", ns)
case("initializer=1 dtype=float32", lambda: T.get_variable("s", initializer=1, dtype=T.float32))
case("initializer=1.0 dtype=float64", lambda: T.get_variable("s", initializer=1.0, dtype=T.float64))
case("initializer=np.zeros((2,2))", lambda: T.get_variable("n", initializer=np.zeros((2, 2))))
case("initializer=np.zeros((2,2), float32) dtype float32", lambda: T.get_variable("n", initializer=np.zeros((2, 2), np.float32), dtype=T.float32))
def tens():
    z = T.zeros([3])
    return T.get_variable("t", initializer=z)
case("initializer=tensor", tens)
def tens_dt():
    z = T.zeros([3])
    return T.get_variable("t", initializer=z, dtype=T.float64)
case("initializer=float32 tensor dtype=float64", tens_dt)
case("initializer=tensor with shape", lambda: T.get_variable("t", [3], initializer=T.zeros([3])))
case("initializer=lambda: tf.ones([2])", lambda: T.get_variable("c", initializer=lambda: T.ones([2])))
case("initializer=lambda: [1.0, 2.0]", lambda: T.get_variable("c", initializer=lambda: [1.0, 2.0]))
case("initializer=lambda with shape", lambda: T.get_variable("c", [2], initializer=lambda: T.ones([2])))
case("initializer=lambda shape, dtype, partition_info: ...", lambda: T.get_variable("c", [2], initializer=lambda shape, dtype=None, partition_info=None: T.ones(shape, dtype)))
case("initializer='str'", lambda: T.get_variable("c", initializer="abc"))
case("initializer=True", lambda: T.get_variable("c", initializer=True))
def scope_init():
    with T.variable_scope("s", initializer=T.constant_initializer(0.3)):
        a = T.get_variable("a", [2])
        b = T.get_variable("b", [2], dtype=T.int32)
        c = T.get_variable("c", [2], initializer=T.ones_initializer())
    return [a, b, c]
case("scope initializer applies to float and int", scope_init)
def scope_dtype():
    with T.variable_scope("s", dtype=T.float64):
        a = T.get_variable("a", [2])
        b = T.get_variable("b", initializer=[1.0, 2.0])
        c = T.get_variable("c", [2], dtype=T.float32)
    return [a, b, c]
case("scope dtype", scope_dtype)
def reuse_errs():
    T.get_variable("v", [2])
    with T.variable_scope("", reuse=True):
        for f in (lambda: T.get_variable("v", [3]), lambda: T.get_variable("v", [2], dtype=T.float64),
                  lambda: T.get_variable("nope", [2]), lambda: T.get_variable("v", [None]), lambda: T.get_variable("v")):
            try:
                print("   ok", f().name)
            except ValueError as e:
                print("  ", err(e))
    try:
        T.get_variable("v", [2])
    except ValueError as e:
        print("  ", err(e))
    with T.variable_scope("", reuse=T.AUTO_REUSE):
        a = T.get_variable("v", [2]); b = T.get_variable("auto", [1]); c = T.get_variable("auto", [1])
        print("   auto:", a.name, b.name, b is c)
    return a
case("reuse errors", reuse_errs)
case("shape [None, 3] default initializer", lambda: T.get_variable("u", [None, 3]))
case("no shape no initializer", lambda: T.get_variable("u"))
case("initializer=zeros_initializer() no shape", lambda: T.get_variable("u", initializer=T.zeros_initializer()))
def failed_then_ok():
    try:
        T.get_variable("c", [2], initializer=lambda: T.ones([2]))
    except TypeError as e:
        print("  ", err(e))
    return T.get_variable("c", [2], initializer=lambda shape, dtype=None, partition_info=None: T.ones(shape, dtype))
case("a failed callable initializer consumed the name scope", failed_then_ok)
