"""get_variable(collections=, trainable=False, validate_shape, use_resource=False) and get_local_variable."""
from h import *

case("collections=['mine']", lambda: T.get_variable("w", [2], collections=["mine"]))
case("collections=['mine', 'variables']", lambda: T.get_variable("w", [2], collections=["mine", "variables"]))
case("collections=[] ", lambda: T.get_variable("w", [2], collections=[]))
case("collections=('a', 'b') tuple", lambda: T.get_variable("w", [2], collections=("a", "b")))
case("collections=['trainable_variables']", lambda: T.get_variable("w", [2], collections=["trainable_variables"]))
case("trainable=False", lambda: T.get_variable("w", [2], trainable=False))
case("trainable=False collections=['x']", lambda: T.get_variable("w", [2], trainable=False, collections=["x"]))
case("validate_shape=False", lambda: T.get_variable("w", [2], validate_shape=False))
case("validate_shape=False initializer=tensor", lambda: T.get_variable("w", initializer=T.constant([1.0, 2.0]), validate_shape=False))
case("use_resource=False", lambda: T.get_variable("w", [2], use_resource=False))
case("caching_device='/cpu:0'", lambda: T.get_variable("w", [2], caching_device="/cpu:0"))
case("get_local_variable", lambda: T.get_local_variable("lv", [2]))
case("get_local_variable collections=['x']", lambda: T.get_local_variable("lv", [2], collections=["x"]))
case("get_local_variable trainable=True", lambda: T.get_local_variable("lv", [2], trainable=True))
case("get_local_variable in scope", lambda: (T.variable_scope("s").__enter__(), T.get_local_variable("lv", [2]))[1])
def reuse_local():
    with T.variable_scope("s"):
        a = T.get_local_variable("lv", [2])
    with T.variable_scope("s", reuse=True):
        b = T.get_local_variable("lv", [2])
    print("   same object:", a is b)
    return b
case("get_local_variable reused", reuse_local)
def reuse_colls():
    a = T.get_variable("w", [2], collections=["mine"])
    with T.variable_scope(T.get_variable_scope(), reuse=True):
        b = T.get_variable("w", [2], collections=["other"])
    print("   same object:", a is b)
    return b
case("reuse with other collections", reuse_colls)
# errors
case("collections='mine' (a string)", lambda: T.get_variable("w", [2], collections="mine"))
case("trainable='yes'", lambda: T.get_variable("w", [2], trainable="yes"))
case("shape='x'", lambda: T.get_variable("w", "x"))
case("shape=[2.5]", lambda: T.get_variable("w", [2.5]))
case("shape=[-1]", lambda: T.get_variable("w", [-1]))
case("name=None", lambda: T.get_variable(None, [2]))
case("name=3", lambda: T.get_variable(3, [2]))
case("no name", lambda: T.get_variable())
case("unexpected kw", lambda: T.get_variable("w", [2], foo=1))
case("dtype='float32' string", lambda: T.get_variable("w", [2], dtype="float32"))
case("dtype='nope'", lambda: T.get_variable("w", [2], dtype="nope"))
case("dtype=int32 default init", lambda: T.get_variable("w", [2], dtype=T.int32))
case("dtype=bool", lambda: T.get_variable("w", [2], dtype=T.bool))
case("dtype=string", lambda: T.get_variable("w", [2], dtype=T.string))
case("dtype=complex64", lambda: T.get_variable("w", [2], dtype=T.complex64))
case("dtype=float64_ref", lambda: T.get_variable("w", [2], dtype=T.float64._as_ref))
case("shape TensorShape", lambda: T.get_variable("w", T.TensorShape([2, 3])))
case("shape tuple", lambda: T.get_variable("w", (2, 3)))
case("shape int", lambda: T.get_variable("w", 3))
case("shape np array", lambda: T.get_variable("w", np.array([2, 3])))
def local_mutates():
    mine = ["x"]
    v = T.get_local_variable("lv", [2], collections=mine)
    print("   the caller's list afterwards:", mine)
    return v
case("get_local_variable appends to the caller's collections list", local_mutates)
