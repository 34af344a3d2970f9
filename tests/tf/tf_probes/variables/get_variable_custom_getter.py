"""custom_getter on get_variable and on scopes: full name, kwargs, nesting, replacement."""
from h import *

calls = []
def getter_named(tag):
    def g(getter, name, *args, **kwargs):
        calls.append((tag, name, T.get_default_graph().get_name_scope(), sorted(kwargs)))
        return getter(name + "/" + tag, *args, **kwargs)
    return g

def c1():
    with T.name_scope("ns"):
        return T.get_variable("v", [2], custom_getter=getter_named("A"))
calls.clear(); case("get_variable(custom_getter=A)", c1)
print("   calls:", calls)

def c2():
    with T.variable_scope("o", custom_getter=getter_named("O")):
        with T.variable_scope("i", custom_getter=getter_named("I")):
            v = T.get_variable("v", [2])
        w = T.get_variable("w", [2])
    return [v, w]
calls.clear(); case("nested scope getters", c2)
print("   calls:", calls)

def c3():
    with T.variable_scope("o", custom_getter=getter_named("O")):
        return T.get_variable("v", [2], custom_getter=getter_named("G"))
calls.clear(); case("get_variable getter replaces scope getter", c3)
print("   calls:", calls)

def c4():
    with T.variable_scope("o", custom_getter=getter_named("O")) as s:
        pass
    with T.variable_scope(s, custom_getter=getter_named("R")):
        return T.get_variable("v", [2])
calls.clear(); case("scope object re-entered with another getter composes", c4)
print("   calls:", calls)

def c5():
    return T.get_variable("v", [2], custom_getter=3)
case("custom_getter=3", c5)
def c5b():
    with T.variable_scope("s", custom_getter=3):
        pass
case("variable_scope(custom_getter=3)", c5b)

def reuse_getter(getter, name, *args, **kwargs):
    print("   getter sees reuse=%r trainable=%r dtype=%r collections=%r shape=%r initializer=%r" % (
        kwargs["reuse"], kwargs["trainable"], kwargs["dtype"], kwargs["collections"], kwargs["shape"], type(kwargs["initializer"]).__name__))
    return getter(name, *args, **kwargs)
def c6():
    with T.variable_scope("s", custom_getter=reuse_getter):
        a = T.get_variable("v", [2])
    with T.variable_scope("s", reuse=True, custom_getter=reuse_getter):
        b = T.get_variable("v")
    with T.variable_scope("s", reuse=T.AUTO_REUSE, custom_getter=reuse_getter):
        c = T.get_variable("v", dtype=T.float32, trainable=False, collections=["c"], initializer=T.zeros_initializer())
    return [a, b, c]
case("kwargs a getter receives", c6)

def no_kwargs_getter(getter, name, shape=None, dtype=None, initializer=None, regularizer=None, reuse=None, trainable=None, collections=None, caching_device=None, partitioner=None, validate_shape=True, use_resource=None, synchronization=None, aggregation=None):
    return getter(name, shape=shape, dtype=dtype, initializer=initializer, reuse=reuse, trainable=trainable, collections=collections)
case("getter without constraint parameter", lambda: T.get_variable("v", [2], custom_getter=no_kwargs_getter, constraint=lambda x: x))

def tensor_getter(getter, name, *args, **kwargs):
    v = getter(name, *args, **kwargs)
    return v * 2.0
case("getter returning a tensor", lambda: T.get_variable("v", [2], custom_getter=tensor_getter))

def c7():
    with T.variable_scope("s", custom_getter=getter_named("S")):
        return T.get_local_variable("lv", [2])
calls.clear(); case("get_local_variable goes through the scope getter", c7)
print("   calls:", calls)
