"""VariableScope objects made by hand, and dtype values kept as given."""
from h import *

T.reset_default_graph()
vs = T.VariableScope(False, "made", initializer=T.ones_initializer(), dtype=T.float64)
print("made:", vs.name, repr(vs.original_name_scope), vs.reuse, repr(vs.dtype), type(vs.initializer).__name__)
with T.variable_scope(vs) as s:
    print("entered:", s.name, repr(s.original_name_scope), T.get_default_graph().get_name_scope(), repr(s.dtype), s is vs)
    v = T.get_variable("v", [1])
    print("v:", v.name, v.dtype, [o.name for o in T.get_default_graph().get_operations()][:1])
vs2 = T.VariableScope(True, "made2", name_scope="ns2/")
with T.variable_scope(vs2) as s:
    print("entered2:", s.name, repr(s.original_name_scope), T.get_default_graph().get_name_scope(), s.reuse)
    tryit("get_variable in a reuse=True made scope", lambda: T.get_variable("q", [1]))
with T.variable_scope("sd", dtype="float16") as s:
    print("string dtype:", repr(s.dtype), T.get_variable("h", [1]).dtype)
    with T.variable_scope("inner") as s2:
        print("inherited string dtype:", repr(s2.dtype))
s.set_dtype("float64")
print("set_dtype('float64'):", repr(s.dtype))
tryit("VariableScope(False, 'bad', dtype='nope')", lambda: T.VariableScope(False, "bad", dtype="nope").name)
tryit("VariableScope()", lambda: T.VariableScope())
