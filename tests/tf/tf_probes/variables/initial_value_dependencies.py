"""An initial value that reads other variables: _try_guard_against_uninitialized_dependencies
copies the path with each variable replaced by its initialized_value() (a cond)."""
from h import *

def c1():
    v = T.Variable([1.0], name="v")
    return T.Variable(v.initialized_value() * 2.0, name="w")
case("Variable(v.initialized_value() * 2.0)", c1, show=False)
dump()
def c2():
    with T.variable_scope("s"):
        v = T.get_variable("v", [2], initializer=T.zeros_initializer())
        w = T.get_variable("w", initializer=v + 1.0)
        x = T.Variable(2.0 * v + v, name="x")
    print("   outputs:", [(t.name, str(t.shape), t.dtype.name) for o in T.get_default_graph().get_operations() if o.name.startswith("s/w/cond") for t in o.outputs])
    print("   initial_value:", w.initial_value.name, "| assigned:", w.initializer.inputs[1].name, x.initializer.inputs[1].name)
    return [w, x]
case("get_variable(initializer=v + 1.0) and Variable(2.0 * v + v) in a scope", c2)
for f in ("assign", "assign_add", "assign_sub"):
    def c3(f=f):
        v = T.Variable([1.0], name="v")
        return T.Variable(getattr(v, f)([2.0]), name="w")
    case("Variable(v.%s(...))" % f, c3, show=False)
def c4():
    v = T.Variable([1.0], name="v")
    z = T.zeros([1])
    return T.Variable(z + 1.0, name="nodep")
case("no variable dependency: nothing copied", c4)
