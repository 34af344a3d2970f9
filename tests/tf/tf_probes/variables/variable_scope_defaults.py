"""variable_scope(initializer=, regularizer=, custom_getter=, constraint=, caching_device=, use_resource=, dtype=) inheritance; VariableScope's attributes and set_* methods; constraint."""
from h import *

def attrs(s):
    return ("name=%r reuse=%r dtype=%r initializer=%s regularizer=%s caching_device=%r partitioner=%r custom_getter=%s use_resource=%r constraint=%s original_name_scope=%r" % (
        s.name, s.reuse, s.dtype, type(s.initializer).__name__, getattr(s.regularizer, "__name__", s.regularizer),
        s.caching_device, s.partitioner, getattr(s.custom_getter, "__name__", s.custom_getter), s.use_resource,
        getattr(s.constraint, "__name__", s.constraint), s.original_name_scope))

def reg(w): return T.reduce_sum(w, name="r")
def cons(w): return w
def getter(getter, name, *a, **k): return getter(name, *a, **k)

T.reset_default_graph()
print("root:", attrs(T.get_variable_scope()))
with T.variable_scope("a", initializer=T.ones_initializer(), regularizer=reg, caching_device="/cpu:0", custom_getter=getter, use_resource=False, constraint=cons, dtype=T.float64) as a:
    print("a:", attrs(a))
    with T.variable_scope("b") as b:
        print("b (inherits, except constraint?):", attrs(b))
        v = T.get_variable("v", [2])
        print("v:", v.name, v.dtype, "constraint:", getattr(v.constraint, "__name__", v.constraint))
    with T.variable_scope(None, default_name="d") as d:
        print("d:", attrs(d))
dump()
print("v.constraint after:", v.constraint)

T.reset_default_graph()
with T.variable_scope("c", constraint=cons):
    w = T.get_variable("w", [2])
    print("w.constraint:", getattr(w.constraint, "__name__", w.constraint))
    x = T.get_variable("x", [2], constraint=None)
    print("x.constraint (None passed):", getattr(x.constraint, "__name__", x.constraint))
print("Variable(constraint=cons).constraint:", T.Variable(1.0, constraint=cons).constraint.__name__)
tryit("get_variable(constraint=3)", lambda: T.get_variable("bad", [2], constraint=3))
tryit("Variable(constraint=3)", lambda: T.Variable(1.0, constraint=3))
dump()

print("== set_* methods")
T.reset_default_graph()
s = T.get_variable_scope()
with T.variable_scope("m") as m:
    pass
m.set_initializer(T.zeros_initializer())
m.set_regularizer(reg)
m.set_dtype(T.float16)
m.set_custom_getter(getter)
m.set_caching_device("/cpu:1")
m.set_use_resource(False)
print("after set_*:", attrs(m))
tryit("m.set_partitioner(None)", lambda: m.set_partitioner(None))
print("after set_partitioner(None):", m.partitioner)
with T.variable_scope(m):
    print("re-entered:", attrs(T.get_variable_scope()))
    y = T.get_variable("y", [2])
    print("y:", y.name, y.dtype)
dump()
print("methods:", sorted(n for n in dir(m) if not n.startswith("_")))
print("repr type:", repr(type(m)))
tryit("m.set_dtype('float32')", lambda: m.set_dtype("float32"))
print("dtype after set_dtype('float32'):", repr(m.dtype))
tryit("m.reuse = True (attribute set)", lambda: setattr(m, "reuse", True))
print("m.reuse:", m.reuse)
tryit("m.name = 'x'", lambda: setattr(m, "name", "x"))
print("get_collection:", m.get_collection("variables"), m.global_variables(), m.trainable_variables(), m.local_variables())
tryit("m.get_variable(var_store, 'z')", lambda: m.get_variable(None, "z", [1]))
tryit("variable_scope(initializer=3) then get_variable", lambda: (T.variable_scope("bi", initializer=3).__enter__(), T.get_variable("z", [2]))[1])
def badgetter(g, name, *a, **k): return g(name, *a, **k)
case("custom_getter whose first parameter is not named getter", lambda: T.get_variable("v", [2], custom_getter=badgetter))

print("== an identity regularizer inherited by a sub-scope (ops of this issue's API)")
def idreg(w): return T.identity(w, name="r")
T.reset_default_graph()
with T.variable_scope("a", regularizer=idreg):
    with T.variable_scope("b"):
        T.get_variable("v", [2])
print("losses:", [x.name for x in T.get_collection("regularization_losses")])
T.reset_default_graph()
with T.variable_scope("m") as m:
    y = T.get_variable("y", [2])
T.get_variable("mx", [2])
print("m.get_collection('variables'):", m.get_collection("variables"))
